import Foundation
import TestSupport
import Testing

/// The built binary against hostile files (issue #15, classes 2, 4, 5, 6 and 7): a FIFO does not
/// block it, an output never replaces an input, a link, a FIFO or a device, nor an existing file
/// without --force; SIGTERM leaves nothing behind; --jobs is capped by the open-file limit.
@Suite(.serialized)
struct HostileFilesCommandTests {
    static let form = FixturePaths.fixture("qiannan-guangzhou-2023.csv")

    /// Runs the binary, killing it after `seconds` (a hang is a failure, not a stuck test run).
    static func run(_ arguments: [String], seconds: Double = 60, shell: String? = nil) throws -> (status: Int32, stdout: String, stderr: String, timedOut: Bool) {
        let process = Process()
        if let shell {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shell + " \"$@\"", "sh", BinaryRunner.binaryPath] + arguments  // "$@": the binary and its arguments
        } else {
            process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
            process.arguments = arguments
        }
        process.currentDirectoryURL = FixturePaths.root
        let dir = try FixturePaths.temporaryDirectory("run")
        let out = dir.appendingPathComponent("out"), err = dir.appendingPathComponent("err")
        FileManager.default.createFile(atPath: out.path, contents: nil)
        FileManager.default.createFile(atPath: err.path, contents: nil)
        process.standardOutput = try FileHandle(forWritingTo: out)
        process.standardError = try FileHandle(forWritingTo: err)
        process.standardInput = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(seconds)
        while process.isRunning && Date() < deadline { Thread.sleep(forTimeInterval: 0.02) }
        let timedOut = process.isRunning
        if timedOut { kill(process.processIdentifier, SIGKILL) }
        process.waitUntilExit()
        return (process.terminationStatus, try String(contentsOf: out, encoding: .utf8), try String(contentsOf: err, encoding: .utf8), timedOut)
    }

    @Test func aFIFOAmongTheFormsDoesNotBlockTheBatch() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: Self.form, toPath: input.appendingPathComponent("a.csv").path)
        #expect(mkfifo(input.appendingPathComponent("b.csv").path, 0o644) == 0)
        let r = try Self.run(["batch", input.path, "-o", dir.appendingPathComponent("out").path], seconds: 30)
        #expect(!r.timedOut)
        #expect(r.status == 1)
        #expect(r.stdout.contains("1 张转换成功,1 张失败"))
        #expect(r.stderr.contains("b.csv:1:A: error: [not-a-regular-file] 这是命名管道(FIFO),不是普通文件"))
        // Given directly to convert, too.
        let c = try Self.run(["convert", input.appendingPathComponent("b.csv").path, "-o", dir.appendingPathComponent("x.xlsx").path], seconds: 30)
        #expect(!c.timedOut)
        #expect(c.status == 1)
        #expect(c.stderr.contains("error: [not-a-regular-file]") && c.stderr.contains("不是普通文件"))
        // And to check and score, which read the same way.
        for command in ["check", "score"] {
            let r = try Self.run([command, input.appendingPathComponent("b.csv").path], seconds: 30)
            #expect(!r.timedOut && r.status == 1 && r.stderr.contains("[not-a-regular-file]"), "\(command)")
        }
    }

    enum Target: String, CaseIterable, Sendable { case fifo, symlink, device, symlinkToInput, existing }

    static func make(_ target: Target, at path: String, input: String) throws {
        switch target {
        case .fifo: #expect(mkfifo(path, 0o644) == 0)
        case .symlink: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
        case .device:
            // A device node like /dev/null (root may create one; else a link to /dev/null itself).
            if mknod(path, S_IFCHR | 0o666, dev_t((1 << 8) | 3)) != 0 {
                try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null")
            }
        case .symlinkToInput: try FileManager.default.createSymbolicLink(atPath: path, withDestinationPath: input)
        case .existing: try Data("a filled form".utf8).write(to: URL(fileURLWithPath: path))
        }
    }

    /// `convert -o X` onto what is not a plain new file: refused (exit 1, a Chinese message), X
    /// untouched; `--force` replaces only an existing regular file.
    @Test(arguments: Target.allCases, [false, true])
    func convertOntoWhatMayNotBeReplaced(_ target: Target, _ force: Bool) throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let input = dir.appendingPathComponent("form.csv").path
        try FileManager.default.copyItem(atPath: Self.form, toPath: input)
        let inputBytes = try Data(contentsOf: URL(fileURLWithPath: input))
        let output = dir.appendingPathComponent("out.csv").path
        try Self.make(target, at: output, input: input)
        var before = stat()
        #expect(lstat(output, &before) == 0)
        let r = try Self.run(["convert", input, "-o", output, "--to", "csv"] + (force ? ["--force"] : []), seconds: 30)
        #expect(!r.timedOut)
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == inputBytes)
        var after = stat()
        #expect(lstat(output, &after) == 0)
        if target == .existing && force {
            #expect(r.status == 0, "\(r.stderr)")
            #expect(try String(contentsOfFile: output, encoding: .utf8).contains("部门整体支出绩效目标自评表"))
            return
        }
        #expect(r.status == 1)
        let code = target == .existing ? "output-exists" : target == .symlinkToInput ? "output-is-input" : "output-not-regular"
        #expect(r.stderr.contains("error: [\(code)]"), "\(r.stderr)")
        #expect(r.stderr.contains("不会"))
        #expect(after.st_ino == before.st_ino && after.st_mode == before.st_mode)
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasPrefix(".") })
    }

    @Test func convertWritesItsOutputOnlyOnceWithoutForce() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let input = dir.appendingPathComponent("form.csv").path
        try FileManager.default.copyItem(atPath: Self.form, toPath: input)
        #expect(try Self.run(["convert", input]).status == 0)
        let second = try Self.run(["convert", input])
        #expect(second.status == 1)
        #expect(second.stderr.contains("[output-exists]") && second.stderr.contains("--force"))
        #expect(try Self.run(["convert", input, "--force"]).status == 0)
    }

    /// `template -o form.csv` over a filled form: refused without --force.
    @Test func templateDoesNotReplaceAFilledForm() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let filled = dir.appendingPathComponent("form.csv").path
        try FileManager.default.copyItem(atPath: Self.form, toPath: filled)
        let before = try Data(contentsOf: URL(fileURLWithPath: filled))
        let r = try Self.run(["template", "-o", filled])
        #expect(r.status == 1)
        #expect(r.stderr.contains("[output-exists]"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: filled)) == before)
        let fifo = dir.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let p = try Self.run(["template", "-o", fifo, "--force"], seconds: 30)
        #expect(!p.timedOut && p.status == 1 && p.stderr.contains("[output-not-regular]"))
        #expect(try Self.run(["template", "-o", filled, "--force"]).status == 0)
        #expect(try Data(contentsOf: URL(fileURLWithPath: filled)) != before)
    }

    /// The issue's case through the binary: in/my-form.csv links to the file the batch names as
    /// its CSV output.
    @Test func batchNeverReplacesAnInputThroughALink() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let input = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let target = out.appendingPathComponent("黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表.csv").path
        try FileManager.default.copyItem(atPath: Self.form, toPath: target)
        try FileManager.default.createSymbolicLink(atPath: input.appendingPathComponent("my-form.csv").path, withDestinationPath: target)
        let before = try Data(contentsOf: URL(fileURLWithPath: target))
        let r = try Self.run(["batch", input.path, "-o", out.path, "--to", "csv"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try Data(contentsOf: URL(fileURLWithPath: target)) == before)
        #expect(FileManager.default.fileExists(atPath: out.appendingPathComponent("黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表-2.csv").path))
    }

    /// SIGTERM and SIGINT during a batch: the staging folder and temporary files are removed and
    /// the status is 143 / 130.
    @Test(arguments: [(SIGTERM, Int32(143)), (SIGINT, Int32(130))])
    func aSignalLeavesNothingBehind(_ signal: Int32, _ status: Int32) throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let input = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 0..<600 {
            try FileManager.default.copyItem(atPath: Self.form, toPath: input.appendingPathComponent(String(format: "f%04d.csv", i)).path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = ["batch", input.path, "-o", out.path, "--jobs", "2"]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        // Wait until the staging folder holds some files, then signal.
        var staged = 0
        let deadline = Date().addingTimeInterval(60)
        while process.isRunning && Date() < deadline && staged < 20 {
            let staging = (try? FileManager.default.contentsOfDirectory(atPath: out.path))?.first { $0.hasPrefix(".selfeval-staging-") }
            staged = staging.flatMap { try? FileManager.default.contentsOfDirectory(atPath: out.appendingPathComponent($0).path).count } ?? 0
            Thread.sleep(forTimeInterval: 0.005)
        }
        #expect(process.isRunning, "the batch finished before it could be signalled")
        kill(process.processIdentifier, signal)
        process.waitUntilExit()
        #expect(process.terminationReason == .exit)
        #expect(process.terminationStatus == status)
        let left = try FileManager.default.contentsOfDirectory(atPath: out.path)
        #expect(left.filter { $0.hasPrefix(".") } == [], "\(left.filter { $0.hasPrefix(".") })")
    }

    /// `--jobs 1100` under a 1,024-descriptor limit: fewer workers, every form converted.
    @Test func jobsAreCappedByTheOpenFileLimit() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        for i in 0..<200 {  // more forms than the 124 workers 1,024 descriptors allow
            try FileManager.default.copyItem(atPath: Self.form, toPath: input.appendingPathComponent("f\(i).csv").path)
        }
        let r = try Self.run(["batch", input.path, "-o", dir.appendingPathComponent("out").path, "--jobs", "1100"],
                             shell: "ulimit -n 1024 && exec")
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("200 张转换成功,0 张失败"))
        #expect(r.stderr.contains("--jobs 1100 超过进程可打开的文件数"))
    }

    /// A benchmark guard, not a timed unit test: a project form with a 32,767-character unit,
    /// project name and reason cell converts in well under a second, compared with the normal
    /// form in the same run (it took 64 s when names were shortened a character at a time).
    @Test func longestCellsConvertAboutAsFastAsANormalForm() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let text = try String(contentsOfFile: FixturePaths.fixture("project/national.csv"), encoding: .utf8)
        let long = text
            .replacingOccurrences(of: "青山县2023年农村供水保障工程", with: String(repeating: "项", count: 32_767))
            .replacingOccurrences(of: "青山县农村供水管理站", with: String(repeating: "单", count: 32_767))
            .replacingOccurrences(of: "2处工程因选址调整顺延至下一年度实施，前期工作已完成，将于明年6月前建成。", with: String(repeating: "因", count: 32_767))
        let longPath = dir.appendingPathComponent("long.csv").path
        try long.write(toFile: longPath, atomically: true, encoding: .utf8)
        func seconds(_ input: String, _ output: String) throws -> Double {
            let start = Date()
            let r = try Self.run(["convert", input, "-o", dir.appendingPathComponent(output).path])
            #expect(r.status == 0, "\(r.stderr)")
            return Date().timeIntervalSince(start)
        }
        _ = try seconds(FixturePaths.fixture("project/national.csv"), "warm.xlsx")
        let normal = try seconds(FixturePaths.fixture("project/national.csv"), "normal.xlsx")
        let longTime = try seconds(longPath, "long.xlsx")
        #expect(longTime < normal * 10 + 1.0, "long \(longTime) s, normal \(normal) s")
        // And through batch, which names the output after the unit and project.
        let start = Date()
        let b = try Self.run(["batch", longPath, "-o", dir.appendingPathComponent("out").path])
        #expect(b.status == 0)
        #expect(Date().timeIntervalSince(start) < normal * 10 + 1.0)
        let names = try FileManager.default.contentsOfDirectory(atPath: dir.appendingPathComponent("out").path)
        #expect(names.contains { $0.hasSuffix("-2023-项目支出绩效自评表.xlsx") && $0.utf8.count <= 205 })
    }

    /// Units whose names cannot be cut by characters, or that spoof another name: the batch still
    /// writes every form, under names within the limits and without format controls.
    @Test func hostileUnitNamesStillGiveFiles() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let input = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Self.form, encoding: .utf8)
        let units = ["a" + String(repeating: "\u{301}", count: 300), String(repeating: "👨‍👩‍👧‍👦", count: 40),
                     "财政\u{200B}局", "财政局", "单位\u{202E}xslx.exe"]
        for (i, unit) in units.enumerated() {
            try text.replacingOccurrences(of: "黔南州人民政府驻广州办事处", with: unit)
                .write(to: input.appendingPathComponent("f\(i).csv"), atomically: true, encoding: .utf8)
        }
        let r = try Self.run(["batch", input.path, "-o", out.path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("5 张转换成功,0 张失败"))
        let names = try FileManager.default.contentsOfDirectory(atPath: out.path).filter { $0.hasSuffix("自评表.xlsx") || $0.contains("自评表-") }
        #expect(names.count == 5)
        #expect(names.allSatisfy { $0.utf8.count <= 210 })
        #expect(names.allSatisfy { !$0.unicodeScalars.contains { $0.properties.generalCategory == .format } })
        #expect(names.contains("财政局-2023-部门整体支出绩效自评表.xlsx") && names.contains("财政局-2023-部门整体支出绩效自评表-2.xlsx"))
        #expect(names.contains("单位xslx.exe-2023-部门整体支出绩效自评表.xlsx"))
    }

    /// An `-o` name of 233–255 bytes: the temporary name beside it still fits NAME_MAX.
    @Test(arguments: [233, 240, 250, 255])
    func longOutputNamesAreWritten(_ bytes: Int) throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-e2e")
        let name = String(repeating: "单", count: (bytes - 5) / 3) + String(repeating: "a", count: (bytes - 5) % 3) + ".xlsx"
        #expect(name.utf8.count == bytes)
        let r = try Self.run(["convert", Self.form, "-o", dir.appendingPathComponent(name).path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name])
    }

    /// A disk that fills up during a batch, through the binary: every failed form is printed with
    /// its path, the counts add up, and report.json is there.
    @Test(.enabled(if: Shell.canMountTmpfs, "needs root and tmpfs mounts"))
    func aFullDiskReportsEveryForm() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-enospc")
        let input = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let text = try String(contentsOfFile: Self.form, encoding: .utf8)
        for i in 1...30 {
            try text.replacingOccurrences(of: "黔南州人民政府驻广州办事处", with: "单位\(i)")
                .write(to: input.appendingPathComponent(String(format: "f%02d.csv", i)), atomically: true, encoding: .utf8)
        }
        #expect(Shell.run("mount -t tmpfs -o size=400k tmpfs '\(out.path)'") == 0)
        defer { Shell.run("umount '\(out.path)'") }
        let r = try Self.run(["batch", input.path, "-o", out.path, "--jobs", "2"])
        #expect(r.status == 1)
        let counts = r.stdout.matches(of: /(\d+) 张/).compactMap { Int($0.output.1) }
        #expect(counts.count == 2 && counts[0] + counts[1] == 30 && counts[1] > 0, "\(r.stdout)")
        let failedForms = Set(r.stderr.split(separator: "\n").compactMap { line -> String? in
            guard line.contains(": error: ["), let range = line.range(of: "/in/f") else { return nil }
            return String(line[range.lowerBound...].prefix(10))
        })
        #expect(failedForms.count == (counts.count == 2 ? counts[1] : -1), "\(r.stderr)")
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: out.appendingPathComponent("report.json"))) as? [String: Any]
        #expect(report?["errors"] != nil && report?["outputs"] != nil)
    }
}
