@testable import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing

/// 汇总表's 联系人 and 电话 read only the rows that may hold a label (`SummaryFacts.labelRows`):
/// the same values as reading every row.
struct SummaryFactsTests {
    /// Every row trimmed, as `labelled` read them before the rows were filtered.
    static func everyRow(_ grid: [[String]]) -> [[Substring]] {
        grid.map { $0.map { SummaryFacts.trimmed($0) } }
    }

    /// Pieces of cells: the labels, their longer look-alikes, values, colons, white space of
    /// several kinds, a combining mark, a compatibility ideograph and other text.
    static let pieces = SummaryFacts.contactLabels + SummaryFacts.phoneLabels + [
        "联系人员", "电话费", "项目负责", "联系", "人", "肖科", "0854-0000000", ":", "\u{FF1A}", " ", "\n", "\t", "\u{3000}", "\u{00A0}",
        "\u{0301}", "\u{FA17}", "益", "备注", "", "", "",
    ]

    static func randomGrid(_ g: inout SeededGenerator) -> [[String]] {
        (0..<Int.random(in: 0...8, using: &g)).map { _ in
            (0..<Int.random(in: 0...5, using: &g)).map { _ in
                (0..<Int.random(in: 0...4, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
            }
        }
    }

    @Test("property: the filtered rows give the same 联系人 and 电话 as every row (5,000 seeded grids)")
    func filteredRowsGiveTheSameValues() {
        var g = SeededGenerator(seed: 0x5EED_17)
        var found = 0
        for _ in 0..<5_000 {
            let grid = Self.randomGrid(&g)
            for labels in [SummaryFacts.contactLabels, SummaryFacts.phoneLabels] {
                let all = SummaryFacts.labelled(labels, in: Self.everyRow(grid))
                #expect(SummaryFacts.labelled(labels, in: SummaryFacts.labelRows(grid)) == all, "\(grid)")
                if all != nil { found += 1 }
            }
        }
        #expect(found > 500)  // the grids do hold values to find
    }

    /// Which rows are kept: a row with a label anywhere in any cell, even after other text or
    /// white space, or as part of a longer label (the exact test is `labelled`'s).
    @Test(arguments: [
        (["备注", " 联系人：肖科"], true),
        (["", "", "\n电话"], true),
        (["联系人员"], true),
        (["联系", "人"], false),
        (["0854-0000000", "肖科"], false),
        ([], false),
    ] as [([String], Bool)])
    func rowsWithALabelAreKept(_ row: [String], _ kept: Bool) {
        #expect(SummaryFacts.labelRows([row]).count == (kept ? 1 : 0))
    }

    /// Why a byte test may stand for `hasPrefix` (which compares canonically equivalent text):
    /// no compatibility ideograph normalizes to a character of the labels — while one does to
    /// 益 of 效益, so the check can tell.
    @Test func noOtherEncodingOfTheLabels() {
        func normalizingTo(_ characters: Set<Character>) -> [UInt32] {
            let blocks = Array(0xF900...0xFAFF) + Array(0x2F800...0x2FA1F)
            return blocks.compactMap { value -> UInt32? in
                guard let scalar = Unicode.Scalar(UInt32(value)) else { return nil }
                let normalized = String(Character(scalar)).precomposedStringWithCanonicalMapping
                return normalized.contains(where: characters.contains) ? UInt32(value) : nil
            }
        }
        let labelCharacters = Set((SummaryFacts.contactLabels + SummaryFacts.phoneLabels).joined())
        #expect(normalizingTo(labelCharacters).isEmpty)
        #expect(normalizingTo(["益"]) == [0xFA17, 0xFAA6])
    }

    /// Whether `text`'s UTF-8 holds one of the labels' anywhere: the test `holdsLabel` answers by
    /// trying only where a 3-byte character starts.
    static func holdsAnyLabel(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        return SummaryFacts.labelBytes.contains { label in
            bytes.count >= label.count && (0...(bytes.count - label.count)).contains { Array(bytes[$0..<($0 + label.count)]) == label }
        }
    }

    @Test("property: a cell holds a label exactly when its bytes do, anywhere (20,000 seeded cells)")
    func labelTestMatchesAByteSearch() {
        var g = SeededGenerator(seed: 0x1ABE1)
        let more = Self.pieces + ["a", "1", "é", "😀", "\u{7FF}", "联系电", "话", "系人", "报人", "负责人", "办人"]
        var held = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &g)).map { _ in more.randomElement(using: &g) ?? "" }.joined()
            let expected = Self.holdsAnyLabel(text)
            #expect(SummaryFacts.mayHoldLabel(text) == expected, "\(text.debugDescription)")
            if expected { held += 1 }
        }
        #expect(held > 2_000)
    }

    @Test("a label is found at the start, the end, after ASCII, 2- and 4-byte characters", arguments: [
        ("电话", true), ("x电话", true), ("é电话", true), ("😀电话", true), ("备注联系方式", true), ("电", false),
        ("电 话", false), ("联系", false), ("项目负责", false), ("😀项目负责人", true), ("", false),
    ])
    func labelPlaces(text: String, held: Bool) {
        #expect(SummaryFacts.mayHoldLabel(text) == held)
    }

    /// The subtotals as they were first computed: one filter per word over every indicator.
    static func referenceSubtotal(_ indicators: [IndicatorResult], _ word: String) -> Decimal? {
        let matching = indicators.filter { $0.isScored && $0.indicator.level1.value.contains(word) }
        guard !matching.isEmpty else { return nil }
        return matching.reduce(Decimal(0)) { $0 + $1.score }
    }

    @Test("property: the one-pass subtotals equal one filter per word (seeded 一级指标 runs, 2,000 forms)")
    func subtotalsMatchTheFilters() throws {
        let scored = try Converter().score(path: FixturePaths.fixture("qiannan-guangzhou-2023.csv")).scored
        let base = try #require(scored.indicators.first)
        // Names with the words, without them, with 益's compatibility ideograph (canonically 效益),
        // and equal texts in other storage (a copy built from its characters).
        let names = ["产出指标", "效益指标", "满意度指标", "效\u{FA17}指标", "项目产出", "产出效益", "其他指标", "",
                     "满意", "产 出", String("效益指标".map { $0 })]
        var g = SeededGenerator(seed: 0x5AB7)
        var found = 0
        for _ in 0..<2_000 {
            var indicators: [IndicatorResult] = []
            var name = names[0]
            for _ in 0..<Int.random(in: 0...12, using: &g) {
                if Bool.random(using: &g) { name = names.randomElement(using: &g) ?? "" }
                var result = base
                result.indicator.level1.value = Bool.random(using: &g) ? name : String(name.map { $0 })
                result.kind = Int.random(in: 0..<5, using: &g) == 0 ? .notScored : base.kind
                result.score = Decimal(sign: .plus, exponent: -2, significand: Decimal(Int.random(in: 0...2_000, using: &g)))
                indicators.append(result)
            }
            let sums = SummaryFacts.subtotals(indicators)
            let expected = SummaryFacts.subtotalWords.map { Self.referenceSubtotal(indicators, $0) }
            #expect([sums.output, sums.benefit, sums.satisfaction] == expected)
            if expected.contains(where: { $0 != nil }) { found += 1 }
        }
        #expect(found > 1_000)
    }
}
