import Foundation
import Testing
@testable import SelfEvaluation

/// One row of a parse table.
struct ParseCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: ParsedValue
    init(_ text: String, _ expected: ParsedValue) {
        self.text = text
        self.expected = expected
    }
    var testDescription: String { "\"\(text)\"" }
}

private func dec(_ literal: String) -> Decimal {
    Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}

/// A quantity in a table row.
private func q(_ comparator: SelfEvaluation.ValueComparator?, _ number: String, _ unit: MeasureUnit? = nil) -> ParsedValue {
    .quantity(Quantity(comparator: comparator, number: dec(number), unit: unit))
}

private func u(_ unit: String) -> MeasureUnit { .other(unit) }
private let wan = MeasureUnit.money(.tenThousandYuan)
private let yuan = MeasureUnit.money(.yuan)
private let yi = MeasureUnit.money(.hundredMillionYuan)
private let pct = MeasureUnit.percent
private func date(_ month: Int, _ day: Int?) -> ParsedValue { .time(TimeValue(month: month, day: day, onTime: false)) }
private func date(_ year: Int, _ month: Int, _ day: Int?) -> ParsedValue {
    .time(TimeValue(year: year, month: month, day: day, onTime: false))
}
private let onTime = ParsedValue.time(TimeValue(month: nil, day: nil, onTime: true))

@Suite("ValueParser.parse")
struct ValueParserParseTests {
    /// Every phrasing of domain.md §2.4's table, targets and actuals.
    static let observed: [ParseCase] = [
        // ≥ with suffix word
        ParseCase("10家以上", q(.atLeast, "10", u("家"))),
        ParseCase("20篇以上", q(.atLeast, "20", u("篇"))),
        ParseCase("50家以上", q(.atLeast, "50", u("家"))),
        ParseCase("辖区企业满意率达95%以上。", q(.atLeast, "95", pct)),
        ParseCase("39家", q(nil, "39", u("家"))),
        ParseCase("23篇", q(nil, "23", u("篇"))),
        ParseCase("328家", q(nil, "328", u("家"))),
        // ≥ with symbol
        ParseCase("≥99%", q(.atLeast, "99", pct)),
        ParseCase("99%", q(nil, "99", pct)),
        ParseCase("≥50个", q(.atLeast, "50", u("个"))),
        ParseCase("≥100百分比", q(.atLeast, "100", pct)),
        ParseCase("50", q(nil, "50")),
        ParseCase("100", q(nil, "100")),
        ParseCase("95", q(nil, "95")),
        ParseCase("≥", .text("≥")),
        ParseCase("%", .text("%")),
        // ≥ in words (operator column) + actual
        ParseCase("1", q(nil, "1")),
        // ≤
        ParseCase("≤90万元", q(.atMost, "90", wan)),
        ParseCase("≤202.6万元", q(.atMost, "202.6", wan)),
        ParseCase("90", q(nil, "90")),
        ParseCase("132.9", q(nil, "132.9")),
        ParseCase("科目调整次数≤10次", q(.atMost, "10", u("次"))),
        ParseCase("结余率≤5%", q(.atMost, "5", pct)),
        ParseCase("结余率…≤5%", q(.atMost, "5", pct)),
        // =
        ParseCase("=8个", q(.equal, "8", u("个"))),
        ParseCase("=42个", q(.equal, "42", u("个"))),
        ParseCase("﹦72890元", q(.equal, "72890", yuan)),
        ParseCase("72890", q(nil, "72890")),
        ParseCase("=100%", q(.equal, "100", pct)),
        ParseCase("足额保障率=100%", q(.equal, "100", pct)),
        ParseCase("8", q(nil, "8")),
        ParseCase("42", q(nil, "42")),
        // bare number / amount
        ParseCase("2个", q(nil, "2", u("个"))),
        ParseCase("235.11万元", q(nil, "235.11", wan)),
        ParseCase("43.2", q(nil, "43.2")),
        ParseCase("15万元。", q(nil, "15", wan)),
        ParseCase("26次", q(nil, "26", u("次"))),
        ParseCase("2200篇", q(nil, "2200", u("篇"))),
        ParseCase("90%", q(nil, "90", pct)),
        ParseCase("4个", q(nil, "4", u("个"))),
        ParseCase("37.24", q(nil, "37.24")),
        ParseCase("按合同10.5万元。", q(nil, "10.5", wan)),
        ParseCase("12次", q(nil, "12", u("次"))),
        ParseCase("2859篇", q(nil, "2859", u("篇"))),
        ParseCase("72.74%", q(nil, "72.74", pct)),
        ParseCase("0", q(nil, "0")),
        // band
        ParseCase("±10%", .text("±10%")),
        ParseCase("达标", .text("达标")),
        // time
        ParseCase("12月底全部完成", date(12, 31)),
        ParseCase("在项目计划完成时间内完成", onTime),
        ParseCase("及时", onTime),
        ParseCase("2020年全年。", date(2020, 12, 31)),
        ParseCase("按时完成", onTime),
        ParseCase("达成预期指标", .text("达成预期指标")),
        // grade / qualitative
        ParseCase("按质保量完成", .text("按质保量完成")),
        ParseCase("根据2022年度工作重点任务完成情况评定,评定等级分别为“优秀”", .grade(.excellent)),
        ParseCase("严格执行相关制度规定", .text("严格执行相关制度规定")),
        ParseCase("符合相关规定", .text("符合相关规定")),
        ParseCase("合规", .text("合规")),
        ParseCase("效果明显", .text("效果明显")),
        ParseCase("高", .text("高")),
        ParseCase("好", .text("好")),
        ParseCase("美化环境。", .text("美化环境")),
        ParseCase("圆满完成", .text("圆满完成")),
        ParseCase("优秀", .grade(.excellent)),
        ParseCase("已完成100%", q(nil, "100", pct)),
        ParseCase("达到预期目标", .text("达到预期目标")),
        ParseCase(
            "通过项目实施，进一步提升了2022年度辖区营商环境，服务企业3200家次，群众满意度明显提高。",
            .text("通过项目实施，进一步提升了2022年度辖区营商环境，服务企业3200家次，群众满意度明显提高")
        ),
        // yes/no
        ParseCase("是否完成绩效目标申报表中申报的数量", .text("是否完成绩效目标申报表中申报的数量")),
        ParseCase("是", .text("是")),
        ParseCase("否", .text("否")),
    ]

