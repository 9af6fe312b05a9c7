import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// The UTF-8 byte decoding of `SimpleScalar` must see what `unicodeScalars` sees.
@Suite("Simple scalars on UTF-8 bytes")
struct SimpleScalarTests {
    static let pool: [String] = [
        "a", "1", " ", "\t", "\r", "\n", "\r\n", ":", "é", "e\u{301}", "Ω", "\u{2126}", "—", "〈", "\u{2329}", "　",
        "年", "度", "（", "）", "：", "，", "€", "\u{FEFF}", "😀", "👍🏽", "𠀀", "\u{10FFFF}", "~", "Ａ", "ｱ",
    ]

    static func randomText(_ rng: inout SeededGenerator) -> String {
        var text = ""
        for _ in 0..<Int.random(in: 0...8, using: &rng) { text += pool.randomElement(using: &rng) ?? "" }
        return text
    }

    @Test("seeded: allScalars decodes what unicodeScalars gives", arguments: [UInt64(1), 2, 3])
    func decoding(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<2_000 {
            let text = Self.randomText(&rng)
            var decoded: [UInt32] = []
            let finished = SimpleScalar.allScalars(of: text) { decoded.append($0); return true }
            #expect(finished)
            #expect(decoded == text.unicodeScalars.map(\.value), "\(text.debugDescription)")
            let expectedSimple = text.unicodeScalars.allSatisfy { SimpleScalar.isSimple($0.value) }
            #expect(SimpleScalar.isSimple(text) == expectedSimple, "\(text.debugDescription)")
        }
    }

    @Test("seeded: hasVisibleEnds is the scalar-view definition", arguments: [UInt64(4), 5, 6])
    func visibleEnds(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<2_000 {
            let text = Self.randomText(&rng)
            let scalars = Array(text.unicodeScalars)
            var expected = false
            if let first = scalars.first, let last = scalars.last,
               SimpleScalar.isVisible(first.value), SimpleScalar.isVisible(last.value) {
                expected = scalars.count < 2 || SimpleScalar.isSimple(scalars[scalars.count - 2].value)
            }
            #expect(text.hasVisibleEnds == expected, "\(text.debugDescription)")
            if text.hasVisibleEnds { #expect(LabelText.trim(text) == text.trimmingCharacters(in: .whitespacesAndNewlines)) }
        }
    }
}
