import Foundation
import Testing
@testable import SelfEvaluation

/// Generated reasons of qualitative losses (issue 12, item 7): whole, not circular.
@Suite("QualitativeReason")
struct QualitativeReasonTests {
    static let longActual = "全面完成年度工作任务,服务质量进一步提升,群众获得感明显增强,为实现更高质量发展打下基础,社会效益显著提高"

    /// (target, actual, weight, filled, expected reason)
    static let cases: [(String, String, String, String, String)] = [
        ("全面完成", "基本完成", "5", "",
         "实际完成情况“基本完成”,未完全达到年度指标值“全面完成”,评定为部分达成年度指标并具有一定效果,得3.50分,扣1.50分。"),
        ("全面完成", "部分项目尚在推进", "10", "",
         "实际完成情况“部分项目尚在推进”写有“部分”,未完全达到年度指标值“全面完成”,评定为部分达成年度指标并具有一定效果,得7.00分,扣3.00分。"),
        ("优秀", "良好", "10", "",
         "实际完成等级“良好”低于年度指标值“优秀”,评定为部分达成年度指标并具有一定效果,得7.00分,扣3.00分。"),
        ("全面完成", longActual, "15", "14",
         "实际完成情况“\(longActual)”未写明与年度指标值“全面完成”相比的不足,单位自评得14.00分、扣1.00分,请写明未达到之处。"),
        ("社会效益明显", "群众反映良", "10", "9",
         "实际完成情况“群众反映良”无法与年度指标值“社会效益明显”对照判断完成程度,得9.00分,扣1.00分,请写明未达到之处。"),
    ]

    @Test(arguments: cases)
    func saysWhatTheActualLacks(_ row: (String, String, String, String, String)) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("工作成效", target: row.0, actual: row.1, weight: row.2, score: row.3, level1: "效益指标",
                          level2: "社会效益指标")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.reason == row.4)
        #expect(!result.reason.contains("…"))
        #expect(!result.reason.contains("评定为达成年度指标"))
    }
}
