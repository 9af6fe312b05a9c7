import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// The preparation of a value's text (NFC, folding one scalar for one scalar, trimming), and the
/// readers' scalar walk where it differs from a `Character` walk.
@Suite("Value text preparation")
struct ValueTextTests {
    @Test("folding keeps one scalar for one, trimming drops spaces and trailing marks", arguments: [
        ("１０", "10", "１０"), ("≧９５％", "≥95%", "≧９５％"), (" \u{3000}95% 。", "95%", "95%"),
        ("＞＝１", ">=1", "＞＝１"), ("e\u{301}1", "\u{E9}1", "\u{E9}1"), ("\t\r\n", "", ""),
        ("１，２３４．５", "1,234.5", "１，２３４．５"), ("≦5；", "≤5", "≦5"), ("\u{F961}", "\u{7387}", "\u{7387}"),
    ])
    func folding(text: String, folded: String, original: String) {
        let value = ValueText(text)
        // Compared by scalar: the texts are in NFC.
        #expect(Array(value.trimmedFolded.unicodeScalars) == Array(folded.unicodeScalars))
        #expect(Array(value.trimmedOriginal.unicodeScalars) == Array(original.unicodeScalars))
        #expect(value.original.count == value.folded.count)
    }

    @Test("not-given words and marks", arguments: ["", "无", "暂无", "不适用", " 无 ", "—", "——", "无。", "……", "/", "－"])
    func notGiven(text: String) {
        #expect(ValueText(text).isNotGiven)
    }

    @Test("texts that are given", arguments: ["0", "无锡", "95%", "—5", "按时"])
    func given(text: String) {
        #expect(!ValueText(text).isNotGiven)
    }

    @Test("words are found in NFC: a decomposed é is the composed one, ≯ written as > and a stroke is ≯")
    func canonicalWords() {
        let cafe = ValueText("cafe\u{301}以上").scalars
        #expect(cafe.count == 6)
        #expect(cafe.longestWord(of: WordList(["café"]), at: 0)?.length == 4)
        #expect(cafe.longestWord(of: WordList(["以", "以上"]), at: 4)?.word == "以上")
        #expect(cafe.longestWord(of: WordList(["以上", "上"]), endingAt: 6)?.word == "以上")
        #expect(cafe.integer(at: 0) == nil)
        #expect(ValueText("12x").scalars.integer(at: 0)?.value == 12)
        // ">" and U+0338 compose to ≯, which is not ">": no comparator.
        #expect(ValueParser.parse(">\u{338}5") == ValueParser.parse("≯5"))
        #expect(ValueParser.comparator(">\u{338}") == nil)
        // A CJK compatibility ideograph reads as its unified twin.
        #expect(DirectionInference.lowerIsBetterWord(in: "结余\u{F961}") == "结余率")
        #expect(ValueParser.parse("12\u{F98E}") == ValueParser.parse("12年"))
        #expect(ValueParser.parse("等级优\u{F967}") == .text("等级优不"))
    }

    /// Characters of several scalars even in NFC are read scalar by scalar (the readers before
    /// walked `Character`s): a combining mark stands after its base, CR LF is two spaces.
    @Test("characters of several scalars in NFC are read scalar by scalar", arguments: [
        ("95%\r\n", "quantity(- 95 %)"), ("5\u{301}", "quantity(- 5 -)"), ("q\u{301}5次", "quantity(- 5 次)"),
        ("优秀\u{FE0F}", "text(优秀\u{FE0F})"), ("12月\u{20DD}底前", "text(12月\u{20DD}底前)"),
    ])
    func clusters(text: String, parsed: String) {
        #expect(ValueReadersRecordTests.describe(ValueParser.parse(text)) == parsed)
    }

    @Test("a bad character's offset counts scalars of the NFC text")
    func offsets() {
        #expect(throws: ValueError(text: "1\u{E9}", offset: 1, message: "分值不是数字:第2个字符“\u{E9}”")) {
            try ValueParser.number("1e\u{301}", field: "分值")
        }
        #expect(throws: ValueError(text: "1\r\n2", offset: 3, message: "分值不是数字:第4个字符“2”")) {
            try ValueParser.number("1\r\n2", field: "分值")
        }
    }

    @Test("no fold key is ASCII or an ideograph (fold answers those without the table)")
    func foldKeys() {
        for key in ValueMarks.foldedSymbols.keys {
            #expect(!key.isASCII, "\(key)")
            #expect(!ValueScalars.isIdeograph(key), "\(key)")
        }
    }

    /// Every word and mark the readers compare is one scalar per character, in NFC: comparing
    /// scalars then finds exactly what comparing characters found.
    @Test("every vocabulary word and mark is one scalar per character, in NFC")
    func vocabularyIsScalars() {
        let v = Vocabulary.ValueWords.self, s = Vocabulary.ScoringWords.self
        let lists: [[String]] = [
            Array(v.notGivenWords), v.comparatorSymbols.map(\.symbol), Array(v.comparatorPrefixWords.keys),
            Array(v.weakComparatorPrefixWords.keys), Array(v.comparatorSuffixWords.keys), v.percentUnits,
            v.moneyUnits.map(\.unit), v.knownUnits, v.yearEndWords, v.timeLeadWords, v.timeTailWords, v.onTimeWords,
            v.gradeWords.map(\.word), v.gradeIntroducers, v.gradeLinkWords, v.numberSuffixes,
            s.negationWords, s.benignNegationPhrases, s.partialWords, s.achievementWords, s.positiveDirectionWords,
            s.negativeDirectionWords, DirectionInference.lowerIsBetterPatterns, DirectionInference.controlledThings,
            [DirectionInference.controlRate],
        ]
        let marks: [Character] = Array(v.placeholderCharacters) + Array(v.trailingPunctuation)
            + v.foldedSymbols.flatMap { [$0.key, $0.value] } + Array(v.magnitudeCharacters) + Array(v.nonUnitCharacters)
            + Array(v.perUnitSeparators) + Array(v.bandMarks) + [v.yearMark, v.monthMark] + Array(v.dayMarks)
            + Array(v.monthEndMarks) + Array(v.onTimeNegations) + v.quotePairs.flatMap { [$0.open, $0.close] }
        for word in lists.joined() + marks.map { String($0) } {
            #expect(word.unicodeScalars.count == word.count, "\(word)")
            #expect(Array(word.precomposedStringWithCanonicalMapping.unicodeScalars) == Array(word.unicodeScalars), "\(word)")
        }
    }
}
