import Foundation
import TestSupport
import Testing
@testable import Conversion
import SelfEvaluation

/// What an output may replace (issue #15, class 2): every kind of thing that can stand at an
/// output's path, with and without `--force`.
@Suite("Output guard", .serialized)
struct OutputGuardTests {
    enum Standing: String, CaseIterable, Sendable {
        case nothing, regularFile, input, hardLinkToInput, symlinkToInput, symlinkToFile, danglingLink, fifo,
             characterDevice, folder
    }

    /// Makes `what` at `path`; returns the identity of the input it may involve.
    static func make(_ what: Standing, at path: String, in dir: URL) throws -> FileIdentity? {
        let fm = FileManager.default
        let input = dir.appendingPathComponent("input.csv").path
        try Data("input".utf8).write(to: URL(fileURLWithPath: input))
        let inputID = FileIdentity(path: input)
        switch what {
        case .nothing: break
        case .regularFile: try Data("a filled form".utf8).write(to: URL(fileURLWithPath: path))
        case .input: return FileIdentity(path: path) ?? inputID
        case .hardLinkToInput: #expect(link(input, path) == 0)
        case .symlinkToInput: try fm.createSymbolicLink(atPath: path, withDestinationPath: input)
        case .symlinkToFile:
            try Data("other".utf8).write(to: dir.appendingPathComponent("other.txt"))
            try fm.createSymbolicLink(atPath: path, withDestinationPath: "other.txt")
        case .danglingLink: try fm.createSymbolicLink(atPath: path, withDestinationPath: "nowhere")
        case .fifo: #expect(mkfifo(path, 0o644) == 0)
        case .characterDevice:
            // A copy of /dev/null's device node (root may create one); else /dev/null itself is looked at.
            if mknod(path, S_IFCHR | 0o666, makedev(1, 3)) != 0 { try fm.createSymbolicLink(atPath: path, withDestinationPath: "/dev/null") }
        case .folder: try fm.createDirectory(atPath: path, withIntermediateDirectories: false)
        }
        return inputID
    }

    static func makedev(_ major: UInt32, _ minor: UInt32) -> dev_t {
        dev_t((UInt64(major) << 8) | UInt64(minor))
    }

    @Test(arguments: Standing.allCases, [false, true])
    func verdict(_ what: Standing, _ force: Bool) throws {
        let dir = try FixturePaths.temporaryDirectory("guard")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = what == .input ? dir.appendingPathComponent("input.csv").path : dir.appendingPathComponent("out.csv").path
        let made = try Self.make(what, at: path, in: dir)
        let rule = OutputGuard(inputs: Set([made].compactMap { $0 }), force: force)
        let verdict = rule.check(path)
        switch what {
        case .nothing:
            #expect(verdict == .free)
        case .regularFile:
            #expect(force ? verdict == .replaceable : Self.code(verdict) == .outputExists)
        case .input, .hardLinkToInput, .symlinkToInput:
            #expect(Self.code(verdict) == .outputIsInput)
        case .symlinkToFile, .danglingLink, .fifo, .characterDevice, .folder:
            #expect(Self.code(verdict) == .outputNotRegular)
        }
        // Writing through the guard: refused places are left exactly as they were.
        var before = stat()
        let existed = lstat(path, &before) == 0
        let bytesBefore = what == .regularFile || what == .input ? try Data(contentsOf: URL(fileURLWithPath: path)) : nil
        do {
            try AtomicFile.write(Array("new".utf8), to: path, rule: rule)
            #expect(verdict == .free || verdict == .replaceable)
            #expect(try String(contentsOfFile: path, encoding: .utf8) == "new")
        } catch {
            #expect(verdict != .free && verdict != .replaceable)
            var after = stat()
            #expect((lstat(path, &after) == 0) == existed)
            if existed {
                #expect(after.st_ino == before.st_ino && after.st_mode == before.st_mode)
            }
            if let bytesBefore { #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == bytesBefore) }
        }
        // Nothing left behind: no temporary file.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).allSatisfy { !$0.hasSuffix(".tmp") })
    }

    static func code(_ verdict: OutputGuard.Verdict) -> DiagnosticCode? {
        if case .refused(let code, _) = verdict { return code }
        return nil
    }

    @Test func aFileThatAppearsAfterTheCheckIsNotReplaced() throws {
        let dir = try FixturePaths.temporaryDirectory("guard")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("out.csv").path
        let rule = OutputGuard()
        #expect(throws: ConversionError.self) {
            try AtomicFile.write(to: path, rule: rule) { (temporary: String) throws(ConversionError) in
                try AtomicFile.writeDirectly(Array("ours".utf8), to: temporary)
                // Someone else's file appears while ours is being written.
                FileManager.default.createFile(atPath: path, contents: Data("theirs".utf8))
            }
        }
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "theirs")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["out.csv"])
    }

    @Test(arguments: [1, 100, 232, 233, 240, 255])
    func temporaryNamesFitNameMax(_ bytes: Int) throws {
        let dir = try FixturePaths.temporaryDirectory("guard")
        defer { try? FileManager.default.removeItem(at: dir) }
        // An -o name of `bytes` bytes (at most NAME_MAX), with a multi-byte character at the cut.
        let name = String(repeating: "单", count: bytes / 3) + String(repeating: "a", count: bytes % 3)
        let path = dir.appendingPathComponent(name).path
        try AtomicFile.write(Array("x".utf8), to: path)
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "x")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == [name])
    }

    @Test func temporaryNamesAreRecognisedWithTheirProcess() {
        let path = AtomicFile.temporaryPath(for: "/x/汇总表.xlsx")
        #expect(AtomicFile.temporaryOwner((path as NSString).lastPathComponent) == getpid())
        for name in ["汇总表.xlsx", ".hidden", ".a.b.tmp", ".a.12-zzzzzzzz.tmp", "a.12-0123ABCD.tmp"] {
            #expect(AtomicFile.temporaryOwner(name) == nil, "\(name)")
        }
        #expect(AtomicFile.temporaryOwner(".a.xlsx.4242-0123ABCD.tmp") == 4242)
    }
}

extension AtomicFile {
    /// Writes `bytes` to `destination` through a temporary file and a rename, as `rule` allows.
    static func write(_ bytes: [UInt8], to destination: String, rule: OutputGuard = OutputGuard()) throws(ConversionError) {
        try write(to: destination, rule: rule) { (temporary: String) throws(ConversionError) in try writeDirectly(bytes, to: temporary) }
    }
}
