import Foundation
import Server
import Testing
import TestSupport

@Suite("Server parts")
struct ServerPartsTests {
    @Test("SHA-256 of the FIPS 180-4 test vectors and at every padding edge", arguments: [
        ("", "e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855"),
        ("abc", "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad"),
        ("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq", "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1"),
        (String(repeating: "a", count: 55), "9f4390f8d30c2dd92ec9f095b65e2b9ae9b0a925a5258e241c9f1e910f734318"),
        (String(repeating: "a", count: 56), "b35439a4ac6f0948b6d6f9e3c6af0f5f590ce20f1bde7090ef7970686ec6738a"),
        (String(repeating: "a", count: 64), "ffe054fe7ae0cb6dc65c3af9b61d5209f439851db43d0ba5997337df154668eb"),
    ])
    func sha256(input: String, expected: String) {
        #expect(SHA256.hex(input) == expected)
    }

    @Test("SHA-256 agrees with sha256sum on random inputs (seeded)")
    func sha256Property() throws {
        var rng = SeededGenerator(seed: 17)
        let dir = try FixturePaths.temporaryDirectory("sha")
        for i in 0..<20 {
            let bytes = (0..<Int.random(in: 0...300, using: &rng)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let file = dir.appendingPathComponent("\(i)")
            try Data(bytes).write(to: file)
            let expected = try sh("sha256sum \(file.path) | cut -d' ' -f1", in: dir).trimmingCharacters(in: .whitespacesAndNewlines)
            #expect(Hex.encode(SHA256.digest(bytes)) == expected)
        }
    }

    @Test("tokens: 192 bits, hex, all different; the shape check refuses anything else")
    func tokens() {
        let many = (0..<200).map { _ in Secrets.token() }
        #expect(Set(many).count == many.count)
        #expect(many.allSatisfy(Secrets.looksLikeToken))
        for bad in ["", "abc", String(repeating: "g", count: 48), String(repeating: "A", count: 48), String(repeating: "a", count: 47),
                    String(repeating: "a", count: 49), String(repeating: "a", count: 47) + "/"] {
            #expect(!Secrets.looksLikeToken(bad), "\(bad)")
        }
        #expect(Secrets.constantTimeEqual("abc", "abc"))
        #expect(!Secrets.constantTimeEqual("abc", "abd"))
        #expect(!Secrets.constantTimeEqual("abc", "abcd"))
    }

    @Test("argon2id: the hash verifies its password only, and salts differ")
    func argon2() throws {
        let a = try #require(PasswordHash.hash("密码 one"))
        let b = try #require(PasswordHash.hash("密码 one"))
        #expect(a.hasPrefix("$argon2id$v=19$m=19456,t=2,p=1$"))
        #expect(a != b)
        #expect(PasswordHash.verify("密码 one", encoded: a))
        #expect(PasswordHash.verify("密码 one", encoded: b))
        for wrong in ["", "密码 one ", "密码 One", "密码"] { #expect(!PasswordHash.verify(wrong, encoded: a)) }
        #expect(!PasswordHash.verify("x", encoded: "not a hash"))
    }

    @Test("multipart: files and fields, quoted names, CRLF inside content, UTF-8 and RFC 5987 names")
    func multipart() throws {
        let boundary = "XyZ"
        let body = Array("""
            preamble\r
            --XyZ\r
            Content-Disposition: form-data; name="csrf"\r
            \r
            tok\r
            --XyZ\r
            Content-Disposition: form-data; name="file"; filename="单位 表;1.csv"\r
            Content-Type: text/csv\r
            \r
            a,b\r
            c,d\r
            --XyZ\r
            Content-Disposition: form-data; name="file"; filename="x.csv"; filename*=UTF-8''%E8%A1%A8.csv\r
            \r
            \r
            --XyZ--\r

            """.utf8)
        let m = try #require(Multipart(body: body, boundary: boundary))
        #expect(m.parts.map(\.name) == ["csrf", "file", "file"])
        #expect(m.parts.map(\.filename) == [nil, "单位 表;1.csv", "表.csv"])
        #expect(m.parts.map { String(decoding: $0.bytes, as: UTF8.self) } == ["tok", "a,b\r\nc,d", ""])
        for bad in ["", "--XyZ\r\nContent-Disposition: form-data; name=\"a\"\r\n\r\nno end", "--XyZ\r\n\r\nx\r\n--XyZ--",
                    "--XyZ garbage"] {
            #expect(Multipart(body: Array(bad.utf8), boundary: boundary) == nil, "\(bad)")
        }
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=\"a b\"") == "a b")
        #expect(Multipart.boundary(contentType: "Multipart/Form-Data;boundary=q") == "q")
        #expect(Multipart.boundary(contentType: "text/plain; boundary=q") == nil)
        #expect(Multipart.boundary(contentType: "multipart/form-data") == nil)
        #expect(Multipart.boundary(contentType: "multipart/form-data; boundary=" + String(repeating: "b", count: 71)) == nil)
    }

    @Test("multipart: every file of random content and size survives the split (seeded)")
    func multipartProperty() throws {
        var rng = SeededGenerator(seed: 5)
        for _ in 0..<50 {
            var builder = MultipartBody()
            var files: [[UInt8]] = []
            for i in 0..<Int.random(in: 1...4, using: &rng) {
                // Content made of CR, LF, '-' and boundary-like bytes, the hard cases of a splitter.
                let alphabet: [UInt8] = [0x0D, 0x0A, 0x2D, 0x2D, 0x41, 0x00, 0xFF]
                let bytes = (0..<Int.random(in: 0...200, using: &rng)).map { _ in alphabet[Int.random(in: 0..<alphabet.count, using: &rng)] }
                files.append(bytes)
                builder.file("f\(i).csv", bytes)
            }
            var body = builder.body
            let all = body.readBytes(length: body.readableBytes) ?? []
            let boundary = try #require(Multipart.boundary(contentType: builder.contentType))
            let parsed = try #require(Multipart(body: all, boundary: boundary))
            #expect(parsed.parts.map(\.bytes) == files)
        }
    }

