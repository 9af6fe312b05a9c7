import Foundation

/// 定量指标: scores a target quantity (A) against an actual quantity (B).
///
/// - positive: 分值 × min(B/A, 1); A = 0 scores full for any B ≥ 0.
/// - negative: 分值 × min(A/B, 1) (`.ratio`) or 分值 × max(1 − (B − A)/A, 0) (`.linear`); B ≤ A, and
///   B = 0 in particular, score full.
/// - equal: as positive; with A = 0, B = 0 scores full and anything else 0.
///
/// B is first converted into A's unit (元/万元/亿元 convert, a missing unit is A's); other units
/// must match, else the indicator cannot be scored as a quantity. Negative B counts as 0.
/// Over-achievement (B ≥ threshold × A, A > 0, positive or equal) keeps full points and is flagged.
struct QuantitativeIndicatorRule: Sendable {
    static let name = "QuantitativeIndicatorRule"
    var rules: RuleSet

    /// The computed score of a quantitative indicator.
    struct Computation: Sendable, Equatable {
        /// A and B in A's unit.
        var target: Decimal
        var actual: Decimal
        /// The completion ratio the formula used (unclamped), rounded to 4 decimals; nil when A = 0.
        var ratio: Decimal?
        /// The score, rounded and within [0, weight].
        var score: Decimal
        /// The formula with its numbers.
        var formula: String
        var overAchieved: Bool
    }

    enum Outcome: Sendable, Equatable {
        case scored(Computation)
        /// The units cannot be converted into each other.
        case incompatibleUnits(target: MeasureUnit?, actual: MeasureUnit?)
    }

    func evaluate(target: Quantity, actual: Quantity, direction: Direction, weight: Decimal) -> Outcome {
        guard let b = actual.number(in: target.unit) else {
            return .incompatibleUnits(target: target.unit, actual: actual.unit)
        }
        let a = target.number
        let clampedB = max(b, 0)
        let w = ScoreText.plain(weight)
        let factor: Decimal
        var ratio: Decimal?
        var substituted: String
        let template: String
        var overAchieved = false
        switch direction {
        case .equal where a == 0:
            template = Vocabulary.ScoringWords.formulaEqualZero
            factor = clampedB == 0 ? 1 : 0
            ratio = factor
            substituted = "B = \(ScoreText.plain(b))"
        case .positive, .equal:
            template = Vocabulary.ScoringWords.formulaPositive
            if a <= 0 {
                factor = 1
                substituted = "A = \(ScoreText.plain(a)), B = \(ScoreText.plain(b))"
                return .scored(finish(a: a, b: b, ratio: nil, factor: factor, weight: weight,
                                      formula: "\(Vocabulary.ScoringWords.formulaTargetZero): \(substituted)",
                                      overAchieved: false))
            }
            let r = clampedB / a
            ratio = r
            factor = min(r, 1)
            overAchieved = b >= rules.overAchievementThreshold * a
            substituted = "\(w) × min(\(ScoreText.plain(b))/\(ScoreText.plain(a)), 1)"
        case .negative:
            switch rules.negativeFormula {
            case .ratio:
                template = Vocabulary.ScoringWords.formulaNegativeRatio
                if a >= clampedB || clampedB == 0 {
                    factor = 1
                    ratio = clampedB == 0 ? nil : a / clampedB
                } else {
                    let r = max(a, 0) / clampedB
                    ratio = r
                    factor = min(r, 1)
                }
                substituted = "\(w) × min(\(ScoreText.plain(a))/\(ScoreText.plain(b)), 1)"
            case .linear:
                template = Vocabulary.ScoringWords.formulaNegativeLinear
                if a >= clampedB {
                    factor = 1
                } else if a <= 0 {
                    factor = 0
                } else {
                    factor = max(1 - (clampedB - a) / a, 0)
                }
                ratio = factor
                substituted = "\(w) × max(1 − (\(ScoreText.plain(b)) − \(ScoreText.plain(a)))/\(ScoreText.plain(a)), 0)"
            }
        }
        return .scored(finish(a: a, b: b, ratio: ratio, factor: factor, weight: weight,
                              formula: "\(template) = \(substituted)", overAchieved: overAchieved))
    }

    private func finish(a: Decimal, b: Decimal, ratio: Decimal?, factor: Decimal, weight: Decimal, formula: String,
                        overAchieved: Bool) -> Computation {
        let score = rules.round(weight * factor.clamped(0, 1)).clamped(0, weight)
        return Computation(target: a, actual: b, ratio: ratio.map { DecimalRounding.round($0, places: 4) },
                           score: score, formula: "\(formula) = \(ScoreText.points(score, rules))",
                           overAchieved: overAchieved)
    }
}
