import Foundation

/// A cell's text prepared for value parsing: full-width forms folded one character for one
/// character (so offsets stay those of the original), then trimmed.
struct ValueText: Sendable {
    /// The original characters.
    let original: [Character]
    /// `original` with full-width digits and symbols folded, whitespace turned into " ".
    let folded: [Character]
    /// The trimmed range inside both arrays.
    let range: Range<Int>
    /// For a text of simple scalars (see `SimpleScalar`): the scalar value of each folded
    /// character (each is one simple scalar); nil for other texts.
    let foldedCodes: [UInt32]?

    init(_ text: String) {
        if let simple = ValueText(simple: text) {
            self = simple
        } else {
            self.init(characterwise: text)
        }
    }

    /// `init(_:)` going `Character` by `Character`, for any text.
    init(characterwise text: String) {
        self.foldedCodes = nil
        let original = Array(text)
        let folded = original.map(ValueText.fold)
        var start = 0
        var end = folded.count
        while start < end, folded[start] == " " { start += 1 }
        while end > start, folded[end - 1] == " " || ValueWords.trailingPunctuation.contains(original[end - 1]) {
            end -= 1
        }
        self.original = original
        self.folded = folded
        self.range = start..<end
    }

    /// `init(_:)` scalar by scalar for a text of simple scalars, where each scalar is a
    /// `Character` of its own and compares equal to another exactly when the scalars are equal;
    /// nil for any other text (or when the fold table is not made of simple scalars).
    init?(simple text: String) {
        guard let table = ValueText.foldTable else { return nil }
        var original: [Character] = []
        var folded: [Character] = []
        var codes: [UInt32] = []
        original.reserveCapacity(text.utf8.count)
        folded.reserveCapacity(text.utf8.count)
        codes.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            let value = scalar.value
            guard SimpleScalar.isSimple(value) else { return nil }
            let character = Character(scalar)
            original.append(character)
            if SimpleScalar.isWhitespace(value) {
                folded.append(" ")
                codes.append(0x20)
            } else if table.mayHold(value), let entry = table.map[value] {
                folded.append(entry.character)
                codes.append(entry.code)
            } else if (0xFF10...0xFF19).contains(value), let ascii = Unicode.Scalar(value - 0xFF10 + 0x30) {
                folded.append(Character(ascii))
                codes.append(ascii.value)
            } else {
                folded.append(character)
                codes.append(value)
            }
        }
        var start = 0
        var end = codes.count
        while start < end, codes[start] == 0x20 { start += 1 }
        while end > start, codes[end - 1] == 0x20 || table.trailing.contains(original[end - 1].unicodeScalars.first?.value ?? 0) {
            end -= 1
        }
        self.original = original
        self.folded = folded
        self.range = start..<end
        self.foldedCodes = codes
    }

    /// `ValueWords.foldedSymbols` and `trailingPunctuation` by scalar value, for `init(simple:)`.
    private struct FoldTable: Sendable {
        var map: [UInt32: (character: Character, code: UInt32)]
        var lowest: UInt32
        var hasIdeographKey: Bool
        var trailing: [UInt32]

        /// Whether `value` may be a key (a cheap test before the look-up).
        @inline(__always)
        func mayHold(_ value: UInt32) -> Bool {
            value >= lowest && (hasIdeographKey || value < 0x4E00 || value > 0x9FFF)
        }
    }

    /// Nil unless every fold key, fold result and trailing mark is one simple scalar whose
    /// canonical composition is itself (then a simple scalar equals a key only when it is the key).
    private static let foldTable: FoldTable? = {
        func simpleScalar(_ character: Character) -> UInt32? {
            let scalars = character.unicodeScalars
            guard scalars.count == 1, let scalar = scalars.first else { return nil }
            let composed = String(character).precomposedStringWithCanonicalMapping.unicodeScalars
            guard composed.count == 1, composed.first == scalar else { return nil }
            return scalar.value
        }
        var map: [UInt32: (character: Character, code: UInt32)] = [:]
        for (key, value) in ValueWords.foldedSymbols {
            // Keys that are not simple never occur in a simple text; results must be simple.
            guard let result = simpleScalar(value), SimpleScalar.isSimple(result) else { return nil }
            guard let code = simpleScalar(key) else { return nil }
            if SimpleScalar.isSimple(code) { map[code] = (value, result) }
        }
        var trailing: [UInt32] = []
        for mark in ValueWords.trailingPunctuation {
            guard let code = simpleScalar(mark) else { return nil }
            trailing.append(code)
        }
        return FoldTable(map: map, lowest: map.keys.min() ?? UInt32.max,
                         hasIdeographKey: map.keys.contains { (0x4E00...0x9FFF).contains($0) }, trailing: trailing.sorted())
    }()

    /// The trimmed, folded characters (indices start at 0).
    var characters: ValueCharacters {
        if let foldedCodes { return ValueCharacters(Array(folded[range]), codes: Array(foldedCodes[range])) }
        return ValueCharacters(Array(folded[range]))
    }
    /// The trimmed original text.
    var trimmedOriginal: String { String(original[range]) }
    /// The trimmed, folded text.
    var trimmedFolded: String { String(folded[range]) }
    /// Trimmed length in characters.
    var count: Int { range.count }

    /// Whether the trimmed text means "not given": empty, a placeholder word, or only dashes,
    /// slashes, asterisks and ellipses.
    var isNotGiven: Bool {
        if range.isEmpty { return true }
        // A simple text has one character per scalar: longer than every word, it is none of them.
        if foldedCodes == nil || range.count <= ValueText.longestNotGivenWord,
           ValueWords.notGivenWords.contains(trimmedOriginal) {
            return true
        }
        return folded[range].allSatisfy { ValueWords.placeholderCharacters.contains($0) || $0 == " " }
    }

    /// Characters in the longest of `ValueWords.notGivenWords`.
    /// (`Int.max` if a word is not simple: then no length says anything.)
    private static let longestNotGivenWord = ValueWords.notGivenWords.allSatisfy { SimpleScalar.isSimple($0) }
        ? ValueWords.notGivenWords.map(\.count).max() ?? 0 : Int.max

    /// Folds one character: full-width digits to ASCII, listed symbols to their plain form,
    /// any whitespace to " ".
    static func fold(_ character: Character) -> Character {
        if character.isWhitespace { return " " }
        if let folded = ValueWords.foldedSymbols[character] { return folded }
        let scalars = character.unicodeScalars
        if scalars.count == 1, let scalar = scalars.first, (0xFF10...0xFF19).contains(scalar.value),
           let ascii = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) {
            return Character(ascii)
        }
        return character
    }
}

