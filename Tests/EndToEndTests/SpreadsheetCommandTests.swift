import Foundation
import TestSupport
import Testing

/// The commands on .xlsx and .xls forms, and on hostile workbooks, through the built binary.
@Suite(.serialized)
struct SpreadsheetCommandTests {
    let runner = BinaryRunner()

    @Test(arguments: ["xlsx/qiannan-guangzhou-2023.xlsx", "xlsx/qiannan-guangzhou-2023.xls", "xlsx/mixed-strings.xlsx",
                      "xlsx/hostile/macro.xlsm"])
    func checkReadsWorkbooks(_ name: String) throws {
        let r = try runner.run(["check", "Fixtures/\(name)"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("单位 黔南州人民政府驻广州办事处,年度 2023,16 项指标(一级 3 项、二级 7 项),工作表"))
        #expect(r.stderr.contains("Fixtures/\(name):13:B: warning: [label-points-mismatch]"))
    }

    @Test func scoreOfTheWorkbookIsTheScoreOfTheCSV() throws {
        let csv = try runner.run(["score", "--json", "Fixtures/qiannan-guangzhou-2023.csv"])
        for name in ["qiannan-guangzhou-2023.xlsx", "qiannan-guangzhou-2023.xls"] {
            let book = try runner.run(["score", "--json", "--encoding", "gb18030", "Fixtures/xlsx/\(name)"])
            #expect(book.status == 0)
            #expect(book.stdout.replacingOccurrences(of: "Fixtures/xlsx/\(name)", with: "F")
                    == csv.stdout.replacingOccurrences(of: "Fixtures/qiannan-guangzhou-2023.csv", with: "F"))
        }
    }

    /// Each hostile workbook: exit 1 and one located error naming what it is.
    static let hostile: [(String, String)] = [
        ("xlsx/hostile/zip-bomb.xlsx", ":1:A: error: [zip-bomb]"),
        ("xlsx/hostile/ratio-bomb.xlsx", ":1:A: error: [zip-bomb]"),
        ("xlsx/hostile/lying-size.xlsx", ":1:A: error: [zip-bomb]"),
        ("xlsx/hostile/truncated.xlsx", ":1:A: error: [xlsx-truncated]"),
        ("xlsx/hostile/encrypted.xlsx", ":1:A: error: [encrypted-workbook] 文件已加密,请去除密码后再试"),
        ("fuzz-regressions/xlsx/freexl-stack-overread.xls", ":1:A: error: [xls-unreadable]"),
    ]

    @Test(arguments: hostile)
    func aHostileWorkbookFailsWithItsError(_ name: String, _ expected: String) throws {
        for command in [["check"], ["score"], ["convert", "-o", "/dev/null/none.xlsx"]] {
            let r = try runner.run(command + ["Fixtures/\(name)"])
            #expect(r.status == 1, "\(command) \(name): \(r.stderr)")
            #expect(r.stderr.contains("Fixtures/\(name)\(expected)"), "\(command) \(name): \(r.stderr)")
        }
    }

    @Test func otherFilesAreNamedNotMisreadAsText() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let pdf = dir.appendingPathComponent("form.csv").path
        try Data("%PDF-1.7\n%âãÏÓ\n".utf8).write(to: URL(fileURLWithPath: pdf))
        let r = try runner.run(["check", "--encoding", "gb18030", pdf])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(pdf):1:A: error: [not-a-spreadsheet] 这是 PDF 文件"))
        #expect(!r.stderr.contains("invalid-encoding"))
    }

    @Test func sheetOptionPicksASheet() throws {
        let ok = try runner.run(["check", "--sheet", "1", "Fixtures/xlsx/qiannan-guangzhou-2023.xlsx"])
        #expect(ok.status == 0)
        let missing = try runner.run(["check", "--sheet", "汇总", "Fixtures/xlsx/qiannan-guangzhou-2023.xlsx"])
        #expect(missing.status == 1)
        #expect(missing.stderr.contains(":1:A: error: [sheet-not-found] 工作簿中没有工作表“汇总”"))
    }

    @Test func batchConvertsAFolderOfWorkbooksAndSkipsLockFilesAndItsOutput() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("forms")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for (source, name) in [("xlsx/qiannan-guangzhou-2023.xlsx", "a.xlsx"), ("xlsx/project/national.xls", "b.xls")] {
            try FileManager.default.copyItem(atPath: FixturePaths.fixture(source), toPath: input.appendingPathComponent(name).path)
        }
        try Data("owner".utf8).write(to: input.appendingPathComponent("~$a.xlsx"))
        let out = input.appendingPathComponent("out").path
        let first = try runner.run(["batch", input.path, "-o", out])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.contains("2 张转换成功,0 张失败"), "\(first.stdout)")
        // A second run (replacing the first's files) does not take its own outputs for forms.
        let second = try runner.run(["batch", input.path, "-o", out, "--replace"])
        #expect(second.status == 0, "\(second.stderr)")
        #expect(second.stdout.contains("2 张转换成功,0 张失败"), "\(second.stdout)")
    }
}
