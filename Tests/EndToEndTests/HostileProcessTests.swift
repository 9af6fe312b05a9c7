import Foundation
import TestSupport
import Testing

/// The process itself under hostile conditions (issue 15, class 3): odd paths and environment
/// values for every entry point, closed or full standard streams, a file-size limit. The built
/// binary is run through bash (`exec`, so the status seen is the binary's own), which can pass
/// any bytes as an argument and close or redirect descriptors. Every run must end by exit (no
/// signal), with status 0, 1 or 2 and a message.
@Suite(.serialized)
struct HostileProcessTests {
    struct Run: Sendable {
        var signaled: Bool
        var status: Int32
        var stdout: String
        var stderr: String

        /// No signal, a status of 0/1/2, something said, no trap message.
        var endedWell: Bool {
            !signaled && (0...2).contains(status) && !(stdout + stderr).isEmpty
                && !stderr.contains("Fatal error") && !stderr.contains("crashed")
        }
        var summary: String { "signaled \(signaled), status \(status)\nstdout: \(stdout.prefix(400))\nstderr: \(stderr.prefix(800))" }
    }

    /// An argument as bash's `$'…'` quoting of its bytes: exact for newlines and non-UTF-8 bytes.
    static func quoted(_ bytes: [UInt8]) -> String {
        "$'" + bytes.map { String(format: "\\x%02x", $0) }.joined() + "'"
    }

    static func quoted(_ text: String) -> String { quoted(Array(text.utf8)) }

    /// Runs `selfeval ARGS` in `directory` with `redirections` (e.g. `>&-`), after `prelude`.
    static func run(_ arguments: [[UInt8]], in directory: URL, environment: [String: String?] = [:],
                    redirections: String = "", prelude: String = "") throws -> Run {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/bash")
        let command = ([quoted(Array(BinaryRunner.binaryPath.utf8))] + arguments.map { quoted($0) }).joined(separator: " ")
        process.arguments = ["-c", "\(prelude) exec \(command) \(redirections)"]
        process.currentDirectoryURL = directory
        var env = ProcessInfo.processInfo.environment
        env["SOURCE_DATE_EPOCH"] = nil
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let (outData, errData) = BinaryRunner.drain(out, err)
        process.waitUntilExit()
        return Run(signaled: process.terminationReason == .uncaughtSignal, status: process.terminationStatus,
                   stdout: String(decoding: outData, as: UTF8.self), stderr: String(decoding: errData, as: UTF8.self))
    }

    static func run(_ arguments: [String], in directory: URL, environment: [String: String?] = [:],
                    redirections: String = "", prelude: String = "") throws -> Run {
        try run(arguments.map { Array($0.utf8) }, in: directory, environment: environment, redirections: redirections,
                prelude: prelude)
    }

    static let sample = FixturePaths.fixture("qiannan-guangzhou-2023.csv")

    /// A folder with the sample form as `q` (one character), a folder `d/` holding a form, and
    /// a file whose name is the empty-looking " ".
    static func playground() throws -> URL {
        let dir = try FixturePaths.temporaryDirectory("hostile")
        let fm = FileManager.default
        try fm.copyItem(atPath: sample, toPath: dir.appendingPathComponent("q").path)
        try fm.createDirectory(at: dir.appendingPathComponent("d"), withIntermediateDirectories: true)
        try fm.copyItem(atPath: sample, toPath: dir.appendingPathComponent("d/f.csv").path)
        try fm.copyItem(atPath: sample, toPath: dir.appendingPathComponent(" ").path)
        return dir
    }

    // MARK: Odd paths

    /// The odd paths of the issue, as bytes: one character, `.`, `..`, `d/`, trailing slashes,
    /// spaces, newlines, terminal escapes, non-UTF-8 bytes, very long, empty, a dash.
    static let oddPaths: [[UInt8]] = [
        "q", ".", "..", "d/", "d//", "/", "d/f.csv/", "./q", "q/", " ", "a b", "a\nb", "\n", "-", "",
        "\u{1B}[2J", "é", String(repeating: "x", count: 5000), String(repeating: "d/", count: 600) + "q",
        "no/such/folder/f.csv",
    ].map { Array($0.utf8) } + [[0xFF, 0xFE, 0x71], [0x64, 0x2F, 0xC3], [0xE4, 0xB8]]

