/// Writes rows as RFC 4180 CSV: fields quoted when they hold the separator, a quote, CR or LF;
/// CRLF line ends; optionally a UTF-8 BOM or GB18030 bytes.
public struct CSVWriter: Sendable {
    /// The output encoding.
    public enum Encoding: String, Sendable, CaseIterable {
        /// UTF-8 with a byte-order mark, as Excel's "CSV UTF-8" writes it.
        case utf8BOM = "utf-8"
        /// UTF-8 without a byte-order mark.
        case utf8 = "utf-8-nobom"
        /// GB18030 (GBK-compatible), as Excel's plain "CSV" on Chinese Windows writes it.
        case gb18030
    }

    public var encoding: Encoding
    public var separator: Character
    public var lineEnding: String

    public init(encoding: Encoding = .utf8BOM, separator: Character = ",", lineEnding: String = "\r\n") {
        self.encoding = encoding
        self.separator = separator
        self.lineEnding = lineEnding
    }

    /// The text of one field as it is written (quoted when needed).
    public func escape(_ field: String) -> String {
        let needsQuotes = field.contains { $0 == separator || $0 == "\"" || $0 == "\r" || $0 == "\n" || $0 == "\r\n" }
        guard needsQuotes else { return field }
        return "\"" + field.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }

    /// The whole document as text (without BOM).
    public func text(_ rows: [[String]]) -> String {
        var out = ""
        for row in rows {
            out += row.map(escape).joined(separator: String(separator))
            out += lineEnding
        }
        return out
    }

    /// The whole document as bytes in the chosen encoding.
    public func bytes(_ rows: [[String]]) -> [UInt8] {
        let body = text(rows)
        switch encoding {
        case .utf8BOM: return ByteOrderMark.utf8 + Array(body.utf8)
        case .utf8: return Array(body.utf8)
        case .gb18030: return TextEncoding.encodeGB18030(body) ?? Array(body.utf8)
        }
    }
}

extension String {
    fileprivate func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
