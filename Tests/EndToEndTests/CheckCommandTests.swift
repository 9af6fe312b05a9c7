import Foundation
import TestSupport
import Testing

/// `selfeval check` on every fixture, run as a user runs it.
@Suite(.serialized)
struct CheckCommandTests {
    let runner = BinaryRunner()

    static let goodForms = ["qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023.gbk.csv",
                            "qiannan-guangzhou-2023.unscored.csv", "variants/lf.csv", "variants/cr.csv",
                            "variants/tab-separated.tsv", "variants/multiline-goals.csv", "variants/blank-rows.csv",
                            "variants/extra-column.csv", "variants/trimmed-columns.csv", "variants/gb18030-lf.csv",
                            "variants/full-width-labels.csv", "variants/no-bom.csv"]

    @Test(arguments: goodForms)
    func readsEveryGoodFixture(_ name: String) throws {
        let r = try runner.run(["check", "Fixtures/\(name)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("单位 黔南州人民政府驻广州办事处,年度 2023,16 项指标(一级 3 项、二级 7 项)"))
        #expect(!r.stderr.contains("error:"))
    }

    @Test func reportsEncoding() throws {
        let r = try runner.run(["check", "Fixtures/qiannan-guangzhou-2023.gbk.csv", "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(r.stdout.contains("编码 GB18030,"))
        #expect(r.stdout.contains("编码 UTF-8(带 BOM)"))
    }

    static let malformed: [(String, String)] = [
        ("malformed/unterminated-quote.csv", ":35:A: error: [unterminated-quote]"),
        ("malformed/binary.csv", ":1:A: error: [xlsx-truncated]"),  // a ZIP fragment: read as a workbook, by content
        ("malformed/invalid-bytes.csv", ":13:D: error: [invalid-encoding]"),
        ("malformed/not-a-form.csv", ":1:A: error: [not-a-form]"),
        ("malformed/no-indicator-header.csv", ":1:A: error: [missing-indicator-header]"),
        ("malformed/header-without-target.csv", ":12:A: error: [missing-column]"),
        ("malformed/empty.csv", ":1:A: error: [empty-file]"),
        ("malformed/nul-byte.csv", ":13:F: error: [nul-byte]"),
    ]

    @Test(arguments: malformed)
    func malformedInputFailsAloneWithItsPlace(_ name: String, _ expected: String) throws {
        let path = "Fixtures/\(name)"
        let r = try runner.run(["check", path, "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(r.status == 1)
        #expect(r.stderr.contains(path + expected), "\(r.stderr)")
        #expect(r.stderr.split(separator: "\n").filter { $0.contains("error:") }.count == 1)
        #expect(!r.stderr.contains("Fatal error"))
        // The good form after it is still read.
        #expect(r.stdout.contains("qiannan-guangzhou-2023.csv: 部门整体支出绩效目标自评表,"))
    }

    /// Issue #16: `check --strict` passes on a clean real form (上海 普陀: its 执行率 86.19% is
    /// 86.1830…% rounded up, not a slip) and fails on one with a warning that needs a human.
    @Test(arguments: ["real/shanghai-putuotiyu-2022-project.csv", "real/shanghai-putuotiyu-2022-project.gbk.csv"])
    func strictPassesOnACleanRealForm(_ name: String) throws {
        let r = try runner.run(["check", "--strict", "Fixtures/\(name)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(!r.stderr.contains("warning:") && !r.stderr.contains("error:"), "\(r.stderr)")
        #expect(r.stdout.contains(",总分 98.62 / 100,等级 优,"))
        #expect(!r.stdout.contains("需复核"))
    }

    @Test func strictFailsOnARealFormWithAWarning() throws {
        let form = "Fixtures/real/hubei-huangshizhujian-2022-project.csv"
        let r = try runner.run(["check", "--strict", form])
        #expect(r.status == 1)
        #expect(r.stderr.contains(form + ":9:G: warning: [weight-from-score]"), "\(r.stderr)")
        #expect(try runner.run(["check", form]).status == 0)  // without --strict a warning does not fail
        let both = try runner.run(["check", "--strict", "Fixtures/real/shanghai-putuotiyu-2022-project.csv", form])
        #expect(both.status == 1)
    }

    @Test func badUsageExitsTwo() throws {
        let r = try runner.run(["check"])
        #expect(r.status == 2)
        let r2 = try runner.run(["check", "--encoding", "latin1", "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(r2.status == 2)
    }

    @Test func missingFileIsAnError() throws {
        let r = try runner.run(["check", "Fixtures/does-not-exist.csv"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Fixtures/does-not-exist.csv:1:A: error: [unreadable-file]"))
    }
}
