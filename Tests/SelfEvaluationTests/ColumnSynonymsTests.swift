@testable import SelfEvaluation
import TestSupport
import Testing

/// `ColumnSynonyms.assign` looks each header cell up once; the oracle is the assignment as it was
/// computed before (every key against every cell, rank by rank), on random header rows made of the
/// built-in table's labels, their pieces, brackets and made-up words, with random synonym lists.
@Suite("ColumnSynonyms against the previous assignment (seeded)")
struct ColumnSynonymsTests {
    static let pieces: [String] = [
        "指标", "值", "年度", "实际", "完成", "得分", "分值", "计算方法", "原因", "分析", "(A)", "(20分)", "(", ")", "一级", "二级",
        "三级", "名称", "执行", "预算", "数", "率", "全年", "权重", "目标", "单位", "度量", "性质", ":", "x",
    ]

    static func word(_ g: inout SeededGenerator, _ length: ClosedRange<Int>) -> String {
        (0..<Int.random(in: length, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
    }

    /// The previous `LabelTable.assign`.
    static func previousAssign<Key: Hashable>(_ cells: [(column: Int, label: NormalizedText)], keys: [Key],
                                              synonyms: [Key: [NormalizedText]]) -> [Key: Int] {
        var taken: Set<Int> = []
        var out: [Key: Int] = [:]
        for wanted in 0...1 {
            for key in keys where out[key] == nil {
                let words = synonyms[key] ?? []
                var best: (index: Int, column: Int)? = nil
                for (column, label) in cells where !taken.contains(column) {
                    let stem = label.stem
                    guard LabelTable.match(label, synonyms: words)?.rank == wanted else { continue }
                    let index = words.firstIndex { wanted == 0 ? ($0 == label || $0 == stem) : stem.hasPrefix($0) } ?? words.count
                    if best == nil || index < (best?.index ?? Int.max) { best = (index, column) }
                }
                if let best {
                    out[key] = best.column
                    taken.insert(best.column)
                }
            }
        }
        return out
    }

    @Test func assignsAsThePreviousAssignment() {
        var g = SeededGenerator(seed: 0x5EED_0020)
        let builtIn = LabelTable.builtIn.indicatorColumns
        for round in 0..<600 {
            // Half the rounds on the built-in table, half on random lists sharing words between keys.
            let keys = LabelTable.IndicatorColumn.allCases.shuffled(using: &g)
            var synonyms: [LabelTable.IndicatorColumn: [NormalizedText]] = builtIn
            if round % 2 == 1 {
                synonyms = [:]
                for key in keys {
                    synonyms[key] = (0..<Int.random(in: 0...4, using: &g)).map { _ in NormalizedText(Self.word(&g, 1...2)) }.filter { !$0.isEmpty }
                }
            }
            let all = synonyms.values.flatMap { $0 }.map(\.string)
            let cells = (1...Int.random(in: 1...10, using: &g)).compactMap { column -> (column: Int, label: NormalizedText)? in
                let text = Int.random(in: 0..<3, using: &g) == 0 || all.isEmpty
                    ? Self.word(&g, 0...3) : (all.randomElement(using: &g) ?? "") + Self.word(&g, 0...1)
                let label = NormalizedText(text)
                return label.isEmpty ? nil : (column, label)
            }
            let index = ColumnSynonyms(keys: keys, synonyms: synonyms)
            #expect(index.assign(cells) == Self.previousAssign(cells, keys: keys, synonyms: synonyms),
                    "\(cells.map(\.label.string)) with \(synonyms)")
        }
    }
}
