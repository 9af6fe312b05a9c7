import Foundation
import TestSupport
import Testing

/// Issue #16: every command, run as a bureau's staff runs it, speaks Chinese (the `[code]`s,
/// option names, file paths, numbers and formats kept), and each command-line trap is closed.
@Suite(.serialized)
struct ChineseOutputTests {
    let runner = BinaryRunner()
    static let form = "Fixtures/qiannan-guangzhou-2023.csv"

    /// Words allowed in Latin letters: what users type (commands, option values, formats), the
    /// severity tag scripts read (`error:`, `warning:`, `note:`), names of things (libxlsxwriter,
    /// README, FIFO) and `min` in the formulas.
    static let allowed: Set<String> = [
        "selfeval", "convert", "score", "check", "batch", "template", "help", "version",
        "xlsx", "csv", "json", "tsv", "txt", "utf", "nobom", "auto", "department", "project", "legacy", "bom",
        "error", "warning", "note", "libxlsxwriter", "readme", "fifo", "path_max", "name_max", "min",
        "usage",  // the [usage] code of a parser error
        "serve", "unit", "add", "revoke", "import", "selfeval_admin_password",  // the intranet page's commands
    ]

    /// The Latin words of `text` that are not allowed: text the user typed (quoted “…”),
    /// `[code]`s, `--options`, paths and file names are taken out first.
    static func englishWords(_ text: String) -> [String] {
        var cleaned = text
        for pattern in [#"“[^”]*”"#, #"\[[a-z0-9-]+\]"#, #"--?[a-zA-Z][a-zA-Z0-9-]*"#, #"[^\s,,:;()()“”、]*[/.][^\s,,:;()()“”、]*"#] {
            cleaned = cleaned.replacingOccurrences(of: pattern, with: " ", options: .regularExpression)
        }
        var words: [String] = []
        var current = ""
        for character in cleaned + " " {
            if character.isASCII, character.isLetter || character == "_" {
                current.append(character)
            } else {
                if current.count >= 3, !allowed.contains(current.lowercased()) { words.append(current) }
                current = ""
            }
        }
        return words
    }

    @Test(arguments: [
        ("The file doesn't exist.", ["The", "file", "doesn"]),
        ("--to 的值“pdf”无效", []),  // what the user typed, quoted, is theirs
        ("a.csv:1:A: error: [not-a-form] 这不是绩效自评表", []),
        ("用法: selfeval convert <表格.csv> [--output <输出文件>]", []),
        ("total 99.00 / 100, grade 优", ["total", "grade"]),
    ])
    func theWordFinderFindsEnglish(_ text: String, _ expected: [String]) {
        #expect(Self.englishWords(text) == expected)
    }

    func expectChinese(_ r: BinaryRunner.Result, _ what: String, stdoutToo: Bool = true) {
        #expect(Self.englishWords(r.stderr).isEmpty, "\(what) stderr: \(Self.englishWords(r.stderr)) in \(r.stderr)")
        if stdoutToo {
            #expect(Self.englishWords(r.stdout).isEmpty, "\(what) stdout: \(Self.englishWords(r.stdout)) in \(r.stdout)")
        }
    }

