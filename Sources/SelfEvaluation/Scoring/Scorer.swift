import Foundation

/// The scoring engine: runs the rules, in order, over a form.
///
/// 0. `LevelInference`: a blank 一级 cell takes the family of its new 二级 group; `SectionPointsWeight`:
///    without a 分值 column, a block's stated points give its marked-down row its 分值;
/// 1. the rule set: given, or read from the notes (`RuleSetDetection`);
/// 2. `BudgetExecutionRule` (预算执行率);
/// 3. per indicator: `DirectionRule`, `QuantitativeIndicatorRule` + `FilledScoreRule`, or
///    `TierReader` + `QualitativeTierRule`; then `ReasonRule`;
/// 4. `NotFilledRule` (nothing filled in: not graded), `SectionWeightRule` (each section's 分值 and
///    its source), `TotalsRule`, `GradeRule`;
/// 5. lints: `YearLint`, `DuplicateIndicatorLint`, `PrintedTotalsLint`, `StatedTotalLint`.
///
/// Every number is a `Decimal` rounded half up to the rule set's decimals; the total is the sum
/// of the rounded scores.
public enum Scorer {
    /// Scores a form.
    ///
    /// - Parameter rules: the rule set to apply; nil reads it from the form's notes ("80-50%" →
    ///   legacy, "80-60%" → 2020, nothing → 2020).
    /// - Throws: `FormError` only when the form cannot be scored at all (a budget of 0: `budget-zero`).
    public static func score(_ form: Form, rules: RuleSet? = nil) throws(FormError) -> ScoredForm {
        var form = form
        let levelDiagnostics = LevelInference.apply(&form)  // a blank 一级 where a new 二级 group begins
        let sectionWeightDiagnostics = SectionPointsWeight.apply(&form)  // no 分值 column: a block's stated points
        let detection = rules.map { RuleSetDetection.Detection(ruleSet: $0, choice: .given, diagnostics: []) }
            ?? RuleSetDetection.detect(in: form)
        let ruleSet = detection.ruleSet
        var diagnostics = detection.diagnostics + levelDiagnostics + sectionWeightDiagnostics
        var audit: [AuditEntry] = []

        let budgetOutcome = try BudgetExecutionRule(rules: ruleSet, rulesGiven: rules != nil).evaluate(form)
        diagnostics += budgetOutcome.diagnostics
        audit += budgetOutcome.result?.audit ?? []

        let evaluator = IndicatorEvaluator(rules: ruleSet)
        let reasons = ReasonRule(rules: ruleSet)
        var indicators: [IndicatorResult] = []
        // Each result is made in place (a local copy cost a copy of the row).
        for i in form.indicators.indices {
            indicators.append(evaluator.evaluate(form.indicators[i], in: form, diagnostics: &diagnostics))
            if let warning = reasons.apply(&indicators[i], in: form) { diagnostics.append(warning) }
            audit += indicators[i].audit
        }

        let graded = !NotFilledRule.applies(indicators)
        if !graded {
            NotFilledRule.apply(&indicators, diagnostics: &diagnostics, form: form)
            audit.removeAll { $0.rule == ReasonRule.name }
        }

        let sections = SectionWeightRule.resolve(indicators, rulesGiven: rules != nil)
        let totals = TotalsRule(rules: ruleSet).evaluate(form, budget: budgetOutcome.result, indicators: indicators,
                                                         sections: sections)
        diagnostics += totals.diagnostics
        audit.append(totals.audit)
        let gradeRule = GradeRule(rules: ruleSet)
        let grade = gradeRule.grade(totals.totalScore)
        audit.append(gradeRule.audit(totals.totalScore, grade: grade, possible: totals.totalWeight))

        diagnostics += YearLint().check(form)
        diagnostics += DuplicateIndicatorLint().check(form)
        if graded {
            diagnostics += PrintedTotalsLint(rules: ruleSet).check(form, totalWeight: totals.totalWeight,
                                                                   totalScore: totals.totalScore, grade: grade)
            diagnostics += StatedTotalLint(rules: ruleSet).check(form, totalScore: totals.totalScore)
        }

        // Only warnings and errors need a human; notes (over-achievement …) do not (Severity).
        // A form with nothing filled in is not graded, and always needs a human.
        let needsReview = budgetOutcome.result == nil || diagnostics.needReview || !graded
        var scored = ScoredForm(form: form, ruleSet: ruleSet, ruleSetChoice: detection.choice,
                                budget: budgetOutcome.result, indicators: indicators, totalWeight: totals.totalWeight,
                                totalScore: totals.totalScore, grade: grade, diagnostics: sortedByPlace(diagnostics),
                                needsReview: needsReview, audit: audit)
        scored.isGraded = graded
        scored.sections = sections
        return scored
    }

    /// Diagnostics ordered by row, then column; the rules' order is kept within a cell.
    static func sortedByPlace(_ diagnostics: [Diagnostic]) -> [Diagnostic] {
        diagnostics.enumerated().sorted { lhs, rhs in
            let l = lhs.element.location
            let r = rhs.element.location
            if l.row != r.row { return l.row < r.row }
            if l.column != r.column { return l.column < r.column }
            return lhs.offset < rhs.offset
        }.map(\.element)
    }
}
