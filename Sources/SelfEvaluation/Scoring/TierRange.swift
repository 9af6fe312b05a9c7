import Foundation

/// The scores a tier allows for one indicator, at the rule set's decimals.
///
/// With bounds a (达成) and p (部分达成) and 分值 w: 达成 [round(w·a), w], 部分达成
/// [round(w·p), round(w·a) − step], 未达成 [0, round(w·p) − step], where step is the smallest score
/// step (0.01). So 80% itself belongs to 达成 only, as "100–80%(含80%)" says.
struct TierRange: Sendable, Equatable {
    var tier: Tier
    var low: Decimal
    var high: Decimal
    /// The default score: the top for 达成, the middle of the fractions otherwise.
    var preset: Decimal

    init(_ tier: Tier, weight: Decimal, rules: RuleSet) {
        self.tier = tier
        let step = rules.scoreUnit
        let achievedLow = rules.round(weight * rules.tiers.achieved)
        let partialLow = rules.round(weight * rules.tiers.partial)
        var top = rules.round(weight)
        if top > weight { top -= step }
        // The middle of 部分达成 and 未达成: w × (a + p)/2 and w × p/2, each one exact rounded
        // division (`DecimalRounding.quotient`), no `Decimal` division.
        let middle: (numerator: Decimal, denominator: Decimal)
        switch tier {
        case .achieved:
            low = achievedLow
            high = top
            middle = (1, 1)
        case .partial:
            low = partialLow
            high = achievedLow - step
            middle = (rules.tiers.achieved + rules.tiers.partial, 2)
        case .notAchieved:
            low = 0
            high = partialLow - step
            middle = (rules.tiers.partial, 2)
        }
        if high < low { high = low }
        let rounded = tier == .achieved ? rules.round(weight)
            : DecimalRounding.quotient(weight, times: middle.numerator, over: middle.denominator, places: rules.decimals)
        preset = (rounded ?? rules.round(weight * middle.numerator / middle.denominator)).clamped(low, high)
    }

    func contains(_ score: Decimal) -> Bool { low <= score && score <= high }

    /// The nearest score inside the range.
    func nearest(to score: Decimal) -> Decimal { score.clamped(low, high) }
}
