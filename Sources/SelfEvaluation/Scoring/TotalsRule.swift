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

    func evaluate(_ form: Form, budget: BudgetResult?, indicators: [IndicatorResult],
                  sections: [SectionWeight] = []) -> Outcome {
        var diagnostics: [Diagnostic] = []
        let scored = indicators.filter(\.isScored)
        let totalWeight = (budget?.weight ?? 0) + scored.reduce(Decimal(0)) { $0 + ($1.weight ?? 0) }
        let totalScore = (budget?.score ?? 0) + scored.reduce(Decimal(0)) { $0 + $1.score }

        if totalWeight != 100 {
            let cell = form.total?.weight?.cell ?? form.total?.label
                ?? form.indicators.first?.weight.cell ?? CellAddress(row: 1, column: 1)
            diagnostics.append(Diagnostic(.warning, "weights-not-100", at: form.location(cell),
                                          Vocabulary.ScoringMessage.weightsNot100(ScoreText.plain(totalWeight))))
        }
        diagnostics += labelPointsMismatches(form, sections: sections)

        var inputs: [AuditEntry.Input] = []
        if let budget { inputs.append(AuditEntry.Input(Vocabulary.ScoringWords.executionRateName,
                                                       ScoreText.points(budget.score, rules), at: budget.scoreCell)) }
        for result in scored {
            inputs.append(AuditEntry.Input(result.indicator.name.value.trimmed, ScoreText.points(result.score, rules),
                                           at: result.indicator.score.cell))
        }
        let terms = ([budget?.score].compactMap { $0 } + scored.map(\.score)).map { ScoreText.points($0, rules) }
        let formula = "\(Vocabulary.ScoringWords.formulaTotal) = \(terms.joined(separator: " + ")) = \(ScoreText.points(totalScore, rules))"
        let audit = AuditEntry(rule: Self.name, inputs: inputs, formula: formula, awarded: totalScore,
                               possible: totalWeight)
        return Outcome(totalWeight: totalWeight, totalScore: totalScore, diagnostics: diagnostics, audit: audit)
    }

    /// One warning per section whose 分值 — stated by its label, or the rule set's when `--rules`
    /// was given — differs from the sum of its indicators' 分值. A default the form does not state
    /// is not checked (a form may set its own split).
    private func labelPointsMismatches(_ form: Form, sections: [SectionWeight]) -> [Diagnostic] {
        sections.compactMap { section in
            guard let weight = section.weight, weight != section.indicatorsWeight else { return nil }
            let points = ScoreText.plain(weight)
            let sum = ScoreText.plain(section.indicatorsWeight)
            switch section.source {
            case .formLabel:
                return Diagnostic(.warning, "label-points-mismatch", at: form.location(section.cell),
                                  Vocabulary.ScoringMessage.labelPointsMismatch(label: section.label, points: points,
                                                                                sum: sum))
            case .rulesGiven:
                return Diagnostic(.warning, "label-points-mismatch", at: form.location(section.cell),
                                  Vocabulary.ScoringMessage.sectionRulesMismatch(
                                      name: section.name, points: points, stated: section.stated.map(ScoreText.plain),
                                      sum: sum))
            default:
                return nil
            }
        }
    }
}
