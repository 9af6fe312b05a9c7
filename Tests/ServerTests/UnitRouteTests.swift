import Foundation
import HTTPTypes
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

@Suite("Unit routes")
struct UnitRouteTests {
    @Test("health and stylesheet")
    func health() async throws {
        let f = try ServerFixture()
        try await f.test { client in
            try await client.execute(uri: "/health", method: .get) { #expect($0.status == .ok); #expect($0.text == "ok") }
            try await client.execute(uri: "/style.css", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.headers[.contentType]?.hasPrefix("text/css") == true)
                #expect(r.text.contains(".sev-form"))  // the grid's rules are in the one stylesheet
            }
            try await client.execute(uri: "/", method: .get) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/admin")
            }
            try await client.execute(uri: "/admin/login", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("type=\"password\""))
                #expect(r.headers[HTTPField.Name("Referrer-Policy")!] == "no-referrer")
                #expect(r.headers[.cacheControl] == "no-store")
            }
        }
    }

    @Test("upload answers 201 with the report of score --json, and every output downloads")
    func uploadAndDownload() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("黔南州广州事务所")
        let bytes = try FixturePaths.bytes(sample)
        try await f.test { client in
            let (status, answer) = try await upload(client, token: token, [(sample, bytes)])
            #expect(status == .created)
            let forms = try #require(answer["forms"] as? [[String: Any]])
            #expect(forms.count == 1)
            #expect((answer["errors"] as? [Any])?.isEmpty == true)
            let report = try #require(forms[0]["report"] as? [String: Any])
            #expect(report["source"] as? String == sample)
            #expect(report["indicators"] as? [Any] != nil)
            let id = try #require(forms[0]["id"] as? String)
            for (ext, type) in [("xlsx", "application/vnd.openxmlformats"), ("csv", "text/csv"), ("json", "application/json")] {
                try await client.execute(uri: "/u/\(token)/forms/\(id).\(ext)", method: .get) { r in
                    #expect(r.status == .ok, "\(ext)")
                    #expect(r.headers[.contentType]?.hasPrefix(type) == true, "\(ext)")
                    #expect(r.body.readableBytes > 100, "\(ext)")
                    #expect(r.headers[.contentDisposition]?.contains("attachment") == true)
                }
            }
            // The page lists the form and the form page shows its lost points.
            try await client.execute(uri: "/u/\(token)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains(sample))
                #expect(r.text.contains("/u/\(token)/forms/\(id)"))
            }
            try await client.execute(uri: "/u/\(token)/forms/\(id)", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text.contains("class=\"sev-grid\""))
                #expect(r.text.contains("class=\"sev-lost-table\""))
                #expect(r.text.contains("class=\"sev-num sev-lostpts\">1.00<"))
            }
        }
        // The original is stored byte for byte.
        let version = try #require(try f.store.allLatestVersions().first)
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: f.store.layout.path(version.folder + "/" + version.original)))) == bytes)
    }

    @Test("the stored JSON report is the CLI's report of the same file")
    func reportMatchesConverter() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        try await f.test { client in
            let (status, answer) = try await upload(client, token: token, [(sample, try FixturePaths.bytes(sample))])
            #expect(status == .created)
            let id = try #require(firstFormID(answer))
            let expected = try cliReport(sample, as: sample)
            try await client.execute(uri: "/u/\(token)/forms/\(id).json", method: .get) { r in
                #expect(r.text == expected)
            }
            // The answer holds the same report, byte for byte (without its final line feed), for
            // one file and for several.
            let report = expected.trimmingCharacters(in: .whitespacesAndNewlines)
            for count in [1, 3] {
                let m = MultipartBody.files(Array(repeating: (sample, try FixturePaths.bytes(sample)), count: count))
                let text = try await client.execute(uri: "/u/\(token)/forms", method: .post, headers: m.headers(), body: m.body) { $0.text }
                #expect(text.components(separatedBy: "\"report\": " + report + "}").count == count + 1)
                #expect(text.hasSuffix("], \"errors\": []}\n"))
                let forms = try #require((try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])?["forms"] as? [Any])
                #expect(forms.count == count)
            }
        }
    }

    @Test("a page upload without the CSRF field is 403; with it, 303 to the list")
    func csrf() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        let bytes = try FixturePaths.bytes(sample)
        try await f.test { client in
            let page = try await client.execute(uri: "/u/\(token)", method: .get) { $0.text }
            let csrf = try #require(csrfField(page))
            // The field with its first digit changed (never to itself), lengthened, empty, absent.
            let changed = (csrf.hasPrefix("0") ? "1" : "0") + csrf.dropFirst()
            for field in [nil, "", changed, csrf + "0", String(csrf.dropLast())] as [String?] {
                var m = MultipartBody.files([(sample, bytes)])
                if let field { m.field("csrf", field) }
                try await client.execute(uri: "/u/\(token)/forms", method: .post, headers: m.headers(json: false), body: m.body) { r in
                    #expect(r.status == .forbidden, "csrf \(field ?? "missing")")
                }
            }
            #expect(try f.store.allVersions().count == 0)
            var m = MultipartBody()
            m.field("csrf", csrf)
            m.file(sample, bytes)
            try await client.execute(uri: "/u/\(token)/forms", method: .post, headers: m.headers(json: false), body: m.body) { r in
                #expect(r.status == .seeOther)
                #expect(r.headers[.location] == "/u/\(token)")
            }
            // Another site's page (its Origin) is refused even with the field; "null" (what a
            // browser sends from a no-referrer page, as this server's are) leaves it to the field.
            var h = m.headers(json: false)
            h[.origin] = "http://evil.example"
            try await client.execute(uri: "/u/\(token)/forms", method: .post, headers: h, body: m.body) { #expect($0.status == .forbidden) }
            h[.origin] = "null"
            try await client.execute(uri: "/u/\(token)/forms", method: .post, headers: h, body: m.body) { #expect($0.status == .seeOther) }
        }
        #expect(try f.store.allVersions().count == 2)
    }

    @Test("a unit's token on another unit's form is 404, on every route")
    func isolation() async throws {
        let f = try ServerFixture()
        let a = try f.store.addUnit("单位甲"), b = try f.store.addUnit("单位乙")
        try await f.test { client in
            let id = try #require(firstFormID(try await upload(client, token: a, [(sample, try FixturePaths.bytes(sample))]).1))
            for suffix in ["", ".xlsx", ".csv", ".json", "?v=1"] {
                try await client.execute(uri: "/u/\(b)/forms/\(id)\(suffix)", method: .get) { #expect($0.status == .notFound, "\(suffix)") }
                try await client.execute(uri: "/u/\(a)/forms/\(id)\(suffix)", method: .get) { #expect($0.status == .ok, "\(suffix)") }
            }
            let m = MultipartBody.files([(sample, try FixturePaths.bytes(sample))])
            try await client.execute(uri: "/u/\(b)/forms/\(id)/versions", method: .post, headers: m.headers(), body: m.body) {
                #expect($0.status == .notFound)
            }
            try await client.execute(uri: "/u/\(b)", method: .get) { #expect(!$0.text.contains(id)) }
        }
        #expect(try f.store.allVersions().count == 1)
    }

    @Test("unknown or malformed tokens are 404; a revoked token is 403 everywhere")
    func revoked() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        try await f.test { client in
            let id = try #require(firstFormID(try await upload(client, token: token, [(sample, try FixturePaths.bytes(sample))]).1))
            for bad in [String(repeating: "0", count: 48), "abc", String(token.dropLast()) + "x", token.uppercased()] {
                try await client.execute(uri: "/u/\(bad)", method: .get) { #expect($0.status == .notFound, "\(bad)") }
            }
            try f.store.revokeUnit("单位甲")
            let m = MultipartBody.files([(sample, try FixturePaths.bytes(sample))])
            for uri in ["/u/\(token)", "/u/\(token)/forms/\(id)", "/u/\(token)/forms/\(id).xlsx", "/u/\(token)/forms/\(id).csv",
                        "/u/\(token)/forms/\(id).json", "/u/\(token)/forms/nosuchform"] {
                try await client.execute(uri: uri, method: .get) { #expect($0.status == .forbidden, "\(uri)") }
            }
            for uri in ["/u/\(token)/forms", "/u/\(token)/forms/\(id)/versions"] {
                try await client.execute(uri: uri, method: .post, headers: m.headers(), body: m.body) { #expect($0.status == .forbidden, "\(uri)") }
            }
            // A new link for the same unit sees its forms; the old one stays refused.
            let fresh = try f.store.addUnit("单位甲")
            try await client.execute(uri: "/u/\(fresh)/forms/\(id)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/u/\(token)", method: .get) { #expect($0.status == .forbidden) }
        }
        #expect(try f.store.allVersions().count == 1)
    }

    @Test("a broken form answers 422 with its located error and stores nothing")
    func broken() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        let cases: [(String, [UInt8], String)] = [
            ("empty.csv", [], ""),
            ("notes.csv", Array("just,some\ntext,here\n".utf8), ""),
            ("report.pdf.csv", Array("%PDF-1.4 hello".utf8), ""),
            ("broken.xlsx", [0x50, 0x4B, 0x03, 0x04, 1, 2, 3, 4, 5, 6], ""),
            ("quote.csv", Array("a,\"unterminated\nb,c\n".utf8), ""),
        ]
        try await f.test { client in
            for (name, bytes, _) in cases {
                let (status, answer) = try await upload(client, token: token, [(name, bytes)])
                #expect(status == .unprocessableContent, "\(name)")
                let errors = try #require(answer["errors"] as? [[String: String]], "\(name)")
                #expect(errors.count == 1)
                #expect(errors.first?["source"] == name)
                #expect(errors.first?["code"]?.isEmpty == false)
                #expect(errors.first?["message"]?.isEmpty == false)
                #expect(errors.first?["message"]?.contains(f.folder.path) == false, "no server path in \(name)")
                #expect((answer["forms"] as? [Any])?.isEmpty == true)
            }
            // A workbook holding several forms: none is taken silently; the advice is the page's.
            let several = try FixturePaths.bytes("xlsx/sheets/several-forms.xlsx")
            let (status, answer) = try await upload(client, token: token, [("四张表.xlsx", several)])
            #expect(status == .unprocessableContent)
            let errors = try #require(answer["errors"] as? [[String: String]])
            #expect(errors.first?["code"] == "several-forms")
            #expect(errors.first?["message"]?.contains("“项目一”") == true)
            #expect(errors.first?["message"]?.contains(ServerWords.severalFormsChoice) == true)
            #expect(errors.first?["message"]?.contains("--sheet") == false)
            // From the page: the error is shown on the unit's page, 422.
            let page = try await client.execute(uri: "/u/\(token)", method: .get) { $0.text }
            var m = MultipartBody()
            m.field("csrf", try #require(csrfField(page)))
            m.file("notes.csv", Array("just,some\n".utf8))
            try await client.execute(uri: "/u/\(token)/forms", method: .post, headers: m.headers(json: false), body: m.body) { r in
                #expect(r.status == .unprocessableContent)
                #expect(r.text.contains("id=\"errors\""))
                #expect(r.text.contains("notes.csv"))
            }
        }
        #expect(try f.store.allVersions().count == 0)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.store.layout.files).isEmpty)
        #expect(try FileManager.default.contentsOfDirectory(atPath: f.store.layout.staging).isEmpty)
    }

    @Test("a place is given when the form has one: a located error keeps its row and column")
    func locatedError() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        // A NUL byte inside a cell of the sample: the reader names its row and column.
        var bytes = try FixturePaths.bytes(sample)
        let lines = bytes.split(separator: 0x0A, omittingEmptySubsequences: false)
        let prefix = lines.prefix(4).reduce(0) { $0 + $1.count + 1 }
        bytes.insert(0x00, at: prefix + 1)
        let broken = bytes
        try await f.test { client in
            let (status, answer) = try await upload(client, token: token, [("nul.csv", broken)])
            #expect(status == .unprocessableContent)
            let error = try #require((answer["errors"] as? [[String: String]])?.first)
            #expect(error["place"]?.hasPrefix("5:") == true, "\(error)")
        }
    }

    @Test("mixed uploads: good files are kept, bad ones listed; 201")
    func mixed() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        try await f.test { client in
            let (status, answer) = try await upload(client, token: token, [
                (sample, try FixturePaths.bytes(sample)), ("bad.csv", Array("x\n".utf8)),
                ("gbk.csv", try FixturePaths.bytes("qiannan-guangzhou-2023.gbk.csv")),
            ])
            #expect(status == .created)
            #expect((answer["forms"] as? [Any])?.count == 2)
            #expect((answer["errors"] as? [[String: String]])?.map { $0["source"] } == ["bad.csv"])
        }
        #expect(try f.store.allVersions().count == 2)
    }

    @Test("limits: over 8 MiB a file or too many files is 413, nothing stored; no file is 422")
    func limits() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        try await f.test { client in
            let big = [UInt8](repeating: 0x41, count: SelfEvalServer.maxFileBytes + 1)
            var (status, answer) = try await upload(client, token: token, [("big.csv", big)])
            #expect(status == .contentTooLarge)
            #expect((answer["error"] as? String)?.contains("[file-too-large]") == true)
            let small = try FixturePaths.bytes(sample)
            (status, answer) = try await upload(client, token: token, Array(repeating: (sample, small), count: SelfEvalServer.maxFiles + 1))
            #expect(status == .contentTooLarge)
            #expect((answer["error"] as? String)?.contains("[too-many-files]") == true)
            (status, _) = try await upload(client, token: token, [])
            #expect(status == .unprocessableContent)
            // Exactly at the limit is taken (and read: it is not a form).
            (status, answer) = try await upload(client, token: token, [("edge.csv", [UInt8](repeating: 0x41, count: SelfEvalServer.maxFileBytes))])
            #expect(status == .unprocessableContent)
            try await client.execute(uri: "/u/\(token)/forms", method: .post,
                                     headers: [.contentType: "text/plain", .accept: "application/json"], body: ByteBuffer(string: "x")) {
                #expect($0.status == .badRequest)
            }
        }
        #expect(try f.store.allVersions().count == 0)
    }

    @Test("the content decides, not the name: an .xlsx named .csv and a CSV named .xlsx both read")
    func sniffing() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        let xlsx = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("xlsx")).filter { $0.hasSuffix(".xlsx") }.sorted()
        let workbook = try #require(xlsx.first)
        try await f.test { client in
            var (status, _) = try await upload(client, token: token, [("renamed.xlsx", try FixturePaths.bytes(sample))])
            #expect(status == .created)
            (status, _) = try await upload(client, token: token, [("renamed.csv", try FixturePaths.bytes("xlsx/" + workbook))])
            #expect(status == .created)
        }
        let originals = try f.store.allLatestVersions().map(\.original).sorted()
        #expect(originals == ["original.csv", "original.xlsx"])
    }

    @Test("a corrected version keeps the history; each version downloads")
    func versions() async throws {
        let f = try ServerFixture()
        let token = try f.store.addUnit("单位甲")
        let first = try FixturePaths.bytes("qiannan-guangzhou-2023.unscored.csv"), second = try FixturePaths.bytes(sample)
        try await f.test { client in
            let id = try #require(firstFormID(try await upload(client, token: token, [("v.csv", first)]).1))
            let m = MultipartBody.files([("v2.csv", second)])
            let answer = try await client.execute(uri: "/u/\(token)/forms/\(id)/versions", method: .post, headers: m.headers(), body: m.body) { r in
                #expect(r.status == .created)
                return r.json
            }
            #expect(firstFormID(answer) == id)
            let one = try await client.execute(uri: "/u/\(token)/forms/\(id).json?v=1", method: .get) { $0.text }
            let two = try await client.execute(uri: "/u/\(token)/forms/\(id).json", method: .get) { $0.text }
            #expect(one == (try cliReport("qiannan-guangzhou-2023.unscored.csv", as: "v.csv")))
            #expect(two == (try cliReport(sample, as: "v2.csv")))
            try await client.execute(uri: "/u/\(token)/forms/\(id).json?v=3", method: .get) { #expect($0.status == .notFound) }
            try await client.execute(uri: "/u/\(token)/forms/\(id)", method: .get) { r in
                #expect(r.text.contains("第 2 版"))
                #expect(r.text.contains("?v=1"))
            }
            // A broken correction leaves the versions as they were.
            let bad = MultipartBody.files([("bad.csv", Array("x".utf8))])
            try await client.execute(uri: "/u/\(token)/forms/\(id)/versions", method: .post, headers: bad.headers(), body: bad.body) {
                #expect($0.status == .unprocessableContent)
            }
            // One file only for a correction.
            let two2 = MultipartBody.files([("a.csv", second), ("b.csv", second)])
            try await client.execute(uri: "/u/\(token)/forms/\(id)/versions", method: .post, headers: two2.headers(), body: two2.body) {
                #expect($0.status == .contentTooLarge)
            }
        }
        #expect(try f.store.allVersions().count == 2)
        let stored = try f.store.versions(unitID: 1, formID: try #require(f.store.allLatestVersions().first?.formID))
        #expect(try [UInt8](Data(contentsOf: URL(fileURLWithPath: f.store.layout.path(stored[0].folder + "/" + stored[0].original)))) == first)
    }

    @Test("restart keeps the data: the same folder opened again serves the same forms")
    func restart() async throws {
        let folder: URL
        let token: String, id: String
        do {
            let f = try ServerFixture()
            folder = f.folder
            token = try f.store.addUnit("单位甲")
            let got = try await f.test { client in firstFormID(try await upload(client, token: token, [(sample, try FixturePaths.bytes(sample))]).1) }
            id = try #require(got)
        }
        let again = try ServerFixture(folder: folder)
        let expected = try cliReport(sample, as: sample)
        try await again.test { client in
            try await client.execute(uri: "/u/\(token)/forms/\(id).json", method: .get) { r in
                #expect(r.status == .ok)
                #expect(r.text == expected)
            }
            try await client.execute(uri: "/admin/summary.xlsx", method: .get, headers: ServerFixture.basic) { #expect($0.status == .ok) }
        }
        // The password set before is still the one in force.
        #expect(try SelfEvalServer.setPasswordIfUnset(again.store, "other") == false)
    }
}

/// The JSON report `selfeval convert NAME --to json` writes for the fixture `fixture` copied as
/// `NAME` into a folder of its own (the built binary, as a user runs it; the same `Converter`
/// the server calls); empty when the CLI could not read the form.
func cliReport(_ fixture: String, as name: String) throws -> String {
    String(decoding: try cliOutput(fixture, as: name, to: "json"), as: UTF8.self)
}

/// What `selfeval convert NAME --to FORMAT` writes for the fixture `fixture` copied as `NAME`;
/// empty when the CLI could not read the form.
func cliOutput(_ fixture: String, as name: String, to format: String) throws -> [UInt8] {
    let dir = try FixturePaths.temporaryDirectory("cli-report")
    defer { try? FileManager.default.removeItem(at: dir) }
    try Data(try FixturePaths.bytes(fixture)).write(to: dir.appendingPathComponent(name))
    let result = try BinaryRunner().run(["convert", name, "--to", format, "-o", "out." + format], in: dir)
    guard result.status == 0 else { return [] }
    return [UInt8](try Data(contentsOf: dir.appendingPathComponent("out." + format)))
}
