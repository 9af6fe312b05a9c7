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

    /// The searches at a place (`first`/`longest` at and ending at an index) rule words out by
    /// their first and last scalars' bits; checked against matching every word there, at every
    /// index of random texts and just outside them, lists holding an empty word included.
    @Test func theBitsNeverRuleOutAWordThatStandsThere() {
        var g = SeededGenerator(seed: 0x5EED_0019)
        for _ in 0..<300 {
            var words = (0..<Int.random(in: 1...6, using: &g)).map { _ in Self.random(&g, 1...3) }
            if Int.random(in: 0..<8, using: &g) == 0 { words.append("") }
            let list = WordList(words)
            let k = list.scalars.indices
            for _ in 0..<5 {
                let text = SearchedText(Self.random(&g, 0...8)).scalars
                for i in -1...(text.count + 1) {
                    let firstAt = k.first { WordList.matches(list.scalars[$0], in: text, at: i) }
                    let firstEnding = k.first { WordList.matches(list.scalars[$0], in: text, at: i - list.scalars[$0].count) }
                    var longestAt: Int? = nil, longestEnding: Int? = nil
                    for w in k where !list.scalars[w].isEmpty {
                        if WordList.matches(list.scalars[w], in: text, at: i),
                           list.scalars[w].count > (longestAt.map { list.scalars[$0].count } ?? 0) { longestAt = w }
                        if WordList.matches(list.scalars[w], in: text, at: i - list.scalars[w].count),
                           list.scalars[w].count > (longestEnding.map { list.scalars[$0].count } ?? 0) { longestEnding = w }
                    }
                    #expect(list.first(in: text, at: i)?.index == firstAt, "\(words) at \(i) of \(text)")
                    #expect(list.first(in: text, endingAt: i)?.index == firstEnding, "\(words) ending at \(i) of \(text)")
                    #expect(list.longest(in: text, at: i)?.index == longestAt, "\(words) at \(i) of \(text)")
                    #expect(list.longest(in: text, endingAt: i)?.index == longestEnding, "\(words) ending at \(i) of \(text)")
                }
            }
        }
    }
}
