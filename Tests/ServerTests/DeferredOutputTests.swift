import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

/// The version folders (original, report.json, scored.xlsx, scored.csv) are written after the
/// answer: the answer and the index never wait for them, a download never sees part of one, and
/// a server stopped before writing them serves them all after a restart.
@Suite("Version folders written after the answer")
struct DeferredOutputTests {
    /// Forms of each kind the reader takes: the sample, one without scores, a project form, a workbook.
    static func uploads() throws -> [(fixture: String, name: String)] {
        let workbook = try #require(try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("xlsx"))
            .filter { $0.hasSuffix(".xlsx") }.sorted().first)
        return [(sample, "甲.csv"), ("qiannan-guangzhou-2023.unscored.csv", "乙.csv"), ("project/national.csv", "丙.csv"),
                ("xlsx/" + workbook, "丁.xlsx")]
    }

    /// Every entry of two workbooks but the document's creation time (docProps/core.xml).
    static func sameWorkbook(_ a: [UInt8], _ b: [UInt8]) throws -> Bool {
        let dir = try FixturePaths.temporaryDirectory("xlsx-compare")
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data(a).write(to: dir.appendingPathComponent("a.xlsx"))
        try Data(b).write(to: dir.appendingPathComponent("b.xlsx"))
        let x = XLSXInspector(path: dir.appendingPathComponent("a.xlsx").path)
        let y = XLSXInspector(path: dir.appendingPathComponent("b.xlsx").path)
        let entries = try x.entries()
        guard entries == (try y.entries()), entries.contains("xl/workbook.xml") else { return false }
        let differing = try entries.filter { $0 != "docProps/core.xml" && !$0.hasSuffix("/") }.filter { try x.data($0) != y.data($0) }
        if let first = differing.first {
            let a = String(decoding: try x.data(first), as: UTF8.self), b = String(decoding: try y.data(first), as: UTF8.self)
            let common = zip(a, b).prefix { $0 == $1 }.count
            Issue.record("\(first): …\(a.dropFirst(max(0, common - 80)).prefix(200)) ≠ …\(b.dropFirst(max(0, common - 80)).prefix(200))")
        }
        return differing.isEmpty
    }

    @Test("stopped before the folders were written: the answer and the index were complete, and after a restart every download is the CLI's")
    func restartBeforeFoldersWereWritten() async throws {
        let uploads = try Self.uploads()
        let folder: URL
        let token: String
        let ids: [String]
        do {
            let f = try ServerFixture(background: false)
            folder = f.folder
            token = try f.store.addUnit("单位甲")
            ids = try await f.test { client in
                var ids: [String] = []
                for u in uploads {
                    let (status, answer) = try await upload(client, token: token, [(u.name, try FixturePaths.bytes(u.fixture))])
                    #expect(status == .created, "\(u.fixture)")
                    ids.append(try #require(firstFormID(answer)))
                }
                return ids
            }
            // Nothing on disk yet but the index: the original and the report are in it.
            #expect(try FileManager.default.contentsOfDirectory(atPath: f.store.layout.files).isEmpty)
            for (u, version) in zip(uploads, try f.store.allVersions()) {
                #expect(!f.server.intake.outputs.isWritten(folder: version.folder))
                let saved = try #require(try f.store.upload(formID: version.formID, number: version.number))
                #expect(saved.original == (try FixturePaths.bytes(u.fixture)))
                #expect(String(decoding: saved.report, as: UTF8.self) == (try cliReport(u.fixture, as: u.name)))
            }
        }
        let again = try ServerFixture(folder: folder, background: false)
        try await again.test { client in
            for (u, id) in zip(uploads, ids) {
                let json = try await client.execute(uri: "/u/\(token)/forms/\(id).json", method: .get) { r in
                    #expect(r.status == .ok)
                    return r.text
                }
                #expect(json == (try cliReport(u.fixture, as: u.name)), "\(u.fixture)")
                let csv = try await client.execute(uri: "/u/\(token)/forms/\(id).csv", method: .get) { [UInt8](buffer: $0.body) }
                #expect(csv == (try cliOutput(u.fixture, as: u.name, to: "csv")), "\(u.fixture)")
                let xlsx = try await client.execute(uri: "/u/\(token)/forms/\(id).xlsx", method: .get) { [UInt8](buffer: $0.body) }
                #expect(try Self.sameWorkbook(xlsx, try cliOutput(u.fixture, as: u.name, to: "xlsx")), "\(u.fixture)")
            }
        }
        // Written now, the original byte for byte.
        for (u, version) in zip(uploads, try again.store.allVersions()) {
            #expect(again.server.intake.outputs.isWritten(folder: version.folder))
            let original = try Data(contentsOf: URL(fileURLWithPath: again.store.layout.path(version.folder + "/" + version.original)))
            #expect([UInt8](original) == (try FixturePaths.bytes(u.fixture)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: again.store.layout.staging).isEmpty)
    }

    @Test("a restarted server writes the folders its last run did not, by itself")
    func catchUpAtStart() async throws {
        let uploads = try Self.uploads()
        let f = try ServerFixture(background: false)
        let token = try f.store.addUnit("单位甲")
        try await f.test { client in
            for u in uploads {
                let (status, _) = try await upload(client, token: token, [(u.name, try FixturePaths.bytes(u.fixture))])
                #expect(status == .created)
            }
        }
        let missing = try f.server.intake.outputs.catchUp()
        #expect(missing == uploads.count)
        let again = try ServerFixture(folder: f.folder, background: true)
        #expect(try await again.allWritten())
        for (u, version) in zip(uploads, try again.store.allVersions()) {
            let dir = again.store.layout.path(version.folder)
            #expect(Set(try FileManager.default.contentsOfDirectory(atPath: dir))
                    == [version.original, "report.json", "scored.xlsx", "scored.csv"], "\(u.fixture)")
            #expect(try String(contentsOfFile: dir + "/report.json", encoding: .utf8) == (try cliReport(u.fixture, as: u.name)))
            let csv = [UInt8](try Data(contentsOf: URL(fileURLWithPath: dir + "/scored.csv")))
            #expect(csv == (try cliOutput(u.fixture, as: u.name, to: "csv")))
        }
        let after = try again.server.intake.outputs.catchUp()
        #expect(after == 0)
    }

    @Test("downloads that arrive before the background job all get the whole workbook, the same one")
    func downloadsRaceTheBackgroundJob() async throws {
        let f = try ServerFixture(background: true)
        let token = try f.store.addUnit("单位甲")
        let expected = try cliOutput(sample, as: sample, to: "xlsx")
        for _ in 0..<3 {
            let bodies = try await f.test { client -> [[UInt8]] in
                let id = try #require(firstFormID(try await upload(client, token: token, [(sample, try FixturePaths.bytes(sample))]).1))
                return try await withThrowingTaskGroup(of: [UInt8].self) { group in
                    for _ in 0..<6 {
                        group.addTask {
                            try await client.execute(uri: "/u/\(token)/forms/\(id).xlsx", method: .get) { r in
                                #expect(r.status == .ok)
                                return [UInt8](buffer: r.body)
                            }
                        }
                    }
                    var all: [[UInt8]] = []
                    for try await b in group { all.append(b) }
                    return all
                }
            }
            #expect(Set(bodies).count == 1, "one folder, one workbook")
            #expect(try Self.sameWorkbook(try #require(bodies.first), expected))
        }
        #expect(try await f.allWritten())
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.store.layout.staging).isEmpty)
    }

    @Test("the form's page and the bureau's zip work before the folder is written")
    func pageAndZipBeforeTheFolder() async throws {
        let f = try ServerFixture(background: false)
        let token = try f.store.addUnit("单位甲")
        let bytes = try FixturePaths.bytes(sample)
        try await f.test { client in
            let id = try #require(firstFormID(try await upload(client, token: token, [(sample, bytes)]).1))
            #expect(try f.store.allVersions().allSatisfy { !f.server.intake.outputs.isWritten(folder: $0.folder) })
            let zip = try await client.execute(uri: "/admin/submissions.zip", method: .get, headers: ServerFixture.basic) { r in
                #expect(r.status == .ok)
                return [UInt8](buffer: r.body)
            }
            // A stored ZIP entry holds the original's bytes as they are.
            #expect(zip.count > bytes.count)
            #expect(zip.firstRange(of: bytes) != nil)
            try await client.execute(uri: "/u/\(token)/forms/\(id)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("class=\"sev-lost-table\""))
            }
        }
        #expect(try await f.allWritten(within: 1))
    }
}
