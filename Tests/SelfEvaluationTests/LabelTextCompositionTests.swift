import Foundation
@testable import SelfEvaluation
import TestSupport
import Testing

/// `LabelText.nfc` skips Foundation's composition for texts of `LabelText.isComposed` scalars, and
/// `LabelText.trim` skips trimming when neither end is white space: both must give what the plain
/// call gives.
@Suite("LabelText composition and trimming (seeded)")
struct LabelTextCompositionTests {
    /// Every block `isComposed` names, walked whole: each scalar is its own NFC and a starter.
    @Test func everyComposedScalarIsStableAlone() {
        for range in [0x20...0x2FF, 0x2010...0x2027, 0x2190...0x22FF, 0x3000...0x3029, 0x3400...0x9FFF, 0xFF01...0xFFEE] {
            for value in range {
                guard let scalar = Unicode.Scalar(value), scalar.properties.generalCategory != .unassigned else { continue }
                #expect(LabelText.isComposed(scalar))
                #expect(scalar.properties.canonicalCombiningClass == .notReordered, "U+\(String(value, radix: 16))")
                let text = String(scalar)
                #expect(text.precomposedStringWithCanonicalMapping.unicodeScalars.elementsEqual(text.unicodeScalars),
                        "U+\(String(value, radix: 16))")
            }
        }
    }

    /// Pieces around the blocks' edges, marks that compose with what precedes them, singletons.
    static let pool: [String] = [
        "a", "1", " ", "\t", "\r", "\n", "\r\n", ":", "é", "e", "\u{301}", "\u{338}", "=", "≥", "≠", "Ω", "\u{2126}", "—",
        "“", "〈", "\u{2329}", "　", "年", "度", "（", "）", "：", "％", "€", "\u{FEFF}", "😀", "👍🏽", "𠀀", "Ａ", "ｱ", "ﾞ",
        "か", "\u{3099}", "が", "\u{302A}", "ㄱ", "\u{1161}", "한", "\u{2028}", "\u{85}", "Å", "A\u{30A}",
    ]

    static func randomText(_ rng: inout SeededGenerator) -> String {
        (0..<Int.random(in: 0...8, using: &rng)).map { _ in pool.randomElement(using: &rng) ?? "" }.joined()
    }

    @Test("seeded: nfc is Foundation's composition", arguments: [UInt64(1), 2, 3])
    func nfcIsComposition(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<3_000 {
            let text = Self.randomText(&rng)
            let nfc = LabelText.nfc(text)
            #expect(nfc.unicodeScalars.elementsEqual(text.precomposedStringWithCanonicalMapping.unicodeScalars),
                    "\(text.debugDescription)")
            #expect(LabelText.isPlain(text) == text.unicodeScalars.allSatisfy { $0.isASCII || (0x4000...0x9FFF).contains($0.value) })
        }
    }

    @Test("seeded: trim removes white space characters at both ends, and only those", arguments: [UInt64(4), 5, 6])
    func trimIsCharacterTrimming(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<3_000 {
            let text = Self.randomText(&rng)
            var expected = Substring(text)
            while expected.first?.isWhitespace == true { expected.removeFirst() }
            while expected.last?.isWhitespace == true { expected.removeLast() }
            #expect(LabelText.trim(text) == String(expected), "\(text.debugDescription)")
        }
    }

    /// `LabelSet` rules texts out by their length in bytes first: never one it holds, at any length
    /// (64 bytes and more share one bit).
    @Test func labelSetFindsWordsOfEveryLength() {
        let words = (1...30).map { NormalizedText(String(repeating: "年", count: $0)) } + ["x", "ab"]
        let set = LabelSet(words)
        for word in words { #expect(set.contains(word)) }
        #expect(!set.contains(NormalizedText(String(repeating: "年", count: 31))))
        #expect(!set.contains("abc"))
        #expect(!set.contains("y"))
        #expect(!LabelSet([NormalizedText]()).contains(.empty))
    }
}
