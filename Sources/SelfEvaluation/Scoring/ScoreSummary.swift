import Foundation

/// A readable plain-text summary of a scored form (`selfeval score`): the rule set, the budget,
/// each indicator (target, actual, 分值, 得分 and what happened), the total and grade, and the
/// warnings as `file:row:col: warning: [code] message`. Scores print with the rule set's decimals,
/// the same numbers as the JSON report.
public enum ScoreSummary {
    /// Longest excerpt of a long text (names, qualitative targets and actuals).
    static let excerptLength = 30

    /// The summary; `includeWarnings: false` leaves the warnings out (the CLI prints them to stderr).
    public static func text(_ scored: ScoredForm, includeWarnings: Bool = true) -> String {
        typealias W = Vocabulary.ScoringWords
        let form = scored.form
        let rules = scored.ruleSet
        var lines: [String] = []

        lines.append(form.title?.value.trimmed ?? form.source)
        var header: [String] = []
        if let unit = form.unit?.value.trimmed { header.append("\(W.summaryUnit): \(unit)") }
        if let year = form.year?.value { header.append("\(W.summaryYear): \(year)") }
        if let filled = form.filledOnDate?.description ?? form.filledOn?.value.trimmed {
            header.append("\(W.summaryFilledOn): \(filled)")
        }
        if !header.isEmpty { lines.append(header.joined(separator: "  ")) }
        lines.append("\(W.summaryRules): \(rules.name) (\(choiceText(scored.ruleSetChoice)))")
        lines.append("")

        if let budget = scored.budget {
            var text = "\(W.summaryBudget): \(W.adjustedField)(A) \(ScoreText.money(budget.adjusted))\(Vocabulary.wanYuan), "
                + "\(W.executedField)(B) \(ScoreText.money(budget.executed))\(Vocabulary.wanYuan), "
                + "\(W.summaryRate) \(ScoreText.percent(budget.executionRate)), "
                + "\(W.summaryWeight) \(ScoreText.plain(budget.weight)), \(W.summaryScore) \(ScoreText.points(budget.score, rules))"
            if budget.scoredFromParts { text += " (\(W.summaryFromParts))" }
            lines.append(text)
            if let comment = budget.comment, budget.filledScore != nil { lines.append("    \(W.summaryChanged): \(comment)") }
        } else {
            lines.append("\(W.summaryBudget): \(W.summaryNone)")
        }
        lines.append("")

        lines.append("\(W.summaryIndicators):")
        for result in scored.indicators where !result.indicator.isPlaceholder {
            lines += indicatorLines(result, rules: rules)
        }
        lines.append("")

        let total = scored.isGraded ? ScoreText.points(scored.totalScore, rules) : "—"
        lines.append("\(W.summaryTotal): \(total) / \(ScoreText.plain(scored.totalWeight))  " + scored.conclusion)
        lines.append("\(W.summaryNeedsReview): \(scored.needsReview ? W.summaryYes : W.summaryNo)")

        let warnings = scored.warnings
        if includeWarnings && !warnings.isEmpty {
            lines.append("")
            lines.append("\(W.summaryWarnings) (\(warnings.count)):")
            lines += warnings.map(\.description)
        }
        return lines.joined(separator: "\n") + "\n"
    }

    private static func indicatorLines(_ result: IndicatorResult, rules: RuleSet) -> [String] {
        typealias W = Vocabulary.ScoringWords
        let indicator = result.indicator
        let path = [indicator.level1.value, indicator.level2.value, indicator.name.value]
            .map { excerpt($0.trimmed) }.joined(separator: " / ")
        var lines = ["  [\(indicator.row)] \(path)"]

        var kind = result.kind.label
        if let direction = result.direction { kind += "·" + direction.label }
        if let tier = result.tier { kind += "·" + tier.label }
        let weight = result.weight.map(ScoreText.plain) ?? W.summaryNone
        let score = result.isScored ? ScoreText.points(result.score, rules) : W.summaryNotScored
        lines.append("      \(W.summaryTarget): \(excerpt(indicator.targetText))  "
                     + "\(W.summaryActual): \(excerpt(indicator.actualText))  \(kind)  "
                     + "\(W.summaryWeight) \(weight)  \(W.summaryScore) \(score)")

        var notes: [String] = []
        if let ratio = result.ratio, result.kind == .quantitative { notes.append("\(W.summaryRatio) \(ScoreText.percent(ratio))") }
        if result.overAchieved { notes.append(W.summaryOverAchieved) }
        if !notes.isEmpty { lines.append("      " + notes.joined(separator: "; ")) }
        if let comment = result.comment { lines.append("      \(W.summaryChanged): \(comment)") }
        if !result.reason.isEmpty {
            lines.append("      \(W.summaryReason)\(result.reasonGenerated ? W.summaryGenerated : ""): \(result.reason)")
        }
        return lines
    }

    private static func choiceText(_ choice: RuleSetChoice) -> String {
        typealias W = Vocabulary.ScoringWords
        switch choice {
        case .given: return W.summaryRulesGiven
        case .fromNotes(let cell): return "\(W.summaryRulesFromNotes), \(W.summaryNoteRow(cell.row))"
        case .defaulted: return W.summaryRulesDefault
        }
    }

    private static func excerpt(_ text: String) -> String {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        return flat.count <= excerptLength ? flat : String(flat.prefix(excerptLength)) + "…"
    }
}
