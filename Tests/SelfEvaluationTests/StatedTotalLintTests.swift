import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// A total stated in the unit's text is checked against the computed one (issue 12, item 8).
@Suite("StatedTotalLint")
struct StatedTotalLintTests {
    static let stated: [(String, String?)] = [
        ("项目总体按计划实施，自评得分94.53分，自评等级为优。", "94.53"),
        ("自评总分为98分", "98"),
        ("综合得分：96.5", "96.5"),
        ("总分 100", "100"),
        ("本项目总得分约99.55分,等级优", "99.55"),
        ("项目总分100分，自评得分95分", "100"),      // the first total stated
        ("满意度得分8分", nil),                       // one indicator's 得分
        ("自评得分率95%", nil),
        ("总分95%以上的指标", nil),
        ("结合自评情况,说明项目自评总分,说明项目实施取得的成效", nil),
        ("", nil),
    ]

    @Test(arguments: stated)
    func readsTheStatedTotal(_ row: (String, String?)) {
        #expect(StatedTotalLint.statedTotal(in: row.0) == row.1.map(exactDecimal))
    }

    /// The scalar walk finds what the `Character` walk it replaced finds, on seeded texts of total
    /// words, their pieces, joiners, digits, dots, percent signs, full-width and decomposed forms
    /// (which meet only after NFC), and other text.
    @Test func theScalarWalkFindsWhatTheCharacterWalkFound() {
        let pieces = ["自评", "总分", "得分", "综合", "评价", "绩效", "最终", "总", "分", "得", "自评总分", "总得分",
                      "为", "是", ":", "：", "达", "到", "共", "计", " ", "\u{3000}", "约", "，", "。",
                      "0", "1", "5", "9", ".", "..", "%", "％", "９", "a", "e\u{301}", "\u{E9}", "项目", "\t", "\n"]
        var generator = SeededGenerator(seed: 14_2026)
        for _ in 0..<5_000 {
            let text = (0..<Int.random(in: 0...12, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            #expect(StatedTotalLint.statedTotal(in: text) == Self.characterWalk(text), "\(text.debugDescription)")
        }
    }

    /// The `Character` walk `statedTotal` made before issue 14 (the reference).
    static func characterWalk(_ text: String) -> Decimal? {
        let words = ["自评总分", "自评得分", "综合得分", "评价得分", "绩效得分", "最终得分", "总得分", "总分"]
        let joiners: Set<Character> = ["为", "是", ":", "：", "达", "到", "共", "计", " ", "\u{3000}", "约"]
        let characters = Array(text)
        func matches(_ word: String, at index: Int) -> Bool {
            var k = index
            for c in word {
                guard k < characters.count, characters[k] == c else { return false }
                k += 1
            }
            return true
        }
        var i = 0
        while i < characters.count {
            guard let word = words.first(where: { matches($0, at: i) }) else { i += 1; continue }
            var j = i + word.count
            var gap = 0
            while j < characters.count, joiners.contains(characters[j]), gap < 4 { j += 1; gap += 1 }
            var literal = ""
            while j < characters.count, characters[j].isASCII, characters[j].isNumber || characters[j] == "." {
                literal.append(characters[j]); j += 1
            }
            let percent = j < characters.count && (characters[j] == "%" || characters[j] == "％")
            if !literal.isEmpty, !literal.hasSuffix("."), !percent, let value = Decimal.parsing(literal) { return value }
            i += word.count
        }
        return nil
    }

    @Test func aDifferentStatedTotalIsWarnedAtItsCell() throws {
        var form = FormBuilder.single(target: "10家", actual: "10家", weight: "90")
        form.conclusion = Located("自评得分94.53分,等级优", at: CellAddress(row: 30, column: 2))
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(scored.totalScore == 100)
        let warning = try #require(scored.diagnostics.first { $0.code == .statedTotalMismatch })
        #expect(warning.location.row == 30)
        #expect(warning.location.columnLetter == "B")
        #expect(warning.message.contains("94.53") && warning.message.contains("100.00"))
    }

    @Test func theSameTotalAndNotesAreQuiet() throws {
        var form = FormBuilder.single(target: "10家", actual: "10家", weight: "90")
        let note = Located("注:总分95分以上为优", at: CellAddress(row: 32, column: 1))
        form.trailer = [Located("自评得分100分", at: CellAddress(row: 30, column: 2)), note]
        form.notes = [note]
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(!scored.diagnostics.contains { $0.code == .statedTotalMismatch })
    }
}
