import Foundation
import Testing
@testable import SelfEvaluation

/// Lower-is-better rates without a comparator (issue 12, item 2): the direction from the name.
@Suite("DirectionInference")
struct DirectionInferenceTests {
    /// Every pattern of the table, in a name as forms write it.
    static let lowerIsBetter: [String] = [
        "预算调整率", "结转结余率", "结余率", "资金结转率", "财政供养人员控制率", "公用经费控制率", "“三公”经费控制率",
        "人员编制控制率", "项目支出控制率", "差错率", "会计核算出错率", "数据错误率", "操作失误率", "超支率", "投诉率",
        "群众投诉率", "安全事故率", "安全事故发生率", "工程返工率", "资产闲置率", "房屋空置率", "产品不合格率",
        "违规率", "违纪率", "资金损失率", "贷款逾期率", "工期延误率", "误报率", "漏报率", "人才流失率", "学生辍学率",
        "排放超标率", "预 算 调 整 率",
    ]

    @Test(arguments: lowerIsBetter)
    func namesMeaningLowerIsBetter(_ name: String) {
        #expect(DirectionInference.lowerIsBetterWord(in: name) != nil)
    }

    /// Each pattern of the table is tested above, and each is needed.
    @Test func everyPatternIsCovered() {
        for pattern in DirectionInference.lowerIsBetterPatterns {
            #expect(Self.lowerIsBetter.contains { $0.contains(pattern) }, "\(pattern) has no case")
        }
        for thing in DirectionInference.controlledThings {
            #expect(DirectionInference.lowerIsBetterWord(in: thing + DirectionInference.controlRate) != nil)
        }
    }

    /// Higher-is-better names that look alike.
    @Test(arguments: ["病虫害控制率", "疫情控制率", "投诉处理率", "投诉办结率", "预算执行率", "资金到位率", "调整到位率",
                      "满意度", "完成率", "事故处理及时率", "控制率", "覆盖率"])
    func namesThatAreNot(_ name: String) {
        #expect(DirectionInference.lowerIsBetterWord(in: name) == nil)
    }

    /// (name, target, actual, 指标性质, expected score of 10, inferred?)
    static let scored: [(String, String, String, String?, String, Bool)] = [
        ("预算调整率", "3%", "0", nil, "10", true),                 // was 0 ("低于年度指标值")
        ("预算调整率", "3%", "0%", nil, "10", true),
        ("预算调整率", "3%", "3%", nil, "10", true),
        ("预算调整率", "3%", "6%", nil, "5", true),
        ("结转结余率", "5%", "10%", nil, "5", true),
        ("财政供养人员控制率", "100%", "98%", nil, "10", true),
        ("财政供养人员控制率", "100%", "125%", nil, "8", true),
        ("公用经费控制率", "100", "80", nil, "10", true),
        ("预算调整率", "≥3%", "6%", nil, "10", false),               // a comparator wins
        ("预算调整率", "3%", "6%", "正向", "10", false),              // a stated direction wins
        ("预算执行率", "100%", "80%", nil, "8", false),               // not in the table
    ]

    @Test(arguments: scored)
    func bareTargetsScoreByTheName(_ row: (String, String, String, String?, String, Bool)) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator(row.0, target: row.1, actual: row.2, weight: "10", level1: "产出指标", level2: "质量指标",
                          nature: row.3)
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == exactDecimal(row.4))
        let note = scored.diagnostics.first { $0.code == .directionInferred }
        #expect((note != nil) == row.5)
        if row.5 {
            #expect(result.direction == .negative)
            #expect(note?.location.columnLetter == "D")
            #expect(scored.audit.contains { $0.rule == QuantitativeIndicatorRule.name })
        }
    }

    @Test func theReasonSaysAbove() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("预算调整率", target: "3%", actual: "6%", weight: "10", level1: "产出指标", level2: "质量指标")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(scored.indicators.first?.reason == "实际完成6%,高于年度指标值3%,完成率50.00%,扣5.00分。")
    }
}
