import Foundation

/// 未完成原因分析: every scored indicator that loses points needs a reason. A reason the unit wrote
/// is kept as written; an empty one is filled with a sentence stating the fact
/// ("实际完成8家,低于年度指标值10家以上,完成率80.00%,扣0.80分。"), marked generated, and the row
/// is flagged for review (`reason-generated`): only the unit can state causes and measures.
struct ReasonRule: Sendable {
    static let name = "ReasonRule"
    var rules: RuleSet

    /// Fills `result.reason` when it must; returns the warning to report, if any.
    func apply(_ result: inout IndicatorResult, in form: Form) -> Diagnostic? {
        // Points lost (`lostPoints` > 0) is a score under the 分值: one comparison, no subtraction.
        guard result.isScored, let weight = result.weight, result.score < weight, result.reason.trimmed.isEmpty else {
            return nil
        }
        result.reason = sentence(result, formYear: form.year?.value)
        result.reasonGenerated = true
        result.needsReview = true
        let indicator = result.indicator
        let cell = indicator.reason?.cell ?? indicator.score.cell
        result.audit.append(AuditEntry(
            rule: Self.name, inputs: [AuditEntry.Input(Vocabulary.ScoringWords.scoreField,
                                                       ScoreText.points(result.score, rules), at: indicator.score.cell)],
            formula: "—", awarded: result.score, possible: weight, note: result.reason))
        return Diagnostic(.reasonGenerated, at: form.location(cell), Vocabulary.ScoringMessage.reasonGenerated)
    }

    /// The generated sentence.
    func sentence(_ result: IndicatorResult, formYear: Int? = nil) -> String {
        let lost = ScoreText.points(result.lostPoints, rules)
        var target = result.indicator.targetText
        // A target that contradicts itself is quoted as the reading scored ("≤2%"), never as written.
        if ContradictionRule.contradicts(result.indicator), case .quantity(let scored) = result.target {
            target = ContradictionRule.shown(scored)
        }
        if result.actual == .notGiven { return Message.reasonActualMissing(lost: lost) }
        // A value that could not be read kept the printed score (UnreadValueRule): say so, no rate.
        if result.filledScore != nil, let doubt = result.keptUnread {
            return Vocabulary.ScoringMessage.reasonValueUnread(field: doubt.field, text: doubt.cell.value.trimmed,
                                                               kept: ScoreText.points(result.score, rules), lost: lost)
        }
        switch result.kind {
        case .quantitative:
            let actual = actualShown(result)
            if result.direction == .equal, case .quantity(let a) = result.target, a.number == 0 {
                return Message.reasonNotEqual(actual: actual, target: target, lost: lost)
            }
            let rate = ScoreText.percent(result.ratio ?? 0)
            if result.direction == .negative {
                return Message.reasonAboveTarget(actual: actual, target: target, rate: rate, lost: lost)
            }
            return Message.reasonBelowTarget(actual: actual, target: target, rate: rate, lost: lost)
        case .qualitative, .notScored:
            return QualitativeReason(rules: rules).sentence(result, formYear: formYear, lost: lost)
        }
    }

    /// The actual as written (with its 度量单位 cell), with the target's unit when it has none ("8" → "8家").
    private func actualShown(_ result: IndicatorResult) -> String {
        let written = result.indicator.actualText
        if case .quantity(let actual) = result.actual, actual.unit == nil,
           case .quantity(let target) = result.target, let unit = target.unit {
            return written + unit.description
        }
        return written
    }
}

extension ReasonRule {
    enum Message {
        static func reasonBelowTarget(actual: String, target: String, rate: String, lost: String) -> String {
            "实际完成\(actual),低于年度指标值\(target),完成率\(rate),扣\(lost)分。"
        }
        static func reasonAboveTarget(actual: String, target: String, rate: String, lost: String) -> String {
            "实际完成\(actual),高于年度指标值\(target),完成率\(rate),扣\(lost)分。"
        }
        static func reasonNotEqual(actual: String, target: String, lost: String) -> String {
            "实际完成\(actual),未达到年度指标值\(target),扣\(lost)分。"
        }
        static func reasonActualMissing(lost: String) -> String { "未填写实际完成值,扣\(lost)分。" }
    }
}
