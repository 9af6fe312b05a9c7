import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

private func d(_ text: String) -> Decimal { exactDecimal(text) }

@Suite("TierReader")
struct TierReaderTests {
    /// (actual text, tier, placed)
    static let texts: [(String, Tier, Bool)] = [
        ("已完成", .achieved, true),
        ("圆满完成", .achieved, true),
        ("全部完成", .achieved, true),
        ("达到预期", .achieved, true),
        ("按时完成", .achieved, true),
        ("合规", .achieved, true),
        ("基本完成", .partial, true),
        ("部分完成", .partial, true),
        ("大部分完成", .partial, true),
        ("初步建立", .partial, true),
        ("基本达到预期", .partial, true),
        ("未完成", .notAchieved, true),
        ("没有完成", .notAchieved, true),
        ("项目进度滞后", .notAchieved, true),
        ("延期完成", .notAchieved, true),
        ("未达到预期效果,部分完成", .notAchieved, true),
        ("未按时完成", .notAchieved, true),
        ("未能按期完成", .notAchieved, true),
        ("未发生安全事故", .achieved, false),
        ("推动企业发展,带动就业", .achieved, false),
        ("", .achieved, false),
    ]

    @Test(arguments: texts)
    func tierOfText(_ row: (String, Tier, Bool)) {
        let reading = TierReader().read(actual: ValueParser.parse(row.0), actualText: row.0, target: .text("目标"))
        #expect(reading.tier == row.1)
        #expect(reading.placed == row.2)
    }

    /// Grade targets compare on the grade scale.
    static let grades: [(String, String, Tier)] = [
        ("优秀", "优秀", .achieved),
        ("良好", "优秀", .achieved),
        ("优秀", "良好", .partial),
        ("优秀", "合格", .notAchieved),
        ("评定等级为“优秀”", "优秀", .achieved),
        // 不合格 is a negation: 未达成 even one grade below 合格
        ("合格", "不合格", .notAchieved),
        ("良好", "合格", .partial),
    ]

    @Test(arguments: grades)
    func gradeTargets(_ row: (String, String, Tier)) {
        let reading = TierReader().read(actual: ValueParser.parse(row.1), actualText: row.1,
                                        target: ValueParser.parse(row.0))
        #expect(reading.tier == row.2)
    }

    @Test func timeTargets() {
        let reader = TierReader()
        #expect(reader.read(actual: ValueParser.parse("按时完成"), actualText: "按时完成",
                            target: ValueParser.parse("12月底前")).tier == .achieved)
        #expect(reader.read(actual: ValueParser.parse("11月30日前"), actualText: "11月30日前",
                            target: ValueParser.parse("12月底前")).tier == .achieved)
    }
}

@Suite("QualitativeTierRule")
struct QualitativeTierRuleTests {
    /// Tier ranges for 分值 5.
    @Test func ranges() {
        let legacy = Tier.allCases.map { TierRange($0, weight: 5, rules: .legacy) }
        #expect(legacy.map(\.low) == [4, d("2.5"), 0])
        #expect(legacy.map(\.high) == [5, d("3.99"), d("2.49")])
        let modern = Tier.allCases.map { TierRange($0, weight: 5, rules: .v2020) }
        #expect(modern.map(\.low) == [4, 3, 0])
        #expect(modern.map(\.high) == [5, d("3.99"), d("2.99")])
        // defaults: top of 达成, middle of the others
        #expect(modern.map(\.preset) == [5, d("3.5"), d("1.5")])
        #expect(legacy.map(\.preset) == [5, d("3.25"), d("1.25")])
    }

    /// TierRange as it was computed with `Decimal` arithmetic, before it was computed exactly.
    static func rangeAsBefore(_ tier: Tier, weight: Decimal, rules: RuleSet) -> (low: Decimal, high: Decimal, preset: Decimal) {
        var step = Decimal(1)
        for _ in 0..<max(rules.decimals, 0) { step /= 10 }
        let achievedLow = rules.round(weight * rules.tiers.achieved)
        let partialLow = rules.round(weight * rules.tiers.partial)
        var top = rules.round(weight)
        if top > weight { top -= step }
        var low: Decimal, high: Decimal
        let middle: (Decimal, Decimal)
        switch tier {
        case .achieved: (low, high, middle) = (achievedLow, top, (1, 1))
        case .partial: (low, high, middle) = (partialLow, achievedLow - step, (rules.tiers.achieved + rules.tiers.partial, 2))
        case .notAchieved: (low, high, middle) = (0, partialLow - step, (rules.tiers.partial, 2))
        }
        if high < low { high = low }
        let rounded = tier == .achieved ? rules.round(weight)
            : DecimalRounding.quotient(weight, times: middle.0, over: middle.1, places: rules.decimals)
        return (low, high, (rounded ?? rules.round(weight * middle.0 / middle.1)).clamped(low, high))
    }

