import Foundation
@testable import SelfEvaluation
import TestSupport
import Testing

/// `NormalizedText` compares, hashes and prefix-tests bytes where the reader compared `String`s
/// (canonical equivalence, grapheme clusters). Checked against `String` on random labels made of
/// what forms hold: CJK, ASCII, full-width forms, brackets, colons, white space, and letters
/// written with combining marks.
@Suite("NormalizedText against String (seeded)")
struct NormalizedTextTests {
    /// Pieces of labels, some of them non-NFC ("e" + U+0301) or full-width ("（", "Ａ").
    static let pieces: [String] = [
        "年度", "指标", "值", "得分", "分值", "(", ")", "（", "）", "【", "】", ":", "：", " ", "\u{3000}", "\n",
        "A", "Ａ", "1", "２", "e\u{301}", "é", "Å", "A\u{30A}", "\u{2126}", "Ω", "计", "划", "实际", "完成", "率", "%",
        "〔", "〕", "*", "-", "\t",
    ]

    static func randomLabel(_ g: inout SeededGenerator) -> String {
        let n = Int.random(in: 0...6, using: &g)
        return (0..<n).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
    }

    /// The normalisation as it was before NormalizedText (composition first, then folding and
    /// white space): the oracle for every text whose result is NFC.
    static func previousNormalize(_ text: String) -> String {
        let composed = text.precomposedStringWithCanonicalMapping
        var out = String.UnicodeScalarView()
        for scalar in composed.unicodeScalars where !scalar.properties.isWhitespace {
            var value = scalar.value
            if value >= 0xFF01, value <= 0xFF5E { value -= 0xFEE0 }
            switch value {
            case 0x5B, 0x3010, 0x3014, 0xFE59, 0x3016: out.append("(")
            case 0x5D, 0x3011, 0x3015, 0xFE5A, 0x3017: out.append(")")
            default: out.append(Unicode.Scalar(value) ?? scalar)
            }
        }
        var result = String(out)
        while result.hasSuffix(":") { result.removeLast() }
        return result
    }

    @Test func normalizedTextIsNFCAndCanonicallyEqualToThePreviousNormalisation() {
        var g = SeededGenerator(seed: 0x5EED_0014)
        for _ in 0..<3000 {
            let text = Self.randomLabel(&g)
            let new = LabelText.normalize(text)
            #expect(new == new.precomposedStringWithCanonicalMapping, "\(text.debugDescription) → not NFC")
            // `String ==` is canonical equivalence: what the reader compared before.
            #expect(new == Self.previousNormalize(text), "\(text.debugDescription)")
        }
    }

    @Test func equalityHashAndPrefixAgreeWithString() {
        var g = SeededGenerator(seed: 0x5EED_0015)
        for _ in 0..<3000 {
            let a = NormalizedText(Self.randomLabel(&g)), b = NormalizedText(Self.randomLabel(&g))
            #expect((a == b) == (a.string == b.string))
            #expect(a.hasPrefix(b) == a.string.hasPrefix(b.string), "\(a.string.debugDescription) / \(b.string.debugDescription)")
            #expect(a.hasSuffix(b) == a.string.hasSuffix(b.string), "\(a.string.debugDescription) / \(b.string.debugDescription)")
            #expect(a.hasPrefix(b, then: ":") == a.string.hasPrefix(b.string + ":"))
            if a == b { #expect(a.hashValue == b.hashValue) }
            // Prefix and equality of a text with itself and its own prefixes.
            let cut = NormalizedText(normalized: String(a.string.prefix(Int.random(in: 0...a.count, using: &g))))
            #expect(a.hasPrefix(cut))
            #expect(Set([a, cut]).count == (a == cut ? 1 : 2))
        }
    }

    /// Where bytes and grapheme clusters part: a prefix ending before a combining mark that does
    /// not compose. Labels never hold one; the byte answer is the documented one.
    @Test func aPrefixIsByScalar() {
        let text = NormalizedText("q\u{301}x")
        #expect(text.hasPrefix("q"))
        #expect(!text.string.hasPrefix("q"))
    }

    /// Literals are normalised: the label table's words need no call.
    @Test func literalsAreNormalized() {
        let literal: NormalizedText = "年度指标值（A）："
        #expect(literal.string == "年度指标值(A)")
        #expect(literal == NormalizedText("年度 指标值(A)"))
    }
}
