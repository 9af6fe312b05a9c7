/// Vocabulary words prepared once for `ValueCharacters`' word searches: each word's scalar
/// values and its length, which `hasWord(_:at:)` and `length(of:)` otherwise recompute from the
/// `String` on every call.
struct ScalarWords: Sendable {
    /// The words, in the order given (a longest-match search keeps the first of equal lengths).
    let words: [String]
    /// Each word's scalar values.
    let scalars: [[UInt32]]
    /// Each word's length as `ValueCharacters.length(of:)` counts it.
    let lengths: [Int]

    init<S: Sequence>(_ words: S) where S.Element == String {
        self.words = Array(words)
        self.scalars = self.words.map { $0.unicodeScalars.map(\.value) }
        self.lengths = self.words.map { SimpleScalar.isSimple($0) ? $0.unicodeScalars.count : $0.count }
    }
}

/// The value-parser vocabulary as `ScalarWords`.
enum ValueWordLists {
    static let comparatorSymbols = ScalarWords(ValueWords.comparatorSymbols.map(\.symbol))
    static let comparatorPrefixWords = ScalarWords(ValueWords.comparatorPrefixWords.keys)
    static let weakComparatorPrefixWords = ScalarWords(ValueWords.weakComparatorPrefixWords.keys)
    static let comparatorSuffixWords = ScalarWords(ValueWords.comparatorSuffixWords.keys)
    static let percentUnits = ScalarWords(ValueWords.percentUnits)
    static let knownUnits = ScalarWords(ValueWords.knownUnits)
    static let moneyUnits = ScalarWords(ValueWords.moneyUnits.map(\.unit))
    static let gradeWords = ScalarWords(ValueWords.gradeWords.map(\.word))
    static let gradeIntroducers = ScalarWords(ValueWords.gradeIntroducers)
    static let gradeLinkWords = ScalarWords(ValueWords.gradeLinkWords)
    static let numberSuffixes = ScalarWords(ValueWords.numberSuffixes)
    static let timeLeadWords = ScalarWords(ValueWords.timeLeadWords)
    static let yearEndWords = ScalarWords(ValueWords.yearEndWords)
    static let onTimeWords = ScalarWords(ValueWords.onTimeWords)
    static let timeTailWords = ScalarWords(ValueWords.timeTailWords)
}
