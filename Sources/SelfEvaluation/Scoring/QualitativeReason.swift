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
            return Message.reasonLate(
                done: DeadlineRule.text(done, formYear: formYear, otherYear: due.year),
                due: DeadlineRule.text(due, formYear: formYear, otherYear: done.year),
                target: target, score: score, lost: lost)
        }
        if case .grade(let given) = result.actual, case .grade(let asked) = result.target, given < asked {
            return Message.reasonGradeShort(actual: actual, target: target, tier: tier, score: score,
                                                              lost: lost)
        }
        let reading = TierReader().read(text: actual)
        if reading.placed, reading.tier != .achieved {
            return Message.reasonTierWord(actual: actual, word: reading.basis, target: target,
                                                            tier: tier, score: score, lost: lost)
        }
        let full = TierReader().read(actual: result.actual, actualText: indicator.actual.value, target: result.target,
                                     formYear: formYear)
        if !full.placed {
            return Message.reasonNotComparable(actual: actual, target: target, score: score,
                                                                 lost: lost)
        }
        return Message.reasonGapNotStated(actual: actual, target: target, score: score, lost: lost)
    }
}

extension QualitativeReason {
    enum Message {
        static func reasonLate(done: String, due: String, target: String, score: String, lost: String) -> String {
            "实际完成时间\(done)晚于年度指标值“\(target)”的期限\(due),得\(score)分,扣\(lost)分。"
        }
        static func reasonTierWord(actual: String, word: String, target: String, tier: String, score: String,
                                          lost: String) -> String {
            let said = actual == word ? "实际完成情况“\(actual)”" : "实际完成情况“\(actual)”写有“\(word)”"
            return "\(said),未完全达到年度指标值“\(target)”,评定为\(tier),得\(score)分,扣\(lost)分。"
        }
        static func reasonGradeShort(actual: String, target: String, tier: String, score: String,
                                            lost: String) -> String {
            "实际完成等级“\(actual)”低于年度指标值“\(target)”,评定为\(tier),得\(score)分,扣\(lost)分。"
        }
        static func reasonGapNotStated(actual: String, target: String, score: String, lost: String) -> String {
            "实际完成情况“\(actual)”未写明与年度指标值“\(target)”相比的不足,单位自评得\(score)分、扣\(lost)分,请写明未达到之处。"
        }
        static func reasonNotComparable(actual: String, target: String, score: String, lost: String) -> String {
            "实际完成情况“\(actual)”无法与年度指标值“\(target)”对照判断完成程度,得\(score)分,扣\(lost)分,请写明未达到之处。"
        }
    }
}
