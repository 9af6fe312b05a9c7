import Foundation

/// What the form printed in its 总分 row and 自评结论 against what was computed:
/// `printed-total-mismatch` (得分), `printed-total-weight-mismatch` (分值), `printed-grade-mismatch`.
struct PrintedTotalsLint: Sendable {
    static let name = "PrintedTotalsLint"
    var rules: RuleSet

    func check(_ form: Form, totalWeight: Decimal, totalScore: Decimal, grade: EvaluationGrade) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if let cell = form.total?.score, let printed = try? ValueParser.optionalNumber(cell.value), printed != totalScore {
            diagnostics.append(Diagnostic(.printedTotalMismatch, at: form.location(cell.cell),
                                          Message.printedTotalMismatch(
                                              printed: ScoreText.plain(printed),
                                              computed: ScoreText.points(totalScore, rules))))
        }
        // Without a 分值 column the total row's 分值 cell is its 得分 cell: no 总分值 is printed.
        if let cell = form.total?.weight, cell.cell != form.total?.score?.cell,
           let printed = try? ValueParser.optionalNumber(cell.value), printed != totalWeight {
            diagnostics.append(Diagnostic(.printedTotalWeightMismatch, at: form.location(cell.cell),
                                          Message.printedTotalWeightMismatch(
                                              printed: ScoreText.plain(printed),
                                              computed: ScoreText.plain(totalWeight))))
        }
        if let conclusion = form.conclusion, let printed = Self.printedGrade(conclusion.value), printed != grade {
            diagnostics.append(Diagnostic(.printedGradeMismatch, at: form.location(conclusion.cell),
                                          Message.printedGradeMismatch(printed: printed.label,
                                                                                         computed: grade.conclusion)))
        }
        return diagnostics
    }

    /// The grade a conclusion text names: the first grade label inside quotation marks
    /// (自评等级“优”), or, in a short text, its last character (自评等级:良).
    static func printedGrade(_ text: String) -> EvaluationGrade? {
        let trimmed = text.trimmed
        let quotes = Set(Vocabulary.ValueWords.quotePairs.flatMap { [$0.open, $0.close] })
        var inside = false
        for ch in trimmed {
            if quotes.contains(ch) { inside.toggle(); continue }
            if inside, let grade = EvaluationGrade(label: String(ch)) { return grade }
        }
        if trimmed.count <= 12, let last = trimmed.last { return EvaluationGrade(label: String(last)) }
        return nil
    }
}

extension PrintedTotalsLint {
    enum Message {
        static func printedTotalMismatch(printed: String, computed: String) -> String {
            "表中总分为\(printed),按各项得分合计应为\(computed)。"
        }
        static func printedTotalWeightMismatch(printed: String, computed: String) -> String {
            "表中总分值为\(printed),各项分值合计为\(computed)。"
        }
        static func printedGradeMismatch(printed: String, computed: String) -> String {
            "表中自评结论为“\(printed)”,按总分应为\(computed)。"
        }
    }
}
