import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// The preparation of a value's text: folding one character for one character, trimming.
@Suite("Value text preparation")
struct ValueTextTests {
    @Test("folding keeps one character for one, trimming drops spaces and trailing marks", arguments: [
        ("１０", "10", "１０"), ("≧９５％", "≥95%", "≧９５％"), (" \u{3000}95% 。", "95%", "95%"),
        ("＞＝１", ">=1", "＞＝１"), ("e\u{301}1", "e\u{301}1", "é1"), ("\t\r\n", "", ""),
        ("１，２３４．５", "1,234.5", "１，２３４．５"), ("≦5；", "≤5", "≦5"),
    ])
    func folding(text: String, folded: String, original: String) {
        let value = ValueText(text)
        #expect(value.trimmedFolded == folded)
        #expect(value.trimmedOriginal == original)
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

    @Test("word search compares characters: a decomposed é is the composed one")
    func canonicalWords() {
        let text = ValueCharacters(Array("cafe\u{301}以上"))
        #expect(text.hasWord("café", at: 0))
        #expect(text.longestWord(of: ["以", "以上"], at: 4) == "以上")
        #expect(text.longestWord(of: ["以上", "上"], endingAt: 6) == "以上")
        #expect(text.integer(at: 0) == nil)
        #expect(ValueCharacters(Array("12x")).integer(at: 0)?.value == 12)
    }

    @Test("no fold key is ASCII or an ideograph (fold answers those without the table)")
    func foldKeys() {
        for key in Vocabulary.ValueWords.foldedSymbols.keys {
            #expect(key.asciiValue == nil, "\(key)")
            #expect(!ValueCharacters.isIdeograph(key), "\(key)")
        }
    }
}
