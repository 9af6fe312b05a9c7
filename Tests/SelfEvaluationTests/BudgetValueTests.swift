import Foundation
import Testing
@testable import SelfEvaluation

/// Hostile 全年预算数 values: each is reported for what it is, never as "全年预算数为0".
@Suite("Budget values")
struct BudgetValueTests {
    /// (全年预算数, 全年执行数, parts (全年预算数 of 基本支出 / 项目支出), expected code, expected row,
    /// words the message must hold)
    static let cases: [(String, String, [String], String, Int, [String])] = [
        ("-100", "50", [], "budget-negative", 6, ["负数", "-100.00"]),
        ("-0.01", "0", [], "budget-negative", 6, ["负数"]),
        ("−100", "50", [], "budget-amount-invalid", 6, ["−100", "不是有效的金额"]),
        ("NaN", "50", [], "budget-amount-invalid", 6, ["NaN", "不是有效的金额"]),
        ("nan", "0", [], "budget-amount-invalid", 6, ["nan"]),
        ("1e300", "50", [], "budget-amount-invalid", 6, ["1e300", "不是有效的金额"]),
        ("1E5", "50", [], "budget-amount-invalid", 6, ["1E5"]),
        (String(repeating: "9", count: 40), "50", [], "budget-amount-invalid", 6, ["不是有效的金额"]),
        ("Infinity", "50", [], "budget-amount-invalid", 6, ["Infinity"]),
        ("一百万", "50", [], "budget-amount-invalid", 6, ["一百万"]),
        ("12..5", "50", [], "budget-amount-invalid", 6, ["12..5"]),
        ("1,00,0", "50", [], "budget-amount-invalid", 6, ["1,00,0"]),
        ("0x10", "50", [], "budget-amount-invalid", 6, ["0x10"]),
        // The total row empty, its parts malformed or negative: the part's cell is named.
        ("", "", ["abc", ""], "budget-amount-invalid", 7, ["abc"]),
        ("0", "0", ["-5", "-5"], "budget-negative", 6, ["负数", "-10.00"]),
        // Really nothing, or really 0: the zero message stays.
        ("0", "0", [], "budget-zero", 6, ["全年预算数为0"]),
        ("", "", [], "budget-zero", 6, ["全年预算数为0"]),
        ("0", "12", [], "budget-zero", 6, ["全年执行数为12.00"]),
    ]

    @Test(arguments: cases)
    func reportsWhatIsWrong(_ c: (String, String, [String], String, Int, [String])) {
        var builder = FormBuilder()
        builder.budget(adjusted: c.0, executed: c.1,
                       parts: c.2.enumerated().map { (["基本支出", "项目支出"][$0.offset], "", $0.element, "") })
        do {
            _ = try Scorer.score(builder.form)
            Issue.record("\(c.0) was scored")
        } catch {
            #expect(error.diagnostic.code.rawValue == c.3, "\(c.0): \(error.diagnostic)")
            #expect(error.diagnostic.location.row == c.4, "\(c.0): \(error.diagnostic)")
            for word in c.5 { #expect(error.diagnostic.message.contains(word), "\(c.0): \(error.diagnostic.message)") }
            if c.3 != "budget-zero" {
                #expect(!error.diagnostic.message.contains("全年预算数为0"), "\(c.0): \(error.diagnostic.message)")
            }
        }
    }

    /// A negative 全年执行数 under a real budget scores 0 and says why.
    @Test(arguments: ["-1", "-734.78"])
    func negativeExecutionIsWarnedAbout(_ executed: String) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: executed)
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        let result = try #require(outcome.result)
        #expect(result.score == 0)
        let warning = try #require(outcome.diagnostics.first { $0.code == .budgetNegative })
        #expect(warning.severity == .warning)
        #expect(warning.location.row == 6 && warning.location.column == 6)
        #expect(warning.message.contains("负数"))
    }

    /// A positive execution is never warned about as negative.
    @Test(arguments: ["0", "1", "100", "150"])
    func positiveExecutionIsNotWarnedAbout(_ executed: String) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: executed)
        let outcome = try BudgetExecutionRule(rules: .v2020).evaluate(builder.form)
        #expect(!outcome.diagnostics.contains { $0.code == .budgetNegative })
    }
}
