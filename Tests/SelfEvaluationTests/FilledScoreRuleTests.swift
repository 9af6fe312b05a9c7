import Foundation
import Testing
@testable import SelfEvaluation

private func d(_ text: String) -> Decimal { exactDecimal(text) }

@Suite("FilledScoreRule")
struct FilledScoreRuleTests {
    /// (computed, filled, changed, replaced)
    static let rows: [(String, String?, Bool, Bool)] = [
        ("4", "4", false, false),
        ("4", "4.00", false, false),
        ("3.2", "3.20", false, false),
        ("3.2", "4", true, true),
        ("2.08", "2.07", true, true),
        ("2.08", nil, true, false),
        ("2.08", "2.075", true, false),
    ]

    @Test(arguments: rows)
    func filled(_ row: (String, String?, Bool, Bool)) {
        let outcome = FilledScoreRule(rules: .v2020).apply(computed: d(row.0), filled: row.1.map(d), weight: 5,
                                                          formula: "f")
        #expect(outcome.score == d(row.0))
        #expect(outcome.changed == row.2)
        #expect(outcome.replaced == row.3)
        #expect((outcome.comment != nil) == row.2)
    }

    @Test func replacedScoreIsWarnedWithTheOldValue() throws {
        let form = FormBuilder.single(target: "10家以上", actual: "8家", weight: "4", score: "4")
        let scored = try Scorer.score(form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == d("3.2"))
        #expect(result.filledScore == 4)
        #expect(result.scoreChanged)
        let warning = try #require(scored.diagnostics.first { $0.code == .scoreReplaced })
        #expect(warning.location.row == 13 && warning.location.columnLetter == "H")
        #expect(warning.message.contains("4") && warning.message.contains("3.20"))
    }

    @Test func scoreNeverLeavesZeroToWeight() throws {
        for filled in ["-1", "99", "4.5"] {
            let form = FormBuilder.single(target: "按时完成", actual: "已完成", weight: "4", score: filled)
            let scored = try Scorer.score(form, rules: .v2020)
            let score = try #require(scored.indicators.first?.score)
            #expect(score >= 0 && score <= 4, "filled \(filled) gave \(score)")
        }
    }
}
