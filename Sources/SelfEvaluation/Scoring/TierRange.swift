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

    /// Computed exactly (`ExactDecimal`), each bound rounded once: the numbers `Decimal`'s products
    /// and differences gave (w has at most 30 digits), written as its arithmetic writes them
    /// (compacted); w rounded to the decimals is w itself, as written, when it has no more. The
    /// middles of 部分达成 and 未达成, w × (a + p)/2 and w × p/2, are each one rounded division.
    /// A NaN 分值 or bound, or a figure wider than `Decimal`, gives NaN bounds.
    init(_ tier: Tier, weight: Decimal, rules: RuleSet) {
        self.tier = tier
        let places = rules.decimals
        let roundedWeight = rules.round(weight)
        guard let w = ExactDecimal(weight), let top = ExactDecimal(roundedWeight),
              let a = ExactDecimal(rules.tiers.achieved), let p = ExactDecimal(rules.tiers.partial) else {
            (low, high, preset) = (.nan, .nan, .nan)
            return
        }
        let step = ExactDecimal(negative: false, magnitude: WideUInt(1), exponent: -max(places, 0))
        let two = ExactDecimal(negative: false, magnitude: WideUInt(2), exponent: 0)
        let achievedLow = w.multiplied(by: a).rounded(places: places), partialLow = w.multiplied(by: p).rounded(places: places)
        typealias Bound = (exact: ExactDecimal, decimal: Decimal)  // each bound exact, and as it is written
        func bound(_ exact: ExactDecimal) -> Bound { (exact, exact.decimal ?? .nan) }
        var low: Bound, high: Bound, middle: Bound
        switch tier {
        case .achieved:
            low = bound(achievedLow)
            // The top is w rounded, one step less when rounding went above w.
            high = Self.less(w, top) ? bound(top.subtracting(step)) : (top, roundedWeight)
            middle = (top, roundedWeight)
        case .partial:
            (low, high) = (bound(partialLow), bound(achievedLow.subtracting(step)))
            middle = bound(w.multiplied(by: a.adding(p)).rounded(dividingBy: two, places: places) ?? w)
        case .notAchieved:
            (low, high) = (bound(ExactDecimal(negative: false, magnitude: .zero, exponent: 0)),
                           bound(partialLow.subtracting(step)))
            middle = bound(w.multiplied(by: p).rounded(dividingBy: two, places: places) ?? w)
        }
        if Self.less(high.exact, low.exact) { high = low }
        // min(max(middle, low), high), ties as `min` and `max` break them (`max` keeps low, `min` the value).
        if !Self.less(low.exact, middle.exact) { middle = low }
        if Self.less(high.exact, middle.exact) { middle = high }
        self.low = low.decimal
        self.high = high.decimal
        self.preset = middle.decimal
    }

    /// x < y.
    private static func less(_ x: ExactDecimal, _ y: ExactDecimal) -> Bool { x.subtracting(y).negative }

    func contains(_ score: Decimal) -> Bool { low <= score && score <= high }

    /// The nearest score inside the range.
    func nearest(to score: Decimal) -> Decimal { score.clamped(low, high) }
}
