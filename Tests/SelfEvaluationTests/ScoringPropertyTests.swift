import Foundation
import TestSupport
import Testing
@testable import SelfEvaluation

extension SeededGenerator {
    /// A decimal with `places` decimals in 0...max.
    mutating func decimal(upTo max: Int, places: Int = 2) -> Decimal {
        var scale = 1
        for _ in 0..<places { scale *= 10 }
        let raw = Int.random(in: 0...(max * scale), using: &self)
        return Decimal(raw) / Decimal(scale)
    }
}

@Suite("Scoring properties (seeded)")
struct ScoringPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 42, 2023, 0xDEAD_BEEF]
    static let directions: [Direction] = [.positive, .negative, .equal]

    /// A better actual never lowers a score, under both negative formulas.
    @Test(arguments: seeds)
    func betterActualNeverLowersTheScore(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<500 {
            let direction = Self.directions.randomElement(using: &rng) ?? .positive
            var rules = RuleSet.v2020
            rules.negativeFormula = Bool.random(using: &rng) ? .ratio : .linear
            let weight = Decimal(Int.random(in: 1...20, using: &rng))
            let a = Bool.random(using: &rng) ? rng.decimal(upTo: 500) : Decimal(Int.random(in: 0...3, using: &rng))
            let b1 = rng.decimal(upTo: 1000)
            let b2 = rng.decimal(upTo: 1000)
            let (worse, better) = switch direction {
            case .negative: (max(b1, b2), min(b1, b2))
            case .equal where a == 0: (max(b1, b2), min(b1, b2))
            default: (min(b1, b2), max(b1, b2))
            }
            let rule = QuantitativeIndicatorRule(rules: rules)
            let target = Quantity(comparator: nil, number: a, unit: nil)
            let s1 = score(rule.evaluate(target: target, actual: Quantity(comparator: nil, number: worse, unit: nil),
                                         direction: direction, weight: weight))
            let s2 = score(rule.evaluate(target: target, actual: Quantity(comparator: nil, number: better, unit: nil),
                                         direction: direction, weight: weight))
            #expect(s2 >= s1, "seed \(seed): \(direction) A=\(a) worse B=\(worse) → \(s1), better B=\(better) → \(s2)")
        }
    }

    /// No score leaves [0, 分值], whatever the texts and the filled scores; the total is the sum of the
    /// printed (rounded) scores; the grade follows the total.
    @Test(arguments: seeds)
    func scoresStayInRangeAndAddUp(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        let targets = ["≥10家", "10家以上", "≤5%", "=0", "100%", "235.11万元", "按时完成", "优秀", "全面完成", "12月底前",
                       "≥95%", "不超过100万元"]
        let actuals = ["8家", "12", "3%", "0", "1", "98%", "240万元", "2351100元", "已完成", "基本完成", "未完成",
                       "良好", "", "带动就业", "12篇", "延期完成", "-5"]
        let filled = ["", "", "0", "1.5", "2.7", "3", "4", "5", "99", "-1", "2.075", "—"]
        for round in 0..<60 {
            var builder = FormBuilder()
            builder.budget(adjusted: "\(Int.random(in: 1...900, using: &rng))",
                           executed: "\(Int.random(in: 0...1000, using: &rng))")
            let count = Int.random(in: 1...12, using: &rng)
            for i in 0..<count {
                builder.indicator("指标\(i)号", target: targets.randomElement(using: &rng) ?? "",
                                  actual: actuals.randomElement(using: &rng) ?? "",
                                  weight: "\(Int.random(in: 1...15, using: &rng))",
                                  score: filled.randomElement(using: &rng) ?? "",
                                  level2: i % 3 == 0 ? "成本" : "数量")
            }
            let rules = Bool.random(using: &rng) ? RuleSet.legacy : RuleSet.v2020
            let scored = try Scorer.score(builder.form, rules: rules)
            for result in scored.indicators where result.isScored {
                let weight = try #require(result.weight)
                #expect(result.score >= 0 && result.score <= weight,
                        "seed \(seed) round \(round): row \(result.indicator.row) score \(result.score) of \(weight)")
                #expect(result.score == DecimalRounding.round(result.score, places: 2))
                if result.score < weight, scored.isGraded { #expect(!result.reason.isEmpty) }
            }
            let report = ScoreReport(scored)
            let printed = ((report.budget?.score ?? 0).fixed(2), report.indicators.map { $0.score.fixed(2) })
            let sum = ([printed.0] + printed.1).map(exactDecimal).reduce(0, +)
            if scored.isGraded {
                #expect(report.total?.score == sum, "seed \(seed) round \(round)")
            } else {
                // Nothing filled in (every actual empty): not graded, one not-filled warning (NotFilledRule).
                #expect(report.total == nil && report.grade == nil)
                #expect(scored.indicators.allSatisfy { $0.actual == .notGiven })
                #expect(scored.diagnostics.filter { $0.code == .notFilled }.count == 1)
            }
            #expect(scored.grade == GradeRule(rules: rules).grade(scored.totalScore))
        }
    }

    private func score(_ outcome: QuantitativeIndicatorRule.Outcome) -> Decimal {
        if case .scored(let c) = outcome { return c.score }
        return -1
    }
}
