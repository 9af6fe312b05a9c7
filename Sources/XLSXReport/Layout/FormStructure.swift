import Foundation
import SelfEvaluation

/// The parts of a form the layout needs that `Form` does not name directly (section labels,
/// the goals rows), found from its cells and the grid. 1-based, like the form.
struct FormStructure {
    /// The table's last column (1-based): the rightmost column of the indicator and money tables.
    var tableLast: Int
    var tableFirstRow: Int?
    var tableLastRow: Int?
    /// The first row of a section (money table, goals, indicators): rows above it are filled right.
    var firstSectionRow: Int?
    var sealCell: CellAddress?
    /// The "(2023年度)" line: the form's year cell, else a line above the table holding 年度.
    var yearRow: Int?
    var budgetSectionLabel: CellAddress?
    var goalsLabelRow: Int?
    var goalsTextRow: Int?
    var goalsSectionLabel: CellAddress?
    var goalsExpectedColumn: Int?
    var goalsActualColumn: Int?
    /// Rows printed as part of the table after it (a project form's 评价结论, 存在问题, 改进措施,
    /// 项目负责人 | 财务负责人): each starts with one of `Vocabulary.trailerLabels`.
    var trailerTableRows: ClosedRange<Int>?
    /// The label cells of those rows (the other non-empty cells are their values).
    var trailerLabelCells: Set<CellAddress> = []

    init(form: Form, rows: [[String]]) {
        func text(_ row: Int, _ column: Int) -> String {
            guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return "" }
            return rows[row - 1][column - 1]
        }
        func normalized(_ row: Int, _ column: Int) -> String { LabelText.normalize(text(row, column)) }
        func width(_ row: Int) -> Int { row >= 1 && row <= rows.count ? rows[row - 1].count : 0 }

        var columns: [Int] = []
        if let h = form.indicatorHeader {
            columns += [h.level1, h.level2, h.name, h.target, h.actual, h.weight, h.score]
            columns += [h.reason, h.nature, h.unit].compactMap { $0 }
        }
        if let b = form.budget?.columns {
            columns += [b.name] + [b.initial, b.adjusted, b.executed, b.weight, b.rate, b.score].compactMap { $0 }
        }
        tableLast = columns.max() ?? ScoredGrid.minimumWidth

        let indicatorRow = form.indicatorHeader?.headerRows.lowerBound ?? (rows.count + 1)
        yearRow = form.year?.cell.row
        if yearRow == nil {
            let firstRow = (form.title?.cell.row ?? 0) + 1
            for row in firstRow..<max(indicatorRow, firstRow) where yearRow == nil {
                let texts = (1...max(width(row), 1)).map { normalized(row, $0) }.filter { !$0.isEmpty }
                if texts.count == 1, texts[0].contains(Vocabulary.yearSuffix), !texts[0].contains(":") { yearRow = row }
            }
        }
        // 单位(盖章)
        for row in 1..<max(indicatorRow, 1) where sealCell == nil {
            for column in 1...max(width(row), 1)
            where normalized(row, column).hasPrefix(LabelText.normalize(Vocabulary.unitSealLabel)) {
                sealCell = CellAddress(row: row, column: column)
                break
            }
        }
        // The money table's section label: left of 资金来源, on its rows.
        if let budget = form.budget, budget.columns.name > 1 {
            let lastRow = budget.rows.last?.name.cell.row ?? budget.headerRow
            search: for row in budget.headerRow...max(lastRow, budget.headerRow) {
                for column in 1..<budget.columns.name where !text(row, column).isEmpty {
                    budgetSectionLabel = CellAddress(row: row, column: column)
                    break search
                }
            }
        }
        // 年度总体目标: the row holding 预期目标, the text row below.
        for row in 1..<max(indicatorRow, 1) where goalsLabelRow == nil {
            for column in 1...max(width(row), 1) where normalized(row, column) == Vocabulary.goalsExpectedLabel {
                goalsLabelRow = row
                goalsExpectedColumn = column
            }
        }
        if let labelRow = goalsLabelRow, let expected = goalsExpectedColumn {
            for column in 1...max(width(labelRow), 1) where normalized(labelRow, column) == Vocabulary.goalsActualLabel {
                goalsActualColumn = column
            }
            for column in 1..<expected where !text(labelRow, column).isEmpty {
                goalsSectionLabel = CellAddress(row: labelRow, column: column)
                break
            }
            let written = [form.goals?.cell.row, form.achievements?.cell.row].compactMap { $0 }.filter { $0 > labelRow }
            if let row = written.min() {
                goalsTextRow = row
            } else if labelRow + 1 < indicatorRow {
                goalsTextRow = labelRow + 1
            }
        }

        let sections = [form.budget?.headerRow, goalsLabelRow, form.indicatorHeader?.headerRows.lowerBound].compactMap { $0 }
        firstSectionRow = sections.min()
        let fieldRows = form.headerFields.map(\.label.cell.row).filter { $0 < (firstSectionRow ?? Int.max) }
        tableFirstRow = (fieldRows + sections).min()
        let ends: [Int?] = [
            form.conclusion?.cell.row, form.conclusionLabel?.cell.row, form.total?.label.row,
            form.indicators.map(\.row).max(), form.indicatorHeader?.headerRows.upperBound,
        ]
        tableLastRow = ends.compactMap { $0 }.max()

        // Trailer rows printed inside the table: consecutive rows right after it, each starting
        // with a trailer label.
        // A row belongs when its first cell starts with a label (as the reader decides); label
        // cells are those holding just a label ("评价结论：项目…" in one cell is a value).
        let trailerLabels = Vocabulary.trailerLabels.map(LabelText.normalize)
        func startsWithLabel(_ row: Int, _ column: Int) -> Bool {
            let label = normalized(row, column)
            return !label.isEmpty && trailerLabels.contains { label.hasPrefix($0) }
        }
        if let end = tableLastRow {
            var row = end + 1
            while row <= rows.count,
                  let first = (1...max(width(row), 1)).first(where: { !text(row, $0).isEmpty }),
                  startsWithLabel(row, first) {
                for column in first...max(width(row), first) where trailerLabels.contains(normalized(row, column)) {
                    trailerLabelCells.insert(CellAddress(row: row, column: column))
                }
                row += 1
            }
            if row > end + 1 {
                trailerTableRows = (end + 1)...(row - 1)
                tableLastRow = row - 1
            }
        }
    }
}
