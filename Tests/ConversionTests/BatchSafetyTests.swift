import Foundation
import TestSupport
import Testing
@testable import Conversion
import XLSXReport

/// A batch never replaces what it must not, leaves nothing behind, and reports every failure
/// (issue #15, classes 2, 4, 6 and 7).
@Suite("Batch safety", .serialized)
struct BatchSafetyTests {
    static let form = FixturePaths.fixture("qiannan-guangzhou-2023.csv")
    static let outputBase = "黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表"

    static func bytes(_ path: String) throws -> Data { try Data(contentsOf: URL(fileURLWithPath: path)) }

    /// The case: in/my-form.csv is a link to the very file the batch names as its output.
    @Test(arguments: ["symbolic", "hard"])
    func anInputLinkedToTheOutputNameIsNeverReplaced(_ kind: String) throws {
        let dir = try FixturePaths.temporaryDirectory("batch-safety")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in"), out = dir.appendingPathComponent("out")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
        let target = out.appendingPathComponent(Self.outputBase + ".csv").path
        try FileManager.default.copyItem(atPath: Self.form, toPath: target)
        let link = input.appendingPathComponent("my-form.csv").path
        if kind == "symbolic" { try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: target) }
        else { #expect(Conversion_link(target, link) == 0) }
        let before = try Self.bytes(target)

        let outcome = try Batch(jobs: 1, formats: [.csv], collectRows: true).run(inputs: [input.path], outputDirectory: out.path)
        #expect(outcome.converted == 1)
        #expect(try Self.bytes(target) == before)
        #expect(outcome.rows.first?.output == Self.outputBase + "-2.csv")
    }

