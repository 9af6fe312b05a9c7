import Foundation

/// A cell's text prepared for value parsing, as Unicode scalars: in canonical composition (NFC),
/// full-width forms folded one scalar for one scalar (so offsets stay those of the NFC text),
/// then trimmed.
///
/// Every word and mark the readers look for is one scalar per character in NFC (tested), so
/// comparing scalars of NFC texts finds what comparing `Character`s finds (canonical
/// equivalence); they differ only where a character is several scalars even in NFC (a letter
/// with a combining mark that has no composed form, CR LF): the readers count and read those
/// scalar by scalar.
struct ValueText: Sendable {
    /// The text in NFC.
    let text: String
    /// Its scalars.
    let original: [Unicode.Scalar]
    /// `original` with full-width digits and symbols folded, whitespace turned into " ".
    let folded: [Unicode.Scalar]
    /// The trimmed range inside both arrays.
    let range: Range<Int>

    init(_ text: String) {
        // `LabelText.nfc`, the scalars read once when the text is composed already.
        var original = Array(text.unicodeScalars)
        if LabelText.isPlain(text) || original.allSatisfy(LabelText.isComposed) {
            self.text = text
        } else {
            self.text = text.precomposedStringWithCanonicalMapping
            original = Array(self.text.unicodeScalars)
        }
        let folded = original.map(ValueText.fold)
        var start = 0
        var end = folded.count
        while start < end, folded[start] == " " { start += 1 }
        while end > start, folded[end - 1] == " " || ValueMarks.trailingPunctuation.contains(original[end - 1]) {
            end -= 1
        }
        self.original = original
        self.folded = folded
        self.range = start..<end
    }

    /// The scalars of `text` in NFC.
    static func scalars(of text: String) -> [Unicode.Scalar] { Array(LabelText.nfc(text).unicodeScalars) }

    /// The trimmed, folded scalars (indices start at 0).
    var scalars: ValueScalars { ValueScalars(Array(folded[range])) }
    /// The trimmed original text (in NFC): `text` itself when nothing was trimmed.
    var trimmedOriginal: String {
        if range.count == original.count { return text }
        let scalars = text.unicodeScalars
        let start = scalars.index(scalars.startIndex, offsetBy: range.lowerBound)
        return String(scalars[start..<scalars.index(start, offsetBy: range.count)])
    }
    /// The trimmed, folded text.
    var trimmedFolded: String { String(String.UnicodeScalarView(folded[range])) }
    /// Trimmed length in scalars.
    var count: Int { range.count }

    /// Whether the trimmed text means "not given": empty, a placeholder word, or only dashes,
    /// slashes, asterisks and ellipses.
    var isNotGiven: Bool {
        if range.isEmpty { return true }
        if ValueMarks.notGivenWords.contains(where: { $0.elementsEqual(original[range]) }) { return true }
        return folded[range].allSatisfy { ValueMarks.placeholders.contains($0) || $0 == " " }
    }

    /// Folds one scalar: full-width digits to ASCII, listed symbols to their plain form, any
    /// whitespace to " ".
    static func fold(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        // ASCII is only ever folded when it is white space; nor is an ideograph (no fold key is either: tested).
        if scalar.isASCII { return (0x09...0x0D).contains(scalar.value) || scalar == " " ? " " : scalar }
        if ValueScalars.isIdeograph(scalar) { return scalar }
        if LabelText.isWhitespace(scalar) { return " " }
        if let folded = ValueMarks.foldedSymbols[scalar] { return folded }
        if (0xFF10...0xFF19).contains(scalar.value), let digit = Unicode.Scalar(scalar.value - 0xFF10 + 0x30) { return digit }
        return scalar
    }
}

typealias ValueWords = Vocabulary.ValueWords

/// A word of a `WordList` found in a text: which word, and how many scalars it spans.
struct FoundWord: Sendable, Equatable {
    /// The word's index in its list.
    var index: Int
    /// The word as listed.
    var word: String
    /// Its length in scalars.
    var length: Int
}

/// Scalars being scanned by the value parser, with the small look-up helpers it needs.
struct ValueScalars: Sendable {
    let items: [Unicode.Scalar]

