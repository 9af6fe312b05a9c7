import Foundation

/// Reads the tier a qualitative actual reaches (README, "How it scores": QualitativeTierRule).
///
/// Negation words are read first, whatever the value ("未按时完成" is 未达成). Then grades compare on the grade scale: a grade target met or beaten is 达成, one grade short is
/// 部分达成, more is 未达成; a grade without a graded target: 优秀/良好 达成, 合格 部分达成, 不合格 未达成.
/// A time actual against a dated target: on or before the date 达成, later 未达成; "按时" 达成.
/// Texts: negations first (未完成, 没有, 滞后, 延期 …, after removing benign phrases such as
/// 未发生), then partial words (部分, 基本完成, 初步 …), then achievement words (完成, 达到, 实现 …).
/// Anything else cannot be placed: treated as 达成 and flagged.
struct TierReader: Sendable {
    struct Reading: Sendable, Equatable {
        var tier: Tier
        /// False when nothing in the text decided: 达成 by default, to be reviewed.
        var placed: Bool
        /// What decided ("未完成", "优秀 vs 优秀", …).
        var basis: String
        /// Done, but after the deadline (`DeadlineRule`): below 达成, see `QualitativeTierRule`.
        var late = false
    }

    /// - Parameter formYear: the form's 年度, the year of a date written without one ("年底前").
    func read(actual: ParsedValue, actualText: String, target: ParsedValue, formYear: Int? = nil) -> Reading {
        let words = read(text: actualText)
        if words.placed, words.tier == .notAchieved { return words }
        switch (actual, target) {
        case let (.grade(given), .grade(asked)):
            let gap = asked.rawValue - given.rawValue
            let tier: Tier = gap <= 0 ? .achieved : (gap == 1 ? .partial : .notAchieved)
            return Reading(tier: tier, placed: true, basis: "\(given) / \(asked)")
        case let (.grade(given), _):
            let tier: Tier = switch given {
            case .excellent, .good: .achieved
            case .pass: .partial
            case .fail: .notAchieved
            }
            return Reading(tier: tier, placed: true, basis: "\(given)")
        case let (.time(done), .time(due)):
            if let late = DeadlineRule.isLate(done: done, due: due, formYear: formYear) {
                return Reading(tier: late ? .partial : .achieved, placed: true, basis: actualText.trimmed, late: late)
            }
            if done.onTime { return Reading(tier: .achieved, placed: true, basis: actualText.trimmed) }
        case let (.time(done), _) where done.onTime:
            return Reading(tier: .achieved, placed: true, basis: actualText.trimmed)
        default:
            break
        }
        if !words.placed, let echo = TargetEchoRule.reading(actual: actual, target: target) { return echo }
        return words
    }

    /// The tier a text names, by its words.
    func read(text: String) -> Reading {
        let scalars = SearchedText(text, droppingWhitespace: true).scalars
        let folded = SearchedText(scalars: TierWords.benignNegation.removingAll(from: scalars))
        if let word = TierWords.negation.first(in: folded) {
            return Reading(tier: .notAchieved, placed: true, basis: word)
        }
        if let word = TierWords.partial.first(in: folded) {
            return Reading(tier: .partial, placed: true, basis: word)
        }
        if let word = TierWords.achievement.first(in: folded) {
            return Reading(tier: .achieved, placed: true, basis: word)
        }
        return Reading(tier: .achieved, placed: false, basis: "")
    }
}

/// The tier vocabulary as word lists.
private enum TierWords {
    static let benignNegation = WordList(Vocabulary.ScoringWords.benignNegationPhrases)
    static let negation = WordList(Vocabulary.ScoringWords.negationWords)
    static let partial = WordList(Vocabulary.ScoringWords.partialWords)
    static let achievement = WordList(Vocabulary.ScoringWords.achievementWords)
}
