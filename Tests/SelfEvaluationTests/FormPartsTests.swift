import CSV
import Foundation
import SelfEvaluation
import TestSupport
import Testing

/// The parts the reader records for the printed form (seal, year line, money table's section
/// label, goals labels, trailer rows printed in the table) and the table's bounds derived from
/// them: the layout takes these from the `Form` and never looks at the grid again.
struct FormPartsTests {
    static func read(_ name: String) throws -> Form {
        let document = try CSVReader().read(contentsOf: FixturePaths.fixture(name))
        return try TemplateReader().read(document).form
    }

    static func read(rows: [[String]]) throws -> Form {
        try TemplateReader().read(CSVDocument(file: "grid.csv", rows: rows)).form
    }

    @Test func referenceForm() throws {
        let form = try Self.read("qiannan-guangzhou-2023.csv")
        #expect(form.sealCell == CellAddress(row: 3, column: 1))
        #expect(form.yearLine == nil)
        #expect(form.yearRow == form.year?.cell.row)
        #expect(form.budget?.sectionLabel?.column == 1)
        #expect(form.budget?.sectionLabel?.row == form.budget?.headerRow)
        let goals = try #require(form.goalsLabels)
        #expect(goals.expected == 2)
        #expect(goals.actual == 5)
        #expect(goals.sectionLabel == CellAddress(row: goals.row, column: 1))
        #expect(form.goalsTextRow == goals.row + 1)
        #expect(form.trailerTable == nil)
        #expect(form.tableLastColumn == 9)
        #expect(form.firstSectionRow == form.budget?.headerRow)
        #expect(form.tableLastRow == form.conclusion?.cell.row)
    }

