import Foundation
import TestSupport
import Testing

/// A form with nothing filled in (`Fixtures/phrasing/not-filled.csv`: the national project form with
/// every 实际完成值, 得分 and the 总分 emptied, 评价结论 still the template's instruction) through the
/// built binary: read, budget scored, not graded.
@Suite(.serialized)
struct NotFilledCommandTests {
    let runner = BinaryRunner()
    let form = "Fixtures/phrasing/not-filled.csv"

    @Test func scoreReportsNoTotalAndNoGrade() throws {
        let r = try runner.run(["score", "--json", form])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(object["total"] is NSNull)
        #expect(object["grade"] is NSNull)
        let budget = try #require(object["budget"] as? [String: Any])
        #expect(budget["score"] as? Double == 9.2)
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.map { $0["code"] as? String } == ["not-filled"])
        #expect(r.stderr.contains("[not-filled]"))
    }

    @Test func checkStrictFails() throws {
        #expect(try runner.run(["check", form]).status == 0)
        #expect(try runner.run(["check", "--strict", form]).status == 1)
    }

    @Test func theWorkbookSaysNotGraded() throws {
        let dir = try FixturePaths.temporaryDirectory("not-filled")
        let out = dir.appendingPathComponent("o.xlsx").path
        let r = try runner.run(["convert", form, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("grade 未评定"))
        let workbook = XLSXInspector(path: out)
        #expect(try workbook.xml("xl/sharedStrings.xml").contains("未评定"))
        let properties = try workbook.customProperties()
        #expect(properties["自评等级"] == "未评定")
        #expect(properties["总分"] == nil)
    }

    @Test func theSummaryWorkbookSaysNotGraded() throws {
        let dir = try FixturePaths.temporaryDirectory("not-filled-batch")
        let r = try runner.run(["batch", form, "-o", dir.path])
        #expect(r.status == 0, "\(r.stderr)")
        let summary = XLSXInspector(path: dir.appendingPathComponent("汇总表.xlsx").path)
        #expect(try summary.xml(try summary.sheetEntry("汇总")).contains("未评定"))  // inline strings (constant memory)
        let data = try Data(contentsOf: dir.appendingPathComponent("report.json"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let forms = try #require(object["forms"] as? [[String: Any]])
        #expect(forms.count == 1)
        #expect(forms.first?["grade"] is NSNull)
        #expect(forms.first?["total"] is NSNull)
    }
}
