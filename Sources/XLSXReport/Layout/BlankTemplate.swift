import CSV
import Foundation
import SelfEvaluation

/// The empty official form (部门整体支出绩效目标自评表), for `selfeval template`: labels only, the
/// money table with its four rows, 年度总体目标, 16 indicator rows grouped like the reference
/// form (产出 8 rows: 数量, 质量, 时效, 成本; 效益 5: 经济, 社会, 生态, 可持续影响; 满意度 3),
/// 总分, 自评结论, 联系人/联系电话 and the notes of the 2020 rules (tiers 100–80%, 80–60%, 60–0%).
///
/// ``rows`` is the grid for a CSV; ``write(to:options:)`` writes it as a workbook laid out like
/// a scored form (same merges, fonts, borders and print setup). Read back with the project's
/// `TemplateReader`, the blank CSV fails with `no-indicators`: its indicator rows have no
/// names yet, which is what a blank form is. Fill in at least one indicator and it reads.
public enum BlankTemplate {
    /// The blank grid of either form (`rows[0]` is row 1): the department form, 9 columns (A..I),
    /// or the project form (``ProjectBlankTemplate``).
    public static func rows(_ kind: TemplateKind) -> [[String]] { build(kind).rows }

    /// The blank of either form as a `Form` (every part located), which the layout lays out.
    public static func form(_ kind: TemplateKind) -> Form { build(kind).form }

    private static func build(_ kind: TemplateKind) -> (rows: [[String]], form: Form) {
        switch kind {
        case .department: build()
        case .project: ProjectBlankTemplate.build()
        }
    }

    /// Writes the blank form (`kind`: 部门整体 or 项目支出) to `path` as XLSX: one sheet 自评表.
    ///
    /// - Throws: ``XLSXError`` naming the operation and place that failed.
    public static func write(to path: String, kind: TemplateKind = .department,
                             options: FormWorkbookOptions = FormWorkbookOptions()) throws(XLSXError) {
        let (rows, form) = build(kind)
        try XLSXError.typed("BlankTemplate.write") {
            let workbook = try Workbook(path: path, options: options)
            try FormWorkbook(options: options).setProperties(of: workbook, form: form)
            let sheet = try workbook.addWorksheet(name: WorkbookWords.formSheet)
            try FormSheetWriter(layout: FormLayout(form: form, rows: rows)).write(to: sheet)
            try workbook.close()
        }
    }

    // MARK: Building

    /// A row of a blank, ``ScoredGrid/minimumWidth`` wide: `cells` by 1-based column, and the texts
    /// of `run` in the columns from `start` on.
    static func row(_ cells: [Int: String], _ run: [String] = [], from start: Int = 1) -> [String] {
        let width = ScoredGrid.minimumWidth
        var row = Array(repeating: "", count: width)
        for (column, text) in cells where column >= 1 && column <= width { row[column - 1] = text }
        for (offset, text) in run.enumerated() where start + offset <= width { row[start + offset - 1] = text }
        return row
    }

