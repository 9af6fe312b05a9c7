import Foundation
import Testing
@testable import SelfEvaluation

@Suite("ReasonRule")
struct ReasonRuleTests {
    /// (target, actual, weight, level2, expected reason)
    static let generated: [(String, String, String, String, String)] = [
        ("10家以上", "8家", "4", "数量", "实际完成8家,低于年度指标值10家以上,完成率80.00%,扣0.80分。"),
        ("10家以上", "8", "4", "数量", "实际完成8家,低于年度指标值10家以上,完成率80.00%,扣0.80分。"),
        ("≤5%", "8%", "5", "质量", "实际完成8%,高于年度指标值≤5%,完成率62.50%,扣1.87分。"),
        ("=0", "2", "5", "质量", "实际完成2,未达到年度指标值=0,扣5.00分。"),
        ("全面完成", "基本完成", "5", "质量", "实际完成情况“基本完成”,未完全达到年度指标值“全面完成”,评定为部分达成年度指标并具有一定效果,得3.50分,扣1.50分。"),
    ]

    @Test(arguments: generated)
    func generatesTheFact(_ row: (String, String, String, String, String)) throws {
        let form = FormBuilder.single(target: row.0, actual: row.1, weight: row.2, level2: row.3)
        let scored = try Scorer.score(form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.reason == row.4)
        #expect(result.reasonGenerated)
        #expect(scored.needsReview)
        let warning = try #require(scored.diagnostics.first { $0.code == .reasonGenerated })
        #expect(warning.location.columnLetter == "I")
    }

    @Test func writtenReasonIsKept() throws {
        let form = FormBuilder.single(target: "10家以上", actual: "8家", weight: "4", reason: "受疫情影响")
        let scored = try Scorer.score(form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.reason == "受疫情影响")
        #expect(!result.reasonGenerated)
        #expect(!scored.diagnostics.contains { $0.code == .reasonGenerated })
        // Needs review exactly when a warning remains (issue #16: notes do not count).
        #expect(scored.needsReview == scored.diagnostics.needReview)
    }

    @Test func fullScoreNeedsNoReason() throws {
        let form = FormBuilder.single(target: "10家以上", actual: "10家", weight: "4")
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(scored.indicators.first?.reason == "")
        #expect(scored.indicators.first?.reasonGenerated == false)
    }

    @Test func missingActual() throws {
        // Another row is filled in: the form is graded (a form with no actual at all is NotFilledRule's).
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("指标", target: "10家以上", actual: "", weight: "4", level1: "产出指标")
        builder.indicator("另一指标", target: "10家以上", actual: "10家", weight: "4", level1: "产出指标")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == 0)
        #expect(result.reason == "未填写实际完成值,扣4.00分。")
        #expect(scored.diagnostics.contains { $0.code == .actualMissing })
        #expect(scored.needsReview)
    }
}
