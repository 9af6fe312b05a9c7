/// Comparing labels as people write them: full- or half-width punctuation, spaces, an
/// optional trailing colon all compare equal.
public enum LabelText {
    /// The one normalisation of a label, applied once per cell the reader looks at; everything
    /// after compares the bytes (`NormalizedText`):
    /// - canonical composition (NFC);
    /// - full-width forms folded to ASCII (U+FF01…U+FF5E: "（" → "(", "：" → ":", "Ａ" → "A");
    /// - every white space removed, line breaks and the ideographic space U+3000 included
    ///   ("年度⏎指标值" → "年度指标值");
    /// - brackets unified to round ones (【】〔〕[] ﹙﹚ → ());
    /// - trailing colons removed ("年度资金总额：" → "年度资金总额").
    public static func normalize(_ text: String) -> String { normalizeNotingBrackets(text).text }

    /// `normalize(text)`, and whether the result holds a round bracket (so that a label's stem,
    /// `LabelTable.stem`, is computed only for the few labels that have one). One pass over the
    /// scalars decides whether the text changes at all: most cells (CJK and ASCII without
    /// white space, full-width forms or a trailing colon) are returned as they are.
    static func normalizeNotingBrackets(_ text: String) -> (text: String, bracketed: Bool) {
        var composed = true, changes = false, bracketed = false
        var plain = false
        if let ascii = text.utf8.withContiguousStorageIfAvailable(plainASCII) {
            // Most cells are ASCII and ideographs (`isPlain`): only their ASCII bytes can change.
            (plain, changes, bracketed) = ascii
        }
        if !plain {
            for scalar in text.unicodeScalars where !(0x4E00...0x9FFF).contains(scalar.value) {
                if scalar == "(" || scalar == ")" { bracketed = true }
                if !isComposed(scalar) { composed = false }
                if isWhitespace(scalar) || fold(scalar) != scalar { changes = true }
            }
        }
        if !changes && composed && text.utf8.last != UInt8(ascii: ":") { return (text, bracketed) }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars where !isWhitespace(scalar) { out.append(fold(scalar)) }
        var result = String(out)
        while result.hasSuffix(":") { result.removeLast() }
        // Composition last, so that removing a space or folding a full-width letter cannot leave
        // a base and its combining mark apart.
        if !composed { result = result.precomposedStringWithCanonicalMapping }
        return (result, result.utf8.contains { $0 == 0x28 || $0 == 0x29 })
    }

    /// `text` in canonical composition (NFC): as it is when every scalar `isComposed`.
    static func nfc(_ text: String) -> String {
        isPlain(text) || text.unicodeScalars.allSatisfy(isComposed) ? text : text.precomposedStringWithCanonicalMapping
    }

    /// Whether every scalar of `text` is ASCII or in U+4000–U+9FFF (CJK ideographs: never white
    /// space, never folded, composed), told by the UTF-8 bytes alone: E4…E9 lead exactly those
    /// scalars, 80…BF continue them.
    static func isPlain(_ text: String) -> Bool {
        text.utf8.withContiguousStorageIfAvailable { $0.allSatisfy { $0 < 0xC0 || ($0 >= 0xE4 && $0 <= 0xE9) } } ?? false
    }

    /// For a text that `isPlain`: whether its ASCII changes in `normalize` (white space, square
    /// brackets) and whether it holds a round bracket; `plain` false for any other text.
    private static func plainASCII(_ bytes: UnsafeBufferPointer<UInt8>) -> (plain: Bool, changes: Bool, bracketed: Bool) {
        var changes = false, bracketed = false
        for byte in bytes {
            if byte >= 0x80 {
                if byte >= 0xC0 && (byte < 0xE4 || byte > 0xE9) { return (false, false, false) }
                continue
            }
            if byte == 0x28 || byte == 0x29 { bracketed = true }
            if byte == 0x20 || (byte >= 0x09 && byte <= 0x0D) || byte == 0x5B || byte == 0x5D { changes = true }
        }
        return (true, changes, bracketed)
    }

    /// Whether `bytes` (a text's UTF-8) start and end with a visible ASCII character or an
    /// ideograph (led by E4…E9): neither end is then white space, nor part of a longer character.
    private static func hasPlainEnds(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let first = bytes.first, let last = bytes.last else { return false }
        let ideograph: ClosedRange<UInt8> = 0xE4...0xE9
        let head = (0x21...0x7E).contains(first) || ideograph.contains(first)
        let tail = (0x21...0x7E).contains(last) || (last >= 0x80 && bytes.count >= 3 && ideograph.contains(bytes[bytes.count - 3]))
        return head && tail
    }

    /// Whether canonical composition leaves the scalar alone whatever surrounds it (no
    /// decomposition, combining class 0, never the second of a composed pair), for the blocks a
    /// form is written in: all below U+0300 (the first combining mark), general punctuation
    /// U+2010–2027 (dashes, quotes, …), arrows and mathematical operators (≥ ≤), CJK
    /// punctuation U+3000–3029, CJK ideographs (U+3400–9FFF) and the full-width forms. A text of these only is
    /// in NFC already (tested against Foundation).
    static func isComposed(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x300 || (0x3400...0x9FFF).contains(v) { return true }
        return (0x2010...0x2027).contains(v) || (0x2190...0x22FF).contains(v) || (0x3000...0x3029).contains(v)
            || (0xFF01...0xFFEE).contains(v)
    }

    /// Unicode's White_Space property, answered without a property look-up for ASCII (only TAB
    /// … CR and SPACE are white space there) and for CJK ideographs (none is): most of a form's
    /// scalars. Every cell the reader looks at passes here once.
    @inline(__always)
    public static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        if v < 0x80 { return v == 0x20 || (v >= 0x09 && v <= 0x0D) }
        if v >= 0x4E00 && v <= 0x9FFF { return false }
        return scalar.properties.isWhitespace
    }

    /// One scalar folded: full-width forms to ASCII, brackets to round ones.
    private static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var value = scalar.value
        if value >= 0xFF01, value <= 0xFF5E { value -= 0xFEE0 }
        switch value {
        case 0x5B, 0x3010, 0x3014, 0xFE59, 0x3016: return "("
        case 0x5D, 0x3011, 0x3015, 0xFE5A, 0x3017: return ")"
        default: return Unicode.Scalar(value) ?? scalar
        }
    }

    /// The text after the first colon (full- or half-width), trimmed; nil without a colon.
    public static func valueAfterColon(_ text: String) -> String? {
        guard let idx = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        return trim(String(text[text.index(after: idx)...]))
    }

    /// Trims white space including the ideographic space U+3000.
    public static func trim(_ text: String) -> String {
        if text.isEmpty || text.utf8.withContiguousStorageIfAvailable(hasPlainEnds) == true { return text }
        var trimmed = Substring(text)
        while let f = trimmed.first, f.isWhitespace { trimmed.removeFirst() }
        while let l = trimmed.last, l.isWhitespace { trimmed.removeLast() }
        return String(trimmed)
    }
}
