import CSV
import Foundation
@testable import SelfEvaluation
import TestSupport
import Testing

/// The three real exports and every reader variant read into the same form.
struct TemplateReaderTests {
    static func read(_ name: String, encoding: EncodingChoice = .auto) throws -> (Form, [Diagnostic]) {
        let doc = try CSVReader(encoding: encoding).read(contentsOf: FixturePaths.fixture(name))
        return try TemplateReader().read(doc)
    }

    static let exports = ["qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023.gbk.csv",
                          "qiannan-guangzhou-2023.unscored.csv"]
    static let variants = ["variants/lf.csv", "variants/cr.csv", "variants/no-bom.csv", "variants/trimmed-columns.csv",
                           "variants/extra-column.csv", "variants/blank-rows.csv", "variants/tab-separated.tsv",
                           "variants/multiline-goals.csv", "variants/full-width-labels.csv", "variants/gb18030-lf.csv",
                           "variants/wps-repeated-labels.csv"]

    /// The facts every copy of the reference form must yield.
    static func expectReferenceForm(_ form: Form) {
        #expect(form.template == .department)
        #expect(form.title?.value == "部门整体支出绩效目标自评表")
        #expect(form.unit?.value == "黔南州人民政府驻广州办事处")
        #expect(form.year?.value == 2023)
        #expect(form.filledOnDate == CalendarDate(year: 2024, month: 2, day: 18))
        let scored = form.scoredIndicators
        #expect(scored.count == 16)
        #expect(Set(scored.map(\.level1.value)) == ["产出指标", "效益指标", "满意度指标"])
        #expect(Set(scored.map(\.level2.value)).count == 7)
        #expect(scored.first?.level1Label == "产出指标(60分)")
        #expect(scored.first?.level1Points == 60)
        let total = form.budget?.totalRow
        #expect(total?.initial?.value == "702.71")
        #expect(total?.adjusted?.value == "734.78")
        #expect(total?.executed?.value == "734.78")
        #expect(total?.weight?.value == "10")
        #expect(form.budget?.partRows.map(\.name.value) == ["基本支出", "项目支出", "其他资金"])
        #expect(form.goals?.value.hasPrefix("1.做好黔南州") == true)
        #expect(form.achievements?.value.hasPrefix("2022年") == true)
        #expect(form.total?.weight?.value == "100")
        #expect(form.conclusion?.cell.column == 2)  // B; the cell is empty in the unscored export
        #expect(form.notes.count == 4)
        #expect(form.unrecognisedCells.isEmpty)
        // Carried down from the merged cells: the second 数量 row and the 成本 rows.
        #expect(scored[1].level2.value == "数量")
        #expect(scored[10].level2.value == "成本")
        #expect(scored[10].name.value == "1.人员类项目支出")
        #expect(scored[13].level1.value == "效益指标")
    }

    @Test(arguments: exports)
    func readsTheRealExports(_ name: String) throws {
        let (form, diagnostics) = try Self.read(name)
        Self.expectReferenceForm(form)
        #expect(diagnostics.isEmpty)
    }

    @Test(arguments: variants)
    func readsEveryVariantTheSame(_ name: String) throws {
        let (form, _) = try Self.read(name)
        Self.expectReferenceForm(form)
        let (reference, _) = try Self.read("qiannan-guangzhou-2023.csv")
        #expect(form.scoredIndicators.map(\.name.value) == reference.scoredIndicators.map(\.name.value))
        #expect(form.scoredIndicators.map(\.target.value) == reference.scoredIndicators.map(\.target.value))
        #expect(form.scoredIndicators.map(\.actual.value) == reference.scoredIndicators.map(\.actual.value))
        #expect(form.scoredIndicators.map(\.score.value) == reference.scoredIndicators.map(\.score.value))
    }

