import Foundation

/// 定性指标: the tier from the actual (see `TierReader`), then the score within the tier's range
/// (see `TierRange`): a filled score inside the range is the assessor's judgment and is kept; one
/// outside moves to the nearest bound, with a warning (`score-outside-tier`); an empty score takes
/// the top of 达成, or the middle of the other tiers.
struct QualitativeTierRule: Sendable {
    static let name = "QualitativeTierRule"
    var rules: RuleSet

    struct Outcome: Sendable, Equatable {
        var tier: Tier
        var placed: Bool
        var range: TierRange
        var score: Decimal
        /// What happened to the filled score.
        var change: ScoreChange
        var basis: String
    }

    enum ScoreChange: Sendable, Equatable {
        case kept
        /// Rounded to the rule set's decimals only.
        case rounded
        /// Outside the tier: moved to the nearest bound.
        case moved
        /// Empty: the tier's default.
        case filled
    }

    func evaluate(reading: TierReader.Reading, filledScore: Decimal?, weight: Decimal) -> Outcome {
        var range = TierRange(reading.tier, weight: weight, rules: rules)
        if reading.late { range.low = 0 }  // done late: any filled score under 达成 is kept (DeadlineRule)
        guard let filledScore else {
            return Outcome(tier: reading.tier, placed: reading.placed, range: range, score: range.preset,
                           change: .filled, basis: reading.basis)
        }
        let rounded = rules.round(filledScore)
        if range.contains(rounded) {
            return Outcome(tier: reading.tier, placed: reading.placed, range: range, score: rounded,
                           change: rounded == filledScore ? .kept : .rounded, basis: reading.basis)
        }
        return Outcome(tier: reading.tier, placed: reading.placed, range: range, score: range.nearest(to: rounded),
                       change: .moved, basis: reading.basis)
    }
}