    @Test func projectFormTrailerRows() throws {
        let form = try Self.read("project/national.csv")
        #expect(form.sealCell == nil)
        #expect(form.budget?.sectionLabel == CellAddress(row: 5, column: 1))
        #expect(form.goalsLabels == GoalsLabels(row: 10, expected: 2, actual: 6, sectionLabel: CellAddress(row: 10, column: 1)))
        #expect(form.goalsTextRow == 11)
        let trailer = try #require(form.trailerTable)
        #expect(trailer.rows == 25...28)
        #expect(trailer.labelCells == [CellAddress(row: 25, column: 1), CellAddress(row: 26, column: 1),
                                       CellAddress(row: 27, column: 1), CellAddress(row: 28, column: 1),
                                       CellAddress(row: 28, column: 6)])
        #expect(form.tableLastRow == 28)
        #expect(form.total?.label.row == 24)
        // The header fields above the money table open the table.
        #expect(form.tableFirstRow == 3)
        #expect(form.firstSectionRow == 5)
    }

    // MARK: Small grids at the edges

    static let header = ["绩效指标", "一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "未完成原因分析"]
    static let indicator = ["", "产出指标", "数量指标", "培训人数", "100人", "100人", "90", "", ""]

    /// A form (department, or project with `title`): `above` between the title and the indicator
    /// header, `below` after 总分.
    static func grid(title: String = "部门整体支出绩效目标自评表", above: [[String]], below: [[String]] = []) -> [[String]] {
        [[title]] + above + [header, indicator, ["总分", "", "", "", "", "", "100", "", ""]] + below
    }

    /// The year line when no year is written: one text alone with 年度 and no colon, the first such row.
    @Test(arguments: [
        (above: [["(    年度)"]], expected: 2 as Int?),
        (above: [["单位(盖章):", "", "", "", "", "填报日期:"], ["(    年度)"]], expected: 3),
        (above: [["年度:2023"]], expected: nil),
        (above: [["年度:"]], expected: 2),  // the trailing colon is not part of the label
        (above: [["(    年度)", "备注"]], expected: nil),
        (above: [["", "", "年度 目标"], ["(    年度)"]], expected: 2),
        (above: [["单位(盖章):"]], expected: nil),
    ] as [(above: [[String]], expected: Int?)])
    func yearLine(above: [[String]], expected: Int?) throws {
        let form = try Self.read(rows: Self.grid(above: above))
        #expect(form.year == nil)
        #expect(form.yearLine == expected)
        #expect(form.yearRow == expected)
    }

    /// A year read from a cell is the year line; no fallback is looked for.
    @Test func yearReadIsTheYearLine() throws {
        let form = try Self.read(rows: Self.grid(above: [["(    年度)"], ["(2023年度)"]]))
        #expect(form.year?.value == 2023)
        #expect(form.yearLine == nil)
        #expect(form.yearRow == 3)
    }

    /// The seal: the first cell starting with 单位(盖章), full- or half-width; other seals
    /// (实施单位(盖章), which the project table prints as a field) are not the line above the table.
    @Test(arguments: [
        (above: [["单位(盖章):某局"]], expected: CellAddress(row: 2, column: 1) as CellAddress?),
        (above: [["单位（盖章）：某局"]], expected: CellAddress(row: 2, column: 1)),
        (above: [["", "", "单位(盖章)"], ["单位(盖章):某局"]], expected: CellAddress(row: 2, column: 3)),
        (above: [["实施单位(盖章)", "某局"]], expected: nil),
        (above: [["单位名称:某局"]], expected: nil),
    ] as [(above: [[String]], expected: CellAddress?)])
    func seal(above: [[String]], expected: CellAddress?) throws {
        let form = try Self.read(rows: Self.grid(above: above))
        #expect(form.sealCell == expected)
    }

    /// Trailer rows right after the table (总分, row 4), one after another; a blank row or a row
    /// not opening with a trailer label ends them; label cells are those holding a label alone.
    @Test(arguments: [
        (below: [["评价结论", "好"], ["存在问题", "无"]], rows: 5...6 as ClosedRange<Int>?, labels: 2),
        (below: [["评价结论", "好"], [], ["存在问题", "无"]], rows: 5...5, labels: 1),
        (below: [["联系人:", "张三"], ["评价结论", "好"]], rows: nil, labels: 0),
        (below: [["项目负责人", "", "王", "", "", "财务负责人", "", "李"]], rows: 5...5, labels: 2),
        (below: [["评价结论:项目按期完成"]], rows: 5...5, labels: 0),
        (below: [["", "存在问题", "无"]], rows: 5...5, labels: 1),
        (below: [["存在问题及改进措施", "无"], ["改进措施", "无"]], rows: 5...6, labels: 1),
    ] as [(below: [[String]], rows: ClosedRange<Int>?, labels: Int)])
    func trailerRows(below: [[String]], rows: ClosedRange<Int>?, labels: Int) throws {
        var form = try Self.read(rows: Self.grid(title: "项目支出绩效自评表", above: [], below: below))
        #expect(form.template == .project)
        #expect(form.trailerTable?.rows == rows)
        #expect(form.trailerTable?.labelCells.count ?? 0 == labels)
        #expect(form.tableLastRow == rows?.upperBound ?? 4)
        // Without trailer rows the table ends at 总分.
        form.trailerTable = nil
        #expect(form.tableLastRow == 4)
    }

    /// Every fixture: each recorded part points at a cell holding what it names, and the
    /// trailer rows follow the table's sections.
    @Test(arguments: FixtureForms.all)
    func partsPointAtTheirLabels(_ name: String) throws {
        // Forms that need a --layout file, and pages that are no form, are tested elsewhere.
        guard let form = try? Self.read(name) else { return }
        let document = form.document
        func label(_ cell: CellAddress) -> String { LabelText.normalize(document[cell.row, cell.column]) }
        if let seal = form.sealCell {
            #expect(label(seal).hasPrefix(LabelText.normalize(Vocabulary.unitSealLabel)))
            #expect(seal.row < form.indicatorHeader?.headerRows.lowerBound ?? Int.max)
        }
        if let section = form.budget?.sectionLabel, let budget = form.budget {
            #expect(!document[section.row, section.column].isEmpty)
            #expect(section.column < budget.columns.name)
        }
        if let goals = form.goalsLabels {
            #expect(!label(CellAddress(row: goals.row, column: goals.expected)).isEmpty)
            if let actual = goals.actual { #expect(actual != goals.expected) }
            if let section = goals.sectionLabel { #expect(section.column < goals.expected && section.row == goals.row) }
        }
        if let trailer = form.trailerTable {
            for cell in trailer.labelCells {
                #expect(trailer.rows.contains(cell.row))
                #expect(Vocabulary.trailerLabels.map(LabelText.normalize).contains(label(cell)))
            }
            #expect(form.tableLastRow == trailer.rows.upperBound)
        }
        if let first = form.tableFirstRow, let last = form.tableLastRow { #expect(first <= last) }
    }
}

extension FormPartsTests {
    /// Most fixtures read without a --layout file: the test above checks real forms.
    @Test func mostFixturesRead() {
        let read = FixtureForms.all.filter { (try? Self.read($0)) != nil }
        #expect(read.count >= FixtureForms.all.count - 10)
        #expect(read.count >= 40)
    }
}

/// The fixtures that read as forms, for tests over all of them.
enum FixtureForms {
    static let all: [String] = {
        let root = URL(fileURLWithPath: FixturePaths.fixture(""))
        var names = ["qiannan-guangzhou-2023.csv"]
        for folder in ["project", "real", "variants", "layouts", "phrasing"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            names += files.filter { $0.hasSuffix(".csv") }.sorted().map { "\(folder)/\($0)" }
        }
        return names
    }()
}
