import Foundation
import TestSupport
import Testing

/// `--layout FILE.json`: a local layout is a data change (Fixtures/layouts/).
@Suite(.serialized)
struct LayoutOptionTests {
    let runner = BinaryRunner()

    @Test func theExampleFormNeedsItsLabelTable() throws {
        let without = try runner.run(["check", "Fixtures/layouts/example-form.csv"])
        #expect(without.status == 1)
        #expect(without.stderr.contains("error: [budget-unreadable]"))
        #expect(without.stderr.contains("“支付数”"))
        let with = try runner.run(["check", "--layout", "Fixtures/layouts/example.json", "Fixtures/layouts/example-form.csv"])
        #expect(with.status == 0, "\(with.stderr)")
        #expect(with.stdout.contains("layout example-local:department/levels"))
        #expect(!with.stderr.contains("cell-not-recognised"), "\(with.stderr)")
        let score = try runner.run(["score", "--json", "--layout", "Fixtures/layouts/example.json",
                                    "Fixtures/layouts/example-form.csv"])
        let object = try #require(try JSONSerialization.jsonObject(with: Data(score.stdout.utf8)) as? [String: Any])
        #expect(object["layout"] as? String == "example-local:department/levels")
        // 108/120 = 90% → 9; 40 + 40 × 72/90 = 32 + 10 → 91.
        let total = try #require(object["total"] as? [String: Any])
        #expect((total["score"] as? NSNumber)?.doubleValue == 91)
    }

    @Test(arguments: ["Fixtures/rules/local-linear.json", "Fixtures/no-such-layout.json", "Fixtures/layouts/example-form.csv"])
    func aBadLayoutFileIsAUsageError(_ path: String) throws {
        let r = try runner.run(["check", "--layout", path, "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(r.status == 2, "\(r.stderr)")
        #expect(r.stderr.contains("--layout"))
    }

    @Test func theSummaryLineNamesTheLayout() throws {
        let r = try runner.run(["check", "Fixtures/project/two-row-header.csv", "Fixtures/real/chongqing-kexuechengrongmeiti-2021-department.csv"])
        #expect(r.stdout.contains("layout project/two-row-header"))
        #expect(r.stdout.contains("layout department/flat"))
    }
}
