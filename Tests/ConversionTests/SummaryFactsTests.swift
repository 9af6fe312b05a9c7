@testable import Conversion
import Foundation
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
}
