import Foundation

/// 自评等级 from the total, by the rule set's bands (default 优 ≥ 90, 良 ≥ 80, 中 ≥ 60, else 差).
struct GradeRule: Sendable {
    static let name = "GradeRule"
    var rules: RuleSet

    func grade(_ total: Decimal) -> EvaluationGrade {
        let bands = rules.gradeBands
        if total >= bands.excellent { return .excellent }
        if total >= bands.good { return .good }
        if total >= bands.fair { return .fair }
        return .poor
    }

    func audit(_ total: Decimal, grade: EvaluationGrade, possible: Decimal) -> AuditEntry {
        let bands = rules.gradeBands
        let bounds = [(EvaluationGrade.excellent, bands.excellent), (.good, bands.good), (.fair, bands.fair)]
            .map { "\($0.0.label) ≥ \(ScoreText.plain($0.1))" }.joined(separator: ", ")
        let formula = "\(bounds): \(ScoreText.points(total, rules)) → \(grade.label)"
        return AuditEntry(rule: Self.name, inputs: [AuditEntry.Input(Vocabulary.ScoringWords.summaryTotal,
                                                                     ScoreText.points(total, rules))],
                          formula: formula, awarded: total, possible: possible, note: grade.conclusion)
    }
}
