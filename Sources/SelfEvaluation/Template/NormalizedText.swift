/// A text passed through `LabelText.normalize`, which leaves it in canonical composition (NFC):
/// two such texts are canonically equivalent exactly when their UTF-8 bytes are equal, so this
/// type compares, hashes and prefix-tests the bytes, where `String` would normalise both sides
/// again on every comparison and every hash. A string literal is normalised when it is made.
///
/// It carries its stem too (the text without its bracketed parts, `LabelTable.stem`), computed
/// once when the text is made, for the labels compared by stem ("年度指标值(A)" → "年度指标值").
///
/// `hasPrefix` and `hasSuffix` are by scalar: "q" is a prefix of "q\u{301}" here, not for
/// `String` (whose unit is the grapheme cluster); labels are made of CJK, ASCII and punctuation,
/// where the two agree.
public struct NormalizedText: Sendable, Hashable, Comparable, ExpressibleByStringLiteral, CustomStringConvertible {
    /// The normalized text.
    public let string: String
    /// The stem's text when it differs from the text, computed when the text is normalized here;
    /// nil otherwise (`init(normalized:)` leaves the stem to be found when asked for).
    private let stemString: String?
    /// Whether `stemString` was computed (nil then means the stem is the text).
    private let stemIsKnown: Bool

    /// Normalizes `text` with `LabelText.normalize`.
    public init(_ text: String) {
        let (normalized, bracketed) = LabelText.normalizeNotingBrackets(text)
        self.string = normalized
        self.stemString = bracketed ? LabelTable.stem(normalized) : nil
        self.stemIsKnown = true
    }

    /// Wraps a text that `LabelText.normalize` has already returned (or a literal compared as written).
    public init(normalized text: String) {
        self.string = text
        self.stemString = nil
        self.stemIsKnown = false
    }

    private init(stem: String) {
        self.string = stem
        self.stemString = nil
        self.stemIsKnown = true  // a stem holds no bracket
    }

    public init(stringLiteral value: String) { self.init(value) }

    public static let empty = NormalizedText(normalized: "")

    public var isEmpty: Bool { string.isEmpty }
    public var description: String { string }
    /// The number of characters (as `String.count`).
    public var count: Int { string.count }

    /// The text without its bracketed parts: "年度指标值(A)" → "年度指标值".
    public var stem: NormalizedText {
        if let stemString { return NormalizedText(stem: stemString) }
        return stemIsKnown ? self : NormalizedText(stem: LabelTable.stem(string))
    }

    public static func == (lhs: NormalizedText, rhs: NormalizedText) -> Bool {
        let l = lhs.string.utf8, r = rhs.string.utf8
        return l.count == r.count && l.elementsEqual(r)
    }

    public func hash(into hasher: inout Hasher) {
        let hashed: Void? = string.utf8.withContiguousStorageIfAvailable { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        if hashed == nil { for byte in string.utf8 { hasher.combine(byte) } }
    }

    /// Byte order (used only to sort for a stable listing).
    public static func < (lhs: NormalizedText, rhs: NormalizedText) -> Bool {
        lhs.string.utf8.lexicographicallyPrecedes(rhs.string.utf8)
    }

    /// Whether the text starts with `prefix` (by scalar).
    public func hasPrefix(_ prefix: NormalizedText) -> Bool {
        let p = prefix.string.utf8, t = string.utf8
        return p.count <= t.count && t.starts(with: p)
    }

    /// Whether the text starts with `prefix` followed by the ASCII character `then` ("单位名称:").
    public func hasPrefix(_ prefix: NormalizedText, then: Unicode.Scalar) -> Bool {
        let p = prefix.string.utf8, t = string.utf8
        guard then.isASCII, p.count < t.count, t.starts(with: p) else { return false }
        return t[t.index(t.startIndex, offsetBy: p.count)] == UInt8(then.value)
    }

    /// Whether the text starts with one of `prefixes`.
    func hasPrefix(anyOf prefixes: [NormalizedText]) -> Bool { prefixes.contains { hasPrefix($0) } }

    /// Whether the text or its stem is one of `words` (`LabelTable.match` rank 0, no prefix looked for).
    func isNamed(by words: LabelSet) -> Bool {
        words.contains(self) || ((stemString != nil || !stemIsKnown) && words.contains(stem))
    }

    /// Whether `word` (not empty) occurs in the text, byte for byte.
    func contains(_ word: NormalizedText) -> Bool {
        let t = Array(string.utf8), w = Array(word.string.utf8)
        guard let head = w.first, w.count <= t.count else { return false }
        return (0...(t.count - w.count)).contains { t[$0] == head && t[$0..<($0 + w.count)].elementsEqual(w) }
    }

    /// The index of the first ":" (a normalized label's only colon: full-width ones are folded).
    var firstColon: String.Index? {
        let utf8 = string.utf8
        let offset = utf8.withContiguousStorageIfAvailable { $0.firstIndex(of: UInt8(ascii: ":")) }
            ?? utf8.firstIndex(of: UInt8(ascii: ":")).map { utf8.distance(from: utf8.startIndex, to: $0) }
        return offset.map { utf8.index(utf8.startIndex, offsetBy: $0) }
    }

    /// Whether the text ends with `suffix` (by scalar).
    public func hasSuffix(_ suffix: NormalizedText) -> Bool {
        let s = suffix.string.utf8, t = string.utf8
        return s.count <= t.count && t.reversed().starts(with: s.reversed())
    }
}

/// Labels looked up by hash. A text whose length in bytes no label has is ruled out without
/// hashing it (most cells of a form are values, longer than any label or of another length).
struct LabelSet: Sendable {
    private let words: Set<NormalizedText>
    /// Bit n set when some label is n bytes long (lengths from 64 on share bit 63).
    private let lengths: UInt64

    init<S: Sequence>(_ words: S) where S.Element == NormalizedText {
        self.words = Set(words)
        self.lengths = self.words.reduce(0) { $0 | LabelSet.bit($1) }
    }

    private static func bit(_ text: NormalizedText) -> UInt64 { 1 << UInt64(min(text.string.utf8.count, 63)) }

    func contains(_ text: NormalizedText) -> Bool { lengths & LabelSet.bit(text) != 0 && words.contains(text) }
}