    /// Re-running into the same folder replaces the previous run's outputs (listed in its
    /// report.json), passes over files it did not make, and over links, FIFOs and folders even
    /// with --force; --force replaces files it did not make.
    @Test func rerunsReplaceOnlyWhatSelfevalMade() throws {
        let dir = try FixturePaths.temporaryDirectory("batch-safety")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        func batch(force: Bool = false, replace: Bool = true) -> Batch {
            var b = Batch(jobs: 1, formats: [.xlsx, .json], collectRows: true)
            b.force = force
            b.replace = replace
            return b
        }
        let first = try batch().run(inputs: [Self.form], outputDirectory: out)
        #expect(first.rows.first?.output == "\(Self.outputBase).xlsx, \(Self.outputBase).json")
        let listed = try #require(BatchReport.outputsListed(in: first.reportPath))
        #expect(listed == ["\(Self.outputBase).xlsx", "\(Self.outputBase).json", "汇总表.xlsx", "report.json"])

        // Issue #16: without --replace a folder holding an earlier run is refused, untouched.
        let before = try FileManager.default.contentsOfDirectory(atPath: out).sorted()
        #expect(throws: ConversionError.self) { try batch(replace: false).run(inputs: [Self.form], outputDirectory: out) }
        do {
            _ = try batch(replace: false).run(inputs: [Self.form], outputDirectory: out)
        } catch {
            #expect(error.kind == .earlierRun)
            #expect(error.diagnostic.message.contains("--replace"))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: out).sorted() == before)

        let second = try batch().run(inputs: [Self.form], outputDirectory: out)
        #expect(second.rows.first?.output == first.rows.first?.output)
        #expect(second.errors.isEmpty)

        // A file the user put there, a FIFO and a link under the names the next run would take.
        let foreign = (out as NSString).appendingPathComponent("\(Self.outputBase).xlsx")
        try FileManager.default.removeItem(atPath: foreign)
        try Data("the user's own file".utf8).write(to: URL(fileURLWithPath: foreign))
        try FileManager.default.removeItem(atPath: (out as NSString).appendingPathComponent("\(Self.outputBase).json"))
        #expect(mkfifo((out as NSString).appendingPathComponent("\(Self.outputBase).json"), 0o644) == 0)
        try FileManager.default.createSymbolicLink(atPath: (out as NSString).appendingPathComponent("\(Self.outputBase)-2.json"),
                                                   withDestinationPath: "/dev/null")
        let third = try batch().run(inputs: [Self.form], outputDirectory: out)
        #expect(third.rows.first?.output == "\(Self.outputBase)-2.xlsx, \(Self.outputBase)-3.json")
        #expect(try String(contentsOfFile: foreign, encoding: .utf8) == "the user's own file")
        #expect(third.notices.contains { $0.contains(foreign) })  // kept, and said so

        let fourth = try batch(force: true).run(inputs: [Self.form], outputDirectory: out)
        // The third run's files removed (--replace); the user's file replaced (--force); the FIFO
        // and the link passed over.
        #expect(fourth.rows.first?.output == "\(Self.outputBase).xlsx, \(Self.outputBase)-3.json")
        #expect(!FileManager.default.fileExists(atPath: (out as NSString).appendingPathComponent("\(Self.outputBase)-2.xlsx")))
        #expect(try Self.bytes(foreign).starts(with: [0x50, 0x4B]))  // now a workbook (zip)
        var info = stat()
        #expect(lstat((out as NSString).appendingPathComponent("\(Self.outputBase).json"), &info) == 0 && info.st_mode & S_IFMT == S_IFIFO)
        #expect(lstat((out as NSString).appendingPathComponent("\(Self.outputBase)-2.json"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
    }

    /// --replace removes what the earlier report.json lists, and nothing it must not: an input of
    /// this run listed there, a link, a folder, names with "/" or "..", a file not listed.
    @Test func replaceRemovesOnlyListedRegularFilesThatAreNoInput() throws {
        let dir = try FixturePaths.temporaryDirectory("batch-safety")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        func inOut(_ name: String) -> String { (out as NSString).appendingPathComponent(name) }
        let input = inOut("input.csv")
        try FileManager.default.copyItem(atPath: Self.form, toPath: input)
        try Data("old".utf8).write(to: URL(fileURLWithPath: inOut("old.xlsx")))
        try Data("not listed".utf8).write(to: URL(fileURLWithPath: inOut("mine.txt")))
        try Data("outside".utf8).write(to: URL(fileURLWithPath: dir.appendingPathComponent("outside.txt").path))
        try FileManager.default.createSymbolicLink(atPath: inOut("link.xlsx"), withDestinationPath: inOut("mine.txt"))
        try FileManager.default.createDirectory(atPath: inOut("folder.xlsx"), withIntermediateDirectories: true)
        usleep(20_000)
        let names = ["old.xlsx", "input.csv", "link.xlsx", "folder.xlsx", "../outside.txt", "..", "report.json"]
        let report = "{\n\"outputs\" : [\n" + names.map { "\"\($0)\"" }.joined(separator: ",\n") + "\n],\n\"forms\" : []\n}\n"
        try Data(report.utf8).write(to: URL(fileURLWithPath: inOut("report.json")))
        #expect(BatchReport.outputsListed(in: inOut("report.json")) == names)

        var b = Batch(jobs: 1, formats: [.json], collectRows: true)
        b.replace = true
        let outcome = try b.run(inputs: [input], outputDirectory: out)
        #expect(outcome.converted == 1)
        #expect(!FileManager.default.fileExists(atPath: inOut("old.xlsx")))
        #expect(try String(contentsOfFile: input, encoding: .utf8).count > 100)  // the input stays
        #expect(try String(contentsOfFile: inOut("mine.txt"), encoding: .utf8) == "not listed")
        #expect(try String(contentsOfFile: dir.appendingPathComponent("outside.txt").path, encoding: .utf8) == "outside")
        var info = stat()
        #expect(lstat(inOut("link.xlsx"), &info) == 0 && info.st_mode & S_IFMT == S_IFLNK)
        #expect(lstat(inOut("folder.xlsx"), &info) == 0 && info.st_mode & S_IFMT == S_IFDIR)
        #expect(outcome.notices.contains { $0.contains("input.csv") })
    }

    /// A 汇总表.xlsx and report.json that selfeval did not make are not replaced without --force;
    /// the forms are still converted and every error still reported.
    @Test func foreignSummaryAndReportAreKept() throws {
        let dir = try FixturePaths.temporaryDirectory("batch-safety")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        for name in ["汇总表.xlsx", "report.json"] {
            try Data("mine".utf8).write(to: URL(fileURLWithPath: (out as NSString).appendingPathComponent(name)))
        }
        let outcome = try Batch(jobs: 1).run(inputs: [Self.form, FixturePaths.fixture("malformed/not-a-form.csv")], outputDirectory: out)
        #expect(outcome.converted == 1 && outcome.failed == 1)
        #expect(outcome.errors.map(\.code.rawValue).sorted() == ["not-a-form", "output-exists", "output-exists"])
        for name in ["汇总表.xlsx", "report.json"] {
            #expect(try String(contentsOfFile: (out as NSString).appendingPathComponent(name), encoding: .utf8) == "mine")
        }
        var forced = Batch(jobs: 1)
        forced.force = true
        forced.replace = true  // the foreign report.json is not selfeval's: no earlier run
        let again = try forced.run(inputs: [Self.form], outputDirectory: out)
        #expect(again.errors.isEmpty)
        #expect(BatchReport.outputsListed(in: again.reportPath) != nil)
    }

    /// Staging folders and temporary files of runs that died (SIGKILL, power loss) are removed
    /// by the next run; a live process's are left alone.
    @Test func staleStagingOfDeadRunsIsRemoved() throws {
        let dir = try FixturePaths.temporaryDirectory("batch-safety")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let dead = try Self.deadPID()
        let fm = FileManager.default
        let stale = (out as NSString).appendingPathComponent(".selfeval-staging-\(dead)-ABCD1234")
        let live = (out as NSString).appendingPathComponent(".selfeval-staging-1-ABCD1234")  // init: alive
        for folder in [stale, live] {
            try fm.createDirectory(atPath: folder + "/deep", withIntermediateDirectories: true)
            for i in 0..<50 { try Data("x".utf8).write(to: URL(fileURLWithPath: folder + "/\(i).xlsx")) }
        }
        let staleTemporary = (out as NSString).appendingPathComponent(".汇总表.xlsx.\(dead)-0123ABCD.tmp")
        let userFile = (out as NSString).appendingPathComponent(".notes.tmp")
        for file in [staleTemporary, userFile] { try Data("x".utf8).write(to: URL(fileURLWithPath: file)) }

        _ = try Batch(jobs: 1).run(inputs: [Self.form], outputDirectory: out)
        let left = try fm.contentsOfDirectory(atPath: out).filter { $0.hasPrefix(".") }.sorted()
        #expect(left == [".notes.tmp", ".selfeval-staging-1-ABCD1234"])
    }

    /// The PID of a process that has ended.
    static func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test(arguments: [
        (1100, 5000, 1024 as Int?, 124, true), (4, 2, 1024, 2, false), (8, 100, nil, 8, false), (2000, 10, 40, 1, true),
        (1, 0, 1024, 1, false), (200, 1000, 20_000, 200, false),
    ] as [(Int, Int, Int?, Int, Bool)])
    func workersAreCappedByTheOpenFileLimit(_ jobs: Int, _ forms: Int, _ limit: Int?, _ expected: Int, _ capped: Bool) {
        let count = Batch.workerCount(jobs: jobs, forms: forms, descriptorLimit: limit)
        #expect(count.count == expected)
        #expect((count.cappedAt != nil) == capped)
    }

    /// A disk that fills up during a batch: every form is converted or reported, and report.json
    /// survives (shortened: what was and was not written, from the reserve given back).
    @Test(.enabled(if: Shell.canMountTmpfs, "needs root and tmpfs mounts"))
    func aFullDiskHidesNoFailure() throws {
        let dir = try FixturePaths.temporaryDirectory("batch-enospc")
        let out = dir.appendingPathComponent("out").path
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        #expect(Shell.run("mount -t tmpfs -o size=400k tmpfs '\(out)'") == 0)
        defer {
            Shell.run("umount '\(out)'")
            try? FileManager.default.removeItem(at: dir)
        }
        let text = try String(contentsOfFile: Self.form, encoding: .utf8)
        for i in 1...30 {
            try text.replacingOccurrences(of: "黔南州人民政府驻广州办事处", with: "单位\(i)")
                .write(to: input.appendingPathComponent(String(format: "f%02d.csv", i)), atomically: true, encoding: .utf8)
        }
        let outcome = try Batch(jobs: 2, collectRows: true).run(inputs: [input.path], outputDirectory: out)
        #expect(outcome.converted + outcome.failed == 30)
        #expect(outcome.failed > 0 && outcome.converted > 0)
        // Every failed form has its own error, with its path.
        let failedSources = Set(outcome.rows.filter { !$0.succeeded }.map(\.source))
        #expect(failedSources.count == outcome.failed)
        #expect(failedSources.isSubset(of: Set(outcome.errors.map(\.source))))
        // "N converted" is true: exactly the converted forms' files are in the folder.
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.filter { $0.hasPrefix("单位") }.count == outcome.converted)
        #expect(!files.contains { $0.hasPrefix(".") })
        // report.json is there and lists what was written and every error.
        let report = try #require(try JSONSerialization.jsonObject(with: Self.bytes(outcome.reportPath)) as? [String: Any])
        let listed = try #require(report["outputs"] as? [String])
        #expect(Set(listed.filter { $0.hasPrefix("单位") }) == Set(files.filter { $0.hasPrefix("单位") }))
        let errors = try #require(report["errors"] as? [[String: Any]])
        #expect(Set(errors.compactMap { $0["source"] as? String }).isSuperset(of: failedSources))
    }

