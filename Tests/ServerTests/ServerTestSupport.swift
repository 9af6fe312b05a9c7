import Foundation
import Hummingbird
import HummingbirdTesting
import Server
import Testing
import TestSupport

/// A server over a fresh data folder, with the administrator's password set and one unit.
struct ServerFixture: Sendable {
    static let password = "测试-admin-密码"
    let folder: URL
    let store: DataStore
    let server: SelfEvalServer

    /// `background: false`: the version folders are written only on demand (as by a server
    /// stopped before its background jobs ran).
    init(folder: URL? = nil, background: Bool = true) throws {
        self.folder = try folder ?? FixturePaths.temporaryDirectory("server")
        store = try DataStore(layout: DataLayout(root: self.folder.path))
        try SelfEvalServer.setPasswordIfUnset(store, Self.password)
        server = try SelfEvalServer(store: store, backgroundOutputs: background)
    }

    /// Waits until every stored version's folder is written (the background jobs are done);
    /// false after `seconds`.
    func allWritten(within seconds: Double = 120) async throws -> Bool {
        let deadline = Date().addingTimeInterval(seconds)
        while Date() < deadline {
            if try store.allVersions().allSatisfy({ server.intake.outputs.isWritten(folder: $0.folder) }) { return true }
            try await Task.sleep(nanoseconds: 20_000_000)
        }
        return false
    }

    var app: some ApplicationProtocol { Application(router: server.router()) }

    /// Runs `body` with the router's test client.
    @discardableResult
    func test<T: Sendable>(_ body: @Sendable (any TestClientProtocol) async throws -> T) async throws -> T {
        try await app.test(.router) { client in try await body(client) }
    }

    static var basic: HTTPFields {
        [.authorization: "Basic " + Data("admin:\(password)".utf8).base64EncodedString()]
    }
}

/// A multipart/form-data body.
struct MultipartBody {
    let boundary = "----selfeval-test-" + UUID().uuidString
    var data: [UInt8] = []

    mutating func file(_ name: String, _ bytes: [UInt8], field: String = "file") {
        data += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(field)\"; filename=\"\(name)\"\r\nContent-Type: application/octet-stream\r\n\r\n".utf8)
        data += bytes
        data += Array("\r\n".utf8)
    }

    mutating func field(_ name: String, _ value: String) {
        data += Array("--\(boundary)\r\nContent-Disposition: form-data; name=\"\(name)\"\r\n\r\n\(value)\r\n".utf8)
    }

    var body: ByteBuffer { ByteBuffer(bytes: data + Array("--\(boundary)--\r\n".utf8)) }
    var contentType: String { "multipart/form-data; boundary=\(boundary)" }

    func headers(json: Bool = true) -> HTTPFields {
        var h: HTTPFields = [.contentType: contentType]
        if json { h[.accept] = "application/json" }
        return h
    }

    static func files(_ files: [(String, [UInt8])]) -> MultipartBody {
        var m = MultipartBody()
        for (n, b) in files { m.file(n, b) }
        return m
    }
}

extension TestResponse {
    var text: String { String(buffer: body) }
    var json: [String: Any] { (try? JSONSerialization.jsonObject(with: Data(text.utf8))) as? [String: Any] ?? [:] }
}

/// The sample form of the README.
let sample = "qiannan-guangzhou-2023.csv"

/// The CSRF field of a page (the value of its first `name="csrf"` input).
func csrfField(_ page: String) -> String? {
    guard let r = page.range(of: "name=\"csrf\" value=\"") else { return nil }
    return String(page[r.upperBound...].prefix { $0 != "\"" })
}

/// Uploads `files` to the unit's link as a script would; returns the status and the JSON answer.
func upload(_ client: any TestClientProtocol, token: String, _ files: [(String, [UInt8])]) async throws -> (HTTPResponse.Status, [String: Any]) {
    let m = MultipartBody.files(files)
    return try await client.execute(uri: "/u/\(token)/forms", method: .post, headers: m.headers(), body: m.body) { ($0.status, $0.json) }
}

/// The id of the first form of a JSON upload answer.
func firstFormID(_ answer: [String: Any]) -> String? {
    ((answer["forms"] as? [[String: Any]])?.first)?["id"] as? String
}

/// The standard output of `command` run by /bin/sh in `dir`.
@discardableResult
func sh(_ command: String, in dir: URL) throws -> String {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: "/bin/sh")
    process.arguments = ["-c", command]
    process.currentDirectoryURL = dir
    let out = Pipe()
    process.standardOutput = out
    try process.run()
    let data = out.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return String(decoding: data, as: UTF8.self)
}
