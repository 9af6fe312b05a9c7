/// A file whose rows are in two encodings: a GBK export with one row pasted in as UTF-8, or a
/// UTF-8 file with one GBK row. Decoded whole, such a file either turns the odd rows into
/// mojibake (GB18030 reads almost any bytes) or fails at no useful place; row by row, each
/// row's own encoding shows.
///
/// A row counts as UTF-8 when it is valid UTF-8 and every non-ASCII character is Chinese text
/// (CJK ideographs U+4E00–U+9FFF, punctuation, full-width forms, the symbols of forms): GBK text
/// almost never forms such a row by chance, while a short GBK row may form valid UTF-8 of
/// other scripts. A row counts as GB18030 when it is not valid UTF-8 and each of its cells
/// decodes as GB18030. ASCII rows count as neither. A row that is neither UTF-8 nor GB18030,
/// and a last row cut inside a UTF-8 character (a truncated file), leave the file to the
/// ordinary decoding errors.
enum MixedEncoding {
    /// The rows in the minority encoding, with the first one's place.
    struct Finding: Equatable {
        /// 1-based row and column (the first cell with non-ASCII bytes) of the first odd row.
        var row: Int
        var column: Int
        /// The odd rows' encoding, and that of the rest of the file.
        var rowEncoding: TextEncoding
        var fileEncoding: TextEncoding
        /// How many rows are in each.
        var oddRows: Int
        var otherRows: Int
    }

    private enum Kind { case ascii, utf8, gb18030, neither }

    /// The finding for `bytes` (no BOM; not valid UTF-8 as a whole), or nil when the rows are
    /// not a mix of UTF-8 and GB18030.
    static func find(_ bytes: [UInt8]) -> Finding? {
        let output = CSVTokenizer(separator: CSVTokenizer.detectSeparator(bytes)).tokenize(bytes)
        var utf8Rows: [(row: Int, column: Int)] = []
        var gbRows: [(row: Int, column: Int)] = []
        var undecided: [(index: Int, column: Int)] = []
        for (index, record) in output.records.enumerated() {
            var kind = Kind.ascii
            var column = 0
            for (c, field) in record.fields.enumerated() where field.contains(where: { $0 >= 0x80 }) {
                if kind == .ascii { column = c + 1 }
                guard let text = String(validating: field, as: UTF8.self) else {
                    kind = .gb18030  // checked below, only when the file holds UTF-8 rows too
                    continue
                }
                if kind == .ascii { kind = .utf8 }
                if kind == .utf8, !text.unicodeScalars.allSatisfy(isChineseText) { kind = .neither }
            }
            switch kind {
            case .utf8: utf8Rows.append((index + 1, column))
            case .gb18030: undecided.append((index, column))
            case .ascii, .neither: break
            }
        }
        guard !utf8Rows.isEmpty, !undecided.isEmpty else { return nil }
        for (index, column) in undecided {
            if index == output.records.count - 1, cutInsideCharacter(bytes) { return nil }
            for field in output.records[index].fields where String(validating: field, as: UTF8.self) == nil {
                if TextEncoding.decodeGB18030(field[...]) == nil { return nil }
            }
            gbRows.append((index + 1, column))
        }
        let oddAreUTF8 = utf8Rows.count < gbRows.count
        let odd = oddAreUTF8 ? utf8Rows : gbRows
        let other = oddAreUTF8 ? gbRows : utf8Rows
        guard let first = odd.first else { return nil }
        return Finding(row: first.row, column: first.column, rowEncoding: oddAreUTF8 ? .utf8 : .gb18030,
                       fileEncoding: oddAreUTF8 ? .gb18030 : .utf8, oddRows: odd.count, otherRows: other.count)
    }

    /// Whether the bytes are valid UTF-8 but for an incomplete character at their very end.
    private static func cutInsideCharacter(_ bytes: [UInt8]) -> Bool {
        for cut in 1...3 where bytes.count > cut {
            let rest = bytes.dropLast(cut)
            if String(validating: rest, as: UTF8.self) != nil {
                return bytes.suffix(cut).first.map { $0 >= 0xC2 } ?? false
            }
        }
        return false
    }

    /// CJK ideographs, CJK symbols and punctuation, general punctuation, full-width forms, and
    /// the symbols forms use (U+2100–U+26FF: ℃, Ⅱ, →, ≥, ①, □, ★): the characters of Chinese
    /// text beyond ASCII. In UTF-8 the symbols' second byte is below 0xA1, which no GB2312
    /// character has, so GBK text does not form them by chance; Latin-1 letters (two-byte UTF-8,
    /// as the GBK 路 = C2 B7 would read) are left out for that reason.
    private static func isChineseText(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x7F, 0x2000...0x206F, 0x2100...0x26FF, 0x3000...0x303F, 0x4E00...0x9FFF, 0xFF00...0xFFEF: true
        default: false
        }
    }
}
