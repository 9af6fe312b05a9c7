/// Writes rows as RFC 4180 CSV: fields quoted when they hold a comma, a tab, a quote, CR or LF;
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
    /// Write cells that look like formulas with a leading apostrophe (see `FormulaGuard`).
    public var protectFormulas: Bool

    public init(encoding: Encoding = .utf8BOM, separator: Character = ",", lineEnding: String = "\r\n",
                protectFormulas: Bool = false) {
        self.encoding = encoding
        self.separator = separator
        self.lineEnding = lineEnding
        self.protectFormulas = protectFormulas
    }

    /// The text of one field as it is written (quoted when needed).
    ///
    /// A field is quoted when it holds the separator, a quote, CR or LF, and also a comma or a
    /// tab whatever the separator: the reader detects the separator by counting commas and tabs
    /// outside quotes, so a tab-separated file with commas in its cells must quote them to read
    /// back the same (found by the round-trip property test).
    /// Works on Unicode scalars, not characters: a quote followed by a combining mark is one
    /// `Character` but still a quote byte to a reader (found by fuzzing).
    public func escape(_ text: String) -> String {
        let field = protectFormulas ? FormulaGuard.protect(text) : text
        let special = Set(String(separator).unicodeScalars).union(["\"", "\r", "\n", ",", "\t"])
        guard field.unicodeScalars.contains(where: special.contains) else { return field }
        var out = String.UnicodeScalarView()
        out.append("\"")
        for scalar in field.unicodeScalars {
            out.append(scalar)
            if scalar == "\"" { out.append(scalar) }
        }
        out.append("\"")
        return String(out)
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
