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

    /// The share of 分值 a row earns: none, all, or numerator/denominator (0 < n < d), kept as a
    /// fraction so that the score is one exact rounded division (w × n / d, `DecimalRounding.quotient`).
    private enum Factor {
        case none, full
        case fraction(Decimal, Decimal)

        /// n/d within [0, 1] (n ≥ d full, n ≤ 0 none).
        static func clamped(_ numerator: Decimal, over denominator: Decimal) -> Factor {
            if numerator <= 0 { return .none }
            if numerator >= denominator { return .full }
            return .fraction(numerator, denominator)
        }
    }

    func evaluate(target: Quantity, actual: Quantity, direction: Direction, weight: Decimal) -> Outcome {
        guard let b = actual.number(in: target.unit) else {
            return .incompatibleUnits(target: target.unit, actual: actual.unit)
        }
        let a = target.number
        let clampedB = max(b, 0)
        let factor: Factor
        /// The ratio shown (unclamped) as numerator/denominator, rounded to 4 decimals by `finish`.
        var ratio: (Decimal, Decimal)?
        let formula: String
        var overAchieved = false
        switch direction {
        case .equal where a == 0:
            factor = clampedB == 0 ? .full : .none
            ratio = (clampedB == 0 ? 1 : 0, 1)
            formula = "\(Vocabulary.ScoringWords.formulaEqualZero) = B = \(ScoreText.plain(b))"
        case .positive, .equal:
            if a <= 0 {
                return .scored(finish(a: a, b: b, ratio: nil, factor: .full, weight: weight, overAchieved: false,
                                      formula: "\(Vocabulary.ScoringWords.formulaTargetZero): A = \(ScoreText.plain(a)), B = \(ScoreText.plain(b))"))
            }
            ratio = (clampedB, a)
            factor = .clamped(clampedB, over: a)
            overAchieved = b >= rules.overAchievementThreshold * a
            formula = "\(Vocabulary.ScoringWords.formulaPositive) = \(ScoreText.plain(weight)) × min(\(ScoreText.plain(b))/\(ScoreText.plain(a)), 1)"
        case .negative:
            switch rules.negativeFormula {
            case .ratio:
                if a >= clampedB || clampedB == 0 {
                    factor = .full
                    ratio = clampedB == 0 ? nil : (a, clampedB)
                } else {
                    ratio = (max(a, 0), clampedB)
                    factor = .clamped(max(a, 0), over: clampedB)
                }
                formula = "\(Vocabulary.ScoringWords.formulaNegativeRatio) = \(ScoreText.plain(weight)) × min(\(ScoreText.plain(a))/\(ScoreText.plain(b)), 1)"
            case .linear:
                if a >= clampedB {
                    factor = .full
                    ratio = (1, 1)
                } else if a <= 0 {
                    factor = .none
                    ratio = (0, 1)
                } else {
                    // 1 − (B − A)/A = (2A − B)/A, the numerator exact (`ExactDecimal`).
                    let numerator = Self.twiceMinus(a, clampedB)
                    factor = .clamped(numerator, over: a)
                    ratio = numerator > 0 ? (numerator, a) : (0, 1)
                }
                let (plainA, plainB) = (ScoreText.plain(a), ScoreText.plain(b))
                formula = "\(Vocabulary.ScoringWords.formulaNegativeLinear) = \(ScoreText.plain(weight)) × max(1 − (\(plainB) − \(plainA))/\(plainA), 0)"
            }
        }
        return .scored(finish(a: a, b: b, ratio: ratio, factor: factor, weight: weight, overAchieved: overAchieved,
                              formula: formula))
    }

    /// 2a − b exactly (a decimal subtraction may round once the digits of a and b span more than 38).
    private static func twiceMinus(_ a: Decimal, _ b: Decimal) -> Decimal {
        guard let exactA = ExactDecimal(a), let exactB = ExactDecimal(b),
              let value = exactA.adding(exactA).subtracting(exactB).decimal else { return 2 * a - b }
        return value
    }

    private func finish(a: Decimal, b: Decimal, ratio: (Decimal, Decimal)?, factor: Factor, weight: Decimal,
                        overAchieved: Bool, formula: String) -> Computation {
        let product: Decimal
        switch factor {
        case .none: product = 0
        case .full: product = rules.round(weight)
        case .fraction(let n, let d):
            // One exact division, rounded once; w ≤ 30 digits (StrictNumberReader), so the score
            // always fits in a Decimal and the fallback (Decimal's own quotient) is never taken.
            product = DecimalRounding.quotient(weight, times: n, over: d, places: rules.decimals)
                ?? rules.round(weight * n / d)
        }
        let score = product.clamped(0, weight)
        let shownRatio = ratio.map { n, d in
            DecimalRounding.quotient(n, over: d, places: 4) ?? DecimalRounding.round(n / d, places: 4)
        }
        return Computation(target: a, actual: b, ratio: shownRatio,
                           score: score, formula: "\(formula) = \(ScoreText.points(score, rules))",
                           overAchieved: overAchieved)
    }
}
