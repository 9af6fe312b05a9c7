import Foundation

/// How scoring prints numbers in messages, formulas and reasons.
enum ScoreText {
    /// A score with the rule set's decimals ("4.00").
    static func points(_ value: Decimal, _ rules: RuleSet) -> String { value.fixed(rules.decimals) }
    /// A plain number as written ("4", "734.78").
    static func plain(_ value: Decimal) -> String { value.plainText }
    /// A ratio as a percentage with two decimals (0.8 → "80.00%").
    static func percent(_ ratio: Decimal) -> String { (ratio * 100).fixed(2) + "%" }
    /// A money amount with two decimals ("734.78").
    static func money(_ value: Decimal) -> String { value.fixed(2) }
}

extension Decimal {
    /// This value clamped into `low...high`.
    func clamped(_ low: Decimal, _ high: Decimal) -> Decimal { min(max(self, low), high) }
}
