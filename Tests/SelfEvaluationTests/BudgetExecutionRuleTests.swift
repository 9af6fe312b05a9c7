import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

private func d(_ text: String) -> Decimal { exactDecimal(text) }

@Suite("BudgetExecutionRule")
struct BudgetExecutionRuleTests {
    /// (adjusted, executed, weight cell, expected rate, expected score)
    static let rows: [(String, String, String?, String, String)] = [
        ("734.78", "734.78", "10", "1", "10"),
        ("200", "83", "5", "0.415", "2.08"),
        ("100", "110", "10", "1.1", "10"),
        ("3", "2", "10", "0.6667", "6.67"),
        ("734.78", "700", nil, "0.9527", "9.53"),
        ("100", "0", "10", "0", "0"),
        // 分值 × 执行数 / 预算数 exactly half a cent: one exact rounded division (11 × 1/88 = 0.125
        // → 0.13; Decimal's 38-digit rate times 11 printed 0.12 before the exact type).
        ("88", "1", "11", "0.0114", "0.13"),
        ("880000.00", "10000.00", "11", "0.0114", "0.13"),
        ("99999999999999999999999999", "33333333333333333333333333", "10", "0.3333", "3.33"),
        ("0.0000000000000000000000003", "0.0000000000000000000000002", "10", "0.6667", "6.67"),
    ]

