import Foundation
import Testing
@testable import SelfEvaluation

/// A comparator inside an explanation (issue 12, item 3).
@Suite("ExplainedQuantityReader")
struct ExplainedQuantityReaderTests {
    static let quantities: [(String, ValueComparator, String, MeasureUnit?)] = [
        ("结余率(计算方法为:结余数/预算数)≤5%", .atMost, "5", .percent),
        ("结余率(计算方法为:结余数/预算数)≤5%", .atMost, "5", .percent),
        ("年度预算调整率不超过3%(调整数/年初预算数×100%)", .atMost, "3", .percent),
        ("≥95%(以第三方机构抽样调查的结果为准,含服务对象)", .atLeast, "95", .percent),
        ("按照上级文件要求,全年培训人次达到300人次以上", .atLeast, "300", .other("人次")),
        ("结转结余率=结转结余总额/预算数<=5%", .atMost, "5", .percent),
    ]

    @Test(arguments: quantities)
    func oneQuantityWhateverTheLength(_ row: (String, ValueComparator, String, MeasureUnit?)) {
        #expect(ValueParser.parse(row.0) == .quantity(Quantity(comparator: row.1, number: exactDecimal(row.2), unit: row.3)))
    }

    /// Long texts that stay texts: no strong comparator, two of them, a date, a band.
    @Test(arguments: [
        "全年共举办培训班5期,培训人员合计300人次,效果良好",
        "完成率≥90%,其中重点项目完成率≥95%,其余按计划推进",
        "2023年12月底前完成率≥90%,按进度拨付资金到位",
        "误差控制在±5%以内,按照国家标准执行,保证质量",
        "控制在5%左右,具体以年终决算数据为准进行核算",
    ])
    func narrativeStaysText(_ text: String) {
        if case .quantity = ValueParser.parse(text) { Issue.record("\(text) read as a quantity") }
    }

    @Test func theExplainedTargetIsScored() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("结余率", target: "结余率(计算方法为:结余数/预算数)≤5%", actual: "8%", weight: "10",
                          level1: "产出指标", level2: "质量指标")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.kind == .quantitative)
        #expect(result.score == exactDecimal("6.25"))
    }
}
