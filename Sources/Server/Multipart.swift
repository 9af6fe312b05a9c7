import Foundation

/// A `multipart/form-data` body (RFC 7578) split into its parts: enough for the upload forms
/// (file fields and a few text fields); no nested multiparts.
public struct Multipart: Sendable {
    /// One part: its field name, the file name a browser gave (nil for a text field) and the bytes.
    public struct Part: Sendable {
        public var name: String
        public var filename: String?
        public var bytes: [UInt8]
    }

    public var parts: [Part]

    /// The boundary of a `Content-Type: multipart/form-data; boundary=…` header, or nil. Read
    /// as bytes, as the part headers are.
    public static func boundary(contentType: String) -> String? {
        let pieces = Array(contentType.utf8).split(separator: 0x3B, omittingEmptySubsequences: true).map(trimmedSpace)
        guard let kind = pieces.first, kind.map(lowercasedASCII).elementsEqual("multipart/form-data".utf8) else { return nil }
        let key = Array("boundary=".utf8)
        for piece in pieces.dropFirst() where piece.count >= key.count && zip(piece, key).allSatisfy({ lowercasedASCII($0) == $1 }) {
            var value = piece.dropFirst(key.count)
            if value.count >= 2, value.first == 0x22, value.last == 0x22 { value = value.dropFirst().dropLast() }
            return value.isEmpty || value.count > 70 ? nil : String(decoding: value, as: UTF8.self)
        }
        return nil
    }

    /// `bytes` without spaces and tabs at either end.
    static func trimmedSpace(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var piece = bytes
        while let first = piece.first, first == 0x20 || first == 0x09 { piece = piece.dropFirst() }
        while let last = piece.last, last == 0x20 || last == 0x09 { piece = piece.dropLast() }
        return piece
    }

    /// Splits `body`; nil when it is not a well-formed multipart body with that boundary.
    public init?(body: [UInt8], boundary: String) {
        let delimiter = Array("--\(boundary)".utf8)
        let separator = Array("\r\n--\(boundary)".utf8)
        guard let first = Self.find(delimiter, in: body[...], from: 0) else { return nil }
        var position = first + delimiter.count
        var parts: [Part] = []
        while true {
            // After a delimiter: "--" ends the body, CRLF starts a part.
            if body.count >= position + 2, body[position] == 0x2D, body[position + 1] == 0x2D { break }
            guard body.count >= position + 2, body[position] == 0x0D, body[position + 1] == 0x0A else { return nil }
            position += 2
            guard let headerEnd = Self.find([0x0D, 0x0A, 0x0D, 0x0A], in: body[...], from: position) else { return nil }
            let contentStart = headerEnd + 4
            guard let next = Self.find(separator, in: body[...], from: contentStart) else { return nil }
            guard let (name, filename) = Self.disposition(body[position..<headerEnd]) else { return nil }
            parts.append(Part(name: name, filename: filename, bytes: Array(body[contentStart..<next])))
            position = next + separator.count
        }
        self.parts = parts
    }

    /// The name and file name of a part's Content-Disposition header, from the part's header
    /// lines (`headers`, CRLF between them). Read as bytes: the delimiters are ASCII, and UTF-8
    /// never uses an ASCII byte inside a character.
    static func disposition(_ headers: ArraySlice<UInt8>) -> (String, String?)? {
        let label = Array("content-disposition:".utf8)
        var lineStart = headers.startIndex
        while lineStart <= headers.endIndex {
            let lineEnd = find([0x0D, 0x0A], in: headers, from: lineStart) ?? headers.endIndex
            let line = headers[lineStart..<lineEnd]
            if line.count >= label.count, zip(line, label).allSatisfy({ lowercasedASCII($0) == $1 }) {
                let params = parameters(line.dropFirst(label.count))
                guard let name = params["name"] else { return nil }
                var filename = params["filename"]
                if let extended = params["filename*"], let decoded = decodeExtended(extended) { filename = decoded }
                return (name, filename)
            }
            lineStart = lineEnd + 2
        }
        return nil
    }

    /// `key="value"` pairs of a header (quoted values may hold `;`; `\"` escapes a quote): keys
    /// lowercased, keys and values without white space at either end.
    static func parameters(_ bytes: ArraySlice<UInt8>) -> [String: String] {
        let quote: UInt8 = 0x22, backslash: UInt8 = 0x5C, semicolon: UInt8 = 0x3B, equals: UInt8 = 0x3D
        var result: [String: String] = [:]
        var i = bytes.startIndex
        let end = bytes.endIndex
        while i < end {
            while i < end, bytes[i] == semicolon || bytes[i] == 0x20 || bytes[i] == 0x09 { i += 1 }
            let keyStart = i
            while i < end, bytes[i] != equals, bytes[i] != semicolon { i += 1 }
            let key = bytes[keyStart..<i]
            guard i < end, bytes[i] == equals else { i += 1; continue }
            i += 1
            var value: [UInt8] = []
            if i < end, bytes[i] == quote {
                i += 1
                while i < end, bytes[i] != quote {
                    if bytes[i] == backslash, end - i > 1 { i += 1 }
                    value.append(bytes[i])
                    i += 1
                }
                i += 1
            } else {
                let valueStart = i
                while i < end, bytes[i] != semicolon { i += 1 }
                value = Array(bytes[valueStart..<i])
            }
            let keyText = String(decoding: key.map(lowercasedASCII), as: UTF8.self).trimmingCharacters(in: .whitespaces)
            result[keyText] = String(decoding: value, as: UTF8.self).trimmingCharacters(in: .whitespaces)
        }
        return result
    }

    static func lowercasedASCII(_ byte: UInt8) -> UInt8 {
        byte >= 0x41 && byte <= 0x5A ? byte + 0x20 : byte
    }

    /// RFC 5987 `UTF-8''percent-encoded`.
    static func decodeExtended(_ value: String) -> String? {
        guard let quote = value.range(of: "''") else { return nil }
        guard value[..<quote.lowerBound].lowercased() == "utf-8" else { return nil }
        return String(value[quote.upperBound...]).removingPercentEncoding
    }

    /// The first index of `needle` in `haystack` at or after `start` (an index of `haystack`).
    static func find(_ needle: [UInt8], in haystack: ArraySlice<UInt8>, from start: Int) -> Int? {
        guard !needle.isEmpty, start >= haystack.startIndex, haystack.endIndex - start >= needle.count else { return nil }
        return haystack.withUnsafeBufferPointer { h -> Int? in
            needle.withUnsafeBufferPointer { n -> Int? in
                guard let hb = h.baseAddress, let nb = n.baseAddress else { return nil }
                let offset = haystack.startIndex
                var i = start - offset
                let last = h.count - n.count
                while i <= last {
                    guard let hit = memchr(hb + i, Int32(nb[0]), last - i + 1) else { return nil }
                    let at = hb.distance(to: hit.assumingMemoryBound(to: UInt8.self))
                    if memcmp(hb + at, nb, n.count) == 0 { return at + offset }
                    i = at + 1
                }
                return nil
            }
        }
    }
}

/// A url-encoded form body (`application/x-www-form-urlencoded`).
public enum URLEncodedForm {
    public static func parse(_ body: [UInt8]) -> [String: String] {
        var result: [String: String] = [:]
        for pair in String(decoding: body, as: UTF8.self).split(separator: "&") {
            let kv = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            func decode(_ s: Substring) -> String {
                String(s).replacingOccurrences(of: "+", with: " ").removingPercentEncoding ?? ""
            }
            guard let k = kv.first else { continue }
            result[decode(k)] = kv.count > 1 ? decode(kv[1]) : ""
        }
        return result
    }
}
