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
    public static func normalize(_ text: String) -> String {
        if text.isEmpty { return text }
        // Most cells need nothing: CJK and ASCII without white space, full-width forms or a
        // trailing colon. They are returned as they are.
        var simple = true
        var changes = false
        for scalar in text.unicodeScalars {
            if !SimpleScalar.isSimple(scalar.value) { simple = false }
            if isWhitespace(scalar) || fold(scalar) != scalar { changes = true }
        }
        if !changes && simple && text.utf8.last != UInt8(ascii: ":") { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isWhitespace(scalar) { continue }
            out.append(fold(scalar))
        }
        var result = String(out)
        while result.hasSuffix(":") { result.removeLast() }
        // Composition last, so that removing a space or folding a full-width letter cannot leave
        // a base and its combining mark apart. Text made of scalars that canonical normalisation
        // leaves alone (ASCII, CJK ideographs, kana, CJK and full-width punctuation:
        // `SimpleScalar`) is already NFC.
        return simple ? result : result.precomposedStringWithCanonicalMapping
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

    /// Whether the label, normalized, starts with `prefix` (normalized too).
    public static func starts(_ text: String, with prefix: String) -> Bool {
        normalize(text).hasPrefix(normalize(prefix))
    }

    /// Whether the label, normalized, contains `word`.
    public static func contains(_ text: String, _ word: String) -> Bool {
        normalize(text).contains(normalize(word))
    }

    /// The text after the first colon (full- or half-width), trimmed; nil without a colon.
    public static func valueAfterColon(_ text: String) -> String? {
        guard let idx = text.firstIndex(where: { $0 == ":" || $0 == "：" }) else { return nil }
        return trim(String(text[text.index(after: idx)...]))
    }

    /// Trims white space including the ideographic space U+3000.
    public static func trim(_ text: String) -> String {
        if text.isEmpty || text.hasVisibleEnds { return text }
        var scalars = Substring(text)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