typealias ValueWords = Vocabulary.ValueWords

/// Characters being scanned by the value parser, with the small look-up helpers it needs.
struct ValueCharacters: Sendable {
    let items: [Character]
    /// For each item, its scalar value when it is one simple scalar (see `SimpleScalar`),
    /// else `ValueCharacters.notSimple`: lets `hasWord` compare scalars instead of `Character`s.
    private let codes: [UInt32]

    /// Characters with their codes already known (see `codes`).
    init(_ items: [Character], codes: [UInt32]) {
        self.items = items
        self.codes = codes
    }

    init(_ items: [Character]) {
        self.items = items
        self.codes = items.map { character in
            var scalars = character.unicodeScalars.makeIterator()
            guard let first = scalars.next(), scalars.next() == nil, SimpleScalar.isSimple(first.value) else {
                return ValueCharacters.notSimple
            }
            return first.value
        }
    }

    /// The code of an item that is not a single simple scalar.
    private static let notSimple = UInt32.max

    /// Number of characters of a vocabulary word (scalars, when they are all simple).
    private static func length(of word: String) -> Int {
        SimpleScalar.isSimple(word) ? word.unicodeScalars.count : word.count
    }

    var count: Int { items.count }
    subscript(index: Int) -> Character { items[index] }

    /// False only when every item is a simple scalar and none is in `scalars`: then no word
    /// starting with one of `scalars` (simple too) occurs in the text.
    func mayContain(anyOf scalars: [UInt32]) -> Bool {
        codes.contains { $0 == ValueCharacters.notSimple || scalars.contains($0) }
    }

    /// The character at `index`, nil outside the text.
    func at(_ index: Int) -> Character? { items.indices.contains(index) ? items[index] : nil }

    /// Whether `word` occurs starting at `index`.
    func hasWord(_ word: String, at index: Int) -> Bool {
        guard index >= 0 else { return false }
        // Fast path: simple scalars on both sides compare equal exactly when their values do.
        var i = index
        for scalar in word.unicodeScalars {
            let value = scalar.value
            guard SimpleScalar.isSimple(value), i < codes.count, codes[i] != ValueCharacters.notSimple else {
                return hasWordByCharacters(word, at: index)
            }
            if codes[i] != value { return false }
            i += 1
        }
        return true
    }

    /// `hasWord` comparing `Character`s (canonical equivalence).
    private func hasWordByCharacters(_ word: String, at index: Int) -> Bool {
        var i = index
        for character in word {
            guard i < items.count, items[i] == character else { return false }
            i += 1
        }
        return true
    }