    /// domain.md §2.4 "not observed in this session's sources" list, and neighbours.
    static let notObserved: [ParseCase] = [
        ParseCase("不低于95%", q(.atLeast, "95", pct)),
        ParseCase("不少于10家", q(.atLeast, "10", u("家"))),
        ParseCase("至少3次", q(.atLeast, "3", u("次"))),
        ParseCase("大于等于90%", q(.atLeast, "90", pct)),
        ParseCase("达到100%", q(.atLeast, "100", pct)),
        ParseCase("达95%", q(.atLeast, "95", pct)),
        ParseCase("不超过100万元", q(.atMost, "100", wan)),
        ParseCase("不高于5%", q(.atMost, "5", pct)),
        ParseCase("小于等于3次", q(.atMost, "3", u("次"))),
        ParseCase("控制在100万元以内", q(.atMost, "100", wan)),
        ParseCase("控制在5%", q(.atMost, "5", pct)),
        ParseCase("5%以下", q(.atMost, "5", pct)),
        ParseCase("10人以内", q(.atMost, "10", u("人"))),
        ParseCase("高于90%", q(.greaterThan, "90", pct)),
        ParseCase("大于90%", q(.greaterThan, "90", pct)),
        ParseCase("超过50家", q(.greaterThan, "50", u("家"))),
        ParseCase("低于5%", q(.lessThan, "5", pct)),
        ParseCase("小于5%", q(.lessThan, "5", pct)),
        ParseCase("等于100%", q(.equal, "100", pct)),
        ParseCase("＞90%", q(.greaterThan, "90", pct)),
        ParseCase("＜5%", q(.lessThan, "5", pct)),
        ParseCase(">90%", q(.greaterThan, "90", pct)),
        ParseCase("<5%", q(.lessThan, "5", pct)),
        ParseCase("≧95%", q(.atLeast, "95", pct)),
        ParseCase("≦5%", q(.atMost, "5", pct)),
        ParseCase("⩾95%", q(.atLeast, "95", pct)),
        ParseCase("⩽5%", q(.atMost, "5", pct)),
        ParseCase(">=95%", q(.atLeast, "95", pct)),
        ParseCase("<=5%", q(.atMost, "5", pct)),
        ParseCase("＝8个", q(.equal, "8", u("个"))),
        ParseCase("≥ 95 %", q(.atLeast, "95", pct)),
        ParseCase("≥９５％", q(.atLeast, "95", pct)),
        ParseCase("９８．５％", q(nil, "98.5", pct)),
        ParseCase("1,000", q(nil, "1000")),
        ParseCase("1，000人次", q(.none, "1000", u("人次"))),
        ParseCase("≥1,234,567.5元", q(.atLeast, "1234567.5", yuan)),
        ParseCase("12月31日前", date(12, 31)),
        ParseCase("2023年12月底前", date(2023, 12, 31)),
        ParseCase("２０２３年１２月底前", date(2023, 12, 31)),
        ParseCase("年底前完成", date(12, 31)),
        ParseCase("年底前", date(12, 31)),
        ParseCase("2023年底前", date(2023, 12, 31)),
        ParseCase("于6月底前完成", date(6, 30)),
        ParseCase("2月底前", date(2, 28)),
        ParseCase("2024年2月底前", date(2024, 2, 29)),
        ParseCase("9月30日前", date(9, 30)),
        ParseCase("12月前", date(12, nil)),
        ParseCase("按时", onTime),
        ParseCase("按期完成", onTime),
        ParseCase("资金及时拨付到位", onTime),
        ParseCase("100%完成", q(nil, "100", pct)),
        ParseCase("明显提升", .text("明显提升")),
        ParseCase("有所改善", .text("有所改善")),
        ParseCase("持续发挥作用", .text("持续发挥作用")),
        ParseCase("长期", .text("长期")),
    ]