    @Test("display names: folders dropped, controls removed, bounded, never empty", arguments: [
        ("C:\\Users\\财务\\自评表.csv", "自评表.csv"), ("a/b/c.xlsx", "c.xlsx"), ("", "表格"), ("..", "表格"), ("/", "表格"),
        ("a\u{0}b\u{7}.csv", "ab.csv"), ("  x.csv  ", "x.csv"),
    ])
    func displayName(raw: String, expected: String) {
        #expect(FormIntake.displayName(raw) == expected)
    }

    @Test("display names are at most 120 characters")
    func longName() {
        #expect(FormIntake.displayName(String(repeating: "表", count: 500)).count == 120)
    }

    @Test("the zip unzips with Info-ZIP to the same files, Chinese names included")
    func zip() throws {
        var z = ZipWriter()
        let files: [(String, [UInt8])] = [("单位甲/表.csv", Array("a,b\n".utf8)), ("单位乙/空.csv", []), ("x/y.bin", (0..<1000).map { UInt8($0 % 251) })]
        for (n, b) in files { try z.add(name: n, bytes: b) }
        let dir = try FixturePaths.temporaryDirectory("zip")
        try Data(z.finish()).write(to: dir.appendingPathComponent("a.zip"))
        #expect(try sh("unzip -tq a.zip", in: dir).contains("No errors"))
        try sh("unzip -q a.zip -d out", in: dir)
        for (n, b) in files { #expect(try Data(contentsOf: dir.appendingPathComponent("out/" + n)) == Data(b)) }
        // An archive of nothing is the 22-byte end record alone.
        #expect(ZipWriter().finish().count == 22)
    }

    @Test("units: add, refuse a second live link, revoke, add again; import marks the list")
    func units() throws {
        let store = try DataStore(layout: DataLayout(root: try FixturePaths.temporaryDirectory("units").path))
        let first = try store.addUnit(" 单位甲 ")
        #expect(try store.access(token: first) == .unit(id: 1, name: "单位甲"))
        #expect(throws: DataStore.UnitError.hasLink("单位甲")) { _ = try store.addUnit("单位甲") }
        #expect(throws: DataStore.UnitError.emptyName) { _ = try store.addUnit("  ") }
        #expect(throws: DataStore.UnitError.notFound("无")) { try store.revokeUnit("无") }
        try store.revokeUnit("单位甲")
        #expect(throws: DataStore.UnitError.noLink("单位甲")) { try store.revokeUnit("单位甲") }
        #expect(try store.access(token: first) == .revoked)
        let second = try store.addUnit("单位甲")
        #expect(try store.access(token: second) == .unit(id: 1, name: "单位甲"))
        #expect(try store.access(token: first) == .revoked)
        #expect(try store.access(token: Secrets.token()) == .unknown)
        #expect(try store.importUnits(["单位甲", "单位乙", " ", "单位乙", "单位丙"]) == 2)
        let units = try store.units()
        #expect(units.map(\.name) == ["单位丙", "单位乙", "单位甲"].sorted())
        let allListed = units.allSatisfy { $0.listed }
        #expect(allListed)
        #expect(units.filter(\.hasLink).map(\.name) == ["单位甲"])
    }

    @Test("what an interrupted server left in tmp/ is removed at start; files/ and the index are not touched")
    func clearStaging() throws {
        let layout = DataLayout(root: try FixturePaths.temporaryDirectory("staging").path)
        let store = try DataStore(layout: layout)
        try FileManager.default.createDirectory(atPath: layout.staging + "/half", withIntermediateDirectories: true)
        try Data("x".utf8).write(to: URL(fileURLWithPath: layout.staging + "/half/original.csv"))
        try Data("y".utf8).write(to: URL(fileURLWithPath: layout.files + "/kept"))
        _ = try store.addUnit("单位甲")
        layout.clearStaging()
        #expect(try FileManager.default.contentsOfDirectory(atPath: layout.staging).isEmpty)
        #expect(FileManager.default.fileExists(atPath: layout.files + "/kept"))
        #expect(try store.units().count == 1)
    }
}

/// The index's timestamps, formatted by hand, are what `ISO8601DateFormatter` writes.
struct TimestampTests {
    @Test("timestamps at the edges and at random (seeded) read as ISO8601DateFormatter writes them",
          arguments: [0, 59, 60, 3_599, 86_399, 86_400, 951_782_400, 1_709_164_800, 1_798_761_599, 4_102_444_800, 253_402_300_799])
    func edges(_ seconds: Int) {
        #expect(DataStore.timestamp(seconds) == ISO8601DateFormatter().string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
    }

    @Test func random() {
        var generator = SeededGenerator(seed: 8601)
        let formatter = ISO8601DateFormatter()
        for _ in 0..<2_000 {
            let seconds = Int.random(in: 0...4_102_444_800, using: &generator)
            #expect(DataStore.timestamp(seconds) == formatter.string(from: Date(timeIntervalSince1970: TimeInterval(seconds))))
        }
    }
}
