/// Scalars for which working on Unicode scalars gives exactly what working on `Character`s
/// gives: each one is a grapheme cluster of its own whatever surrounds it (no combining marks,
/// joiners, prepended or spacing marks, Hangul jamo, regional indicators, no CR of a CRLF
/// pair) and is unchanged by canonical normalisation (no singleton decompositions such as
/// Ω U+2126 or 〈 U+2329). A text made of such scalars only:
/// - has one `Character` per scalar, and `Character.isWhitespace`/`isNewline` are the
///   scalar's properties;
/// - compares (`==`, `hasPrefix`) canonically-equivalently exactly when its UTF-8 bytes do.
///
/// The ranges are conservative: anything else falls back to the `Character` code paths.
public enum SimpleScalar {
    /// Whether `value` is a simple scalar (see the type's description).
    @inline(__always)
    public static func isSimple(_ value: UInt32) -> Bool {
        if value < 0x300 { return value != 0x0D }
        if value >= 0x4E00 { return value <= 0x9FFF || (value >= 0xFF01 && value <= 0xFF9D) || (value >= 0xFFE0 && value <= 0xFFEE) }
        if value >= 0x2010 && value <= 0x205E { return value < 0x202A || value > 0x202E }
        if value >= 0x2150 && value <= 0x2328 { return true }
        if value >= 0x232B && value <= 0x27FF { return true }
        if value >= 0x3000 && value <= 0x3029 { return true }
        if value >= 0x3030 && value <= 0x303F { return true }
        if value >= 0x3041 && value <= 0x3096 { return true }
        if value >= 0x30A0 && value <= 0x30FF { return true }
        if value >= 0x3400 && value <= 0x4DBF { return true }
        return false
    }

    /// Whether every scalar of `text` is simple.
    public static func isSimple(_ text: String) -> Bool {
        var allASCII = true
        // ASCII fast path: bytes below 0x80 other than CR.
        for byte in text.utf8 {
            if byte >= 0x80 { allASCII = false; break }
            if byte == 0x0D { return false }
        }
        if allASCII { return true }
        for scalar in text.unicodeScalars where !isSimple(scalar.value) { return false }
        return true
    }
}