    /// Units, labels, numbers that are not quantities, and the narrative heuristic.
    static let heuristics: [ParseCase] = [
        ParseCase("3个月", q(nil, "3", u("个月"))),
        ParseCase("10人次", q(nil, "10", u("人次"))),
        ParseCase("2.5万人次", q(nil, "2.5", u("万人次"))),
        ParseCase("3万人", q(nil, "3", u("万人"))),
        ParseCase("1.5亿元", q(nil, "1.5", yi)),
        ParseCase("500元/人", q(nil, "500", u("元/人"))),
        ParseCase("≥10年", q(.atLeast, "10", u("年"))),
        ParseCase("5栋", q(nil, "5", u("栋"))),
        ParseCase("30mg", q(nil, "30", u("mg"))),
        ParseCase("≥95分", q(.atLeast, "95", u("分"))),
        ParseCase("10以上", q(.atLeast, "10")),
        ParseCase("10家企业", q(nil, "10", u("家"))),
        ParseCase("优秀率≥90%", q(.atLeast, "90", pct)),
        ParseCase("PM2.5浓度≤35微克/立方米", q(.atMost, "35", u("微克/立方米"))),
        ParseCase("2022年完成10家", q(nil, "10", u("家"))),
        ParseCase("-3", q(nil, "-3")),
        ParseCase("按时完成率100%", q(nil, "100", pct)),
        ParseCase("ISO9001认证", .text("ISO9001认证")),
        ParseCase("2022年", date(2022, 12, 31)),  // a bare year is a deadline (issue 12)
        ParseCase("第1、2季度", .text("第1、2季度")),
        ParseCase("80%-90%", .text("80%-90%")),
        ParseCase("全年无安全事故", .text("全年无安全事故")),
        ParseCase("完成时间12月底", .text("完成时间12月底")),
        // One number, but longer than 20 characters: narrative.
        ParseCase(
            "全年共开展培训10场次，参训人员满意度较高，取得良好社会效益",
            .text("全年共开展培训10场次，参训人员满意度较高，取得良好社会效益")
        ),
        // Trimming: spaces, U+3000, trailing punctuation; text keeps its original characters.
        ParseCase("  ≥95%  ", q(.atLeast, "95", pct)),
        ParseCase("\u{3000}10家以上。\u{3000}", q(.atLeast, "10", u("家"))),
        ParseCase("95%;", q(nil, "95", pct)),
        ParseCase("  效果明显，。", .text("效果明显")),
    ]

