import Foundation
import Testing
@testable import SelfEvaluation

/// Deadlines with years (issue 12, item 1): a bare year is that year's end, every date keeps its
/// year, dates without one take the form's year; done late is below 达成.
@Suite("DeadlineRule")
struct DeadlineRuleTests {
    /// (text, year, month, day) as parsed.
    static let parsed: [(String, Int?, Int, Int?)] = [
        ("2019年", 2019, 12, 31),
        ("2019年度", 2019, 12, 31),
        ("2019年度内完成", 2019, 12, 31),
        ("2019年前", 2019, 12, 31),
        ("２０１９年", 2019, 12, 31),
        ("2023年12月31日前", 2023, 12, 31),
        ("2024年1月15日", 2024, 1, 15),
        ("2023年12月", 2023, 12, nil),
        ("2023年底前", 2023, 12, 31),
        ("2020年全年", 2020, 12, 31),
        ("年底前", nil, 12, 31),
        ("12月底前", nil, 12, 31),
        ("年内", nil, 12, 31),
    ]

    @Test(arguments: parsed)
    func datesKeepTheirYear(_ row: (String, Int?, Int, Int?)) {
        #expect(ValueParser.parse(row.0) == .time(TimeValue(year: row.1, month: row.2, day: row.3, onTime: false)))
    }

    /// Texts with a year that are not deadlines.
    @Test(arguments: ["2019", "2019年完成率95%", "2019年建成3所学校", "约2019年", "2019年2020年"])
    func notADeadline(_ text: String) {
        if case .time = ValueParser.parse(text) { Issue.record("\(text) read as a time") }
    }

    /// (form year, target, actual, filled score, expected score, expected tier) with 分值 10, rules 2020.
    static let scored: [(Int?, String, String, String, String, Tier)] = [
        (2019, "2019年", "2020年", "", "7", .partial),                   // late, empty: middle of 部分达成
        (2023, "2023年12月31日前", "2024年1月15日", "", "7", .partial),
        (2023, "2023年12月31日前", "2024年1月15日", "6", "6", .partial),  // under 达成: kept
        (2023, "2023年12月31日前", "2024年1月15日", "2", "2", .partial),  // anywhere under 达成
        (2023, "2023年12月31日前", "2024年1月15日", "10", "7.99", .partial), // never 达成
        (2023, "年底前", "2024年1月15日", "", "7", .partial),            // the form's year
        (2023, "12月底前", "2024年1月", "", "7", .partial),
        (2023, "年底前", "2023年12月20日", "", "10", .achieved),
        (2023, "2023年12月31日前", "2023年12月31日", "", "10", .achieved),
        (2019, "2019年度", "2019年10月", "", "10", .achieved),
        (2023, "2023年12月", "2023年10月", "", "10", .achieved),
        (2023, "2023年6月底前", "2023年7月", "", "7", .partial),
        (2024, "2024年2月底前", "2024年2月29日", "", "10", .achieved),
        (2019, "2019年", "2019年", "", "10", .achieved),                 // the target's own words
        (2019, "2019年", "2019年", "9", "9", .achieved),
        (2023, "年底前", "未完成", "", "3", .notAchieved),                // not done at all
        (2022, "2022年12月底前", "2023年3月", "", "7", .partial),
        (nil, "2022年12月底前", "2023年3月", "", "7", .partial),          // no form year: the written ones
        (nil, "12月底前", "2023年3月", "", "10", .achieved),               // 12月 takes the other's year
    ]

    @Test(arguments: scored)
    func lateIsBelowAchieved(_ row: (Int?, String, String, String, String, Tier)) throws {
        var builder = FormBuilder(year: row.0)
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("完成时间", target: row.1, actual: row.2, weight: "10", score: row.3, level1: "产出指标",
                          level2: "时效指标")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == exactDecimal(row.4))
        #expect(result.tier == row.5)
    }

    @Test func latenessGoesIntoTheReason() throws {
        var builder = FormBuilder(year: 2023)
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("完成时间", target: "年底前", actual: "2024年1月15日", weight: "10", level1: "产出指标",
                          level2: "时效指标")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.reason == "实际完成时间2024年1月15日晚于年度指标值“年底前”的期限2023年12月31日,得7.00分,扣3.00分。")
        #expect(result.reasonGenerated)
    }

    @Test func isLateComparesYearsFirst() {
        let due = TimeValue(year: 2023, month: 12, day: 31, onTime: false)
        #expect(DeadlineRule.isLate(done: TimeValue(year: 2024, month: 1, day: 1, onTime: false), due: due, formYear: nil) == true)
        #expect(DeadlineRule.isLate(done: TimeValue(year: 2022, month: 12, day: 31, onTime: false), due: due, formYear: nil) == false)
        #expect(DeadlineRule.isLate(done: TimeValue(month: 12, day: 31, onTime: false), due: due, formYear: 2023) == false)
        #expect(DeadlineRule.isLate(done: TimeValue(month: nil, day: nil, onTime: true), due: due, formYear: 2023) == nil)
    }
}
