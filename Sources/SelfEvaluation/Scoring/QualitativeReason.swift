import Foundation

/// The generated reason of a qualitative or time indicator that lost points: it says what the
/// actual lacks against the target, quotes the actual whole (never cut mid-text), and never
/// restates the tier as its own cause.
///
/// - done late: the date done and the deadline (`DeadlineRule`);
/// - a negation or partial word: the word, against the target;
/// - a grade below the target's grade: both grades;
/// - 达成 with points withheld by the unit: the actual does not say what falls short of the target;
/// - an actual that cannot be compared: said so.
struct QualitativeReason: Sendable {
    var rules: RuleSet

    func sentence(_ result: IndicatorResult, formYear: Int?, lost: String) -> String {
        let indicator = result.indicator
        let actual = indicator.actual.value.trimmed
        let target = indicator.targetText
        let score = ScoreText.points(result.score, rules)
        let tier = (result.tier ?? .notAchieved).label
        if case .time(let done) = result.actual, case .time(let due) = result.target,
           DeadlineRule.isLate(done: done, due: due, formYear: formYear) == true {
            return Vocabulary.ScoringMessage.reasonLate(
                done: DeadlineRule.text(done, formYear: formYear, otherYear: due.year),
                due: DeadlineRule.text(due, formYear: formYear, otherYear: done.year),
                target: target, score: score, lost: lost)
        }
        if case .grade(let given) = result.actual, case .grade(let asked) = result.target, given < asked {
            return Vocabulary.ScoringMessage.reasonGradeShort(actual: actual, target: target, tier: tier, score: score,
                                                              lost: lost)
        }
        let reading = TierReader().read(text: actual)
        if reading.placed, reading.tier != .achieved {
            return Vocabulary.ScoringMessage.reasonTierWord(actual: actual, word: reading.basis, target: target,
                                                            tier: tier, score: score, lost: lost)
        }
        let full = TierReader().read(actual: result.actual, actualText: indicator.actual.value, target: result.target,
                                     formYear: formYear)
        if !full.placed {
            return Vocabulary.ScoringMessage.reasonNotComparable(actual: actual, target: target, score: score,
                                                                 lost: lost)
        }
        return Vocabulary.ScoringMessage.reasonGapNotStated(actual: actual, target: target, score: score, lost: lost)
    }
}
