/// Comparing labels as people write them: full- or half-width punctuation, spaces, an
/// optional trailing colon all compare equal.
public enum LabelText {
    /// The label with ASCII punctuation, no white space and no trailing colon:
    /// "年度指标值 (A)" → "年度指标值(A)", "年度资金总额：" → "年度资金总额".
    public static func normalize(_ text: String) -> String {
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
        var scalars = Substring(text)
        while let f = scalars.first, f.isWhitespace { scalars.removeFirst() }
        while let l = scalars.last, l.isWhitespace { scalars.removeLast() }
        return String(scalars)
    }
}