    init(_ items: [Unicode.Scalar]) {
        self.items = items
    }

    var count: Int { items.count }
    subscript(index: Int) -> Unicode.Scalar { items[index] }

    /// The scalar at `index`, nil outside the text.
    func at(_ index: Int) -> Unicode.Scalar? { index >= 0 && index < items.count ? items[index] : nil }

    /// The scalars in `range` as a string.
    func string(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(items[range])) }

    /// The longest word of `list` starting at `index` (the first of equal lengths).
    func longestWord(of list: WordList, at index: Int) -> FoundWord? { list.longest(in: items, at: index) }

    /// The longest word of `list` ending just before `end` (the first of equal lengths).
    func longestWord(of list: WordList, endingAt end: Int) -> FoundWord? { list.longest(in: items, endingAt: end) }

    /// The first word of `list` (in list order) standing at `index`.
    func firstWord(of list: WordList, at index: Int) -> FoundWord? { list.first(in: items, at: index) }

    /// The first word of `list` (in list order) ending just before `end`.
    func firstWord(of list: WordList, endingAt end: Int) -> FoundWord? { list.first(in: items, endingAt: end) }

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

    /// Reads an unsigned integer of at most 9 digits at `index`: its value, digits and the index after it.
    func integer(at index: Int) -> (value: Int, digits: Int, end: Int)? {
        var i = index
        var value = 0
        while i < items.count, let digit = ValueScalars.digit(items[i]), i - index < 9 {
            value = value * 10 + digit
            i += 1
        }
        guard i > index, !(i < items.count && ValueScalars.isDigit(items[i])) else { return nil }
        return (value, i - index, i)
    }

    /// The value of an ASCII digit 0-9 (not other Unicode digits).
    static func digit(_ scalar: Unicode.Scalar) -> Int? {
        isDigit(scalar) ? Int(scalar.value - 0x30) : nil
    }

    /// 0-9 only (not other Unicode digits).
    static func isDigit(_ scalar: Unicode.Scalar) -> Bool { scalar.value >= 0x30 && scalar.value <= 0x39 }
    /// a-z, A-Z.
    static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        (0x41...0x5A).contains(scalar.value) || (0x61...0x7A).contains(scalar.value)
    }
    /// A CJK unified ideograph.
    static func isIdeograph(_ scalar: Unicode.Scalar) -> Bool {
        (0x4E00...0x9FFF).contains(scalar.value) || (0x3400...0x4DBF).contains(scalar.value)
    }
}

/// The value parser's marks and words as scalars, made once from `Vocabulary.ValueWords`.
enum ValueMarks {
    static let notGivenWords = ValueWords.notGivenWords.map(ValueText.scalars(of:))
    static let placeholders = scalarSet(ValueWords.placeholderCharacters)
    static let trailingPunctuation = scalarSet(ValueWords.trailingPunctuation)
    static let foldedSymbols = Dictionary(uniqueKeysWithValues: ValueWords.foldedSymbols.map { (scalar($0.key), scalar($0.value)) })
    static let magnitudes = scalarSet(ValueWords.magnitudeCharacters)
    static let nonUnits = scalarSet(ValueWords.nonUnitCharacters)
    static let perUnitSeparators = scalarSet(ValueWords.perUnitSeparators)
    static let bands = scalarSet(ValueWords.bandMarks)
    static let year = scalar(ValueWords.yearMark)
    static let month = scalar(ValueWords.monthMark)
    static let days = scalarSet(ValueWords.dayMarks)
    static let monthEnds = scalarSet(ValueWords.monthEndMarks)
    static let onTimeNegations = scalarSet(ValueWords.onTimeNegations)
    static let quotePairs = ValueWords.quotePairs.map { (open: scalar($0.open), close: scalar($0.close)) }

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

    /// The scalar of a one-scalar character (every vocabulary mark is one: tested).
    static func scalar(_ character: Character) -> Unicode.Scalar {
        character.unicodeScalars[character.unicodeScalars.startIndex]
    }

    static func scalarSet(_ characters: Set<Character>) -> Set<Unicode.Scalar> { Set(characters.map(scalar)) }
}