    /// Odd paths made at random from the pieces above (seeded: a failure names its seed).
    static func randomPath(seed: UInt64) -> [UInt8] {
        var g = SeededGenerator(seed: seed)
        let pieces: [[UInt8]] = [[0x71], [0x2E], [0x2E, 0x2E], [0x64], [], [0x20], [0x0A], [0xFF], [0xC3],
                                 Array("表".utf8), Array("a b".utf8), [0x1B, 0x5B, 0x32, 0x4A],
                                 Array(repeating: 0x78, count: 300)]
        var path: [UInt8] = Bool.random(using: &g) ? [0x2F] : []
        for i in 0..<Int.random(in: 1...5, using: &g) {
            if i > 0 { path.append(0x2F) }
            path += pieces[Int.random(in: 0..<pieces.count, using: &g)]
        }
        if Bool.random(using: &g) { path.append(0x2F) }
        return path
    }

    static let pathCases: [[UInt8]] = oddPaths + (0..<12).map { randomPath(seed: UInt64($0) + 15) }

    /// Every entry point with a path in each place a path goes: the input, and the output.
    static func entryPoints(_ p: [UInt8]) -> [[[UInt8]]] {
        let b: (String) -> [UInt8] = { Array($0.utf8) }
        // A batch, and check (issue #16), search their input folders: "/" or ".." would search the
        // machine, not the path.
        let searchable = p.first != 0x2F && !String(decoding: p, as: UTF8.self).contains("..")
        return (searchable ? [[b("batch"), p, b("-o"), b("out")], [b("check"), p], [b("check"), p, b(sample)]] : []) + [
            [b("convert"), p], [b("convert"), p, b("--to"), b("csv")], [b("convert"), b(sample), b("-o"), p],
            [b("score"), p], [b("score"), b("--json"), p], [b("score"), b("--rules"), p, b(sample)],
            [b("batch"), b(sample), b("-o"), p],
            [b("template"), b("-o"), p],
        ]
    }

    @Test(arguments: pathCases.indices)
    func oddPathsNeverKillTheProcess(_ index: Int) throws {
        let path = Self.pathCases[index]
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in Self.entryPoints(path) {
            let r = try Self.run(arguments, in: dir)
            let shown = arguments.map { String(decoding: $0.prefix(60), as: UTF8.self) }.joined(separator: " ")
            #expect(r.endedWell, "case \(index): selfeval \(shown)\n\(r.summary)")
            // Whatever the path, no terminal escape reaches the terminal.
            #expect(!r.stderr.utf8.contains(0x1B) && !r.stdout.utf8.contains(0x1B), "case \(index): \(shown)")
        }
    }

    /// The one-character inputs of the issue convert, beside themselves; a batch of them too.
    @Test func oneCharacterInputsConvert() throws {
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        let convert = try Self.run(["convert", "q"], in: dir)
        #expect(convert.status == 0, "\(convert.summary)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("q.xlsx").path))
        let json = try Self.run(["convert", "./q", "--to", "json"], in: dir)
        #expect(json.status == 0, "\(json.summary)")
        #expect(FileManager.default.fileExists(atPath: dir.appendingPathComponent("q.json").path))
        for folder in [".", "d/", "d"] {
            let r = try Self.run(["convert", folder], in: dir)
            #expect(r.status == 1 && r.stderr.contains("[unreadable-file]"), "\(folder): \(r.summary)")
        }
        let batch = try Self.run(["batch", "q", "d/", "-o", "out"], in: dir)
        #expect(batch.status == 0, "\(batch.summary)")
        #expect(batch.stdout.contains("2 张转换成功,0 张失败"), "\(batch.summary)")
    }

    /// A path whose bytes are not UTF-8 is named as such (Swift would otherwise read it as
    /// another path and report "no such file" for a file that exists).
    @Test(arguments: [[0x71, 0xFF], [0xB1, 0xED, 0x2E, 0x63, 0x73, 0x76], [0x64, 0x2F, 0xC3]] as [[UInt8]])
    func nonUTF8ArgumentsAreNamed(_ path: [UInt8]) throws {
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in Self.entryPoints(path) {
            let r = try Self.run(arguments, in: dir)
            #expect(!r.signaled && r.status == 2, "\(r.summary)")
            #expect(r.stderr.contains("[argument-not-utf8]"), "\(r.summary)")
        }
    }

