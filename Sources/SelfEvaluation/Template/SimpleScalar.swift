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

    /// `Unicode.Scalar.Properties.isWhitespace` of the scalar `value`, which is also
    /// `Character.isWhitespace` of a one-scalar character. Scalars above U+3000 (the last
    /// White_Space scalar) and ASCII are answered without the property tables.
    @inline(__always)
    public static func isWhitespace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || (value >= 0x09 && value <= 0x0D) }
        if value > 0x3000 { return false }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
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

extension SimpleScalar {
    /// Visible scalars that are never white space or newlines, whatever the definition
    /// (`Character.isWhitespace`, `CharacterSet.whitespacesAndNewlines`): printable ASCII,
    /// CJK punctuation but U+3000, CJK ideographs and the full-width forms. All simple.
    @inline(__always)
    static func isVisible(_ value: UInt32) -> Bool {
        if value < 0x80 { return value > 0x20 && value < 0x7F }
        if value >= 0x4E00 { return isSimple(value) }
        return (value > 0x3000 && value <= 0x3029) || (value >= 0x3030 && value <= 0x303F)
    }
}

extension String {
    /// A fast check that trimming white space leaves the text as it is: its first and last
    /// scalars are visible (`SimpleScalar.isVisible`), and the scalar before the last is simple,
    /// so the last `Character` is the last scalar alone. False means "maybe not".
    var hasVisibleEnds: Bool {
        let scalars = unicodeScalars
        guard let first = scalars.first, let last = scalars.last,
              SimpleScalar.isVisible(first.value), SimpleScalar.isVisible(last.value) else { return false }
        let lastIndex = scalars.index(before: scalars.endIndex)
        guard lastIndex > scalars.startIndex else { return true }
        return SimpleScalar.isSimple(scalars[scalars.index(before: lastIndex)].value)
    }
}

extension String {
    /// The text without its white space characters (`Character.isWhitespace`); scalar by
    /// scalar when the text is simple (see `SimpleScalar`), which gives the same result.
    var removingWhitespace: String {
        guard SimpleScalar.isSimple(self) else { return String(filter { !$0.isWhitespace }) }
        var out = String.UnicodeScalarView()
        for scalar in unicodeScalars where !SimpleScalar.isWhitespace(scalar.value) { out.append(scalar) }
        return String(out)
    }
}
