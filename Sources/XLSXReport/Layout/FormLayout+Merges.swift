import Foundation
import SelfEvaluation

/// The merged ranges of the printed form, derived from the form's cells, never from fixed rows.
extension FormLayout {
    // MARK: Merges

    /// Adds a merge of 1-based rows `r1...r2` × columns `c1...c2` when it has at least two cells,
    /// lies in the grid, overlaps no accepted merge and covers only empty cells besides its first.
    private mutating func merge(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) {
        guard r1 >= 1, c1 >= 1, r2 >= r1, c2 >= c1, r1 != r2 || c1 != c2 else { return }
        guard r2 <= rows.count, c2 <= columnCount else { return }
        for row in r1...r2 {
            for column in c1...c2 {
                if owner[SheetCell(row: row - 1, column: column - 1)] != nil { return }
                if (row != r1 || column != c1) && !isEmpty(row, column) { return }
            }
        }
        let range = CellRange(firstRow: r1 - 1, firstColumn: c1 - 1, lastRow: r2 - 1, lastColumn: c2 - 1)
        merges.append(range)
        for row in r1...r2 {
            for column in c1...c2 { owner[SheetCell(row: row - 1, column: column - 1)] = merges.count - 1 }
        }
    }

    /// Each anchor of the row (non-empty cells plus `anchors`) spans right to the next anchor,
    /// the last one to the table's edge.
    private mutating func fillRight(row: Int, anchors: Set<Int> = [], through last: Int) {
        guard row >= 1, row <= rows.count else { return }
        var columns = anchors.filter { $0 >= 1 && $0 <= last }
        for column in 1...max(last, 1) where !isEmpty(row, column) { columns.insert(column) }
        let sorted = columns.sorted()
        for (index, column) in sorted.enumerated() {
            let end = index + 1 < sorted.count ? sorted[index + 1] - 1 : last
            merge(row, column, row, end)
        }
    }