    /// Whether `word` occurs ending just before `end`.
    func hasWord(_ word: String, endingAt end: Int) -> Bool {
        hasWord(word, at: end - ValueCharacters.length(of: word))
    }

    /// The longest of `words` starting at `index`.
    func longestWord<S: Sequence>(of words: S, at index: Int) -> String? where S.Element == String {
        var best: String?
        var bestLength = 0
        for word in words where hasWord(word, at: index) {
            let length = ValueCharacters.length(of: word)
            if length > bestLength { best = word; bestLength = length }
        }
        return best
    }

    /// The longest of `words` ending just before `end`.
    func longestWord<S: Sequence>(of words: S, endingAt end: Int) -> String? where S.Element == String {
        var best: String?
        var bestLength = 0
        for word in words where hasWord(word, endingAt: end) {
            let length = ValueCharacters.length(of: word)
            if length > bestLength { best = word; bestLength = length }
        }
        return best
    }

    /// Whether word `k` of `list` occurs starting at `index`: `hasWord(list.words[k], at:)`
    /// with the word's scalars prepared.
    func hasWord(_ list: ScalarWords, _ k: Int, at index: Int) -> Bool {
        guard index >= 0 else { return false }
        var i = index
        for value in list.scalars[k] {
            guard SimpleScalar.isSimple(value), i < codes.count, codes[i] != ValueCharacters.notSimple else {
                return hasWordByCharacters(list.words[k], at: index)
            }
            if codes[i] != value { return false }
            i += 1
        }
        return true
    }

    /// The index in `list` of its first word occurring at `index`.
    func firstWord(of list: ScalarWords, at index: Int) -> Int? {
        list.words.indices.first { hasWord(list, $0, at: index) }
    }

    /// The index in `list` of its first word ending just before `end`.
    func firstWord(of list: ScalarWords, endingAt end: Int) -> Int? {
        list.words.indices.first { hasWord(list, $0, at: end - list.lengths[$0]) }
    }

    /// The longest word of `list` starting at `index` (the first of equal lengths).
    func longestWord(of list: ScalarWords, at index: Int) -> String? {
        var best: String?
        var bestLength = 0
        for k in list.words.indices where hasWord(list, k, at: index) {
            let length = list.lengths[k]
            if length > bestLength { best = list.words[k]; bestLength = length }
        }
        return best
    }

    /// The longest word of `list` ending just before `end` (the first of equal lengths).
    func longestWord(of list: ScalarWords, endingAt end: Int) -> String? {
        var best: String?
        var bestLength = 0
        for k in list.words.indices where hasWord(list, k, at: end - list.lengths[k]) {
            let length = list.lengths[k]
            if length > bestLength { best = list.words[k]; bestLength = length }
        }
        return best
    }

    /// The first index at or after `index` that is not a space.
    func skippingSpaces(from index: Int) -> Int {
        var i = index
        // codes[i] is 0x20 exactly when items[i] is " " (a one-scalar, simple character).
        while i < codes.count, codes[i] == 0x20 { i += 1 }
        return i
    }

    /// Moving back from `end`, the first index after which only spaces remain before `end`.
    func skippingSpaces(backFrom end: Int) -> Int {
        var i = end
        while i > 0, codes[i - 1] == 0x20 { i -= 1 }
        return i
    }

    /// Reads an unsigned integer at `index`: its value and the index after it.
    func integer(at index: Int) -> (value: Int, digits: Int, end: Int)? {
        var i = index
        var value = 0
        while i < items.count, ValueCharacters.isDigit(items[i]), i - index < 9 {
            value = value * 10 + Int((items[i].utf8.first ?? 0x30) - 0x30)
            i += 1
        }
        guard i > index, !(i < items.count && ValueCharacters.isDigit(items[i])) else { return nil }
        return (value, i - index, i)
    }

    /// 0-9 only (not other Unicode digits).
    static func isDigit(_ character: Character) -> Bool {
        // `isASCII && isNumber`: a one-byte character is one ASCII scalar, and the ASCII numbers
        // are the digits (CRLF, also "ASCII", is no number). Reading the byte avoids the
        // Unicode property look-ups.
        let utf8 = character.utf8
        guard utf8.count == 1, let byte = utf8.first else { return false }
        return byte >= 0x30 && byte <= 0x39
    }
    /// a-z, A-Z.
    static func isLetter(_ character: Character) -> Bool {
        // `isASCII && isLetter`, read from the one byte (see `isDigit`).
        let utf8 = character.utf8
        guard utf8.count == 1, let byte = utf8.first else { return false }
        return (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A)
    }
    /// A CJK unified ideograph.
    static func isIdeograph(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}
