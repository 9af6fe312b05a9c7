import Foundation
import TestSupport
import Testing

/// `selfeval score` on the fixtures, compared with golden reports.
@Suite(.serialized)
struct ScoreCommandTests {
    let runner = BinaryRunner()

    static let forms: [(file: String, golden: String, total: Double)] = [
        ("qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023", 99),
        ("qiannan-guangzhou-2023.gbk.csv", "qiannan-guangzhou-2023.gbk", 99),
        ("qiannan-guangzhou-2023.unscored.csv", "qiannan-guangzhou-2023.unscored", 100),
    ]

    @Test(arguments: forms)
    func jsonReportMatchesGolden(_ form: (file: String, golden: String, total: Double)) throws {
        let r = try runner.run(["score", "--json", "Fixtures/\(form.file)"])
        #expect(r.status == 0, "\(r.stderr)")
        let object = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        let total = try #require(object["total"] as? [String: Any])
        #expect(total["score"] as? Double == form.total)
        #expect(object["grade"] as? String == "优")
        try Golden.check(r.stdout, against: "\(form.golden).report.json")
    }

    @Test(arguments: forms)
    func summaryMatchesGolden(_ form: (file: String, golden: String, total: Double)) throws {
        let r = try runner.run(["score", "Fixtures/\(form.file)"])
        #expect(r.status == 0)
        try Golden.check(r.stdout, against: "\(form.golden).summary.txt")
        try Golden.check(r.stderr, against: "\(form.golden).warnings.txt")
    }

    @Test func rulesCanBeForced() throws {
        let legacy = try runner.run(["score", "--json", "--rules", "legacy", "Fixtures/qiannan-guangzhou-2023.csv"])
        let v2020 = try runner.run(["score", "--json", "--rules", "2020", "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(legacy.stdout.contains("\"rules\" : \"legacy\""))
        #expect(v2020.stdout.contains("\"rules\" : \"2020\""))
        let file = try runner.run(["score", "--json", "--rules", "Fixtures/rules/local-linear.json",
                                   "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(file.status == 0, "\(file.stderr)")
        let bad = try runner.run(["score", "--rules", "Fixtures/no-such-rules.json", "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(bad.status == 2)
    }

    @Test func budgetZeroIsAnErrorForThatForm() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = try String(contentsOfFile: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), encoding: .utf8)
        let zero = text.replacingOccurrences(of: "702.71,734.78,734.78", with: "0,0,0")
            .replacingOccurrences(of: "225.46,235.11,235.11", with: "0,0,0")
            .replacingOccurrences(of: "477.25,499.67,499.67", with: "0,0,0")
        let path = dir.appendingPathComponent("zero.csv").path
        try zero.write(toFile: path, atomically: true, encoding: .utf8)
        let r = try runner.run(["score", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("zero.csv:6:"))
        #expect(r.stderr.contains("error: [budget-zero]"))
    }
}