    mutating func deriveMerges(_ form: Form) {
        let last = form.tableLastColumn
        // Lines above the table (title, year, 单位(盖章) | 填报日期) and the header fields.
        let firstSection = form.firstSectionRow ?? (rows.count + 1)
        var fieldAnchors: [Int: Set<Int>] = [:]
        for field in form.headerFields where field.label.cell.row < firstSection {
            fieldAnchors[field.label.cell.row, default: []].formUnion([field.label.cell.column, field.value.cell.column])
        }
        if let filled = form.filledOn?.cell, filled.row < firstSection { fieldAnchors[filled.row, default: []].insert(filled.column) }
        for row in 1..<max(firstSection, 1) { fillRight(row: row, anchors: fieldAnchors[row] ?? [], through: last) }

        // The money table: its section label over its rows, left of the 资金来源 column.
        if let budget = form.budget, let label = budget.sectionLabel, let lastRow = budget.rows.last?.name.cell.row {
            merge(label.row, label.column, max(lastRow, label.row), budget.columns.name - 1)
        }
        // Its name column over the empty columns up to the first money column (B:C, C:D on
        // project forms; a single column on the department form).
        if let budget = form.budget {
            let c = budget.columns
            let numbers = [c.initial, c.adjusted, c.executed, c.weight, c.rate, c.score].compactMap { $0 }
            if let firstNumber = numbers.filter({ $0 > c.name }).min() {
                merge(budget.headerRow, c.name, budget.headerRow, firstNumber - 1)
                for row in budget.rows where row.name.cell.column < firstNumber {
                    merge(row.name.cell.row, row.name.cell.column, row.name.cell.row, firstNumber - 1)
                }
            }
        }

        // 年度总体目标: the section label down both rows, 预期目标 | 实际完成情况 and their texts.
        if let goals = form.goalsLabels {
            let labelRow = goals.row, expected = goals.expected
            let textRow = form.goalsTextRow ?? labelRow
            let expectedEnd = (goals.actual ?? (last + 1)) - 1
            if let section = goals.sectionLabel { merge(section.row, section.column, textRow, expected - 1) }
            merge(labelRow, expected, labelRow, expectedEnd)
            if let actual = goals.actual { merge(labelRow, actual, labelRow, last) }
            if textRow > labelRow {
                let goalsColumn = form.goals?.cell.column ?? expected
                merge(textRow, goalsColumn, textRow, expectedEnd)
                if let actual = goals.actual {
                    merge(textRow, form.achievements?.cell.column ?? actual, textRow, last)
                }
            }
        }

        // A two-row header: 年度指标值 across its sub-columns, 绩效指标 across the level columns
        // when it heads them, and the upper row's labels with nothing below them down both rows.
        if let header = form.indicatorHeader, header.headerRows.count > 1 {
            let top = header.headerRows.lowerBound
            let bottom = header.headerRows.upperBound
            if let group = header.targetGroup,
               let end = ([header.nature, header.target, header.unit].compactMap { $0 } + [group.column]).max() {
                merge(group.row, group.column, group.row, end)
            }
            if let section = header.sectionLabel, section.column >= header.level1, section.row < bottom {
                let next = stride(from: section.column + 1, through: last, by: 1).first { !isEmpty(section.row, $0) }
                merge(section.row, section.column, section.row, (next ?? (last + 1)) - 1)
            }
            for column in 1...max(last, 1) where !isEmpty(top, column) && isEmpty(bottom, column) {
                merge(top, column, bottom, column)
            }
        }

        // 绩效指标: the section label down the table; level-1 and level-2 groups down their rows.
        if let header = form.indicatorHeader, let lastRow = form.indicators.map(\.row).max() {
            if let section = header.sectionLabel, section.column < header.level1 {
                merge(section.row, section.column, lastRow, header.level1 - 1)
            }
            for (key, end) in Self.groups(form.indicators, column: header.level1, cell: { $0.level1 }) {
                merge(key.row, key.column, end, key.column)
            }
            for (key, end) in Self.groups(form.indicators, column: header.level2, cell: { $0.level2 }) {
                merge(key.row, key.column, end, key.column)
            }
        }

        // 总分 over the columns left of its numbers; 自评结论's value to the edge.
        if let total = form.total {
            let numbers = [total.weight?.cell.column, total.score?.cell.column].compactMap { $0 }.filter { $0 > total.label.column }
            merge(total.label.row, total.label.column, total.label.row, (numbers.min() ?? (last + 1)) - 1)
        }
        if let value = form.conclusion?.cell { merge(value.row, value.column, value.row, last) }

        // Trailer rows inside the table: each label and value to the next one, the last to the
        // edge; a label with no value of its own leaves the value's place merged after it.
        if let trailer = form.trailerTable {
            for row in trailer.rows {
                let labels = Set(trailer.labelCells.filter { $0.row == row }.map(\.column))
                var anchors = Set<Int>()
                for label in labels {
                    let next = stride(from: label + 1, through: last, by: 1).first { !isEmpty(row, $0) }
                    if next.map({ labels.contains($0) }) ?? true { anchors.insert(label + 1) }
                }
                fillRight(row: row, anchors: anchors, through: last)
            }
        }

        // Lines below the table (联系人 | 联系电话, 注 …).
        if let end = form.tableLastRow, end < rows.count {
            for row in (end + 1)...rows.count { fillRight(row: row, through: last) }
        }
    }

    /// Groups of consecutive indicators sharing a level label written in `column`: the label's
    /// cell and the last row of its group.
    private static func groups(
        _ indicators: [Indicator], column: Int, cell: (Indicator) -> Located<String>
    ) -> [(CellAddress, Int)] {
        var result: [(CellAddress, Int)] = []
        for indicator in indicators {
            let label = cell(indicator)
            guard !label.value.isEmpty, label.cell.column == column, label.cell.row <= indicator.row else { continue }
            if let lastIndex = result.indices.last, result[lastIndex].0 == label.cell {
                result[lastIndex].1 = max(result[lastIndex].1, indicator.row)
            } else {
                result.append((label.cell, indicator.row))
            }
        }
        return result
    }
}