    // MARK: Environment

    /// SOURCE_DATE_EPOCH: (value, valid). Valid values are whole seconds within 1970–9999;
    /// leading zeros do not count against the range, however many (before 2026-12 a value
    /// longer than 12 characters was refused even when it named a second in range).
    static let epochs: [(String?, Bool)] = [
        (nil, true), ("0", true), ("1700000000", true), (" 1700000000 ", true), ("253402300799", true),
        ("0000000000001700000000", true), (String(repeating: "0", count: 400) + "253402300799", true),
        ("00000000000000000000", true), (" 0000000000001700000000 ", true),
        ("0000000000000253402300800", false), ("000" + String(repeating: "9", count: 20), false),
        ("-0000000000001700000000", false), ("0000000000001700000000x", false), ("+1700000000", false),
        ("", false), ("-1", false), ("-0", false), ("253402300800", false), ("99999999999999999999", false),
        (String(repeating: "9", count: 400), false), ("abc", false), ("1e9", false), ("1.5", false),
        ("０", false), ("0x10", false), ("\u{1B}[2J", false), ("1\n2", false),
    ]

    @Test(arguments: epochs.indices)
    func sourceDateEpochOutsideItsRangeIsAUsageError(_ index: Int) throws {
        let (value, valid) = Self.epochs[index]
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        let env: [String: String?] = ["SOURCE_DATE_EPOCH": value]
        let writers: [[String]] = [["convert", "q", "-o", "o.xlsx"], ["convert", "q", "-o", "o.json", "--to", "json"],
                                   ["batch", "q", "-o", "out"], ["template", "-o", "t.xlsx"]]
        for arguments in writers {
            let r = try Self.run(arguments, in: dir, environment: env)
            #expect(r.endedWell, "\(value ?? "unset"): \(arguments)\n\(r.summary)")
            if valid {
                #expect(r.status == 0, "\(value ?? "unset"): \(arguments)\n\(r.summary)")
            } else {
                #expect(r.status == 2, "\(value ?? "unset"): \(arguments)\n\(r.summary)")
                #expect(r.stderr.contains("[bad-source-date-epoch]") && r.stderr.contains("SOURCE_DATE_EPOCH"))
                #expect(!r.stderr.utf8.contains(0x1B))
            }
        }
        if !valid {
            // Nothing was written.
            let left = try FileManager.default.contentsOfDirectory(atPath: dir.path).sorted()
            #expect(left == [" ", "d", "q"], "\(left)")
        } else if let value, let seconds = Int(value.trimmingCharacters(in: .whitespaces)) {
            // The date written is the value's, leading zeros or not (0 is written as 1970's first second).
            let expected = [0: "1970-01-01T00:00:01Z", 1_700_000_000: "2023-11-14T22:13:20Z",
                            253_402_300_799: "9999-12-31T23:59:59Z"][seconds]
            let core = try XLSXInspector(path: dir.appendingPathComponent("o.xlsx").path).xml("docProps/core.xml")
            #expect(expected.map { core.contains($0) } == true, "\(value): \(core)")
        }
        // Readers do not write a workbook: the value does not concern them.
        for arguments in [["score", "q"], ["score", "--json", "q"], ["check", "q"]] {
            let r = try Self.run(arguments, in: dir, environment: env)
            #expect(r.endedWell && r.status == 0, "\(value ?? "unset"): \(arguments)\n\(r.summary)")
        }
    }

