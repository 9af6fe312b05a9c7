import Foundation

/// A quantitative score the form printed is checked against the computed one: equal (after
/// rounding) is kept; different is replaced, with a warning that keeps the old value
/// (`score-replaced`); empty is filled. The result never leaves [0, 分值].
struct FilledScoreRule: Sendable {
    static let name = "FilledScoreRule"
    var rules: RuleSet

    struct Outcome: Sendable, Equatable {
        var score: Decimal
        var changed: Bool
        /// Why the score was filled or changed (the cell comment).
        var comment: String?
        /// Set when a printed score was replaced.
        var replaced: Bool
    }

    func apply(computed: Decimal, filled: Decimal?, weight: Decimal, formula: String) -> Outcome {
        let score = rules.round(computed).clamped(0, weight)
        let shown = ScoreText.points(score, rules)
        guard let filled else {
            return Outcome(score: score, changed: true,
                           comment: Message.scoreFilled(shown, formula: formula), replaced: false)
        }
        if filled == score { return Outcome(score: score, changed: false, comment: nil, replaced: false) }
        if rules.round(filled) == score {
            return Outcome(score: score, changed: true,
                           comment: Vocabulary.ScoringMessage.scoreRounded(printed: ScoreText.plain(filled), rounded: shown),
                           replaced: false)
        }
        return Outcome(score: score, changed: true,
                       comment: Message.scoreReplaced(
                           printed: ScoreText.plain(filled), computed: shown, formula: formula),
                       replaced: true)
    }
}

extension FilledScoreRule {
    enum Message {
        static func scoreReplaced(printed: String, computed: String, formula: String) -> String {
            "表中得分\(printed)与按公式计算的\(computed)不符,已改为\(computed)(\(formula))。"
        }
        static func scoreFilled(_ computed: String, formula: String) -> String {
            "得分由程序按公式计算:\(formula)。"
        }
    }
}
