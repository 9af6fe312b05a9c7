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

    /// A label's stem is computed only when its normalized text holds a bracket: the same stem as
    /// `LabelTable.stem` of the normalized text, always, whichever way the text was made.
    @Test func labelsStemAsTheTableDoes() {
        var g = SeededGenerator(seed: 0x5EED_0016)
        for _ in 0..<3000 {
            let text = Self.randomLabel(&g)
            let label = NormalizedText(text)
            #expect(label.string == LabelText.normalize(text))
            #expect(label.stem.string == LabelTable.stem(label.string), "\(text.debugDescription)")
            #expect(label.stem.string == Self.previousStem(label.string), "\(text.debugDescription)")
            #expect(NormalizedText(normalized: label.string).stem == label.stem, "\(text.debugDescription)")
        }
    }

    /// The stem as it was computed before (byte by byte): the oracle of `LabelTable.stem`.
    static func previousStem(_ label: String) -> String {
        var out: [UInt8] = []
        var depth = 0
        for byte in label.utf8 {
            if byte == UInt8(ascii: "(") { depth += 1; continue }
            if byte == UInt8(ascii: ")") { depth = max(0, depth - 1); continue }
            if depth == 0 { out.append(byte) }
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// The byte searches of a label (`contains`, `firstColon`) and `LabelSet` against `String`'s
    /// and `Set`'s answers.
    @Test func searchesAndSetsAgreeWithStringAndSet() {
        var g = SeededGenerator(seed: 0x5EED_0017)
        for _ in 0..<3000 {
            let a = NormalizedText(Self.randomLabel(&g)), b = NormalizedText(Self.randomLabel(&g))
            if !b.isEmpty {
                #expect(a.contains(b) == (a.string.utf8.count >= b.string.utf8.count
                    && (0...(a.string.utf8.count - b.string.utf8.count)).contains { Array(a.string.utf8.dropFirst($0)).starts(with: b.string.utf8) }))
            }
            #expect(a.firstColon == a.string.firstIndex(of: ":"), "\(a.string.debugDescription)")
            let words = (0..<Int.random(in: 0...5, using: &g)).map { _ in NormalizedText(Self.randomLabel(&g)) }
            #expect(LabelSet(words).contains(a) == Set(words).contains(a))
            #expect(LabelSet(words + [a]).contains(a))
        }
    }

    /// `LabelTable.match` (one pass) against the rank and the first synonym's index computed
    /// apart, as `assign` did before.
    @Test func matchAgreesWithRankAndFirstIndex() {
        var g = SeededGenerator(seed: 0x5EED_0018)
        for _ in 0..<3000 {
            let label = NormalizedText(Self.randomLabel(&g))
            let words = (0..<Int.random(in: 0...6, using: &g)).map { _ in NormalizedText(Self.randomLabel(&g)) }.filter { !$0.isEmpty }
            var rank: Int? = nil
            if !label.isEmpty {
                if words.contains(label) || words.contains(label.stem) { rank = 0 }
                else if words.contains(where: { label.stem.hasPrefix($0) }) { rank = 1 }
            }
            let index = rank.flatMap { r in words.firstIndex { r == 0 ? ($0 == label || $0 == label.stem) : label.stem.hasPrefix($0) } }
            let found = LabelTable.match(label, synonyms: words)
            #expect(found?.rank == rank && found?.index == index, "\(label.string.debugDescription) \(words)")
            #expect(label.isNamed(by: LabelSet(words)) == (rank == 0))
        }
    }
}