    @Test func everyCommandSpeaksChinese() throws {
        let dir = try FixturePaths.temporaryDirectory("chinese")
        defer { try? FileManager.default.removeItem(at: dir) }
        func at(_ name: String) -> String { dir.appendingPathComponent(name).path }
        try Data("{ not json".utf8).write(to: URL(fileURLWithPath: at("bad-rules.json")))
        try Data(#"{"name": "x", "colour": 1}"#.utf8).write(to: URL(fileURLWithPath: at("unknown-key.json")))
        let runs: [(args: [String], status: Int32, stdoutToo: Bool)] = [
            (["--help"], 0, true), (["--version"], 0, true), (["help", "check"], 0, true),
            (["convert", "--help"], 0, true), (["score", "--help"], 0, true), (["check", "--help"], 0, true),
            (["batch", "--help"], 0, true), (["template", "--help"], 0, true),
            (["convert"], 2, true), (["convert", Self.form, "--foo"], 2, true), (["convert", Self.form, "--to", "pdf"], 2, true),
            (["convert", Self.form, "a", "b"], 2, true), (["check"], 2, true), (["batch", Self.form], 2, true),
            (["convert", Self.form, "-o", at("x.csv"), "--to", "xlsx"], 2, true),
            (["convert", Self.form, "-o", at("x.pdf")], 2, true),
            (["template", "-o", at("blank.txt")], 2, true),
            (["score", Self.form, "--rules", "2021"], 2, true), (["score", Self.form, "--rules", at("none.json")], 2, true),
            (["score", Self.form, "--rules", at("bad-rules.json")], 2, true),
            (["score", Self.form, "--rules", at("unknown-key.json")], 2, true),
            (["score", Self.form, "--rules", dir.path], 2, true),
            (["batch", Self.form, "-o", at("b"), "--jobs", "0"], 2, true), (["batch", Self.form, "-o", at("b"), "--to", "pdf"], 2, true),
            (["convert", Self.form, "-o", at("out.xlsx")], 0, true), (["convert", Self.form, "-o", at("out.csv")], 0, true),
            (["convert", Self.form, "-o", at("out.json")], 0, true), (["convert", Self.form, "-o", at("out.json")], 1, true),
            (["convert", "Fixtures/malformed/not-a-form.csv", "-o", at("nf.xlsx")], 1, true),
            (["score", Self.form], 0, true), (["score", "--json", Self.form], 0, false),
            (["score", "--rules", "2019", Self.form], 0, true), (["score", "--rules", "2020", Self.form], 0, true),
            (["check", Self.form, "Fixtures/project", "Fixtures/malformed/empty.csv"], 1, true),
            (["check", "--strict", Self.form], 1, true),
            (["batch", "Fixtures/project", "Fixtures/malformed/not-a-form.csv", "-o", at("batch")], 1, true),
            (["batch", "Fixtures/project", "-o", at("batch")], 2, true),
            (["batch", "Fixtures/project", "-o", at("batch"), "--replace"], 0, true),
            (["template", "-o", at("blank.xlsx")], 0, true), (["template", "-o", at("blank.csv")], 0, true),
            (["template", "-o", at("blank.csv")], 1, true),
            (["serve", "--help"], 0, true), (["unit", "--help"], 0, true), (["unit", "add", "--help"], 0, true),
            (["unit", "import", "--help"], 0, true), (["serve", "--port", "0"], 2, true),
            (["serve", "--port", "1", "--data", at("no-password")], 2, true),  // no terminal, no SELFEVAL_ADMIN_PASSWORD
            (["unit", "add", "单位甲", "--data", at("units")], 0, false), (["unit", "add", "单位甲", "--data", at("units")], 1, true),
            (["unit", "revoke", "单位甲", "--data", at("units")], 0, true), (["unit", "revoke", "单位甲", "--data", at("units")], 1, true),
            (["unit", "revoke", "无此单位", "--data", at("units")], 1, true), (["unit", "import", at("none.csv"), "--data", at("units")], 1, true),
        ]
        for run in runs {
            let r = try runner.run(run.args)
            #expect(r.status == run.status, "\(run.args): \(r.status) \(r.stderr)")
            expectChinese(r, run.args.joined(separator: " "), stdoutToo: run.stdoutToo)
        }
    }

    // MARK: the traps of issue #16, each a test

    @Test(arguments: [("x.csv", "xlsx"), ("y.xlsx", "csv"), ("z.json", "csv"), ("w.CSV", "json")])
    func aFormatContradictingTheExtensionIsAUsageError(_ name: String, _ format: String) throws {
        let dir = try FixturePaths.temporaryDirectory("chinese")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(name).path
        let r = try runner.run(["convert", Self.form, "-o", out, "--to", format])
        #expect(r.status == 2)
        #expect(r.stderr.contains("[format-conflict]"))
        #expect(!FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: [("x.csv", [UInt8]([0xEF, 0xBB, 0xBF])), ("y.xlsx", [0x50, 0x4B]), ("z.json", [0x7B]), ("w.CSV", [0xEF, 0xBB, 0xBF])])
    func theOutputFollowsItsExtension(_ name: String, _ magic: [UInt8]) throws {
        let dir = try FixturePaths.temporaryDirectory("chinese")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent(name).path
        let r = try runner.run(["convert", Self.form, "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        let bytes = [UInt8](try Data(contentsOf: URL(fileURLWithPath: out)))
        #expect(bytes.starts(with: magic), "\(name)")
        // Agreeing --to is fine.
        let same = try runner.run(["convert", Self.form, "-o", out, "--force", "--to", name.hasSuffix("xlsx") ? "xlsx"
            : name.lowercased().hasSuffix("csv") ? "csv" : "json"])
        #expect(same.status == 0, "\(same.stderr)")
    }

    @Test(arguments: ["blank.txt", "blank", "blank.xls", "blank.json"])
    func templateRefusesAnExtensionItCannotWrite(_ name: String) throws {
        let dir = try FixturePaths.temporaryDirectory("chinese")
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try runner.run(["template", "-o", dir.appendingPathComponent(name).path])
        #expect(r.status == 2)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func versionNamesTheLibraryAndTheRuleSets() throws {
        let r = try runner.run(["--version"])
        #expect(r.status == 0)
        #expect(r.stdout.hasPrefix("selfeval "))
        #expect(r.stdout.contains("libxlsxwriter 1."))
        #expect(r.stdout.contains("财预〔2020〕10号") && r.stdout.contains("2017–2019 口径"))
    }

    @Test(arguments: ["2017", "2018", "2019", "legacy", "2020", "v2020"])
    func ruleSetsAsUsersSayThem(_ name: String) throws {
        let r = try runner.run(["score", "--json", "--rules", name, Self.form])
        #expect(r.status == 0, "\(r.stderr)")
        let rules = name == "2020" || name == "v2020" ? "\"rules\" : \"2020\"" : "\"rules\" : \"legacy\""
        #expect(r.stdout.contains(rules))
    }

    @Test func anUnknownRuleSetListsTheValidOnes() throws {
        let r = try runner.run(["score", "--rules", "2021", Self.form])
        #expect(r.status == 2)
        #expect(r.stderr.contains("[rules-unknown]") && r.stderr.contains("legacy") && r.stderr.contains("2020"))
        let missing = try runner.run(["score", "--rules", "none/rules.json", Self.form])
        #expect(missing.status == 2)
        #expect(missing.stderr.contains("none/rules.json: error: [rules-file] 规则文件不存在"), "\(missing.stderr)")
    }

    @Test func checkTakesFoldersAndPrintsTotals() throws {
        let r = try runner.run(["check", "Fixtures/project", Self.form])
        #expect(r.status == 0, "\(r.stderr)")
        let lines = r.stdout.split(separator: "\n")
        #expect(lines.count == 5)
        #expect(lines.prefix(4).allSatisfy { $0.contains(",总分 ") && $0.contains(",等级 ") })
        #expect(lines.last == "共 4 张表:4 张读取成功,0 张失败,4 张需复核")
    }

    @Test func notesNeitherNeedReviewNorFailStrict() throws {
        // A form whose only findings are notes: the reference form with its warnings' causes removed
        // would need Template changes; instead: a note alone never fails --strict.
        let r = try runner.run(["check", "--strict", "Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(r.stderr.contains(": note: [over-achievement]"))
        #expect(r.status == 1)  // it has real warnings (tier-unplaceable, reason-generated)
        for line in r.stderr.split(separator: "\n") where line.contains("over-achievement") {
            #expect(line.contains(": note: "))
        }
    }

    @Test func aBatchIntoAnEarlierRunIsRefusedUnlessReplace() throws {
        let dir = try FixturePaths.temporaryDirectory("chinese")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let first = try runner.run(["batch", "Fixtures/project", Self.form, "-o", out])
        #expect(first.status == 0, "\(first.stderr)")
        let firstFiles = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(firstFiles.count == 6)
        let second = try runner.run(["batch", "Fixtures/project", "-o", out])
        #expect(second.status == 2)
        #expect(second.stderr.contains("[earlier-run]") && second.stderr.contains("--replace"))
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == firstFiles)
        let third = try runner.run(["batch", "Fixtures/project", "-o", out, "--replace"])
        #expect(third.status == 0, "\(third.stderr)")
        let thirdFiles = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(thirdFiles.count == 5)  // the department form's output of the first run is gone
        #expect(!thirdFiles.contains { $0.contains("部门整体") })
    }

    @Test func aSheetThatIsNotAFormIsAnError() throws {
        let dir = try FixturePaths.temporaryDirectory("chinese")
        defer { try? FileManager.default.removeItem(at: dir) }
        let lines = try String(contentsOfFile: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), encoding: .utf8)
            .components(separatedBy: "\r\n")
        let other = dir.appendingPathComponent("other.csv").path
        try Data(lines.dropFirst(4).joined(separator: "\r\n").utf8).write(to: URL(fileURLWithPath: other))
        let r = try runner.run(["check", other])
        #expect(r.status == 1)
        #expect(r.stderr.contains("other.csv:1:A: error: [not-a-form]"), "\(r.stderr)")
        let batch = try runner.run(["batch", other, "-o", dir.appendingPathComponent("out").path])
        #expect(batch.status == 1)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(!files.contains { $0.contains("未知单位") })
    }

    @Test func aGeneratedReasonIsMarkedAndKeptThroughTheCSV() throws {
        let dir = try FixturePaths.temporaryDirectory("chinese")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("scored.csv").path
        let r = try runner.run(["convert", Self.form, "-o", out])
        #expect(r.status == 0)
        let text = try String(contentsOfFile: out, encoding: .utf8)
        #expect(text.contains("【自动生成】"))
        let again = try runner.run(["check", out])
        #expect(again.stderr.contains(":26:I: warning: [reason-generated]"), "\(again.stderr)")
        #expect(again.stdout.contains("需复核"))
        // Converted again to CSV: one marker, not two.
        let twice = dir.appendingPathComponent("twice.csv").path
        #expect(try runner.run(["convert", out, "-o", twice]).status == 0)
        let second = try String(contentsOfFile: twice, encoding: .utf8)
        #expect(second.components(separatedBy: "【自动生成】").count == 2)
        #expect(!second.contains("【自动生成】【自动生成】"))
    }
}
