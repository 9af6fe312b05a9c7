import Foundation
import Testing
@testable import SelfEvaluation

/// Phrasings of the real forms in `Fixtures/real/` (see its README), one row each, scored by the
/// hand arithmetic of that README: the family of each issue-12 item as units write it.
@Suite("Real phrasings")
struct RealPhrasingTests {
    /// (form, level2, name, target, actual, weight, filled score, expected score)
    static let rows: [(String, String, String, String, String, String, String, String)] = [
        // 临翔 2023: a deadline with its year met early.
        ("yunnan-linxiangmalukeng", "时效指标", "完成时间", "2023年12月", "2023年10月", "10", "10", "10"),
        // 衡山 2020: qualitative 高 → 高 (the target's own words).
        ("hunan-hengshanchubeiliang", "社会效益指标", "储备粮安全", "高", "高", "10", "", "10"),
        // 黄石图书馆 2022: 公益性事业 → 公益性事业, 良好 → 良好.
        ("hubei-huangshitushuguan", "社会效益指标", "服务性质", "公益性事业", "公益性事业", "10", "10", "10"),
        ("hubei-huangshitushuguan", "质量指标", "服务质量", "良好", "良好", "10", "10", "10"),
        // 普陀 2022: 及时 → 及时.
        ("shanghai-putuotiyu", "时效指标", "费用结算及时性", "及时", "及时", "20", "20", "20"),
        // 棠溪镇 2022: ≤90万元 → 90 (lower-is-better met), ≥50个 → 50.
        ("anhui-tangxizhen", "成本指标", "项目总成本", "≤90万元", "90", "8", "8", "8"),
        ("anhui-tangxizhen", "数量指标", "委托业务数量", "≥50个", "50", "8", "8", "8"),
        // 濉溪 2019: <=5300元/户 exceeded by 5830元/户: 10 × 5300/5830 = 9.09 (printed 10, replaced).
        ("anhui-suiximinzheng", "成本指标", "临时救助标准", "<=5300元/户", "5830元/户", "10", "10", "9.09"),
        // 黄石住建 2022: 200万 → 195.5万元 under 成本 (lower-is-better, met).
        ("hubei-huangshizhujian", "成本指标", "宣传片制作成本", "200万", "195.5万元", "10", "10", "10"),
    ]

    @Test(arguments: rows)
    func scoresByHand(_ row: (String, String, String, String, String, String, String, String)) throws {
        var builder = FormBuilder(year: 2023)
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator(row.2, target: row.3, actual: row.4, weight: row.5, score: row.6, level1: "产出指标",
                          level2: row.1)
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == exactDecimal(row.7), "\(row.0)")
        #expect(!scored.diagnostics.contains { $0.code == .tierUnplaceable }, "\(row.0)")
    }

    /// 200万 beside money is 万元 (the 黄石住建 phrasing), in both directions; beside 万人 it is not money.
    @Test(arguments: [
        ("200万", "195.5万元", true), ("200万", "1955000元", true), ("200万元", "195.5万", true),
        ("1.2亿", "1.1亿元", true), ("200万", "195.5万人", false), ("200万", "195.5", true),
    ])
    func bareMagnitudeBesideMoney(_ target: String, _ actual: String, _ converts: Bool) {
        guard case .quantity(let a) = ValueParser.parse(target), case .quantity(let b) = ValueParser.parse(actual) else {
            Issue.record("not quantities: \(target), \(actual)")
            return
        }
        #expect((b.number(in: a.unit) != nil) == converts)
    }
}
