import Foundation
import TestSupport
import Testing

/// The malformed corpus, end to end: every line of Fixtures/malformed/EXPECTED.tsv is run as
/// `selfeval check FILE` (and `--strict`) on the built binary, which must print the expected
/// diagnostic with its place, exit with the expected status, and write nothing.
@Suite(.serialized)
struct MalformedCorpusTests {
    /// One line of EXPECTED.tsv.
    struct Case: Sendable, CustomTestStringConvertible {
        var file: String
        var severity: String
        var code: String
        var row: Int
        var column: String
        var status: Int32
        var strictStatus: Int32

        var path: String { "Fixtures/malformed/\(file)" }
        /// `FILE:ROW:COL: severity: [code]`, as the diagnostic begins.
        var diagnostic: String { "\(path):\(row):\(column): \(severity): [\(code)]" }
        var testDescription: String { file }
    }

    /// The cases of EXPECTED.tsv (comment lines start with #; the first other line is the header).
    static let cases: [Case] = {
        let url = URL(fileURLWithPath: FixturePaths.fixture("malformed/EXPECTED.tsv"))
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        let lines = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        return lines.dropFirst().compactMap { line in
            let f = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard f.count == 7, let row = Int(f[3]), let status = Int32(f[5]), let strict = Int32(f[6]) else {
                return nil
            }
            return Case(file: f[0], severity: f[1], code: f[2], row: row, column: f[4], status: status,
                        strictStatus: strict)
        }
    }()

    let runner = BinaryRunner()

    @Test func expectationsAreReadAndCoverEveryFile() throws {
        let text = try String(contentsOfFile: FixturePaths.fixture("malformed/EXPECTED.tsv"), encoding: .utf8)
        let dataLines = text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") && !$0.isEmpty }
        #expect(Self.cases.count == dataLines.count - 1, "a line of EXPECTED.tsv does not parse")
        let files = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("malformed"))
            .filter { $0.hasSuffix(".csv") }
        #expect(Set(files) == Set(Self.cases.map(\.file)))
    }

    @Test(arguments: cases)
    func checkGivesTheExpectedDiagnosticAndStatus(_ c: Case) throws {
        let r = try runner.run(["check", c.path])
        #expect(r.status == c.status, "\(r.stderr)")
        #expect(r.stderr.contains(c.diagnostic), "expected \(c.diagnostic) in:\n\(r.stderr)")
        #expect(!r.stderr.contains("Fatal error"))
        let errors = r.stderr.split(separator: "\n").filter { $0.contains(": error: [") }
        if c.severity == "error" {
            // A file that cannot be read fails with one error, its own.
            #expect(errors.count == 1, "\(r.stderr)")
        } else {
            #expect(errors.isEmpty, "\(r.stderr)")
        }
        let strict = try runner.run(["check", "--strict", c.path])
        #expect(strict.status == c.strictStatus, "\(strict.stderr)")
    }

    /// `convert` of every malformed file: an error leaves no output file (nor a temporary one)
    /// behind; a warning-only form is converted, with its warning.
    @Test(arguments: cases)
    func convertLeavesNoFileBehindOnError(_ c: Case) throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for format in ["xlsx", "csv", "json"] {
            let out = dir.appendingPathComponent("out.\(format)").path
            let r = try runner.run(["convert", c.path, "-o", out, "--to", format])
            #expect(r.stderr.contains(c.diagnostic), "\(r.stderr)")
            if c.severity == "error" {
                #expect(r.status == 1)
                #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
            } else {
                #expect(r.status == 0, "\(r.stderr)")
                #expect(FileManager.default.fileExists(atPath: out))
                if format == "xlsx" { try XLSXInspector(path: out).open() }  // every XML part well-formed
                try FileManager.default.removeItem(atPath: out)
            }
        }
    }

    /// All files in one command: each fails alone, the good form after them is still read, and
    /// nothing is written anywhere under Fixtures/.
    @Test func checkWritesNothingAndReadsEveryFile() throws {
        let before = try Self.listing(FixturePaths.fixture(""))
        let r = try runner.run(["check"] + Self.cases.map(\.path) + ["Fixtures/qiannan-guangzhou-2023.csv"])
        #expect(r.status == 1)
        for c in Self.cases {
            #expect(r.stderr.contains(c.diagnostic), "\(c.file)")
        }
        #expect(r.stdout.contains("qiannan-guangzhou-2023.csv: 部门整体支出绩效目标自评表,"))
        #expect(try Self.listing(FixturePaths.fixture("")) == before)
    }

    /// A 100 MB file is refused by its size, before it is read (a sparse file: reading it
    /// would take 100 MB), with an error that names the limit.
    @Test func hundredMegabyteFileIsRefusedWithTheLimit() throws {
        let dir = try FixturePaths.temporaryDirectory("selfeval-hostile")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 << 20)
        try handle.close()
        let start = Date()
        let r = try runner.run(["check", path])
        #expect(r.status == 1)
        #expect(r.stderr.contains("\(path):1:A: error: [file-too-large]"), "\(r.stderr)")
        #expect(r.stderr.contains("max-bytes"))
        #expect(Date().timeIntervalSince(start) < 30)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["big.csv"])
    }

    /// Every file under `root` with its size and modification time.
    static func listing(_ root: String) throws -> [String] {
        let manager = FileManager.default
        guard let paths = manager.enumerator(atPath: root)?.allObjects as? [String] else { return [] }
        return try paths.sorted().map { path in
            let attributes = try manager.attributesOfItem(atPath: (root as NSString).appendingPathComponent(path))
            let size = (attributes[.size] as? NSNumber)?.intValue ?? -1
            let modified = (attributes[.modificationDate] as? Date)?.timeIntervalSince1970 ?? 0
            return "\(path)\t\(size)\t\(modified)"
        }
    }
}

/// `score --json` in two processes (each with its own hash seed) prints the same report.
@Suite(.serialized)
struct ScoreDeterminismEndToEndTests {
    let runner = BinaryRunner()

    @Test(arguments: ["qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023.unscored.csv",
                      "malformed/duplicate-indicator.csv", "malformed/weight-zero.csv",
                      "malformed/score-above-weight.csv", "malformed/missing-budget.csv"])
    func twoRunsPrintTheSameReport(_ name: String) throws {
        let first = try runner.run(["score", "--json", "Fixtures/\(name)"])
        let second = try runner.run(["score", "--json", "Fixtures/\(name)"])
        #expect(first.status == 0, "\(first.stderr)")
        #expect(!first.stdout.isEmpty)
        #expect(first.stdout == second.stdout)
        #expect(first.stderr == second.stderr)
    }
}
