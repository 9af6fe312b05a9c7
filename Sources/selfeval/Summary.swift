import SelfEvaluation

/// One-line descriptions of forms for the terminal, in Chinese.
enum Summary {
    static func checkLine(_ form: Form) -> String {
        let doc = form.document
        let scored = form.scoredIndicators
        let l1 = Set(scored.map(\.level1.value)).count
        let l2 = Set(scored.map { $0.level1.value + "/" + $0.level2.value }).count
        return CLIWords.checkLine(source: form.source, template: form.template, unit: form.unit?.value,
                                  year: form.year?.value, indicators: scored.count, level1: l1, level2: l2,
                                  encoding: doc.encoding.rawValue, bom: doc.hadByteOrderMark,
                                  tab: doc.separator == "\t", sheet: doc.sheet, rows: doc.rows.count, layout: form.layout)
    }

    static func scoreLine(_ scored: ScoredForm) -> String {
        let rules = scored.ruleSet
        let total = scored.isGraded ? scored.totalScore.fixed(rules.decimals) : "—"
        return CLIWords.scoreLine(total: total, weight: scored.totalWeight.plainText,
                                  grade: scored.gradeLabel, rules: rules.name, needsReview: scored.needsReview)
    }
}
