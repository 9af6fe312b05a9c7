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

    func evaluate(_ form: Form, budget: BudgetResult?, indicators: [IndicatorResult]) -> Outcome {
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
        diagnostics += labelPointsMismatches(form, indicators: indicators)

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

    /// One warning per first-level label whose printed points differ from its indicators' 分值.
    private func labelPointsMismatches(_ form: Form, indicators: [IndicatorResult]) -> [Diagnostic] {
        // Groups in order of first appearance; a form has a handful, so a linear look-up (and
        // reading the results in place, without copying them) beats a dictionary.
        var groups: [(cell: CellAddress, label: String, points: Decimal, sum: Decimal)] = []
        for i in indicators.indices where !indicators[i].indicator.isPlaceholder {
            guard let points = indicators[i].indicator.level1Points else { continue }
            let key = indicators[i].indicator.level1.cell
            let g: Int
            if let found = groups.firstIndex(where: { $0.cell == key }) {
                g = found
            } else {
                groups.append((key, indicators[i].indicator.level1Label.trimmed, points, 0))
                g = groups.count - 1
            }
            groups[g].sum += indicators[i].isScored ? (indicators[i].weight ?? 0) : 0
        }
        return groups.compactMap { group in
            guard group.points != group.sum else { return nil }
            return Diagnostic(.warning, "label-points-mismatch", at: form.location(group.cell),
                              Vocabulary.ScoringMessage.labelPointsMismatch(label: group.label,
                                                                            points: ScoreText.plain(group.points),
                                                                            sum: ScoreText.plain(group.sum)))
        }
    }
}