    @Test func multilineGoalsKeepTheirLineBreaks() throws {
        let (form, _) = try Self.read("variants/multiline-goals.csv")
        #expect(form.goals?.value.contains("\r\n2.") == true)
        #expect(form.goals?.value.contains("\n3.") == true)
        #expect(form.goals?.cell == CellAddress(row: 11, column: 2))
    }

    @Test func valuesKeepTheirCells() throws {
        let (form, _) = try Self.read("qiannan-guangzhou-2023.csv")
        let first = try #require(form.scoredIndicators.first)
        #expect(first.row == 13)
        #expect(first.target.cell == CellAddress(row: 13, column: 5))
        #expect(first.actual.value == "39家")
        #expect(first.weight.cell.description == "G13")
        #expect(first.score.cell.description == "H13")
        #expect(form.scoredIndicators[1].level2.cell == CellAddress(row: 13, column: 3))
        #expect(form.total?.score?.cell.description == "H29")
        #expect(form.budget?.totalRow?.rate?.cell.description == "H6")
    }

    struct Malformed: Sendable, CustomTestStringConvertible {
        let file: String
        let code: String
        let row: Int
        let column: String
        var testDescription: String { file }
    }

    static let malformed: [Malformed] = [
        Malformed(file: "malformed/not-a-form.csv", code: "not-a-form", row: 1, column: "A"),
        Malformed(file: "malformed/no-indicator-header.csv", code: "missing-indicator-header", row: 1, column: "A"),
        Malformed(file: "malformed/header-without-target.csv", code: "missing-column", row: 12, column: "A"),
        Malformed(file: "malformed/unterminated-quote.csv", code: "unterminated-quote", row: 35, column: "A"),
        Malformed(file: "malformed/invalid-bytes.csv", code: "invalid-encoding", row: 13, column: "D"),
        Malformed(file: "malformed/binary.csv", code: "invalid-encoding", row: 1, column: "A"),
        Malformed(file: "malformed/empty.csv", code: "empty-file", row: 1, column: "A"),
        Malformed(file: "malformed/nul-byte.csv", code: "nul-byte", row: 13, column: "F"),
    ]

    @Test(arguments: malformed)
    func malformedInputGivesOneClearError(_ m: Malformed) {
        let path = FixturePaths.fixture(m.file)
        do {
            let doc = try CSVReader().read(contentsOf: path)
            _ = try TemplateReader().read(doc)
            Issue.record("expected \(m.code)")
        } catch let error as CSVError {
            #expect(error.kind.rawValue == m.code)
            #expect(error.location.row == m.row)
            #expect(error.location.columnLetter == m.column)
            #expect(error.location.file == path)
        } catch let error as FormError {
            #expect(error.diagnostic.code.rawValue == m.code)
            #expect(error.diagnostic.location.row == m.row)
            #expect(error.diagnostic.location.columnLetter == m.column)
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test(arguments: [
        ("指标2", true), ("指标1:", true), ("……", true), ("...", true), ("", true),
        ("指标值", false), ("引进项目落地个数", false),
    ])
    func placeholderNames(_ name: String, _ expected: Bool) {
        #expect(TemplateReader.isPlaceholderName(name) == expected)
    }

    @Test func placeholderRowsAreKeptButNotScored() throws {
        var doc = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        doc.rows.insert(["", "", "", "指标2", "", "", "", "", ""], at: 17)
        let (form, _) = try TemplateReader().read(doc)
        #expect(form.indicators.count == 17)
        #expect(form.scoredIndicators.count == 16)
        #expect(form.indicators[5].isPlaceholder)
    }

    @Test(arguments: [
        ("年度指标值（A）", "年度指标值(A)"), ("年度资金总额：", "年度资金总额"), ("年度指标值 (A)", "年度指标值(A)"),
        ("\u{3000}总分 ", "总分"),
    ])
    func labelsNormalize(_ raw: String, _ normalized: String) {
        #expect(LabelText.normalize(raw) == normalized)
    }
}
