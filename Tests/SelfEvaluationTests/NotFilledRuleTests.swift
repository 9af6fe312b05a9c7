import Foundation
import TestSupport
import Testing
@testable import SelfEvaluation

/// A form with nothing filled in is read and its budget scored, but not graded (issue 12, item 6).
@Suite("NotFilledRule")
struct NotFilledRuleTests {
    static func form(actuals: [String], scores: [String] = []) -> Form {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "80")
        for (i, actual) in actuals.enumerated() {
            builder.indicator("指标\(i + 1)名称", target: "≥10家", actual: actual, weight: "30",
                              score: i < scores.count ? scores[i] : "", level1: "产出指标")
        }
        builder.indicator("指标2", target: "", actual: "", weight: "", level1: "产出指标", placeholder: true)
        return builder.form
    }

    /// (actuals, graded)
    static let cases: [([String], Bool)] = [
        (["", "", ""], false),
        (["—", "/", "无"], false),        // not-given marks are not filled in either
        (["", "", "10家"], true),         // one actual is enough to grade
        (["8家", "", ""], true),
    ]

    @Test(arguments: cases)
    func gradedOnlyWhenSomethingIsFilledIn(_ row: ([String], Bool)) throws {
        let scored = try Scorer.score(Self.form(actuals: row.0), rules: .v2020)
        #expect(scored.isGraded == row.1)
        let notFilled = scored.diagnostics.filter { $0.code == .notFilled }
        #expect(notFilled.count == (row.1 ? 0 : 1))
        #expect(scored.budget?.score == 8)  // the budget is scored either way: 80 / 100 × 10
        let report = ScoreReport(scored)
        if row.1 {
            #expect(report.total != nil && report.grade != nil)
        } else {
            #expect(report.total == nil && report.grade == nil)
            #expect(scored.gradeLabel == "未评定" && scored.conclusion == "未评定")
            #expect(!scored.diagnostics.contains { $0.code == .actualMissing || $0.code == .reasonGenerated })
            #expect(scored.indicators.allSatisfy { !$0.reasonGenerated })
            #expect(scored.needsReview)
            #expect(notFilled.first?.location.columnLetter == "F")
            let json = String(decoding: report.jsonBytes(), as: UTF8.self)
            #expect(json.contains("\"total\" : null") && json.contains("\"grade\" : null"))
            #expect(report.jsonBytes() == [UInt8](try report.jsonData()))
        }
    }

    @Test func aFormWithoutIndicatorsIsNotThisCase() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        #expect(try Scorer.score(builder.form, rules: .v2020).isGraded)
    }
}
