import SelfEvaluation

/// One-line descriptions of forms for the terminal.
enum Summary {
    static func checkLine(_ form: Form) -> String {
        let doc = form.document
        let unit = form.unit?.value ?? "?"
        let year = form.year.map { String($0.value) } ?? "?"
        let scored = form.scoredIndicators
        let l1 = Set(scored.map(\.level1.value)).count
        let l2 = Set(scored.map { $0.level1.value + "/" + $0.level2.value }).count
        let sep = doc.separator == "\t" ? "tab" : "comma"
        let bom = doc.hadByteOrderMark ? "+BOM" : ""
        return "\(form.source): \(form.template.rawValue) form, unit \(unit), year \(year), "
            + "\(scored.count) indicators (\(l1) first-level, \(l2) second-level), "
            + "encoding \(doc.encoding.rawValue)\(bom), \(sep)-separated, \(doc.rows.count) rows, layout \(form.layout)"
    }

    static func scoreLine(_ scored: ScoredForm) -> String {
        let rules = scored.ruleSet
        let total = scored.isGraded ? scored.totalScore.fixed(rules.decimals) : "—"
        return "total \(total) / \(scored.totalWeight.plainText), grade \(scored.gradeLabel), "
            + "rules \(rules.name)\(scored.needsReview ? ", needs review" : "")"
    }
}
