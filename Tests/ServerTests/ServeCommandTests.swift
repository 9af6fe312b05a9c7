import Foundation
import Testing
import TestSupport

/// `selfeval serve` and `selfeval unit` as the bureau runs them: the built binary, a real port
/// on loopback, curl as the client.
@Suite("serve and unit commands", .serialized)
struct ServeCommandTests {
    let runner = BinaryRunner()

    /// A port nobody listens on now (the kernel's choice for a socket bound to port 0).
    static func freePort() -> Int {
        let fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(fd) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, length) } }
        _ = withUnsafeMutablePointer(to: &address) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &length) } }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// Starts `selfeval serve` on `data` and waits until it answers.
    func start(_ data: URL, port: Int) throws -> Process {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: BinaryRunner.binaryPath)
        process.arguments = ["serve", "--port", String(port), "--data", data.path]
        var env = ProcessInfo.processInfo.environment
        env["SELFEVAL_ADMIN_PASSWORD"] = "命令行测试"
        process.environment = env
        process.standardInput = FileHandle.nullDevice
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        for _ in 0..<200 {
            if (try? status("http://127.0.0.1:\(port)/health", in: data)) == "200" { return process }
            usleep(50_000)
        }
        process.terminate()
        throw CocoaError(.fileReadUnknown)
    }

    func status(_ url: String, _ extra: String = "", in dir: URL) throws -> String {
        try sh("curl -s -o /dev/null -w '%{http_code}' \(extra) '\(url)'", in: dir)
    }

    @Test("unit add prints the link; the running server takes uploads; unit revoke acts on it at once; a restart keeps the data")
    func lifecycle() throws {
        let data = try FixturePaths.temporaryDirectory("serve-cli")
        let add = try runner.run(["unit", "add", "单位甲", "--data", data.path])
        #expect(add.status == 0)
        let link = add.stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        #expect(link.hasPrefix("/u/") && link.count == 51)
        let other = try runner.run(["unit", "add", "单位乙", "--data", data.path]).stdout.trimmingCharacters(in: .whitespacesAndNewlines)
        let list = data.appendingPathComponent("名单.csv")
        try Data("单位名称\n单位甲\n单位乙\n单位丙\n".utf8).write(to: list)
        let imported = try runner.run(["unit", "import", list.path, "--data", data.path])
        #expect(imported.status == 0)
        #expect(imported.stdout.contains("共 3 个单位,新增 1 个"))

        let port = Self.freePort()
        var server = try start(data, port: port)
        let base = "http://127.0.0.1:\(port)"
        let form = FixturePaths.fixture(sample)
        let answer = try sh("curl -s -H 'Accept: application/json' -F 'file=@\(form)' '\(base)\(other)/forms'", in: data)
        let id = try #require(((try JSONSerialization.jsonObject(with: Data(answer.utf8)) as? [String: Any])?["forms"] as? [[String: Any]])?.first?["id"] as? String)
        #expect(try status("\(base)\(link)", in: data) == "200")
        let revoke = try runner.run(["unit", "revoke", "单位甲", "--data", data.path])
        #expect(revoke.status == 0)
        #expect(try status("\(base)\(link)", in: data) == "403")
        #expect(try status("\(base)\(other)/forms/\(id).xlsx", in: data) == "200")
        let admin = try sh("curl -s -u 'admin:命令行测试' '\(base)/admin'", in: data)
        // Not yet uploaded: 单位甲 (its link revoked) and 单位丙 (on the list only); 单位乙 has uploaded.
        #expect(admin.contains("id=\"waiting\">单位丙、单位甲<"))
        #expect(try status("\(base)/admin", "-u admin:wrong", in: data) == "401")
        server.terminate()
        server.waitUntilExit()

        // The same folder, started again: the form, the revocation and the password are as they were.
        server = try start(data, port: port)
        defer { server.terminate(); server.waitUntilExit() }
        #expect(try status("\(base)\(other)/forms/\(id).json", in: data) == "200")
        #expect(try status("\(base)\(link)", in: data) == "403")
        #expect(try status("\(base)/admin", "-u 'admin:命令行测试'", in: data) == "200")
    }

    @Test("serve refuses to start without a password when no terminal can ask for one")
    func noPassword() throws {
        let data = try FixturePaths.temporaryDirectory("serve-nopw")
        let r = try runner.run(["serve", "--port", String(Self.freePort()), "--data", data.path], environment: ["SELFEVAL_ADMIN_PASSWORD": ""])
        #expect(r.status == 2)
        #expect(r.stderr.contains("[admin-password]"))
    }
}