    static let grades: [ParseCase] = [
        ParseCase("优", .grade(.excellent)),
        ParseCase("良好", .grade(.good)),
        ParseCase("良", .grade(.good)),
        ParseCase("合格", .grade(.pass)),
        ParseCase("及格", .grade(.pass)),
        ParseCase("中等", .grade(.pass)),
        ParseCase("中", .grade(.pass)),
        ParseCase("不合格", .grade(.fail)),
        ParseCase("差", .grade(.fail)),
        ParseCase("“优秀”", .grade(.excellent)),
        ParseCase("自评等级“优”", .grade(.excellent)),
        ParseCase("评定等级为良好。", .grade(.good)),
        ParseCase("自评等级:不合格", .grade(.fail)),
        ParseCase("考核评为合格，得分95分", .grade(.pass)),
        ParseCase("评定等级分为“优秀”“良好”“合格”“不合格”", .text("评定等级分为“优秀”“良好”“合格”“不合格”")),
        ParseCase("等级优秀率", .text("等级优秀率")),
        ParseCase("较好", .text("较好")),
        ParseCase("基本完成", .text("基本完成")),
    ]

    static let placeholders: [String] = [
        "", " ", "\u{3000}", "—", "——", "―", "-", "－", "/", "／", "*", "＊", "无", "……", "…", "--", "。", " — ",
    ]

    @Test("domain.md §2.4 observed phrasings", arguments: observed)
    func observedPhrasings(_ row: ParseCase) {
        #expect(ValueParser.parse(row.text) == row.expected)
    }

    @Test("domain.md §2.4 not-observed phrasings", arguments: notObserved)
    func notObservedPhrasings(_ row: ParseCase) {
        #expect(ValueParser.parse(row.text) == row.expected)
    }

    @Test("units, labels and the narrative heuristic", arguments: heuristics)
    func heuristicRows(_ row: ParseCase) {
        #expect(ValueParser.parse(row.text) == row.expected)
    }

    @Test("grades", arguments: grades)
    func gradeRows(_ row: ParseCase) {
        #expect(ValueParser.parse(row.text) == row.expected)
    }

    @Test("placeholders mean not given", arguments: placeholders)
    func placeholderRows(_ text: String) {
        #expect(ValueParser.parse(text) == .notGiven)
        #expect(ValueParser.isNotGiven(text))
    }

    @Test("comparator direction follows the comparator")
    func directions() {
        guard case .quantity(let target) = ValueParser.parse("≤90万元") else {
            Issue.record("not a quantity"); return
        }
        #expect(target.comparator?.direction == .negative)
    }
}

/// Negated on-time words are not on time (found while authoring the project fixtures).
struct NegatedOnTimeTests {
    @Test(arguments: ["不及时", "清运不及时", "未按时完成", "没按期", "未及时拨付"])
    func negatedOnTimeIsNotOnTime(_ text: String) {
        #expect(ValueParser.parse(text) != .time(TimeValue(month: nil, day: nil, onTime: true)))
    }

    @Test(arguments: ["按时完成", "及时", "按期完成", "如期完成"])
    func onTimeStaysOnTime(_ text: String) {
        #expect(ValueParser.parse(text) == .time(TimeValue(month: nil, day: nil, onTime: true)))
    }

    @Test(arguments: ["清运不及时", "未及时拨付", "逾期完成", "不按时"])
    func negatedOnTimeIsNotAchieved(_ actual: String) throws {
        let form = FormBuilder.single(target: "12月底前", actual: actual, weight: "10")
        let scored = try Scorer.score(form)
        let result = try #require(scored.indicators.first)
        #expect(result.tier == .notAchieved, "\(actual)")
        #expect(result.score < 6)
    }
}
