import CSV
import SelfEvaluation
import TestSupport
import Testing

/// The stretch goal: the seed document itself (tab-separated text rendered from the printed
/// form, some rows shifted left) reads into the same indicators as the real exports.
struct ShiftedRowRepairTests {
    @Test func seedTextReadsLikeTheExports() throws {
        let seed = try CSVReader().read(contentsOf: FixturePaths.fixture("seed-qiannan-guangzhou-2023.txt"))
        let (form, diagnostics) = try TemplateReader().read(seed)
        let export = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        let (reference, _) = try TemplateReader().read(export)
        #expect(form.title?.value == "部门整体支出绩效目标自评表")
        #expect(form.unit?.value == "黔南州人民政府驻广州办事处")
        #expect(form.year?.value == 2023)
        let a = form.scoredIndicators, b = reference.scoredIndicators
        #expect(a.count == 16)
        #expect(a.map(\.level1.value) == b.map(\.level1.value))
        #expect(a.map(\.level2.value) == b.map(\.level2.value))
        #expect(a.map(\.name.value) == b.map(\.name.value))
        #expect(a.map(\.target.value) == b.map(\.target.value))
        #expect(a.map(\.actual.value) == b.map(\.actual.value))
        #expect(a.map(\.weight.value) == b.map(\.weight.value))
        #expect(a.map(\.score.value) == b.map(\.score.value))
        // Rows 25–27 (质量), 29–32 (成本), 34 (社会效益) and 35 (满意度) were repaired, each reported.
        #expect(diagnostics.filter { $0.code == .rowRealigned }.map(\.location.row) == [25, 26, 27, 29, 30, 31, 32, 34, 35])
        #expect(!diagnostics.contains { $0.code == .cellNotRecognised || $0.code == .unknownLevel2 })
        #expect(try Scorer.score(form).totalScore == 99)
    }

    @Test func exportsAreNeverRepaired() throws {
        for name in ["qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023.unscored.csv", "project/national.csv",
                     "project/nature-unit.csv", "project/two-row-header.csv"] {
            let doc = try CSVReader().read(contentsOf: FixturePaths.fixture(name))
            let (form, diagnostics) = try TemplateReader().read(doc)
            #expect(!diagnostics.contains { $0.code == .rowRealigned }, "\(name)")
            #expect(form.document.rows == doc.rows, "\(name)")
        }
    }

    @Test func anUnscoredRowWithBareNumbersStaysPut() throws {
        // 分值 in G, 得分 (H) empty, bare-number target and actual in E and F: no misplaced label,
        // no shifted row above it, so nothing moves.
        var doc = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.unscored.csv"))
        doc.rows[15] = ["", "", "", "引进项目落地个数", "2", "4", "4", "", ""]
        let (form, diagnostics) = try TemplateReader().read(doc)
        #expect(!diagnostics.contains { $0.code == .rowRealigned })
        let row = try #require(form.indicators.first { $0.row == 16 })
        #expect(row.target.value == "2")
        #expect(row.weight.value == "4")
    }
}
