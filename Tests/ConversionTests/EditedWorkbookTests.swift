import CSV
import Conversion
import Foundation
@testable import SelfEvaluation
import TestSupport
import Testing
import XLSXReport

/// A selfeval workbook edited by hand reads back and re-scores; its 自评等级 follows 总分.
struct EditedWorkbookTests {
    let converter = Converter()

    /// The scored workbook of `csv` with `old` replaced by `new` in its shared strings (as a
    /// user typing over a cell in Excel), rebuilt as a new archive.
    func editedWorkbook(of csv: String, replacing old: String, with new: String, in dir: URL) throws -> String {
        let written = dir.appendingPathComponent("scored.xlsx").path
        _ = try converter.convert(input: FixturePaths.fixture(csv), output: written)
        let inspector = XLSXInspector(path: written)
        var entries: [(name: String, data: [UInt8])] = []
        var replaced = false
        for name in try inspector.entries() {
            var data = [UInt8](try inspector.data(name))
            if name == "xl/sharedStrings.xml" {
                let text = String(decoding: data, as: UTF8.self)
                replaced = text.contains(old)
                data = Array(text.replacingOccurrences(of: old, with: new).utf8)
            }
            entries.append((name, data))
        }
        #expect(replaced, "\(old) not in the workbook")
        let path = dir.appendingPathComponent("edited.xlsx").path
        try Data(WorkbookBuilder.zip(entries)).write(to: URL(fileURLWithPath: path))
        return path
    }

    @Test func theScoredWorkbookReadsBackToTheSameScores() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for csv in ["qiannan-guangzhou-2023.csv", "project/national.csv", "project/two-row-header.csv"] {
            let out = dir.appendingPathComponent("back.xlsx").path
            try? FileManager.default.removeItem(atPath: out)
            let (first, _) = try converter.convert(input: FixturePaths.fixture(csv), output: out)
            let again = try converter.score(path: out)
            let a = ScoreReport(first.scored), b = ScoreReport(again.scored)
            #expect(a.total == b.total, "\(csv)")
            #expect(a.indicators.map(\.score) == b.indicators.map(\.score), "\(csv)")
            #expect(a.indicators.map(\.reason) == b.indicators.map(\.reason), "\(csv)")
            #expect(a.budget == b.budget, "\(csv)")
            #expect(a.grade == b.grade, "\(csv)")
            // 评分明细 is not a form: the locations name the file alone.
            #expect(again.scored.form.source == out)
        }
    }

    @Test func aFigureEditedByHandIsRescored() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let edited = try editedWorkbook(of: "qiannan-guangzhou-2023.csv", replacing: "23篇", with: "15篇", in: dir)
        let rescored = try converter.score(path: edited).scored

        // The same edit made in the CSV gives the same scores.
        var document = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        document.rows = document.rows.map { $0.map { $0 == "23篇" ? "15篇" : $0 } }
        let expected = try Scorer.score(try FormLoader().load(document: document).form)
        #expect(rescored.totalScore == expected.totalScore)
        #expect(rescored.indicators.map(\.score) == expected.indicators.map(\.score))
        // 20篇以上 → 15篇: 4 × 15/20 = 3, one point less than the original 99.
        let row = try #require(rescored.indicators.first { $0.indicator.actual.value == "15篇" })
        #expect(row.score == 3)
        #expect(rescored.totalScore == 98)
    }

    @Test func theGradeIsAFormulaOfTheTotalAndTheNoteSaysToRescore() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("form.xlsx").path
        _ = try converter.convert(input: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), output: out)
        let cells = try XLSXInspector(path: out).allCells(sheet: "自评表")
        let grade = try #require(cells["B30"])
        #expect(grade.formula == "IF(H29>=90,\"自评等级“优”\",IF(H29>=80,\"自评等级“良”\",IF(H29>=60,\"自评等级“中”\",\"自评等级“差”\")))")
        #expect(grade.text == "自评等级“优”")
        #expect(cells.values.contains { $0.text == FormWorkbook.rescoreNote && $0.ref == "A37" })
        // A rule set with other bands writes its own.
        var rules = RuleSet.legacy
        rules.gradeBands = GradeBands(excellent: 95, good: 85, fair: 70)
        let custom = dir.appendingPathComponent("custom.xlsx").path
        _ = try Converter(rules: rules).convert(input: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), output: custom)
        let formula = try XLSXInspector(path: custom).allCells(sheet: "自评表")["B30"]?.formula
        #expect(formula?.hasPrefix("IF(H29>=95,") == true && formula?.contains("H29>=85,") == true && formula?.contains("H29>=70,") == true)
    }
}
