import Foundation
import TestSupport
import Testing

/// `selfeval convert`, `template` and `batch`, run as a user runs them.
@Suite(.serialized)
struct ConvertCommandTests {
    let runner = BinaryRunner()

    static let goodForms = CheckCommandTests.goodForms

    @Test(arguments: goodForms)
    func convertsEveryFixture(_ name: String) throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["xlsx", "csv", "json"] {
            let out = dir.appendingPathComponent("out.\(format)").path
            let r = try runner.run(["convert", "Fixtures/\(name)", "-o", out, "--to", format])
            #expect(r.status == 0, "\(r.stderr)")
            #expect(r.stdout.contains("总分 99.00 / 100,等级 优") || r.stdout.contains("总分 100.00 / 100,等级 优"))
            #expect(FileManager.default.fileExists(atPath: out))
        }
        let x = XLSXInspector(path: dir.appendingPathComponent("out.xlsx").path)
        #expect(try x.sheetNames() == ["自评表", "评分明细"])
        // Nothing but the outputs: no temporary files left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted() == ["out.csv", "out.json", "out.xlsx"])
    }

    @Test func defaultOutputIsBesideTheInput() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("form.csv").path
        try FileManager.default.copyItem(atPath: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), toPath: input)
        #expect(try runner.run(["convert", input]).status == 0)
        #expect(try runner.run(["convert", input, "--to", "csv"]).status == 0)
        #expect(try runner.run(["convert", input, "--to", "json"]).status == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
                == ["form.csv", "form.json", "form.scored.csv", "form.xlsx"])
        #expect(try XLSXInspector.checkEveryWorkbook(under: dir.path) == 1)
    }

    @Test func refusesToWriteOverItsInput() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("form.csv").path
        try FileManager.default.copyItem(atPath: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        let r = try runner.run(["convert", input, "-o", input, "--to", "csv"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("error: [output-is-input]"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func malformedFormWritesNothing() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("x.xlsx").path
        let r = try runner.run(["convert", "Fixtures/malformed/unterminated-quote.csv", "-o", out])
        #expect(r.status == 1)
        #expect(r.stderr.contains("Fixtures/malformed/unterminated-quote.csv:35:A: error: [unterminated-quote]"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func xlsxIsByteIdenticalWithSourceDateEpoch() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = dir.appendingPathComponent("a.xlsx").path, b = dir.appendingPathComponent("b.xlsx").path
        let env = ["SOURCE_DATE_EPOCH": "1700000000"]
        #expect(try runner.run(["convert", "Fixtures/qiannan-guangzhou-2023.csv", "-o", a], environment: env).status == 0)
        Thread.sleep(forTimeInterval: 1.1)
        #expect(try runner.run(["convert", "Fixtures/qiannan-guangzhou-2023.csv", "-o", b], environment: env).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: a)) == Data(contentsOf: URL(fileURLWithPath: b)))
        #expect(try XLSXInspector.checkEveryWorkbook(under: dir.path) == 2)
    }

    @Test func blankTemplate() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("blank.xlsx").path, csv = dir.appendingPathComponent("blank.csv").path
        #expect(try runner.run(["template", "-o", xlsx]).status == 0)
        #expect(try runner.run(["template", "-o", csv]).status == 0)
        #expect(try XLSXInspector(path: xlsx).sheetNames().first == "自评表")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: csv))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("部门整体支出绩效目标自评表"))
        #expect(text.contains("一级指标,二级指标,三级指标"))
    }

    @Test func batchGoesOnPastBrokenFormsAndExitsOne() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for name in ["qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023.gbk.csv", "malformed/not-a-form.csv"] {
            try FileManager.default.copyItem(atPath: FixturePaths.fixture(name),
                                             toPath: input.appendingPathComponent(name.replacingOccurrences(of: "/", with: "-")).path)
        }
        let out = dir.appendingPathComponent("out").path
        let r = try runner.run(["batch", input.path, "-o", out, "--to", "xlsx,csv"])
        #expect(r.status == 1)
        #expect(r.stdout.contains("2 张转换成功,1 张失败"))
        #expect(r.stderr.contains("malformed-not-a-form.csv:1:A: error: [not-a-form]"))
        #expect(!r.stderr.contains("\r"))  // no progress line when stderr is not a terminal
        let files = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(files == ["report.json", "汇总表.xlsx", "黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表-2.csv",
                          "黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表-2.xlsx",
                          "黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表.csv",
                          "黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表.xlsx"].sorted())
        // Issue #16: into the folder of an earlier run only with --replace, which removes that run's files.
        let refused = try runner.run(["batch", FixturePaths.fixture("qiannan-guangzhou-2023.csv"), "-o", out, "--jobs", "1"])
        #expect(refused.status == 2)
        let good = try runner.run(["batch", FixturePaths.fixture("qiannan-guangzhou-2023.csv"), "-o", out, "--jobs", "1", "--replace"])
        #expect(good.status == 0)
        #expect(try XLSXInspector.checkEveryWorkbook(under: out) == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).count == 3)
        #expect(try runner.run(["batch", input.path, "-o", out, "--jobs", "0"]).status == 2)
        #expect(try runner.run(["batch", input.path, "-o", out, "--to", "pdf"]).status == 2)
    }
}
