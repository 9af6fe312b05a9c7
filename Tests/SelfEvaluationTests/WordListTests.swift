@testable import SelfEvaluation
import TestSupport
import Testing

/// `WordList.first(in:)` rules words out by the text's scalar mask before comparing scalars;
/// checked against the search without that shortcut, on random texts that hold canonically
/// equivalent spellings (é as one scalar or two, Å and Å, a CJK compatibility ideograph and its
/// unified twin, Ω and Ω) and scalars whose values share their low six bits.
@Suite("WordList search (seeded)")
struct WordListTests {
    static let pieces: [String] = [
        "完成", "达到", "未", "基本", "较好", "满意", "度", "e\u{301}", "é", "Å", "\u{212B}", "\u{F900}", "\u{8C48}",
        "Ω", "\u{2126}", "a", "b", " ", "%", "≥", "年", "月", "。", "q\u{301}", "\u{301}", "\u{40}", "\u{80}", "\u{4E40}",
    ]

    static func random(_ g: inout SeededGenerator, _ length: ClosedRange<Int>) -> String {
        (0..<Int.random(in: length, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
    }

    @Test func theMaskNeverRulesOutAWordThatStandsInTheText() {
        var g = SeededGenerator(seed: 0x5EED_0016)
        for _ in 0..<400 {
            let words = (0..<Int.random(in: 1...8, using: &g)).map { _ in Self.random(&g, 1...3) }
            let list = WordList(words)
            for _ in 0..<10 {
                let text = SearchedText(Self.random(&g, 0...8))
                let expected = list.scalars.indices.first { WordList.find(list.scalars[$0], in: text.scalars, from: 0) != nil }
                #expect(list.first(in: text) == expected.map { words[$0] }, "\(words) in \(text.scalars)")
            }
        }
    }

    @Test("canonically equal spellings meet; white space is dropped only when asked")
    func canonical() {
        let list = WordList(["\u{E9}t\u{E9}", "按时完成"])
        #expect(list.first(in: SearchedText("l'e\u{301}te\u{301}")) == "\u{E9}t\u{E9}")
        #expect(list.first(in: SearchedText("按时 完成")) == nil)
        #expect(list.first(in: SearchedText("按时 完成", droppingWhitespace: true)) == "按时完成")
        #expect(list.first(in: SearchedText("按时\u{3000}完成\n", droppingWhitespace: true)) == "按时完成")
    }

    @Test("removing words leaves the rest in order")
    func removing() {
        let list = WordList(["未发生", "没有发生"])
        let text = SearchedText("未发生事故,没有发生未完成").scalars
        #expect(String(String.UnicodeScalarView(list.removingAll(from: text))) == "事故,未完成")
    }
}
