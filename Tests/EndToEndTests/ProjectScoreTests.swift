import Foundation
import TestSupport
import Testing

/// `selfeval score --json` on the project forms (Fixtures/project/), compared with golden reports.
/// The arithmetic behind each total is checked by hand in ProjectFormTests.
@Suite(.serialized)
struct ProjectScoreTests {
    let runner = BinaryRunner()

    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let total: Double
        let grade: String
        let warnings: [String]
        var testDescription: String { file }
    }

    static let cases: [Case] = [
        // 9.20 + 48.33 + 26.78 + 10 = 94.31
        Case(file: "national", total: 94.31, grade: "优",
             warnings: ["over-achievement@F14", "score-replaced@H21", "reason-generated@I21", "printed-total-mismatch@H24",
                        "stated-total-mismatch@B25"]),  // 评价结论: 自评得分94.53分
        // 8.56 + 49.25 + 28.33 + 10 = 96.14
        Case(file: "nature-unit", total: 96.14, grade: "优",
             warnings: ["score-replaced@I19", "reason-generated@J19", "direction-contradiction@D20",
                        "printed-total-mismatch@I23"]),
        // 7.50 + 47.37 + 27 + 9.44 = 91.31 (the contradiction at row 17 no longer goes against the unit)
        Case(file: "two-row-header", total: 91.31, grade: "优",
             warnings: ["operator-contradiction@D17", "score-replaced@I19", "printed-total-mismatch@I25"]),
    ]

    @Test(arguments: cases)
    func jsonReportMatchesGolden(_ c: Case) throws {
        let r = try runner.run(["score", "--json", "Fixtures/project/\(c.file).csv"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["score"] as? Double == c.total)
        #expect(total["weight"] as? Double == 100)
        #expect(object["grade"] as? String == c.grade)
        #expect(object["rules"] as? String == "2020")
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        let places = warnings.map { "\($0["code"] as? String ?? "")@\($0["column"] as? String ?? "")\($0["row"] as? Int ?? 0)" }
        #expect(places == c.warnings)
        try Golden.check(r.stdout, against: "project-\(c.file).report.json")
    }

    @Test func templateCanBeForced() throws {
        let r = try runner.run(["check", "--template", "project", "Fixtures/project/national.csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("project form"))
    }
}