    private static func build() -> (rows: [[String]], form: Form) {
        let words = WorkbookWords.self
        var rows: [[String]] = []
        func add(_ cells: [Int: String], _ run: [String] = [], from start: Int = 1) -> Int {
            rows.append(row(cells, run, from: start))
            return rows.count
        }
        func at(_ row: Int, _ column: Int, _ text: String = "") -> Located<String> {
            Located(text, at: CellAddress(row: row, column: column))
        }

        let titleRow = add([1: Vocabulary.departmentTitle])
        let yearRow = add([1: words.blankYear])
        let sealRow = add([1: words.blankUnitSeal, 6: words.blankFilledOn])
        let nameRow = add([1: words.blankUnitName])
        // Money table: label A:B, 资金来源 in C, amounts D..F, 分值 G, 执行率 H, 得分 I.
        let budgetHeader = add([1: words.blankBudgetSection], words.blankBudgetHeader, from: 3)
        var budgetRows: [BudgetRow] = []
        for (index, name) in words.blankBudgetRows.enumerated() {
            let isTotal = index == 0
            let dash = words.blankNotApplicable
            let row = add(isTotal ? [3: name] : [3: name, 7: dash, 8: dash, 9: dash])
            var budgetRow = BudgetRow(name: at(row, 3, name), isTotal: isTotal)
            budgetRow.initial = at(row, 4)
            budgetRow.adjusted = at(row, 5)
            budgetRow.executed = at(row, 6)
            budgetRow.weight = at(row, 7, isTotal ? "" : dash)
            budgetRow.rate = at(row, 8, isTotal ? "" : dash)
            budgetRow.score = at(row, 9, isTotal ? "" : dash)
            budgetRows.append(budgetRow)
        }
        let goalsLabelRow = add([1: words.blankGoalsSection, 2: words.blankGoalsExpected, 5: words.blankGoalsActual])
        let goalsTextRow = add([:])
        let indicatorHeaderRow = add([1: words.blankIndicatorSection], words.blankIndicatorHeader, from: 2)
        var indicators: [Indicator] = []
        for (label, groups) in words.blankGroups {
            let level1Row = rows.count + 1
            for (groupIndex, group) in groups.enumerated() {
                let level2Row = rows.count + 1
                for index in 0..<group.rows {
                    var cells: [Int: String] = [:]
                    if groupIndex == 0 && index == 0 { cells[2] = label }
                    if index == 0 { cells[3] = group.name }
                    let row = add(cells)
                    indicators.append(Indicator(
                        row: row, level1: at(level1Row, 2, label), level1Label: label, level1Points: nil,
                        level2: at(level2Row, 3, group.name), name: at(row, 4), target: at(row, 5), actual: at(row, 6),
                        weight: at(row, 7), score: at(row, 8), reason: at(row, 9), isPlaceholder: true))
                }
            }
        }
        let totalRow = add([1: words.blankTotal])
        let conclusionRow = add([1: words.blankConclusion])
        let contactRow = add([1: words.blankContact, 5: words.blankPhone])
        var notes: [Located<String>] = []
        for note in words.blankNotes { notes.append(at(add([1: note]), 1, note)) }

        var form = Form(source: "", template: .department, document: CSVDocument(file: "", rows: rows))
        form.title = at(titleRow, 1, Vocabulary.departmentTitle)
        form.unit = at(sealRow, 1, "")
        form.sealCell = CellAddress(row: sealRow, column: 1)
        form.yearLine = yearRow
        form.filledOn = at(sealRow, 6, "")
        form.headerFields = [HeaderField(label: at(nameRow, 1, words.blankUnitName), value: at(nameRow, 3))]
        form.budget = BudgetTable(
            headerRow: budgetHeader,
            columns: BudgetColumns(name: 3, initial: 4, adjusted: 5, executed: 6, weight: 7, rate: 8, score: 9),
            rows: budgetRows)
        form.budget?.sectionLabel = CellAddress(row: budgetHeader, column: 1)
        form.goalsLabels = GoalsLabels(row: goalsLabelRow, expected: 2, actual: 5,
                                       sectionLabel: CellAddress(row: goalsLabelRow, column: 1))
        form.goals = at(goalsTextRow, 2)
        form.achievements = at(goalsTextRow, 5)
        form.indicatorHeader = IndicatorColumns(
            headerRow: indicatorHeaderRow, sectionLabel: CellAddress(row: indicatorHeaderRow, column: 1), level1: 2,
            level2: 3, name: 4, target: 5, actual: 6, weight: 7, score: 8, reason: 9)
        form.indicators = indicators
        form.total = TotalRow(label: CellAddress(row: totalRow, column: 1), weight: at(totalRow, 7), score: at(totalRow, 8))
        form.conclusionLabel = at(conclusionRow, 1, words.blankConclusion)
        form.conclusion = at(conclusionRow, 2)
        form.trailer = [at(contactRow, 1, words.blankContact), at(contactRow, 5, words.blankPhone)] + notes
        form.notes = notes
        return (rows, form)
    }
}