    /// A file whose status changed in the same clock tick as report.json, or later, is not
    /// ours (a doubt never goes against the user's file); only a strictly earlier one is.
    @Test(arguments: [(-1, 0, false), (0, -1, false), (0, 0, true), (0, 1, true), (1, -999_999_999, true)])
    func aTieWithTheReportIsAChange(seconds: Int, nanoseconds: Int, changed: Bool) {
        var report = stat()
        report.st_ctim = timespec(tv_sec: 1_000, tv_nsec: 500_000_000)
        var file = stat()
        file.st_ctim = timespec(tv_sec: 1_000 + seconds, tv_nsec: 500_000_000 + nanoseconds)
        #expect(BatchReport.changed(file, after: report) == changed)
    }

    /// report.json is written only once the file clock has passed every output's time, so that
    /// the outputs of a run are strictly older than its report, on any file system clock.
    @Test func theReportIsStrictlyLaterThanEveryOutput() throws {
        let dir = try FixturePaths.temporaryDirectory("batch-safety")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        for _ in 0..<5 {
            var batch = Batch(jobs: 1, formats: [.csv, .json], collectRows: true)
            batch.replace = true
            let outcome = try batch.run(inputs: [Self.form], outputDirectory: out)
            var report = stat()
            #expect(lstat(outcome.reportPath, &report) == 0)
            for name in try #require(BatchReport.outputsListed(in: outcome.reportPath)) where name != Batch.reportName {
                var entry = stat()
                #expect(lstat((out as NSString).appendingPathComponent(name), &entry) == 0)
                #expect(!BatchReport.changed(entry, after: report), "\(name)")
            }
        }
    }
}

/// `link(2)`, named apart from the test's own identifiers.
private func Conversion_link(_ from: String, _ to: String) -> Int32 { link(from, to) }
