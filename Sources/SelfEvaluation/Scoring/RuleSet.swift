import Foundation

/// The scoring rules a form is scored by: one of the versions in use (see the README, "How it scores": rule sets).
///
/// Built-ins are `.legacy` (central notices 2017–2019, qualitative tiers 80/50) and `.v2020`
/// (财预〔2020〕10号, tiers 80/60). A local variant can be described in a JSON rules file; see
/// `RuleSet.load(path:)` for its format.
public struct RuleSet: Sendable, Equatable, Hashable {
    /// The name the report prints ("legacy", "2020", or the rules file's name).
    public var name: String
    /// Qualitative tier bounds, as fractions of the indicator's 分值.
    public var tiers: TierBounds
    /// How a negative (反向) quantitative indicator that misses its target is scored.
    public var negativeFormula: NegativeFormula
    /// Lowest totals of the grades 优, 良, 中 (差 below).
    public var gradeBands: GradeBands
    /// The 分值 of 预算执行率 the rules fix (10).
    public var executionRateWeight: Decimal
    /// Decimals every score is rounded to, half up: 2, or 0/1 as some localities print.
    public var decimals: Int
    /// B ≥ threshold × A flags a positive indicator as over-achieved (1.3).
    public var overAchievementThreshold: Decimal
    /// Whether an over-achieved indicator must be explained in its reason (the 2020 rules ask for it);
    /// an unexplained one sets `needsReview`.
    public var overAchievementNeedsExplanation: Bool

    /// The older central wording, still common locally (the reference form's notes): tiers
    /// 100–80% (80 included), 80–50% (50 included), 50–0%; negative indicators A/B × 分值.
    public static let legacy = RuleSet(
        name: "legacy", tiers: TierBounds(achieved: Decimal(string: "0.8") ?? 0, partial: Decimal(string: "0.5") ?? 0),
        negativeFormula: .ratio, gradeBands: .standard, executionRateWeight: 10, decimals: 2,
        overAchievementThreshold: Decimal(string: "1.3") ?? 0, overAchievementNeedsExplanation: false)

    /// 财预〔2020〕10号, the national baseline: tiers 100–80%, 80–60%, 60–0%; negative indicators
    /// A/B × 分值; over-achievement must be explained.
    public static let v2020 = RuleSet(
        name: "2020", tiers: TierBounds(achieved: Decimal(string: "0.8") ?? 0, partial: Decimal(string: "0.6") ?? 0),
        negativeFormula: .ratio, gradeBands: .standard, executionRateWeight: 10, decimals: 2,
        overAchievementThreshold: Decimal(string: "1.3") ?? 0, overAchievementNeedsExplanation: true)

    /// The built-in rule sets, by name.
    public static let builtIns: [RuleSet] = [.legacy, .v2020]

    /// The built-in set with this name ("legacy", "2020"; "v2020" is accepted too).
    public static func builtIn(named name: String) -> RuleSet? {
        let key = name.lowercased()
        if key == "v2020" { return .v2020 }
        return builtIns.first { $0.name == key }
    }

    /// `value` rounded half up to this rule set's decimals (the one rounding function).
    func round(_ value: Decimal) -> Decimal { DecimalRounding.round(value, places: decimals) }
}

/// Qualitative tier bounds as fractions of 分值: 达成 is [achieved, 1], 部分达成 [partial, achieved),
/// 未达成 [0, partial).
public struct TierBounds: Sendable, Equatable, Hashable, Codable {
    /// Lower bound of 达成 (0.8).
    public var achieved: Decimal
    /// Lower bound of 部分达成 (0.5 legacy, 0.6 in 2020).
    public var partial: Decimal
}

/// How a negative (反向) indicator scores when B exceeds A.
public enum NegativeFormula: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    /// A/B × 分值 (the seed's note 3; the common reading of 2020).
    case ratio
    /// (1 − (B − A)/A) × 分值, zero from B ≥ 2A (a local variant).
    case linear
}

/// Lowest totals of the grades: 优 ≥ excellent, 良 ≥ good, 中 ≥ fair, else 差.
public struct GradeBands: Sendable, Equatable, Hashable, Codable {
    public var excellent: Decimal
    public var good: Decimal
    public var fair: Decimal

    /// 90 / 80 / 60.
    public static let standard = GradeBands(excellent: 90, good: 80, fair: 60)
}
