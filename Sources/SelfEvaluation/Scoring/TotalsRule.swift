import Foundation

/// 总分 = 预算执行率得分 + the sum of the rounded indicator scores, so the printed numbers add up.
/// Checks that the 分值 add up to 100 (`weights-not-100`) and that each first-level label's points
/// ("产出指标(60分)") equal the sum of its indicators' 分值 (`label-points-mismatch`, at the label).
struct TotalsRule: Sendable {
    static let name = "TotalsRule"
    var rules: RuleSet

    struct Outcome: Sendable {
        var totalWeight: Decimal
        var totalScore: Decimal
        var diagnostics: [Diagnostic]
        var audit: AuditEntry
    }

    /// `sections`: the sections resolved by `SectionWeightRule` (resolved here, as the form states
    /// them, when not given).
    func evaluate(_ form: Form, budget: BudgetResult?, indicators: [IndicatorResult],
                  sections: [SectionWeight]? = nil) -> Outcome {
        let sections = sections ?? SectionWeightRule.resolve(indicators, rulesGiven: false)
        var diagnostics: [Diagnostic] = []
        // One pass over the scored indicators (by index and stored members: a row is not copied):
        // their 分值 and scores, added exactly (`DecimalRounding.sum`), and each score printed once
        // for both the audit's inputs and its formula.
        var weights: [Decimal] = [], scores: [Decimal] = []
        var inputs: [AuditEntry.Input] = []
        var terms: [String] = []
        if let budget {
            let points = ScoreText.points(budget.score, rules)
            inputs.append(AuditEntry.Input(Vocabulary.ScoringWords.executionRateName, points, at: budget.scoreCell))
            terms.append(points)
        }
        for i in indicators.indices where indicators[i].kind != .notScored {
            weights.append(indicators[i].weight ?? 0)
            scores.append(indicators[i].score)
            let points = ScoreText.points(indicators[i].score, rules)
            inputs.append(AuditEntry.Input(indicators[i].indicator.name.value.trimmed, points,
                                           at: indicators[i].indicator.score.cell))
            terms.append(points)
        }
        let totalWeight = DecimalRounding.sum([budget?.weight ?? 0, DecimalRounding.sum(weights)])
        let totalScore = DecimalRounding.sum([budget?.score ?? 0, DecimalRounding.sum(scores)])

        if totalWeight != 100 {
            let cell = form.total?.weight?.cell ?? form.total?.label
                ?? form.indicators.first?.weight.cell ?? CellAddress(row: 1, column: 1)
            diagnostics.append(Diagnostic(.weightsNot100, at: form.location(cell),
                                          Message.weightsNot100(ScoreText.plain(totalWeight))))
        }
        diagnostics += labelPointsMismatches(form, sections: sections)

        let formula = "\(Vocabulary.ScoringWords.formulaTotal) = \(terms.joined(separator: " + ")) = \(ScoreText.points(totalScore, rules))"
        let audit = AuditEntry(rule: Self.name, inputs: inputs, formula: formula, awarded: totalScore,
                               possible: totalWeight)
        return Outcome(totalWeight: totalWeight, totalScore: totalScore, diagnostics: diagnostics, audit: audit)
    }

    /// One warning per section whose label states points its indicators' 分值 do not add up to
    /// (`label-points-mismatch`, at the label): the form's own inconsistency, whatever the rule set.
    /// Where `--rules` forces another weight than the label's, a note says so
    /// (`section-weight-overridden`). A default the form does not state is not checked (a form
    /// may set its own split).
    private func labelPointsMismatches(_ form: Form, sections: [SectionWeight]) -> [Diagnostic] {
        var out: [Diagnostic] = []
        for section in sections {
            guard let stated = section.stated else { continue }
            if stated != section.indicatorsWeight {
                out.append(Diagnostic(.labelPointsMismatch, at: form.location(section.cell),
                                      Message.labelPointsMismatch(
                                          label: section.label, points: ScoreText.plain(stated),
                                          sum: ScoreText.plain(section.indicatorsWeight))))
            }
            if section.source == .rulesGiven, let weight = section.weight, weight != stated {
                out.append(Diagnostic(.sectionWeightOverridden, at: form.location(section.cell),
                                      Message.sectionWeightOverridden(
                                          name: section.name, stated: ScoreText.plain(stated),
                                          forced: ScoreText.plain(weight))))
            }
        }
        return out
    }
}

extension TotalsRule {
    enum Message {
        static func labelPointsMismatch(label: String, points: String, sum: String) -> String {
            "一级指标“\(label)”标注\(points)分,其下三级指标分值合计\(sum)分。"
        }
        static func weightsNot100(_ sum: String) -> String { "各项分值(含预算执行率)合计\(sum)分,应为100分。" }
        /// `section-weight-overridden`: `--rules` forces another section weight than the label's.
        static func sectionWeightOverridden(name: String, stated: String, forced: String) -> String {
            "一级指标“\(name)”表头标注\(stated)分,按指定的评分规则(--rules)计为\(forced)分。"
        }
    }
}