    @Test(arguments: rows)
    func rateAndScore(_ row: (String, String, String?, String, String)) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: row.0, executed: row.1, weight: row.2)
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        let result = try #require(outcome.result)
        #expect(result.executionRate == d(row.3))
        #expect(result.score == d(row.4))
        #expect(result.scoreChanged)
    }

    @Test func budgetOfZeroIsAnError() {
        var builder = FormBuilder()
        builder.budget(adjusted: "0", executed: "0", parts: [("基本支出", "", "0", "0"), ("项目支出", "", "", "")])
        #expect(throws: FormError.self) { try Scorer.score(builder.form) }
        do {
            _ = try Scorer.score(builder.form)
        } catch {
            #expect(error.diagnostic.code == .budgetZero)
            #expect(error.diagnostic.location.row == 6)
            #expect(error.diagnostic.severity == .error)
        }
    }

    @Test func emptyBudgetIsAnError() {
        var builder = FormBuilder()
        builder.budget(adjusted: "", executed: "")
        #expect(throws: FormError.self) { try Scorer.score(builder.form) }
    }

    @Test func executedWithoutBudgetIsAnError() {
        var builder = FormBuilder()
        builder.budget(adjusted: "0", executed: "12")
        #expect(throws: FormError.self) { try Scorer.score(builder.form) }
    }

    @Test func zeroTotalRowIsScoredFromParts() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "0", executed: "0", parts: [("基本支出", "", "235.11", "235.11"),
                                                             ("项目支出", "", "499.67", "400")])
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        let result = try #require(outcome.result)
        #expect(result.scoredFromParts)
        #expect(result.adjusted == d("734.78"))
        #expect(result.executed == d("635.11"))
        #expect(result.score == d("8.64"))
        #expect(outcome.diagnostics.map(\.code) == [.budgetTotalFromParts])
    }

    @Test func partsMustAddUpToTheTotal() throws {
        var builder = FormBuilder()
        builder.budget(initial: "702.71", adjusted: "734.78", executed: "734.78",
                       parts: [("基本支出", "225.46", "235.11", "235.11"), ("项目支出", "477.25", "499.66", "499.67"),
                               ("其他资金", "", "", "")])
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        // 0.01 is tolerated; adjusted differs by 0.01 → fine. Make it 0.02:
        #expect(outcome.diagnostics.isEmpty)
        builder.budget(initial: "702.71", adjusted: "734.78", executed: "734.78",
                       parts: [("基本支出", "225.46", "235.11", "235.11"), ("项目支出", "477.25", "499.60", "499.67")])
        let mismatch = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        let warning = try #require(mismatch.diagnostics.first)
        #expect(warning.code == .budgetSumMismatch)
        #expect(warning.location.row == 6 && warning.location.columnLetter == "E")
    }

    @Test func weightOtherThanTheRulesIsWarnedAndUsed() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "90", weight: "20")
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        #expect(outcome.result?.score == 18)
        #expect(outcome.diagnostics.map(\.code) == [.executionRateWeight])
        var local = RuleSet.v2020
        local.executionRateWeight = 20
        #expect(try BudgetExecutionRule(rules: local).evaluate(builder.form).diagnostics.isEmpty)
    }

    @Test func printedRateAndScoreAreChecked() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "734.78", executed: "734.78", rate: "100%", score: "10")
        let clean = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        #expect(clean.diagnostics.isEmpty)
        #expect(clean.result?.scoreChanged == false)
        builder.budget(adjusted: "100", executed: "90", rate: "95%", score: "10")
        let wrong = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        #expect(Set(wrong.diagnostics.map(\.code)) == [.printedRateMismatch, .budgetScoreReplaced])
        #expect(wrong.result?.score == 9)
        #expect(wrong.result?.filledScore == 10)
    }

    /// Issue #16: a printed 执行率 rounded up, down or to nearest at its own precision is the
    /// rate (上海 普陀 prints 215,457.6/250,000 = 86.1830…% as 86.19%); one further off than a unit
    /// of its last digit is a slip.
    @Test(arguments: [
        ("250000", "215457.6", "86.19%", false), ("250000", "215457.6", "86.18%", false),
        ("250000", "215457.6", "86.2%", false), ("250000", "215457.6", "86%", false), ("250000", "215457.6", "87%", false),
        ("250000", "215457.6", "86.17%", true), ("250000", "215457.6", "86.21%", true), ("250000", "215457.6", "85%", true),
        ("3", "2", "66.67%", false), ("3", "2", "66.66%", false), ("3", "2", "66.65%", true), ("3", "2", "66.68%", true),
        ("3", "2", "0.6667", false), ("3", "2", "0.6666", false), ("3", "2", "0.6665", true),
        ("100", "90", "95%", true), ("100", "90", "90%", false), ("100", "90", "90.00%", false), ("100", "90", "89.99%", true),
    ] as [(String, String, String, Bool)])
    func printedRateAgreesAtItsOwnPrecision(_ adjusted: String, _ executed: String, _ printed: String, _ slip: Bool) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: adjusted, executed: executed, rate: printed)
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        #expect(outcome.diagnostics.contains { $0.code == .printedRateMismatch } == slip)
    }

    /// Seeded: the printed 执行率 is judged as the rate divided out by `Decimal` judged it (the rate
    /// is now kept as 执行数/预算数): amounts of up to 12 digits with 2 decimals, printed rates near
    /// the rate at 0 to 4 decimals, as a percent or a fraction.
    @Test func printedRateAsTheDividedRateJudgedIt() throws {
        var random = SeededGenerator(seed: 1217)
        for _ in 0..<400 {
            let adjusted = Decimal(sign: .plus, exponent: -2, significand: Decimal(UInt64.random(in: 1...999_999_999_999, using: &random)))
            let executed = Decimal(sign: .plus, exponent: -2, significand: Decimal(UInt64.random(in: 0...999_999_999_999, using: &random)))
            let rate = executed / adjusted
            let places = Int.random(in: 0...4, using: &random)
            let shift = Decimal(sign: Bool.random(using: &random) ? .minus : .plus, exponent: -places,
                                significand: Decimal(Int.random(in: 0...2, using: &random)))
            let percent = DecimalRounding.round(rate * 100, places: places) + shift
            guard percent > 2 else { continue }  // a number ≤ 2 would be read as a fraction
            // Printed as written (no trailing zeros: "109.0%" is read as 109%, at its own 0 places).
            let printed = "\(percent.plainText)%"
            let shown = min(max(-percent.exponent, 0), 4)
            let exactPercent = rate * 100
            let lastDigit = Decimal(sign: .plus, exponent: -shown, significand: 1)
            let slip = DecimalRounding.round(exactPercent, places: shown) != percent
                && (percent - exactPercent).magnitude >= lastDigit
            var builder = FormBuilder()
            builder.budget(adjusted: adjusted.plainText, executed: executed.plainText, rate: printed)
            let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
            let found = outcome.diagnostics.first { $0.code == .printedRateMismatch }
            #expect((found != nil) == slip, "\(executed)/\(adjusted) printed \(printed)")
            if let found { #expect(found.message.contains(ScoreText.percent(rate))) }
        }
    }

    /// The printed 执行率 is used only when an amount is left blank ("", "—", "/"), never when the
    /// cell holds text that is not a number (that is `budget-amount-invalid`, and the rate is computed).
    @Test(arguments: [
        ("100", "", "76%", "0.76", true), ("100", "—", "76%", "0.76", true), ("100", "/", "0.76", "0.76", true),
        ("", "", "80", "0.8", true), ("—", "90", "90%", "0.9", true),
        ("100", "abc", "76%", "0", false), ("100", "90", "76%", "0.9", false), ("100", "", "abc", "0", false),
        ("100", "", "", "0", false),
    ] as [(String, String, String, String, Bool)])
    func printedRateOnlyForBlankAmounts(_ adjusted: String, _ executed: String, _ rate: String, _ expected: String,
                                        _ fromPrint: Bool) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: adjusted, executed: executed, rate: rate)
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        #expect(outcome.result?.executionRate == d(expected))
        #expect(outcome.diagnostics.contains { $0.code == .rateFromPrint } == fromPrint)
        #expect(outcome.diagnostics.contains { $0.code == .budgetAmountInvalid } == (executed == "abc"))
    }

    /// 执行率 is not scored apart when the money table has no 分值 or 得分 and the indicators' 分值
    /// (as they are now, after any change of the cell) sum to 100.
    @Test(arguments: [("60", "40", true), ("60", "30", false), ("60", "abc", false), ("100", "", true)])
    func indicatorsWeighingAHundredLeaveTheRateUnscored(_ first: String, _ second: String, _ unscored: Bool) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "90", weight: nil)
        builder.indicator("甲", target: "1", actual: "1", weight: "50")
        builder.indicator("乙", target: "1", actual: "1", weight: "50")
        builder.form.budget?.columns.weight = nil
        builder.form.budget?.columns.score = nil
        builder.form.indicators[0].weight = Located(first, at: builder.form.indicators[0].weight.cell)
        builder.form.indicators[1].weight = Located(second, at: builder.form.indicators[1].weight.cell)
        let result = try #require(try BudgetExecutionRule(rules: .v2020).evaluate(builder.form).result)
        #expect((result.weightSource == .notScored) == unscored)
        #expect(result.weight == (unscored ? 0 : 10))
    }

    @Test func missingTableIsAWarning() throws {
        var builder = FormBuilder()
        builder.indicator("指标", target: "≥1", actual: "1", weight: "100")
        let scored = try Scorer.score(builder.form)
        #expect(scored.budget == nil)
        #expect(scored.diagnostics.contains { $0.code == .budgetMissing })
        #expect(scored.needsReview)
    }
}
