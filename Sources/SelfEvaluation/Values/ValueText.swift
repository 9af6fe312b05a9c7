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

    init(_ text: String) {
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

    /// The trimmed, folded characters (indices start at 0).
    var characters: ValueCharacters { ValueCharacters(Array(folded[range])) }
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
        // A text longer than every not-given word is none of them (no String need be made).
        if range.count <= ValueText.longestNotGivenWord, ValueWords.notGivenWords.contains(trimmedOriginal) { return true }
        return folded[range].allSatisfy { ValueWords.placeholderCharacters.contains($0) || $0 == " " }
    }

    /// Characters in the longest of `ValueWords.notGivenWords`.
    private static let longestNotGivenWord = ValueWords.notGivenWords.map(\.count).max() ?? 0

    /// Folds one character: full-width digits to ASCII, listed symbols to their plain form,
    /// any whitespace to " ".
    static func fold(_ character: Character) -> Character {
        // ASCII is only ever folded when it is white space (no fold key is ASCII).
        if let ascii = character.asciiValue { return (0x09...0x0D).contains(ascii) || ascii == 0x20 ? " " : character }
        // Nor is an ideograph ever folded: no fold key is one (tested).
        if ValueCharacters.isIdeograph(character) { return character }
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
/// Words are compared `Character` by `Character` (canonical equivalence, as `String` compares).
struct ValueCharacters: Sendable {
    let items: [Character]

    init(_ items: [Character]) {
        self.items = items
    }

    var count: Int { items.count }
    subscript(index: Int) -> Character { items[index] }

    /// The character at `index`, nil outside the text.
    func at(_ index: Int) -> Character? { items.indices.contains(index) ? items[index] : nil }

    /// Whether `word` occurs starting at `index`.
    func hasWord(_ word: String, at index: Int) -> Bool {
        guard index >= 0 else { return false }
        var i = index
        for character in word {
            guard i < items.count, items[i] == character else { return false }
            i += 1
        }
        return true
    }

    /// Whether `word` occurs ending just before `end`.
    func hasWord(_ word: String, endingAt end: Int) -> Bool { hasWord(word, at: end - word.count) }

    /// The longest of `words` starting at `index` (the first of equal lengths).
    func longestWord<S: Sequence>(of words: S, at index: Int) -> String? where S.Element == String {
        longest(words) { hasWord($0, at: index) }
    }

    /// The longest of `words` ending just before `end` (the first of equal lengths).
    func longestWord<S: Sequence>(of words: S, endingAt end: Int) -> String? where S.Element == String {
        longest(words) { hasWord($0, endingAt: end) }
    }

    private func longest<S: Sequence>(_ words: S, _ found: (String) -> Bool) -> String? where S.Element == String {
        var best: String?
        for word in words where word.count > (best?.count ?? 0) && found(word) { best = word }
        return best
    }

    /// The longest word of `list` starting at `index` (the first of equal lengths).
    func longestWord(of list: WordList, at index: Int) -> String? { list.longest(in: items, at: index) }

    /// The longest word of `list` ending just before `end` (the first of equal lengths).
    func longestWord(of list: WordList, endingAt end: Int) -> String? { list.longest(in: items, endingAt: end) }

    /// The index in `list` of its first word standing at `index`.
    func firstWord(of list: WordList, at index: Int) -> Int? { list.firstIndex(in: items, at: index) }

    /// The index in `list` of its first word ending just before `end`.
    func firstWord(of list: WordList, endingAt end: Int) -> Int? {
        list.characters.indices.first { WordList.matches(list.characters[$0], in: items, at: end - list.characters[$0].count) }
    }

    /// The first index at or after `index` that is not a space.
    func skippingSpaces(from index: Int) -> Int {
        var i = index
        while i < items.count, items[i] == " " { i += 1 }
        return i
    }

    /// Moving back from `end`, the first index after which only spaces remain before `end`.
    func skippingSpaces(backFrom end: Int) -> Int {
        var i = end
        while i > 0, items[i - 1] == " " { i -= 1 }
        return i
    }

    /// Reads an unsigned integer at `index`: its value and the index after it.
    func integer(at index: Int) -> (value: Int, digits: Int, end: Int)? {
        var i = index
        var value = 0
        while i < items.count, let digit = ValueCharacters.digit(items[i]), i - index < 9 {
            value = value * 10 + digit
            i += 1
        }
        guard i > index, !(i < items.count && ValueCharacters.isDigit(items[i])) else { return nil }
        return (value, i - index, i)
    }

    /// The value of an ASCII digit 0-9 (not other Unicode digits).
    static func digit(_ character: Character) -> Int? {
        guard let ascii = character.asciiValue, ascii >= 0x30, ascii <= 0x39 else { return nil }
        return Int(ascii - 0x30)
    }

    /// 0-9 only (not other Unicode digits).
    static func isDigit(_ character: Character) -> Bool { digit(character) != nil }
    /// a-z, A-Z.
    static func isLetter(_ character: Character) -> Bool { character.isASCII && character.isLetter }
    /// A CJK unified ideograph.
    static func isIdeograph(_ character: Character) -> Bool {
        guard let scalar = character.unicodeScalars.first, character.unicodeScalars.count == 1 else { return false }
        return (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

/// The value parser's word lists, split into characters once (see `WordList`).
enum ValueWordLists {
    static let comparatorSymbols = WordList(ValueWords.comparatorSymbols.map(\.symbol))
    static let comparatorPrefixWords = WordList(ValueWords.comparatorPrefixWords.keys)
    static let weakComparatorPrefixWords = WordList(ValueWords.weakComparatorPrefixWords.keys)
    static let comparatorSuffixWords = WordList(ValueWords.comparatorSuffixWords.keys)
    static let percentUnits = WordList(ValueWords.percentUnits)
    static let knownUnits = WordList(ValueWords.knownUnits)
    static let moneyUnits = WordList(ValueWords.moneyUnits.map(\.unit))
    static let gradeWords = WordList(ValueWords.gradeWords.map(\.word))
    static let gradeIntroducers = WordList(ValueWords.gradeIntroducers)
    static let gradeLinkWords = WordList(ValueWords.gradeLinkWords)
    static let numberSuffixes = WordList(ValueWords.numberSuffixes)
    static let timeLeadWords = WordList(ValueWords.timeLeadWords)
    static let yearEndWords = WordList(ValueWords.yearEndWords)
    static let onTimeWords = WordList(ValueWords.onTimeWords)
    static let timeTailWords = WordList(ValueWords.timeTailWords)
}
