import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

@Suite("Admin routes")
struct AdminRouteTests {
    static let adminGets = ["/admin", "/admin/summary.xlsx", "/admin/submissions.zip"]

    @Test("no or wrong credentials: a browser is sent to the login page, a script gets 401")
    func refused() async throws {
        let f = try ServerFixture()
        try await f.test { client in
            for uri in Self.adminGets {
                try await client.execute(uri: uri, method: .get) { r in
                    #expect(r.status == .seeOther, "\(uri)")
                    #expect(r.headers[.location] == "/admin/login")
                }
                try await client.execute(uri: uri, method: .get, headers: [.accept: "application/json"]) { #expect($0.status == .unauthorized) }
                for bad in ["admin:wrong", "root:\(ServerFixture.password)", "admin:", "admin", ":\(ServerFixture.password)"] {
                    let h: HTTPFields = [.authorization: "Basic " + Data(bad.utf8).base64EncodedString()]
                    try await client.execute(uri: uri, method: .get, headers: h) { r in
                        #expect(r.status == .unauthorized, "\(uri) \(bad)")
                        #expect(r.headers[.wwwAuthenticate]?.hasPrefix("Basic") == true)
                    }
                }
                try await client.execute(uri: uri, method: .get, headers: [.authorization: "Basic !!!"]) { #expect($0.status == .unauthorized) }
                try await client.execute(uri: uri, method: .get, headers: [.cookie: "selfeval_admin=forged"]) { #expect($0.status == .seeOther) }
                try await client.execute(uri: uri, method: .get, headers: ServerFixture.basic) { #expect($0.status == .ok, "\(uri)") }
            }
            let body = ByteBuffer(string: "{\"action\":\"add\",\"name\":\"x\"}")
            try await client.execute(uri: "/admin/units", method: .post, headers: [.contentType: "application/json"], body: body) {
                #expect($0.status == .seeOther)
            }
        }
        #expect(try f.store.units().isEmpty)
    }

    @Test("login page, session cookie (HttpOnly, SameSite=Strict), CSRF on the page's forms, logout")
    func session() async throws {
        let f = try ServerFixture()
        try await f.test { client in
            try await client.execute(uri: "/admin/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                     body: ByteBuffer(string: "password=wrong")) { #expect($0.status == .unauthorized) }
            let encoded = ServerFixture.password.addingPercentEncoding(withAllowedCharacters: .alphanumerics) ?? ""
            let cookie = try await client.execute(uri: "/admin/login", method: .post, headers: [.contentType: "application/x-www-form-urlencoded"],
                                                  body: ByteBuffer(string: "password=\(encoded)")) { r in
                #expect(r.status == .seeOther)
                let set = r.headers[.setCookie] ?? ""
                #expect(set.contains("HttpOnly"))
                #expect(set.contains("SameSite=Strict"))
                return String(set.prefix { $0 != ";" })
            }
            let page = try await client.execute(uri: "/admin", method: .get, headers: [.cookie: cookie]) { r in
                #expect(r.status == .ok)
                return r.text
            }
            let csrf = try #require(csrfField(page))
            let form: HTTPFields = [.cookie: cookie, .contentType: "application/x-www-form-urlencoded"]
            for bad in ["", "csrf=", "csrf=\(csrf)x"] {
                try await client.execute(uri: "/admin/units", method: .post, headers: form, body: ByteBuffer(string: "\(bad)&action=add&name=甲")) {
                    #expect($0.status == .forbidden, "\(bad)")
                }
            }
            #expect(try f.store.units().isEmpty)
            let created = try await client.execute(uri: "/admin/units", method: .post, headers: form,
                                                   body: ByteBuffer(string: "csrf=\(csrf)&action=add&name=%E5%8D%95%E4%BD%8D%E7%94%B2")) { r in
                #expect(r.status == .created)
                return r.text
            }
            #expect(created.contains("id=\"new-link\">/u/"))
            #expect(try f.store.units().map(\.name) == ["单位甲"])
            try await client.execute(uri: "/admin/units", method: .post, headers: form,
                                     body: ByteBuffer(string: "csrf=\(csrf)&action=revoke&name=%E5%8D%95%E4%BD%8D%E7%94%B2")) {
                #expect($0.status == .seeOther)
            }
            #expect(try f.store.units().first?.hasLink == false)
            // Another site's page is refused even with the session and the field.
            var foreign = form
            foreign[.origin] = "http://evil.example"
            try await client.execute(uri: "/admin/units", method: .post, headers: foreign, body: ByteBuffer(string: "csrf=\(csrf)&action=add&name=x")) {
                #expect($0.status == .forbidden)
            }
            try await client.execute(uri: "/admin/logout", method: .post, headers: form, body: ByteBuffer(string: "csrf=\(csrf)")) {
                #expect($0.status == .seeOther)
            }
            try await client.execute(uri: "/admin", method: .get, headers: [.cookie: cookie]) { #expect($0.status == .seeOther) }
        }
    }

    @Test("the JSON API with HTTP Basic: add and revoke links; form-encoded Basic posts are refused (CSRF)")
    func basicAPI() async throws {
        let f = try ServerFixture()
        try await f.test { client in
            var h = ServerFixture.basic
            h[.contentType] = "application/json"
            let link = try await client.execute(uri: "/admin/units", method: .post, headers: h,
                                                body: ByteBuffer(string: "{\"action\":\"add\",\"name\":\"单位乙\"}")) { r in
                #expect(r.status == .created)
                return r.json["link"] as? String
            }
            let token = try #require(link?.dropFirst(3))
            try await client.execute(uri: "/u/\(token)", method: .get) { #expect($0.status == .ok) }
            try await client.execute(uri: "/admin/units", method: .post, headers: h, body: ByteBuffer(string: "{\"action\":\"add\",\"name\":\"单位乙\"}")) {
                #expect($0.status == .conflict)
            }
            try await client.execute(uri: "/admin/units", method: .post, headers: h, body: ByteBuffer(string: "{\"action\":\"revoke\",\"name\":\"单位乙\"}")) {
                #expect($0.status == .ok)
            }
            try await client.execute(uri: "/u/\(token)", method: .get) { #expect($0.status == .forbidden) }
            try await client.execute(uri: "/admin/units", method: .post, headers: h, body: ByteBuffer(string: "{\"action\":\"revoke\",\"name\":\"无此单位\"}")) {
                #expect($0.status == .conflict)
            }
            var form = ServerFixture.basic
            form[.contentType] = "application/x-www-form-urlencoded"
            try await client.execute(uri: "/admin/units", method: .post, headers: form, body: ByteBuffer(string: "action=add&name=丙")) {
                #expect($0.status == .forbidden)
            }
        }
        #expect(try f.store.units().map(\.name) == ["单位乙"])
    }

    @Test("the table lists every unit's latest form; units not yet uploaded; summary.xlsx and the zip hold them")
    func tableSummaryZip() async throws {
        let f = try ServerFixture()
        _ = try f.store.importUnits(["单位甲", "单位乙", "单位丙"])
        let a = try f.store.addUnit("单位甲"), b = try f.store.addUnit("单位乙")
        let sampleBytes = try FixturePaths.bytes(sample)
        try await f.test { client in
            _ = try await upload(client, token: a, [(sample, sampleBytes)])
            let id = try #require(firstFormID(try await upload(client, token: b, [("乙.csv", try FixturePaths.bytes("qiannan-guangzhou-2023.unscored.csv"))]).1))
            let m = MultipartBody.files([("乙-改.csv", sampleBytes)])
            _ = try await client.execute(uri: "/u/\(b)/forms/\(id)/versions", method: .post, headers: m.headers(), body: m.body) { $0.status }
            let page = try await client.execute(uri: "/admin", method: .get, headers: ServerFixture.basic) { $0.text }
            #expect(page.contains(sample))
            #expect(page.contains("乙-改.csv"))
            #expect(!page.contains(">乙.csv<"))
            let waiting = try #require(page.range(of: "id=\"waiting\">"))
            #expect(page[waiting.upperBound...].prefix { $0 != "<" } == "单位丙")
            let xlsx = try await client.execute(uri: "/admin/summary.xlsx", method: .get, headers: ServerFixture.basic) { r in
                #expect(r.status == .ok)
                return [UInt8](buffer: r.body)
            }
            let zipBytes = try await client.execute(uri: "/admin/submissions.zip", method: .get, headers: ServerFixture.basic) { r in
                #expect(r.status == .ok)
                return [UInt8](buffer: r.body)
            }
            let dir = try FixturePaths.temporaryDirectory("admin")
            try Data(xlsx).write(to: dir.appendingPathComponent("s.xlsx"))
            try Data(zipBytes).write(to: dir.appendingPathComponent("s.zip"))
            let sheet = try sh("unzip -p s.xlsx xl/sharedStrings.xml xl/worksheets/sheet1.xml", in: dir)
            #expect(sheet.contains("单位甲/\(sample)"))
            #expect(sheet.contains("单位乙/乙-改.csv"))
            try sh("unzip -q s.zip -d out", in: dir)
            #expect(try Data(contentsOf: dir.appendingPathComponent("out/单位甲/\(sample)")) == Data(sampleBytes))
            #expect(try Data(contentsOf: dir.appendingPathComponent("out/单位乙/乙-改.csv")) == Data(sampleBytes))
        }
    }
}
