import Foundation
import Testing
@testable import SelfEvaluation

/// A contradiction inside the form is never resolved against the unit silently (issue 12, item 7).
@Suite("ContradictionRule")
struct ContradictionRuleTests {
    /// (指标性质, target, actual, filled, expected score of 10, needs review, generated reason or nil)
    static let cases: [(String, String, String, String, String, Bool, String?)] = [
        // The value's own words give full marks; nothing filled: scored by them, flagged.
        ("≥", "2%以下", "1.5%", "", "10", true, nil),
        // The unit's score agrees with the column's reading: kept, the reason quotes that reading.
        ("≥", "2%以下", "1.5%", "7.5", "7.5", false, "实际完成1.5%,低于年度指标值≥2%,完成率75.00%,扣2.50分。"),
        // The unit's score agrees with the value's own words: kept.
        ("≥", "2%以下", "1.5%", "10", "10", false, nil),
        // Neither reading gives the unit's score: by the value's own words, flagged.
        ("≥", "2%以下", "1.5%", "9", "10", true, nil),
        // Both readings agree: no review needed.
        ("≥", "2%以下", "2%", "", "10", false, nil),
        // The other way round: ≤ beside a value written 95%以上.
        ("≤", "95%以上", "97%", "", "10", true, nil),
        ("≤", "95%以上", "97%", "9.79", "9.79", false, "实际完成97%,高于年度指标值≤95%,完成率97.94%,扣0.21分。"),
        // A direction word against the value's comparator.
        ("反向", "≥95%", "97%", "", "10", true, nil),
        ("反向", "≥95%", "90%", "", "9.47", true, "实际完成90%,低于年度指标值≥95%,完成率94.74%,扣0.53分。"),
    ]

    @Test(arguments: cases)
    func neverAgainstTheUnitSilently(_ row: (String, String, String, String, String, Bool, String?)) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("达标率", target: row.1, actual: row.2, weight: "10", score: row.3, level1: "产出指标",
                          level2: "质量指标", nature: row.0)
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == exactDecimal(row.4))
        let warning = try #require(scored.diagnostics.first { $0.code.rawValue.hasSuffix("-contradiction") })
        #expect(warning.location.columnLetter == "J")
        #expect(warning.message.contains("复核") == row.5)
        if row.5 { #expect(result.needsReview) }
        if let reason = row.6 {
            #expect(result.reason == reason)
            if ValueParser.comparator(row.0) != nil { #expect(!result.reason.contains(row.1)) }
        } else {
            #expect(!result.reasonGenerated)
        }
    }

    @Test func noContradictionNoWarning() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("达标率", target: "2%以下", actual: "1.5%", weight: "10", level1: "产出指标",
                          level2: "质量指标", nature: "≤")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(!scored.diagnostics.contains { $0.code.rawValue.hasSuffix("-contradiction") })
        #expect(scored.indicators.first?.score == 10)
    }
}
