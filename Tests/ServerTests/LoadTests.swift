import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

@Suite("Load on loopback")
struct LoadTests {
    /// The real forms and the sample forms.
    static func fixtures() throws -> [String] {
        let real = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("real"))
            .filter { $0.hasSuffix(".csv") }.sorted().map { "real/" + $0 }
        let top = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("")).filter { $0.hasSuffix(".csv") }.sorted()
        return real + top
    }

    @Test("100 concurrent uploads over real HTTP connections lose nothing: every stored report is the CLI's (convert --to json), in the index at the answer and in the version's folder once written")
    func hundredUploads() async throws {
        let f = try ServerFixture()
        let fixtures = try Self.fixtures()
        #expect(fixtures.count >= 10)
        let tokens = try (0..<10).map { try f.store.addUnit("单位\($0)") }
        let uploads = (0..<100).map { i in (token: tokens[i % tokens.count], fixture: fixtures[i % fixtures.count], name: URL(fileURLWithPath: fixtures[i % fixtures.count]).lastPathComponent) }
        let results = try await Application(router: f.server.router(), configuration: .init(address: .hostname("127.0.0.1", port: 0)))
            .test(.live) { client in
                let port = try #require(client.port)
                return try await withThrowingTaskGroup(of: (Int, HTTPResponse.Status, String?).self) { group in
                    for (i, u) in uploads.enumerated() {
                        let bytes = try FixturePaths.bytes(u.fixture)
                        group.addTask {
                            // A read timeout far above the 15 s default: on a loaded 2-core machine (a debug build, other
                            // builds beside it) 100 uploads queue behind each other; the test is about nothing lost.
                            let c = TestClient(host: "127.0.0.1", port: port, configuration: .init(timeout: .seconds(300)))
                            c.connect()
                            defer { Task { try? await c.shutdown() } }
                            let m = MultipartBody.files([(u.name, bytes)])
                            let r = try await c.execute(.init("/u/\(u.token)/forms", method: .post, headers: m.headers(), body: m.body))
                            let json = r.body.map { (try? JSONSerialization.jsonObject(with: Data(buffer: $0))) as? [String: Any] } ?? nil
                            return (i, r.head.status, json.flatMap(firstFormID))
                        }
                    }
                    var all: [(Int, HTTPResponse.Status, String?)] = []
                    for try await r in group { all.append(r) }
                    return all.sorted { $0.0 < $1.0 }.map { (status: $0.1, formID: $0.2) }
                }
            }
        #expect(results.count == 100)
        // What the CLI says of each fixture, once per fixture (under the uploaded name).
        var expected: [String: (ok: Bool, report: String)] = [:]
        for (fixture, name) in Set(uploads.map { [$0.fixture, $0.name] }).map({ ($0[0], $0[1]) }) {
            let report = try cliReport(fixture, as: name)
            expected[fixture] = (!report.isEmpty, report)
        }
        var stored = 0
        var written: [(String, DataStore.Version, String)] = []
        for (u, result) in zip(uploads, results) {
            let want = try #require(expected[u.fixture])
            #expect((result.status == .created) == want.ok, "\(u.fixture): \(result.status)")
            guard result.status == .created else { continue }
            stored += 1
            let id = try #require(result.formID)
            let versions = try f.store.latestVersions(unitID: Int64(tokens.firstIndex(of: u.token) ?? 0) + 1).filter { $0.formID == id }
            let version = try #require(versions.first)
            // In the index, committed before the answer.
            let saved = try #require(try f.store.upload(formID: version.formID, number: version.number))
            #expect(String(decoding: saved.report, as: UTF8.self) == want.report, "\(u.fixture)")
            #expect(saved.original == (try FixturePaths.bytes(u.fixture)))
            written.append((u.fixture, version, want.report))
        }
        #expect(try f.store.allVersions().count == stored)
        #expect(stored > 50)
        // The folders, written after the answers: the same report, the same original.
        #expect(try await f.allWritten())
        for (fixture, version, report) in written {
            #expect(try String(contentsOfFile: f.store.layout.path(version.folder + "/report.json"), encoding: .utf8) == report, "\(fixture)")
            #expect(try Data(contentsOf: URL(fileURLWithPath: f.store.layout.path(version.folder + "/" + version.original)))
                    == Data(try FixturePaths.bytes(fixture)))
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.store.layout.staging).isEmpty)
    }
}
