/// Vocabulary words as Unicode scalars in NFC, searched in texts likewise (`ValueText.scalars(of:)`):
/// the one way the value parser and the scoring rules find words.
struct WordList: Sendable {
    /// The words, in the order given: searches that keep the first match keep the first listed.
    let words: [String]
    /// Each word's scalars in NFC.
    let scalars: [[Unicode.Scalar]]

    /// Bit `value % 64` of every word's first (last) scalar: no word starts (ends) at a scalar
    /// whose bit is clear. All bits when a word is empty (it stands anywhere).
    private let firstBits: UInt64
    private let lastBits: UInt64

    init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = Array(words)
        self.scalars = self.words.map(ValueText.scalars(of:))
        let empty = scalars.contains { $0.isEmpty }
        firstBits = empty ? ~0 : scalars.reduce(0) { $0 | ($1.first.map(SearchedText.bit) ?? 0) }
        lastBits = empty ? ~0 : scalars.reduce(0) { $0 | ($1.last.map(SearchedText.bit) ?? 0) }
    }

    /// Whether some word may start at `index` of `text`.
    private func mayStart(in text: [Unicode.Scalar], at index: Int) -> Bool {
        index >= 0 && index < text.count ? firstBits & SearchedText.bit(text[index]) != 0 : firstBits == ~0
    }

    /// Whether some word may end just before `end` in `text`.
    private func mayEnd(in text: [Unicode.Scalar], at end: Int) -> Bool {
        end > 0 && end <= text.count ? lastBits & SearchedText.bit(text[end - 1]) != 0 : lastBits == ~0
    }

    /// The first word (in list order) occurring anywhere in `text`.
    func first(in text: SearchedText) -> String? { firstIndex(in: text).map { words[$0] } }

    /// The index of the first word (in list order) occurring anywhere in `text`; with
    /// `wholeCharacters`, only where no mark extending its last character follows it, as
    /// Foundation's `range(of:)` finds words: "成本" is not in "成本\u{301}" (tested against it).
    func firstIndex(in text: SearchedText, wholeCharacters: Bool = false) -> Int? {
        scalars.indices.first { k in
            guard let head = scalars[k].first, text.mayHold(head) else { return false }
            return WordList.find(scalars[k], in: text.scalars, from: 0, wholeCharacters: wholeCharacters) != nil
        }
    }

    /// `find(_:in:from:)`; with `wholeCharacters`, skipping places where a mark extending the
    /// word's last character follows it.
    static func find(_ word: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int, wholeCharacters: Bool) -> Int? {
        var from = start
        while let at = find(word, in: text, from: from) {
            let end = at + word.count
            if !wholeCharacters || end == text.count || !isMark(text[end]) { return at }
            from = at + 1
        }
        return nil
    }

    /// Whether `scalar` extends the character before it (Unicode's Grapheme_Extend: nonspacing
    /// and enclosing marks, variation selectors, ZWNJ …; not ZWJ, not spacing marks).
    private static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x300 && scalar.properties.isGraphemeExtend
    }

    /// The first word (in list order) starting at `index` of `text`.
    func first(in text: [Unicode.Scalar], at index: Int) -> FoundWord? {
        guard mayStart(in: text, at: index) else { return nil }
        return scalars.indices.first { WordList.matches(scalars[$0], in: text, at: index) }.map(found)
    }

    /// The first word (in list order) ending just before `end` in `text`.
    func first(in text: [Unicode.Scalar], endingAt end: Int) -> FoundWord? {
        guard mayEnd(in: text, at: end) else { return nil }
        return scalars.indices.first { WordList.matches(scalars[$0], in: text, at: end - scalars[$0].count) }.map(found)
    }

    /// The longest word starting at `index` of `text` (the first of equal lengths).
    func longest(in text: [Unicode.Scalar], at index: Int) -> FoundWord? {
        guard mayStart(in: text, at: index) else { return nil }
        return longest { WordList.matches(scalars[$0], in: text, at: index) }
    }

    /// The longest word ending just before `end` in `text` (the first of equal lengths).
    func longest(in text: [Unicode.Scalar], endingAt end: Int) -> FoundWord? {
        guard mayEnd(in: text, at: end) else { return nil }
        return longest { WordList.matches(scalars[$0], in: text, at: end - scalars[$0].count) }
    }

    /// The index of the word that is the whole of `text`.
    func index<C: Collection>(ofWhole text: C) -> Int? where C.Element == Unicode.Scalar {
        scalars.firstIndex { $0.elementsEqual(text) }
    }

    private func longest(_ stands: (Int) -> Bool) -> FoundWord? {
        var best: Int?
        for k in scalars.indices where scalars[k].count > (best.map { scalars[$0].count } ?? 0) && stands(k) {
            best = k
        }
        return best.map(found)
    }

    private func found(_ k: Int) -> FoundWord { FoundWord(index: k, word: words[k], length: scalars[k].count) }

    /// `text` without any occurrence of the words (each removed in list order).
    func removingAll(from text: [Unicode.Scalar]) -> [Unicode.Scalar] {
        var result = text
        for word in scalars where !word.isEmpty {
            var kept: [Unicode.Scalar] = []
            var i = 0
            while let found = WordList.find(word, in: result, from: i) {
                kept += result[i..<found]
                i = found + word.count
            }
            if i > 0 { result = kept + result[i...] }
        }
        return result
    }

    /// Whether `word` stands in `text` at `index`.
    static func matches(_ word: [Unicode.Scalar], in text: [Unicode.Scalar], at index: Int) -> Bool {
        guard index >= 0, index + word.count <= text.count else { return false }
        var k = 0
        while k < word.count, text[index + k] == word[k] { k += 1 }
        return k == word.count
    }

    /// The first index at or after `start` where `word` (not empty) stands in `text`.
    static func find(_ word: [Unicode.Scalar], in text: [Unicode.Scalar], from start: Int) -> Int? {
        guard let head = word.first, text.count - word.count >= start else { return nil }
        for i in start...(text.count - word.count) where text[i] == head && matches(word, in: text, at: i) {
            return i
        }
        return nil
    }
}

/// A text's scalars in NFC, searched by several word lists in turn, with a 64-bit mask of its
/// scalars (bit `value % 64`) that rules out at once a word whose first scalar is not there.
struct SearchedText: Sendable {
    let scalars: [Unicode.Scalar]
    private let mask: UInt64

    init(scalars: [Unicode.Scalar]) {
        self.scalars = scalars
        mask = scalars.reduce(0) { $0 | SearchedText.bit($1) }
    }

    /// `text` in NFC; without its white space when `droppingWhitespace`.
    init(_ text: String, droppingWhitespace: Bool = false) {
        let scalars = ValueText.scalars(of: text)
        self.init(scalars: droppingWhitespace ? scalars.filter { !LabelText.isWhitespace($0) } : scalars)
    }

    /// False when `scalar` is certainly not in the text.
    func mayHold(_ scalar: Unicode.Scalar) -> Bool { mask & SearchedText.bit(scalar) != 0 }

    static func bit(_ scalar: Unicode.Scalar) -> UInt64 { 1 << UInt64(scalar.value & 63) }
}