    /// Property: random environments (odd values in SOURCE_DATE_EPOCH, LANG, TMPDIR, HOME) on
    /// every entry point never end in a signal.
    @Test(arguments: 0..<6)
    func randomEnvironmentsNeverKillTheProcess(_ seed: Int) throws {
        var g = SeededGenerator(seed: UInt64(seed) &+ 77)
        let values = ["", "-", "..", "/nonexistent", "\u{1B}]0;t\u{07}", String(repeating: "9", count: 30), "-5", "x y",
                      "253402300800", "/dev/full", "C.UTF-8", "zh_CN.GB18030"]
        let pick = { (g: inout SeededGenerator) -> String? in
            Int.random(in: 0..<4, using: &g) == 0 ? nil : values[Int.random(in: 0..<values.count, using: &g)]
        }
        let env: [String: String?] = ["SOURCE_DATE_EPOCH": pick(&g), "LANG": pick(&g), "LC_ALL": pick(&g),
                                      "TMPDIR": pick(&g), "HOME": pick(&g), "COLUMNS": pick(&g)]
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["convert", "q"], ["score", "q"], ["score", "--json", "q"], ["check", "q"],
                          ["batch", "q", "-o", "out"], ["template", "-o", "t.xlsx"], ["--help"], ["nonsense"]] {
            let r = try Self.run(arguments, in: dir, environment: env)
            #expect(r.endedWell, "seed \(seed) \(env): \(arguments)\n\(r.summary)")
        }
    }

    // MARK: Standard streams

    /// Closed, full, or both: each entry point ends with a status and, where a stream still
    /// works, a message naming the one that failed.
    static let streamCases: [(String, String, String?)] = [
        // (redirection, failed stream's code, stream the message goes to: "out"/"err"/nil)
        (">&-", "stdout-write-failed", "err"),
        (">/dev/full", "stdout-write-failed", "err"),
        ("2>&-", "stderr-write-failed", "out"),
        ("2>/dev/full", "stderr-write-failed", "out"),
        (">&- 2>&-", "stdout-write-failed", nil),
        (">/dev/full 2>/dev/full", "stdout-write-failed", nil),
    ]

    /// Commands that write to both streams (the sample has warnings; the batch has a bad file).
    static let streamCommands: [[String]] = [
        ["check", "q"], ["score", "q"], ["score", "--json", "q"], ["convert", "q", "-o", "o.xlsx"],
        ["batch", "q", FixturePaths.fixture("malformed/empty.csv"), "-o", "out"],
    ]

    @Test(arguments: streamCases.indices)
    func aFailedStandardStreamIsAStatusNotATrap(_ index: Int) throws {
        let (redirection, code, messageOn) = Self.streamCases[index]
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in Self.streamCommands {
            let r = try Self.run(arguments, in: dir, redirections: redirection)
            #expect(!r.signaled, "\(redirection) \(arguments)\n\(r.summary)")
            #expect(r.status == 1, "\(redirection) \(arguments)\n\(r.summary)")
            switch messageOn {
            case "err": #expect(r.stderr.contains("[\(code)]"), "\(redirection) \(arguments)\n\(r.summary)")
            case "out": #expect(r.stdout.contains("[\(code)]"), "\(redirection) \(arguments)\n\(r.summary)")
            default: #expect(r.stdout.isEmpty && r.stderr.isEmpty)
            }
        }
        // The workbook written while stdout or stderr was closed is whole: no message went into it.
        if FileManager.default.fileExists(atPath: dir.appendingPathComponent("o.xlsx").path) {
            #expect(try XLSXInspector(path: dir.appendingPathComponent("o.xlsx").path).sheetNames() == ["自评表", "评分明细"])
        }
    }

    /// A stream nothing is written to may be closed: template writes only stdout.
    @Test func anUnusedClosedStreamIsNoFailure() throws {
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(["template", "-o", "t.xlsx"], in: dir, redirections: "2>&-")
        #expect(!r.signaled && r.status == 0, "\(r.summary)")
        #expect(r.stdout == "t.xlsx\n")
        let help = try Self.run(["--help"], in: dir, redirections: ">/dev/full")
        #expect(!help.signaled && help.status == 1 && help.stderr.contains("[stdout-write-failed]"), "\(help.summary)")
        let usage = try Self.run(["convert"], in: dir, redirections: "2>&-")
        #expect(!usage.signaled && usage.status == 2, "\(usage.summary)")
    }

    // MARK: File size limit

    /// Under `ulimit -f 1` every writer fails with exit 1 and a Chinese message, and leaves no
    /// temporary file (SIGXFSZ is ignored, so the write's EFBIG is ours to report).
    @Test(arguments: [["convert", "q", "-o", "big.xlsx"], ["convert", "q", "-o", "big.csv", "--to", "csv"],
                      ["convert", "q", "-o", "big.json", "--to", "json"], ["batch", "q", "-o", "out"],
                      ["template", "-o", "t.xlsx"]])
    func fileSizeLimitIsAnErrorWithNothingLeft(_ arguments: [String]) throws {
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try Self.run(arguments, in: dir, prelude: "ulimit -f 1;")
        #expect(!r.signaled, "\(arguments)\n\(r.summary)")
        #expect(r.status == 1, "\(arguments)\n\(r.summary)")
        #expect(r.stderr.contains("error: [write-failed]"), "\(arguments)\n\(r.summary)")
        #expect(r.stderr.unicodeScalars.contains { (0x4E00...0x9FFF).contains($0.value) }, "\(r.stderr)")
        var left: [String] = []
        if let walker = FileManager.default.enumerator(atPath: dir.path) {
            for case let name as String in walker { left.append(name) }
        }
        // No temporary file, no staging folder; the inputs are untouched.
        #expect(!left.contains { $0.contains(".tmp") || $0.contains("staging") }, "\(arguments): left \(left.sorted())")
        #expect(try Data(contentsOf: dir.appendingPathComponent("q")) == Data(contentsOf: URL(fileURLWithPath: Self.sample)))
        // A batch keeps its report.json (the list of what was and was not written) when it fits.
        let leftOver = left.sorted().filter { $0 != "out/report.json" }
        #expect(leftOver == [" ", "d", "d/f.csv", "q"] || leftOver == [" ", "d", "d/f.csv", "out", "q"],
                "\(arguments): left \(left.sorted())")
        if left.contains("out/report.json") {
            let data = try Data(contentsOf: dir.appendingPathComponent("out/report.json"))
            #expect((try? JSONSerialization.jsonObject(with: data)) != nil, "report.json is not JSON")
            #expect(!r.stdout.contains("汇总表.xlsx"), "the summary line names a workbook that was not written: \(r.stdout)")
        }
    }

    // MARK: Terminal escapes

    /// A cell holding ESC[2J and an OSC title sequence reaches stderr visibly escaped, as does
    /// a unit name on stdout and a path with an escape in it.
    @Test func cellEscapesArePrintedVisibly() throws {
        let dir = try Self.playground()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: Self.sample, encoding: .utf8)
        text = text.replacingOccurrences(of: ",,年度资金总额:,702.71,734.78,",
                                         with: ",,年度资金总额:,702.71,\u{1B}[2J\u{1B}]0;pwned\u{07}734.78,")
        text = text.replacingOccurrences(of: ",,黔南州人民政府驻广州办事处,", with: ",,黔南州\u{1B}[31m办事处,")
        try #require(text.contains("\u{1B}[2J"))
        let name = "e\u{1B}[2J.csv"
        try text.write(to: dir.appendingPathComponent(name), atomically: true, encoding: .utf8)
        for arguments in [["check", name], ["score", name], ["convert", name, "-o", "x.xlsx"]] {
            let r = try Self.run(arguments, in: dir)
            #expect(r.status == 1, "\(arguments)\n\(r.summary)")
            #expect(!r.stderr.utf8.contains(0x1B) && !r.stdout.utf8.contains(0x1B), "\(arguments)\n\(r.summary)")
            #expect(r.stderr.contains("\\u{1B}[2J\\u{1B}]0;pwned\\u{7}734.78"), "\(arguments)\n\(r.summary)")
            #expect(r.stderr.contains("e\\u{1B}[2J.csv:6:E: error: [budget-amount-invalid]"), "\(r.summary)")
        }
        // The JSON report escapes in its own way (\u001b), and stdout stays valid JSON.
        let fixed = text.replacingOccurrences(of: "\u{1B}[2J\u{1B}]0;pwned\u{07}734.78", with: "734.78")
        try fixed.write(to: dir.appendingPathComponent("u.csv"), atomically: true, encoding: .utf8)
        let check = try Self.run(["check", "u.csv"], in: dir)
        #expect(check.status == 0 && check.stdout.contains("黔南州\\u{1B}[31m办事处"), "\(check.summary)")
        let json = try Self.run(["score", "--json", "u.csv"], in: dir)
        #expect(json.status == 0 && !json.stdout.utf8.contains(0x1B))
        #expect((try? JSONSerialization.jsonObject(with: Data(json.stdout.utf8))) != nil)
    }
}
