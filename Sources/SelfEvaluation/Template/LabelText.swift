/// Comparing labels as people write them: full- or half-width punctuation, spaces, an
/// optional trailing colon all compare equal.
public enum LabelText {
    /// The label with ASCII punctuation, no white space and no trailing colon:
    /// "年度指标值 (A)" → "年度指标值(A)", "年度资金总额：" → "年度资金总额".
    public static func normalize(_ text: String) -> String {
        if let simple = normalizeSimple(text) { return simple }
        return normalizeCharacterwise(text)
    }

    /// `normalize(text)` and whether the result is simple (see `SimpleScalar`), known without a
    /// second pass when the text was simple.
    static func normalizeReportingSimple(_ text: String) -> (text: String, isSimple: Bool) {
        if text.isEmpty { return (text, true) }
        if let simple = normalizeSimple(text) {
            return (simple, mappedAreSimple || SimpleScalar.isSimple(simple))
        }
        let normalized = normalizeCharacterwise(text)
        return (normalized, SimpleScalar.isSimple(normalized))
    }

    /// `normalize` going `Character` by `Character`.
    private static func normalizeCharacterwise(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for ch in text {
            let mapped = Vocabulary.labelPunctuation[ch] ?? ch
            if mapped.isWhitespace { continue }
            out.append(mapped)
        }
        while out.hasSuffix(":") { out.removeLast() }
        return out
    }

    /// `normalize` for a text of simple scalars (see `SimpleScalar`), scalar by scalar, which
    /// gives the same result as going `Character` by `Character`; nil for any other text.
    private static func normalizeSimple(_ text: String) -> String? {
        // Most labels are already normal: simple, no listed punctuation, no white space, no
        // trailing colon. Those are returned as they are, without building a copy.
        let table = punctuation
        var unchanged = true
        var last: UInt32 = 0
        let simple = SimpleScalar.allScalars(of: text) { value in
            guard SimpleScalar.isSimple(value) else { return false }
            if unchanged, table.mapping(value) != nil || SimpleScalar.isWhitespace(value) { unchanged = false }
            last = value
            return true
        }
        guard simple else { return nil }
        if unchanged, last != 0x3A { return text }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        _ = SimpleScalar.allScalars(of: text) { value in
            let mapped = table.mapping(value)?.value ?? value
            if SimpleScalar.isWhitespace(mapped) { return true }
            if let scalar = Unicode.Scalar(mapped) { UTF8.encode(scalar) { out.append($0) } }
            return true
        }
        while out.last == UInt8(ascii: ":") { out.removeLast() }
        return String(decoding: out, as: UTF8.self)
    }

    /// The punctuation look-up, read once per text (a static read in a loop costs a `swift_once`).
    private struct Punctuation: Sendable {
        let scalars: [UInt32: Unicode.Scalar]
        let lowest: UInt32
        let ideographKeys: Bool

        /// The plain form `scalars` gives `value`, nil when it has none.
        @inline(__always)
        func mapping(_ value: UInt32) -> Unicode.Scalar? {
            if value < lowest { return nil }
            if value >= 0x4E00, value <= 0x9FFF, !ideographKeys { return nil }
            return scalars[value]
        }
    }

    private static let punctuation = Punctuation(scalars: punctuationScalars, lowest: lowestPunctuation,
                                                 ideographKeys: ideographPunctuation)

    /// Whether some key of `punctuationScalars` is a CJK ideograph (else those need no look-up).
    private static let ideographPunctuation = punctuationScalars.keys.contains { $0 >= 0x4E00 && $0 <= 0x9FFF }

    /// `Vocabulary.labelPunctuation` for single-scalar entries.
    private static let punctuationScalars: [UInt32: Unicode.Scalar] = {
        var map: [UInt32: Unicode.Scalar] = [:]
        for (key, value) in Vocabulary.labelPunctuation {
            let keys = key.unicodeScalars, values = value.unicodeScalars
            if keys.count == 1, values.count == 1, let k = keys.first, let v = values.first { map[k.value] = v }
        }
        return map
    }()

    /// Whether every mapped scalar is simple: then a simple text normalizes to a simple text.
    private static let mappedAreSimple = punctuationScalars.values.allSatisfy { SimpleScalar.isSimple($0.value) }

    /// The smallest key of `punctuationScalars`: lower scalars need no look-up.
    private static let lowestPunctuation: UInt32 = punctuationScalars.keys.min() ?? UInt32.max

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