    /// Seeded: the exact ranges are the `Decimal` ones, number and digits (a 分值 written "5.0" keeps
    /// its digits where the range is the 分值 itself), for 0 to 3 decimals and other tier bounds.
    @Test func rangesAsDecimalComputedThem() {
        var random = SeededGenerator(seed: 1216)
        let bounds = [("0.8", "0.6"), ("0.8", "0.5"), ("0.9", "0.75"), ("0.85", "0.333"), ("1", "0")]
        for _ in 0..<2_000 {
            var rules = Bool.random(using: &random) ? RuleSet.v2020 : RuleSet.legacy
            rules.decimals = Int.random(in: 0...3, using: &random)
            let pick = bounds[Int.random(in: 0..<bounds.count, using: &random)]
            rules.tiers = TierBounds(achieved: d(pick.0), partial: d(pick.1))
            let weight = Decimal(sign: .plus, exponent: -Int.random(in: 0...4, using: &random),
                                 significand: Decimal(UInt64.random(in: 0...200_000, using: &random)))
            for tier in Tier.allCases {
                let range = TierRange(tier, weight: weight, rules: rules)
                let expected = Self.rangeAsBefore(tier, weight: weight, rules: rules)
                let shown = [range.low, range.high, range.preset].map(\.plainText)
                #expect(shown == [expected.low, expected.high, expected.preset].map(\.plainText),
                        "\(tier) w=\(weight) decimals=\(rules.decimals) \(pick)")
            }
        }
    }

    /// (rules, filled, expected score, change)
    static let partial: [(String, String?, String, QualitativeTierRule.ScoreChange)] = [
        ("legacy", "2.7", "2.7", .kept),
        ("2020", "2.7", "3", .moved),
        ("legacy", "4.5", "3.99", .moved),
        ("2020", "3.5", "3.5", .kept),
        ("2020", nil, "3.5", .filled),
        ("legacy", nil, "3.25", .filled),
        ("2020", "3.333", "3.33", .rounded),
    ]

    @Test(arguments: partial)
    func partialTier(_ row: (String, String?, String, QualitativeTierRule.ScoreChange)) throws {
        let rules = try #require(RuleSet.builtIn(named: row.0))
        let reading = TierReader.Reading(tier: .partial, placed: true, basis: "基本完成")
        let outcome = QualitativeTierRule(rules: rules).evaluate(reading: reading, filledScore: row.1.map(d), weight: 5)
        #expect(outcome.score == d(row.2))
        #expect(outcome.change == row.3)
    }

    /// The same partial text and filled score: kept under legacy (50–80%), moved to 3.00 under 2020.
    @Test func legacyAgainst2020ThroughTheEngine() throws {
        let form = FormBuilder.single(target: "全面完成", actual: "基本完成", weight: "5", score: "2.7",
                                      reason: "人手不足")
        let legacy = try Scorer.score(form, rules: .legacy)
        let legacyResult = try #require(legacy.indicators.first)
        #expect(legacyResult.tier == .partial)
        #expect(legacyResult.score == d("2.7"))
        #expect(!legacyResult.scoreChanged)
        #expect(!legacy.diagnostics.contains { $0.code == .scoreOutsideTier })

        let modern = try Scorer.score(form, rules: .v2020)
        let modernResult = try #require(modern.indicators.first)
        #expect(modernResult.score == 3)
        #expect(modernResult.score.fixed(2) == "3.00")
        #expect(modernResult.scoreChanged)
        #expect(modernResult.comment?.contains("2.7") == true)
        #expect(modern.diagnostics.contains { $0.code == .scoreOutsideTier && $0.location.columnLetter == "H" })
    }

    @Test(arguments: [("圆满完成", "15"), ("基本完成", "10.5"), ("未完成", "4.5")])
    func emptyScoreTakesTheTierDefault(_ row: (String, String)) throws {
        let form = FormBuilder.single(target: "完成全年工作", actual: row.0, weight: "15", reason: "原因")
        let scored = try Scorer.score(form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == d(row.1))
        #expect(result.scoreChanged)
        #expect(result.comment != nil)
    }

    @Test func unplaceableTextIsAchievedAndFlagged() throws {
        let form = FormBuilder.single(target: "促进发展", actual: "带动农民就业", weight: "15", score: "15")
        let scored = try Scorer.score(form, rules: .legacy)
        let result = try #require(scored.indicators.first)
        #expect(result.tier == .achieved)
        #expect(result.score == 15)
        #expect(result.needsReview)
        #expect(scored.needsReview)
        #expect(scored.diagnostics.contains { $0.code == .tierUnplaceable })
    }
}
