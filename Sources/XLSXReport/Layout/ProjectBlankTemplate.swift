import CSV
import Foundation
import SelfEvaluation

/// The empty project form (项目支出绩效自评表 of 财预〔2020〕10号), for
/// `selfeval template --template project`: 项目名称, 主管部门 / 实施单位, 项目资金(万元) with
/// 年度资金总额 and its 其中 rows, 年度总体目标, the indicator table (产出: 数量, 质量, 时效, 成本;
/// 效益: 经济, 社会, 生态, 可持续影响; 满意度: 服务对象满意度 — each group 指标1:, 指标2:, ……)
/// and 总分.
///
/// Its structure (which cells are header fields, money, goals, indicators, trailer) is what the
/// project reader makes of the grid once its first indicator is named, so the blank is laid out
/// exactly like a scored project form, and a blank filled in reads back as a project form.
enum ProjectBlankTemplate {
    /// The blank grid (9 columns) and its form; every indicator row a placeholder.
    static func build() -> (rows: [[String]], form: Form) {
        let words = WorkbookWords.self
        var rows: [[String]] = []
        func add(_ cells: [Int: String], _ run: [String] = [], from start: Int = 1) {
            rows.append(BlankTemplate.row(cells, run, from: start))
        }
        add([1: Vocabulary.projectTitle])
        add([1: words.blankYear])
        add([1: words.projectName])
        add([1: words.projectDepartment, 6: words.projectUnit])
        add([1: words.projectBudgetSection], words.projectBudgetHeader, from: 4)
        for (index, name) in words.projectBudgetRows.enumerated() {
            let dash = words.blankNotApplicable
            add(index == 0 ? [2: name, 7: words.projectBudgetWeight] : [2: name, 7: dash, 9: dash])
        }
        add([1: words.blankGoalsSection, 2: words.blankGoalsExpected, 6: words.blankGoalsActual])
        add([:])
        add([1: words.blankIndicatorSection], words.projectIndicatorHeader, from: 2)
        var first: Int?
        for (label, groups) in words.projectGroups {
            for (groupIndex, group) in groups.enumerated() {
                for (index, name) in words.projectPlaceholders.enumerated() {
                    var cells: [Int: String] = [4: name]
                    if groupIndex == 0 && index == 0 { cells[2] = label }
                    if index == 0 { cells[3] = group }
                    add(cells)
                    if first == nil { first = rows.count }
                }
            }
        }
        add([1: words.blankTotal, 7: words.projectTotalWeight])

        // The structure, as the reader finds it with the header fields and the first indicator
        // named (a header field without a value is no field to it, and would print unbordered).
        var named = rows
        named[2][2] = "某项目"
        named[3][2] = "某主管部门"
        named[3][7] = "某实施单位"
        if let first {
            named[first - 1][3] = "指标"
            named[first - 1][4] = "1"
            named[first - 1][5] = "1"
            named[first - 1][6] = "1"
        }
        let document = CSVDocument(file: "", rows: rows)
        guard var form = try? TemplateReader(template: .project).read(CSVDocument(file: "", rows: named)).form else {
            // Unreachable while the reader reads its own blank (ProjectBlankTemplateTests); a bare form otherwise.
            return (rows, Form(source: "", template: .project, document: document))
        }
        form.document = document
        let blank = { (cell: Located<String>) in Located(LabelText.trim(document[cell.cell.row, cell.cell.column]), at: cell.cell) }
        for index in form.headerFields.indices { form.headerFields[index].value = blank(form.headerFields[index].value) }
        form.unit = form.unit.map(blank)
        for index in form.indicators.indices {
            var indicator = form.indicators[index]
            indicator.name = blank(indicator.name)
            indicator.target = blank(indicator.target)
            indicator.actual = blank(indicator.actual)
            indicator.weight = blank(indicator.weight)
            indicator.isPlaceholder = true
            form.indicators[index] = indicator
        }
        return (rows, form)
    }
}
