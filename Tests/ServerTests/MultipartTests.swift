import Foundation
import Server
import Testing
import TestSupport

/// The part headers of a multipart body, read as bytes (`Multipart`): every edge of the
/// Content-Disposition line, and the same answers as the character-by-character reading it
/// replaced on random header lines.
@Suite("Multipart part headers")
struct MultipartTests {
    /// `headers` (CRLF between lines) as the only part of a body; the part's name and file name.
    static func part(_ headers: String) -> (name: String, filename: String?)? {
        let body = Array("--B\r\n\(headers)\r\n\r\nx\r\n--B--\r\n".utf8)
        guard let m = Multipart(body: body, boundary: "B"), let p = m.parts.first else { return nil }
        return (p.name, p.filename)
    }

    @Test("Content-Disposition lines", arguments: [
        ("Content-Disposition: form-data; name=\"file\"; filename=\"a.csv\"", "file", "a.csv"),
        ("content-disposition: form-data; name=file; filename=a.csv", "file", "a.csv"),
        ("CONTENT-DISPOSITION:form-data;name=\"f\"", "f", nil),
        ("Content-Type: text/csv\r\nContent-Disposition: form-data; name=\"f\"; filename=\"表 1.csv\"", "f", "表 1.csv"),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"a;b=c.csv\"", "f", "a;b=c.csv"),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"say \\\"hi\\\".csv\"", "f", "say \"hi\".csv"),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"back\\\\slash.csv\"", "f", "back\\slash.csv"),
        ("Content-Disposition: form-data; NAME=\"f\"; FileName=\"x.csv\"", "f", "x.csv"),
        ("Content-Disposition: form-data;  name=f ;\tfilename=\"  x.csv \"", "f", "x.csv"),
        // A quote after a space is not an opening quote (it is kept, as the reader always did).
        ("Content-Disposition: form-data; name= \"f\"", "\"f\"", nil),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"\u{3000}表.csv\u{3000}\"", "f", "表.csv"),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"x.csv\"; filename*=UTF-8''%E8%A1%A8.csv", "f", "表.csv"),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"x.csv\"; filename*=latin1''%E8.csv", "f", "x.csv"),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"\"", "f", ""),
        ("Content-Disposition: form-data; name=\"f\"; filename=\"unterminated", "f", "unterminated"),
        ("Content-Disposition: form-data; flag; name=\"f\"", "f", nil),
        ("Content-Disposition: form-data; name=\"\"", "", nil),
    ] as [(String, String, String?)])
    func disposition(headers: String, name: String, filename: String?) throws {
        let got = try #require(Self.part(headers), "\(headers)")
        #expect(got.name == name)
        #expect(got.filename == filename)
    }

    @Test("a part without a name, or without a Content-Disposition line, makes the body unreadable", arguments: [
        "Content-Disposition: form-data; filename=\"a.csv\"",
        "Content-Type: text/csv",
        "X-Content-Disposition: form-data; name=\"f\"",
        "Content-Disposition form-data; name=\"f\"",
    ])
    func noName(headers: String) {
        #expect(Self.part(headers) == nil)
    }

    @Test("random header lines read as the character-by-character reader read them (seeded)")
    func sameAsCharacters() {
        var rng = SeededGenerator(seed: 41)
        // (No combining marks: a character reader saw a quote followed by one as another
        // character; the byte reader, as RFC 7578, sees the quote.)
        let pieces = ["name", "filename", "filename*", "NAME", "=", "\"", "\\", ";", " ", "\t", "a", "表", "\u{3000}", "x.csv",
                      "UTF-8''%E8%A1%A8", "é"]
        for _ in 0..<2000 {
            let line = (0..<Int.random(in: 0...14, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            let headers = "Content-Disposition: form-data; " + line
            let expected = ReferenceDisposition.disposition(headers)
            let got = Self.part(headers)
            #expect(got?.name == expected?.0, "\(line)")
            #expect(got?.filename == expected?.1, "\(line)")
        }
    }
}

/// The reading of a Content-Disposition header the byte reader replaced (Characters, Foundation
/// trimming and lowercasing), kept here as the oracle of `sameAsCharacters`.
enum ReferenceDisposition {
    static func disposition(_ headers: String) -> (String, String?)? {
        for line in headers.components(separatedBy: "\r\n") {
            let lower = line.lowercased()
            guard lower.hasPrefix("content-disposition:") else { continue }
            let params = parameters(String(line.dropFirst("content-disposition:".count)))
            guard let name = params["name"] else { return nil }
            var filename = params["filename"]
            if let extended = params["filename*"], let decoded = decodeExtended(extended) { filename = decoded }
            return (name, filename)
        }
        return nil
    }

    static func parameters(_ text: String) -> [String: String] {
        var result: [String: String] = [:]
        var chars = Array(text)[...]
        while !chars.isEmpty {
            while let c = chars.first, c == ";" || c == " " || c == "\t" { chars = chars.dropFirst() }
            var key = ""
            while let c = chars.first, c != "=", c != ";" { key.append(c); chars = chars.dropFirst() }
            guard chars.first == "=" else { chars = chars.dropFirst(); continue }
            chars = chars.dropFirst()
            var value = ""
            if chars.first == "\"" {
                chars = chars.dropFirst()
                while let c = chars.first, c != "\"" {
                    if c == "\\", chars.count > 1 { chars = chars.dropFirst() }
                    if let v = chars.first { value.append(v) }
                    chars = chars.dropFirst()
                }
                chars = chars.dropFirst()
            } else {
                while let c = chars.first, c != ";" { value.append(c); chars = chars.dropFirst() }
            }
            result[key.trimmingCharacters(in: .whitespaces).lowercased()] = value.trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static func decodeExtended(_ value: String) -> String? {
        guard let quote = value.range(of: "''") else { return nil }
        guard value[..<quote.lowerBound].lowercased() == "utf-8" else { return nil }
        return String(value[quote.upperBound...]).removingPercentEncoding
    }
}
