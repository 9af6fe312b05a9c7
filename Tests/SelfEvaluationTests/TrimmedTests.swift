import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// `String.trimmed` returns a text with nothing to trim as itself; the oracle is the character
/// walk it always did.
@Suite("String.trimmed")
struct TrimmedTests {
    private static func reference(_ text: String) -> String {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return String(text[first...last])
    }

    /// Scalars that meet at the edges: white space of every kind, CR LF, combining marks and
    /// joiners (which make one character with what stands before them), ASCII, CJK, full-width.
    private static let pieces: [String] = [
        " ", "\t", "\n", "\r", "\r\n", "\u{3000}", "\u{A0}", "\u{2028}", "\u{85}", "\u{301}", "\u{20DD}", "\u{200D}",
        "\u{302A}", "\u{FE0F}", "a", "Z", "9", "%", "~", "分", "值", "（", "％", "ｚ", "é", "e\u{301}", "👍", "🇨🇳", "\u{600}",
        "한", "\u{1100}", "\u{1161}",
    ]

    @Test("seeded texts: the same as the character walk", arguments: [UInt64(1), 2, 3])
    func againstReference(seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...6, using: &random) {
                text += Self.pieces[Int.random(in: 0..<Self.pieces.count, using: &random)]
            }
            #expect(text.trimmed == Self.reference(text), "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
    }

    @Test("edges", arguments: [
        ("", ""), ("  ", ""), (" 分值 ", "分值"), ("分值", "分值"), ("a\u{301}", "a\u{301}"), (" \u{301}", ""),
        ("x \u{301}", "x"), ("分\r\n", "分"), ("\u{3000}达成\u{3000}", "达成"), ("95%", "95%"),
    ])
    func edges(text: String, expected: String) {
        #expect(text.trimmed == expected)
        #expect(Self.reference(text) == expected)
    }
}
