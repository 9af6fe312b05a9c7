import Foundation

/// How an indicator was scored.
public enum IndicatorKind: String, Sendable, Equatable, Hashable, Codable {
    /// 定量: a formula over target and actual numbers.
    case quantitative
    /// 定性: a tier read from the actual text.
    case qualitative
    /// Not scored: a placeholder row, or no usable 分值.
    case notScored

    /// 定量 / 定性 / 不计分.
    public var label: String {
        switch self {
        case .quantitative: Vocabulary.ScoringWords.kindQuantitative
        case .qualitative: Vocabulary.ScoringWords.kindQualitative
        case .notScored: Vocabulary.ScoringWords.kindNotScored
        }
    }
}

/// The qualitative tiers: 达成, 部分达成, 未达成.
public enum Tier: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case achieved
    case partial
    case notAchieved

    /// The tier as the rules word it (达成年度指标 …).
    public var label: String {
        switch self {
        case .achieved: Vocabulary.ScoringWords.tierAchieved
        case .partial: Vocabulary.ScoringWords.tierPartial
        case .notAchieved: Vocabulary.ScoringWords.tierNotAchieved
        }
    }
}

extension Direction {
    /// 正向 / 反向 / 等于.
    public var label: String {
        switch self {
        case .positive: Vocabulary.ScoringWords.directionPositive
        case .negative: Vocabulary.ScoringWords.directionNegative
        case .equal: Vocabulary.ScoringWords.directionEqual
        }
    }
}

/// The scoring of one indicator row.
public struct IndicatorResult: Sendable {
    /// The row as read.
    public var indicator: Indicator
    public var kind: IndicatorKind
    /// Quantitative indicators only.
    public var direction: Direction?
    /// Qualitative indicators only.
    public var tier: Tier?
    /// 年度指标值 (A) and 实际完成值 (B), parsed.
    public var target: ParsedValue
    public var actual: ParsedValue
    /// 分值, when it is a number ≥ 0 (the row is scored against it).
    public var weight: Decimal?
    /// 分值 as written, when it is a number (negative ones too); nil for a placeholder row.
    public var writtenWeight: Decimal?
    /// The score the form held, when it is a number.
    public var filledScore: Decimal?
    /// The score given, rounded to the rule set's decimals; 0 when not scored.
    public var score: Decimal
    /// Quantitative: the completion ratio (B/A, A/B, or the linear factor), rounded to 4 decimals.
    public var ratio: Decimal?
    /// 未完成原因分析: as written, or generated.
    public var reason: String
    /// Whether the engine wrote `reason`.
    public var reasonGenerated = false
    /// Whether the engine filled the score or changed the form's one.
    public var scoreChanged = false
    /// Why the engine filled or changed the score (for a cell comment).
    public var comment: String?
    /// B ≥ threshold × A on a positive indicator.
    public var overAchieved = false
    /// Whether a person must look at this row (unplaceable text, generated reason, missing actual …).
    public var needsReview = false
    /// How the score came about.
    public var audit: [AuditEntry] = []
    /// The doubtful cell whose printed score was kept (`UnreadValueRule`), found once by the
    /// evaluator so that the reason does not look again.
    var keptUnread: UnreadValueRule.Doubt?

    /// Whether the row counts in the totals.
    public var isScored: Bool { kind != .notScored }
    /// Points lost (分值 − 得分), 0 when not scored.
    public var lostPoints: Decimal {
        guard isScored, let weight else { return 0 }
        return max(weight - score, 0)
    }
}
