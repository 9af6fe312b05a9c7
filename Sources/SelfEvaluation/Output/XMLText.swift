import Foundation

/// What XML 1.0 allows in text, and how text is made to fit a spreadsheet cell: the one place
/// that decides both, used by the XLSX writer for every string it passes to libxlsxwriter and by
/// the template reader to warn about input cells that hold a character XML forbids.
///
/// XML 1.0 (§2.2, `Char`) forbids the C0 controls except TAB, LF and CR, the surrogates (which a
/// Swift `String` cannot hold) and the noncharacters U+FFFE and U+FFFF. U+0000 is forbidden too,
/// but C strings cannot carry it: the writer refuses it before this is asked.
public enum XMLText {
    /// The visible replacement of a forbidden character: U+FFFD REPLACEMENT CHARACTER, one UTF-16
    /// unit like every character it replaces, so a text keeps its length in Excel's unit.
    public static let replacement: Unicode.Scalar = "\u{FFFD}"

    /// Whether XML 1.0 allows `scalar` in text.
    @inlinable
    public static func isAllowed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x20 { return v == 0x09 || v == 0x0A || v == 0x0D }
        return v != 0xFFFE && v != 0xFFFF
    }

    /// Whether every character of `text` is allowed in XML 1.0 text. Fast on the UTF-8 bytes: a
    /// forbidden character is a byte below 0x20 (other than TAB, LF, CR) or EF BF BE / EF BF BF.
    public static func isAllowed(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let b = bytes[i]
                if b < 0x20 {
                    if b != 0x09 && b != 0x0A && b != 0x0D { return false }
                } else if b == 0xEF, i + 2 < n, bytes[i + 1] == 0xBF, bytes[i + 2] >= 0xBE {
                    return false
                }
                i += 1
            }
            return true
        }
    }

    /// The forbidden characters of `text`, in order (empty when it is allowed as it is).
    public static func forbiddenScalars(in text: String) -> [Unicode.Scalar] {
        guard !isAllowed(text) else { return [] }
        return text.unicodeScalars.filter { !isAllowed($0) }
    }

    /// `text` with every character XML 1.0 forbids replaced by ``replacement`` (U+FFFD); the text
    /// itself when it has none. The length in UTF-16 units does not change.
    public static func safe(_ text: String) -> String {
        guard !isAllowed(text) else { return text }
        return String(String.UnicodeScalarView(text.unicodeScalars.map { isAllowed($0) ? $0 : replacement }))
    }

    /// How a forbidden character is named in a message: `U+0001`.
    public static func name(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        return "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
    }

    /// Excel's and libxlsxwriter's limit of a cell, a comment and a formula's text: 32,767, counted
    /// as Excel counts it, in UTF-16 code units (libxlsxwriter counts code points, never more).
    public static let cellLimit = 32_767

    /// The mark a cut text ends with.
    public static let ellipsis = "…"

    /// `text` cut to at most `limit` UTF-16 units: whole `Character`s (a letter keeps its
    /// combining marks, CR LF stays together) followed by "…"; the text itself when it fits.
    public static func fitted(_ text: String, limit: Int = cellLimit) -> String {
        // UTF-8 never has fewer units than UTF-16, so a short UTF-8 text fits without counting.
        if text.utf8.count <= limit || text.utf16.count <= limit { return text }
        let budget = limit - ellipsis.utf16.count
        guard budget > 0 else { return String(ellipsis.utf16.prefix(max(0, limit))) ?? "" }
        var used = 0
        var end = text.startIndex
        for index in text.indices {
            let next = text.index(after: index)
            let width = text.utf16.distance(from: index, to: next)
            if used + width > budget { break }
            used += width
            end = next
        }
        return String(text[..<end]) + ellipsis
    }

    /// `text` with every literal `_xHHHH_` (an underscore, x, four hex digits, an underscore)
    /// protected as `_x005F_xHHHH_`: in a cell's or a comment's text (OOXML `ST_Xstring`) Excel
    /// and LibreOffice read `_xHHHH_` as the character U+HHHH, so a unit that typed "_x0041_"
    /// would see "A". The protected form reads back as the text typed. The text itself when it
    /// holds no such sequence.
    public static func protectingEscapes(_ text: String) -> String {
        protected(text).text
    }

    /// ``protectingEscapes(_:)`` and how many sequences it protected. The sequence is ASCII, so
    /// it is found on the UTF-8 bytes (a byte below 0x80 is always a whole character there).
    static func protected(_ text: String) -> (text: String, count: Int) {
        var bytesOf = text
        let changed: (bytes: [UInt8], count: Int)? = bytesOf.withUTF8 { bytes in
            let n = bytes.count
            func isEscape(at i: Int) -> Bool {
                guard i + 6 < n, bytes[i] == 0x5F, bytes[i + 1] | 0x20 == 0x78, bytes[i + 6] == 0x5F else { return false }
                for k in (i + 2)...(i + 5) {
                    let b = bytes[k]
                    let lower = b | 0x20
                    guard (b >= 0x30 && b <= 0x39) || (lower >= 0x61 && lower <= 0x66) else { return false }
                }
                return true
            }
            var count = 0
            var i = 0
            while i + 6 < n {
                if isEscape(at: i) { count += 1 }
                i += 1
            }
            guard count > 0 else { return nil }
            var out: [UInt8] = []
            out.reserveCapacity(n + 6 * count)
            let marker: [UInt8] = Array("_x005F_".utf8)  // the underscore itself, escaped
            for j in 0..<n {
                if isEscape(at: j) { out.append(contentsOf: marker) } else { out.append(bytes[j]) }
            }
            return (out, count)
        }
        guard let changed else { return (text, 0) }
        return (String(decoding: changed.bytes, as: UTF8.self), changed.count)
    }

    /// `text` made ready for a cell's or a comment's text: forbidden characters replaced
    /// (``safe(_:)``), cut to `limit` UTF-16 units as Excel shows it (``fitted(_:limit:)``), then
    /// literal `_xHHHH_` protected (``protectingEscapes(_:)``) — each protection adds six units to
    /// the stored text but none to what Excel shows, so the cut leaves room for them.
    public static func cellText(_ text: String, limit: Int = cellLimit) -> String {
        let safe = safe(text)
        let fitted = fitted(safe, limit: limit)
        let (protected, count) = protected(fitted)
        // Without a protection the text is the fitted one: within `limit` UTF-16 units, so
        // within `limit` scalars.
        guard count > 0, protected.unicodeScalars.count > limit else { return protected }
        return protectingEscapes(XMLText.fitted(safe, limit: max(1, limit - 6 * count)))
    }
}
