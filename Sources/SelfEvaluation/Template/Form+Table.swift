import Foundation

/// 年度总体目标's label row: 预期目标 | 实际完成情况, and the section label left of them.
public struct GoalsLabels: Sendable, Equatable {
    /// The row holding 预期目标.
    public var row: Int
    /// The 预期目标 column.
    public var expected: Int
    /// The 实际完成情况 column, if printed.
    public var actual: Int?
    /// The first text left of 预期目标 on the row (年度总体目标), if any.
    public var sectionLabel: CellAddress?

    public init(row: Int, expected: Int, actual: Int?, sectionLabel: CellAddress?) {
        self.row = row
        self.expected = expected
        self.actual = actual
        self.sectionLabel = sectionLabel
    }
}

/// Rows right after the table that are printed as part of it: each starts with one of
/// `Vocabulary.trailerLabels` (评价结论, 存在问题, 改进措施, 项目负责人, 财务负责人).
public struct TrailerTable: Sendable, Equatable {
    /// The rows, consecutive.
    public var rows: ClosedRange<Int>
    /// The cells holding just a label (the other non-empty cells of the rows are their values).
    public var labelCells: Set<CellAddress>
}

/// The table's bounds, from the parts' cells (1-based, like the form).
extension Form {
    /// The table's last column: the rightmost column of the indicator and money tables
    /// (`ScoredGrid.minimumWidth` without either).
    public var tableLastColumn: Int {
        var columns: [Int] = []
        if let h = indicatorHeader {
            columns += [h.level1, h.level2, h.name, h.target, h.actual, h.weight, h.score]
            columns += [h.reason, h.nature, h.unit].compactMap { $0 }
        }
        if let b = budget?.columns {
            columns += [b.name] + [b.initial, b.adjusted, b.executed, b.weight, b.rate, b.score].compactMap { $0 }
        }
        return columns.max() ?? ScoredGrid.minimumWidth
    }

    /// The year line's row: the year's cell, else ``yearLine``.
    public var yearRow: Int? { year?.cell.row ?? yearLine }

    /// The first row of a section (money table, goals, indicators): rows above it are the preamble.
    public var firstSectionRow: Int? {
        [budget?.headerRow, goalsLabels?.row, indicatorHeader?.headerRows.lowerBound].compactMap { $0 }.min()
    }

    /// The table's first row: a header field's row above the first section, or that section's.
    public var tableFirstRow: Int? {
        let first = firstSectionRow
        return (headerFields.map(\.label.cell.row).filter { $0 < first ?? .max } + [first].compactMap { $0 }).min()
    }

    /// The table's last row: the last trailer row printed in it, else ``sectionsLastRow``.
    public var tableLastRow: Int? { trailerTable?.rows.upperBound ?? sectionsLastRow }

    /// The last row of the sections: 自评结论, 总分, the last indicator or the indicator header.
    var sectionsLastRow: Int? {
        let ends: [Int?] = [
            conclusion?.cell.row, conclusionLabel?.cell.row, total?.label.row,
            indicators.map(\.row).max(), indicatorHeader?.headerRows.upperBound,
        ]
        return ends.compactMap { $0 }.max()
    }

    /// The goals' text row: the first row below the label row holding 预期目标's or 实际完成情况's
    /// text, else the row right below the labels when it is above the indicator table.
    public var goalsTextRow: Int? {
        guard let labelRow = goalsLabels?.row else { return nil }
        let written = [goals?.cell.row, achievements?.cell.row].compactMap { $0 }.filter { $0 > labelRow }
        if let row = written.min() { return row }
        let indicatorRow = indicatorHeader?.headerRows.lowerBound ?? (document.rows.count + 1)
        return labelRow + 1 < indicatorRow ? labelRow + 1 : nil
    }
}
