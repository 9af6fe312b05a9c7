@testable import SelfEvaluation
import TestSupport
import Testing

/// `WordList.firstIndex(in:)` rules words out by the text's scalars (in NFC) before comparing
/// characters; checked against the search without that shortcut, on random texts that hold
/// canonically equivalent spellings (é as one scalar or two, Å and Å, a CJK compatibility
/// ideograph and its unified twin, Ω and Ω).
@Suite("WordList search (seeded)")
struct WordListTests {
    static let pieces: [String] = [
        "完成", "达到", "未", "基本", "较好", "满意", "度", "e\u{301}", "é", "Å", "\u{212B}", "\u{F900}", "\u{8C48}",
        "Ω", "\u{2126}", "a", "b", " ", "%", "≥", "年", "月", "。", "q\u{301}", "\u{301}",
    ]

    static func random(_ g: inout SeededGenerator, _ length: ClosedRange<Int>) -> String {
        (0..<Int.random(in: length, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
    }

    @Test func theScalarShortcutNeverRulesOutAWordThatStandsInTheText() {
        var g = SeededGenerator(seed: 0x5EED_0016)
        for _ in 0..<400 {
            let words = (0..<Int.random(in: 1...8, using: &g)).map { _ in Self.random(&g, 1...3) }
            let list = WordList(words)
            for _ in 0..<10 {
                let text = Array(Self.random(&g, 0...8))
                let expected = list.characters.indices.first { WordList.find(list.characters[$0], in: text, from: 0) != nil }
                #expect(list.firstIndex(in: SearchedText(text)) == expected, "\(words) in \(String(text).debugDescription)")
            }
        }
    }
}
