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
        allScalars(of: text) { isSimple($0) }
    }

    /// Whether `body` holds for every scalar value of `text`, in order, stopping at the first
    /// false. The values are decoded from the string's UTF-8 bytes (always valid in a `String`),
    /// which is much cheaper than going through `unicodeScalars`.
    @inline(__always)
    static func allScalars(of text: String, _ body: (UInt32) -> Bool) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var i = 0
            let n = bytes.count
            while i < n {
                let lead = UInt32(bytes[i])
                let value: UInt32
                if lead < 0x80 {
                    value = lead
                    i &+= 1
                } else if lead < 0xE0 {
                    value = (lead & 0x1F) << 6 | UInt32(bytes[i &+ 1] & 0x3F)
                    i &+= 2
                } else if lead < 0xF0 {
                    value = (lead & 0x0F) << 12 | UInt32(bytes[i &+ 1] & 0x3F) << 6 | UInt32(bytes[i &+ 2] & 0x3F)
                    i &+= 3
                } else {
                    value = (lead & 0x07) << 18 | UInt32(bytes[i &+ 1] & 0x3F) << 12
                        | UInt32(bytes[i &+ 2] & 0x3F) << 6 | UInt32(bytes[i &+ 3] & 0x3F)
                    i &+= 4
                }
                if !body(value) { return false }
            }
            return true
        }
    }

    /// The value of the scalar whose UTF-8 encoding ends just before byte `end` (> 0) of a valid
    /// UTF-8 buffer, and the index where it starts.
    @inline(__always)
    static func scalar(endingBefore end: Int, in bytes: UnsafeBufferPointer<UInt8>) -> (value: UInt32, start: Int) {
        var start = end - 1
        while start > 0, bytes[start] & 0xC0 == 0x80 { start -= 1 }
        let lead = UInt32(bytes[start])
        let value: UInt32
        switch end - start {
        case 1: value = lead
        case 2: value = (lead & 0x1F) << 6 | UInt32(bytes[start + 1] & 0x3F)
        case 3: value = (lead & 0x0F) << 12 | UInt32(bytes[start + 1] & 0x3F) << 6 | UInt32(bytes[start + 2] & 0x3F)
        default:
            value = (lead & 0x07) << 18 | UInt32(bytes[start + 1] & 0x3F) << 12
                | UInt32(bytes[start + 2] & 0x3F) << 6 | UInt32(bytes[start + 3] & 0x3F)
        }
        return (value, start)
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
    public var hasVisibleEnds: Bool {
        var text = self
        return text.withUTF8 { bytes in
            guard !bytes.isEmpty else { return false }
            let last = SimpleScalar.scalar(endingBefore: bytes.count, in: bytes)
            guard SimpleScalar.isVisible(last.value) else { return false }
            // The first scalar: its lead byte's value suffices to decode it.
            let first = SimpleScalar.scalar(endingBefore: Self.endOfFirstScalar(bytes), in: bytes)
            guard SimpleScalar.isVisible(first.value) else { return false }
            guard last.start > 0 else { return true }
            return SimpleScalar.isSimple(SimpleScalar.scalar(endingBefore: last.start, in: bytes).value)
        }
    }

    /// The index after the first scalar of a non-empty valid UTF-8 buffer.
    private static func endOfFirstScalar(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        let lead = bytes[0]
        return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
    }
}
