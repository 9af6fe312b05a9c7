import Foundation
import SelfEvaluation
import TestSupport
import Testing
@testable import Conversion

/// Forms that used to be skipped without a word, or that blocked the batch (issue #15, classes 4
/// and 7): every file the search sees is a form to convert or an error with its path.
@Suite("Hostile discovery", .serialized)
struct HostileDiscoveryTests {
    /// Creates a file whose name is `name` (raw bytes) in `dir`.
    static func createRaw(_ name: [UInt8], in dir: String, contents: [UInt8]) -> Bool {
        let path = Array(dir.utf8) + [UInt8(ascii: "/")] + name + [0]
        let fd = path.withUnsafeBufferPointer { buffer in
            buffer.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: buffer.count) { open($0, O_WRONLY | O_CREAT, 0o644) } } ?? -1
        }
        guard fd >= 0 else { return false }
        _ = contents.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        return close(fd) == 0
    }

    /// "汇总表.csv" in GBK, as unzip leaves a Chinese-Windows name.
    static let gbkName: [UInt8] = [0xBB, 0xE3, 0xD7, 0xDC, 0xB1, 0xED] + Array(".csv".utf8)

    @Test func everyHostileEntryIsConvertedOrReported() throws {
        let root = try FixturePaths.temporaryDirectory("hostile-discovery")
        defer { try? FileManager.default.removeItem(at: root) }
        let dir = root.path
        let fm = FileManager.default
        try Data("x".utf8).write(to: root.appendingPathComponent("a.csv"))
        #expect(Self.createRaw(Self.gbkName, in: dir, contents: Array("x".utf8)))
        #expect(Self.createRaw([0xFF] + Array("notes.txt".utf8), in: dir, contents: []))  // not a form name: not searched
        #expect(mkfifo(root.appendingPathComponent("b.csv").path, 0o644) == 0)
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("c.csv").path, withDestinationPath: "/dev/null")
        try fm.createSymbolicLink(atPath: root.appendingPathComponent("d.csv").path, withDestinationPath: "gone.csv")
        // A folder whose name is not UTF-8 cannot be searched by path: reported, with what it may hold.
        let rawFolder = Array(dir.utf8) + [UInt8(ascii: "/"), 0xD6, 0xD0, 0]
        #expect(rawFolder.withUnsafeBufferPointer { b in
            b.baseAddress.map { $0.withMemoryRebound(to: CChar.self, capacity: b.count) { mkdir($0, 0o755) } } ?? -1
        } == 0)

        let found = BatchDiscovery.search([dir])
        #expect(found.files == [root.appendingPathComponent("a.csv").path])
        let byCode = Dictionary(grouping: found.problems, by: \.code)
        #expect(byCode[.undecodableName]?.map(\.path).sorted()
                == [dir + "/\\xBB\\xE3\\xD7\\xDC\\xB1\\xED.csv", dir + "/\\xD6\\xD0"])
        #expect(byCode[.undecodableName]?.first?.message.contains("UTF-8") == true)
        #expect(byCode[.notARegularFile]?.map(\.path).sorted()
                == [root.appendingPathComponent("b.csv").path, root.appendingPathComponent("c.csv").path])
        #expect(byCode[.notARegularFile]?.first?.message.contains("命名管道") == true)
        #expect(byCode[.unreadablePath]?.map(\.path) == [root.appendingPathComponent("d.csv").path])
        #expect(found.problems.filter { !$0.isForm }.map(\.path) == [dir + "/\\xD6\\xD0"])  // the folder
    }

    @Test func aFIFOGivenAsAFileIsReportedNotOpened() throws {
        let root = try FixturePaths.temporaryDirectory("hostile-discovery")
        defer { try? FileManager.default.removeItem(at: root) }
        let fifo = root.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o644) == 0)
        let found = BatchDiscovery.search([fifo])
        #expect(found.files.isEmpty)
        #expect(found.problems.map(\.code) == [.notARegularFile])
    }

    /// Forms deeper than PATH_MAX (4,096 bytes): found, and converted (read a folder at a time),
    /// not skipped. A FIFO down there is reported like any other.
    @Test func formsDeeperThanPathMaxAreConverted() throws {
        let root = try FixturePaths.temporaryDirectory("hostile-discovery")
        defer { Self.removeDeep(root.path) }
        let form = try FixturePaths.bytes("qiannan-guangzhou-2023.csv")
        func put(_ dir: Int32, _ name: String) {
            let fd = openat(dir, name, O_WRONLY | O_CREAT, 0o644)
            _ = form.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            close(fd)
        }
        let component = String(repeating: "d", count: 250)
        // Built with relative paths (mkdirat), since the whole path exceeds what one call accepts.
        var fd = open(root.path, O_RDONLY | O_DIRECTORY)
        var path = root.path
        var shallow = ""
        while path.utf8.count < 4_400 {
            #expect(mkdirat(fd, component, 0o755) == 0)
            let next = openat(fd, component, O_RDONLY | O_DIRECTORY)
            close(fd)
            fd = next
            path += "/" + component
            if path.utf8.count > 3_700 && path.utf8.count < 3_950 {
                put(fd, "shallow.csv")
                shallow = path + "/shallow.csv"
            }
        }
        put(fd, "deep.csv")
        #expect(mkfifoat(fd, "pipe.csv", 0o644) == 0)
        close(fd)
        let deep = path + "/deep.csv"
        #expect(deep.utf8.count > Int(PATH_MAX))

        let found = BatchDiscovery.search([root.path])
        #expect(found.files == [deep, shallow])  // sorted by name: the folder "ddd…" before "shallow.csv"
        #expect(found.problems.map(\.code) == [.notARegularFile])
        #expect(found.problems.first?.path == path + "/pipe.csv")

        let out = try FixturePaths.temporaryDirectory("hostile-deep-out")
        defer { try? FileManager.default.removeItem(at: out) }
        let outcome = try Batch(jobs: 2, collectRows: true).run(inputs: [root.path], outputDirectory: out.path)
        #expect(outcome.converted == 2 && outcome.failed == 1)
        #expect(outcome.rows.map(\.source) == [deep, shallow])
        #expect(outcome.rows.allSatisfy { $0.total == 99 })
    }

    /// Removes a tree deeper than PATH_MAX (one level at a time, with relative paths).
    static func removeDeep(_ path: String) {
        var levels: [Int32] = []
        var fd = open(path, O_RDONLY | O_DIRECTORY)
        let component = String(repeating: "d", count: 250)
        while fd >= 0 {
            levels.append(fd)
            for name in ["deep.csv", "shallow.csv", "pipe.csv"] { unlinkat(fd, name, 0) }
            fd = openat(fd, component, O_RDONLY | O_DIRECTORY)
        }
        for (i, parent) in levels.enumerated().reversed() {
            _ = i
            unlinkat(parent, component, AT_REMOVEDIR)
            close(parent)
        }
        try? FileManager.default.removeItem(atPath: path)
    }

    @Test(arguments: [
        ([0x61, 0x62], "ab"), ([0xBB, 0xE3], "\\xBB\\xE3"), (Array("单".utf8) + [0xFF], "\\xE5\\x8D\\x95\\xFF"), (Array("单".utf8), "单"),
        ([0xE5, 0x8D], "\\xE5\\x8D"), ([0xC0, 0x80], "\\xC0\\x80"), ([0xF4, 0x90, 0x80, 0x80], "\\xF4\\x90\\x80\\x80"),
    ] as [([UInt8], String)])
    func escapesUndecodableBytes(_ bytes: [UInt8], _ expected: String) {
        #expect(BatchDiscovery.escaped(bytes) == expected)
    }

    /// Property: valid UTF-8 comes back unchanged; other bytes come back as ASCII and \xNN only,
    /// one escape for every byte from 0x80, so the bytes can be read off the text.
    @Test func escapingRandomBytes() {
        var rng = SeededGenerator(seed: 0x15_0007)
        for round in 0..<500 {
            let bytes = (0..<Int.random(in: 0...40, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let text = BatchDiscovery.escaped(bytes)
            if let valid = String(validating: bytes, as: UTF8.self), !valid.contains("\\") {
                #expect(text == valid, "round \(round)")
            }
            if String(validating: bytes, as: UTF8.self) == nil {
                #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "round \(round)")
                #expect(text.utf8.count == bytes.count + 3 * bytes.filter { $0 >= 0x80 }.count, "round \(round)")
            }
        }
    }

    /// Property over random trees (seeded, replayable): every regular form is found once (links
    /// to it add nothing), and every other entry named like a form — a FIFO, a dangling link, a
    /// name that is not UTF-8 — is reported with its path; hidden entries and other names are
    /// not searched.
    @Test(arguments: [UInt64(1), 2, 3, 4, 5, 6])
    func randomTreesLoseNoForm(_ seed: UInt64) throws {
        let root = try FixturePaths.temporaryDirectory("hostile-tree")
        defer { try? FileManager.default.removeItem(at: root) }
        var rng = SeededGenerator(seed: 0x15_0700 + seed)
        var regular: [String] = []
        var expectedProblems: [String] = []
        var counter = 0

        func fill(_ dir: String, depth: Int) throws {
            for _ in 0..<Int.random(in: 1...8, using: &rng) {
                counter += 1
                let stem = "n\(counter)" + (Bool.random(using: &rng) ? "单位" : "")
                let ext = Bool.random(using: &rng) ? ".csv" : ".TSV"
                switch Int.random(in: 0..<9, using: &rng) {
                case 0, 1:
                    let path = dir + "/" + stem + ext
                    try Data("x".utf8).write(to: URL(fileURLWithPath: path))
                    regular.append(path)
                case 2: try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/" + stem + ".txt"))
                case 3:
                    #expect(mkfifo(dir + "/" + stem + ext, 0o644) == 0)
                    expectedProblems.append(dir + "/" + stem + ext)
                case 4:
                    try FileManager.default.createSymbolicLink(atPath: dir + "/" + stem + ext, withDestinationPath: "missing-\(counter)")
                    expectedProblems.append(dir + "/" + stem + ext)
                case 5:
                    if let target = regular.randomElement(using: &rng) {
                        try FileManager.default.createSymbolicLink(atPath: dir + "/" + stem + ext, withDestinationPath: target)
                    }
                case 6:
                    let raw: [UInt8] = Array(stem.utf8) + [0xB5, 0xA5, 0xCE, 0xBB] + Array(ext.utf8)  // GBK 单位
                    #expect(Self.createRaw(raw, in: dir, contents: Array("x".utf8)))
                    expectedProblems.append(dir + "/" + BatchDiscovery.escaped(raw))
                case 7: try Data("x".utf8).write(to: URL(fileURLWithPath: dir + "/." + stem + ext))  // hidden
                default:
                    if depth < 3 {
                        let sub = dir + "/" + stem
                        try FileManager.default.createDirectory(atPath: sub, withIntermediateDirectories: false)
                        try fill(sub, depth: depth + 1)
                    }
                }
            }
        }
        try fill(root.path, depth: 0)
        let found = BatchDiscovery.search([root.path])
        // By identity: a link met before its target (sorted order) stands for it.
        #expect(Set(found.files.compactMap { FileIdentity(path: $0) }) == Set(regular.compactMap { FileIdentity(path: $0) }), "seed \(seed)")
        #expect(found.files.count == regular.count, "seed \(seed)")
        #expect(Set(found.problems.map(\.path)) == Set(expectedProblems), "seed \(seed)")
        #expect(found.problems.count == expectedProblems.count, "seed \(seed)")
    }

    /// The system's own views (/proc, /sys, /dev) are never searched, by whatever path they are
    /// reached: `check /` once walked into /proc. A link to /proc is caught by its identity.
    @Test func systemFoldersAreNotSearched() throws {
        for path in ["/proc", "/sys", "/dev", "/proc/self", "/proc/1"] where FileManager.default.fileExists(atPath: path) {
            let found = BatchDiscovery.search([path])
            if ["/proc", "/sys", "/dev"].contains(path) {
                #expect(BatchDiscovery.systemFolders.contains(try #require(FileIdentity(path: path))), "\(path)")
                #expect(found.files.isEmpty && found.problems.isEmpty, "\(path): \(found.files.prefix(3)) \(found.problems.prefix(3))")
            }
        }
        let dir = try FixturePaths.temporaryDirectory("system-folders")
        defer { try? FileManager.default.removeItem(at: dir) }
        try FileManager.default.createSymbolicLink(atPath: dir.appendingPathComponent("proc").path, withDestinationPath: "/proc")
        try FileManager.default.copyItem(atPath: FixturePaths.fixture("qiannan-guangzhou-2023.csv"),
                                         toPath: dir.appendingPathComponent("a.csv").path)
        let found = BatchDiscovery.search([dir.path])
        #expect(found.files.map { ($0 as NSString).lastPathComponent } == ["a.csv"])
        #expect(found.problems.isEmpty)
    }
}
