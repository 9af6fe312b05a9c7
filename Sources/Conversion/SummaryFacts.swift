import Foundation
import SelfEvaluation
import XLSXReport

/// The rule sets as a bureau names them: 2020 → 财预〔2020〕10号, legacy → 2017–2019 口径; a
/// rules file's own name as written.
public enum RuleSetNames {
    public static func label(_ name: String) -> String {
        switch name {
        case RuleSet.v2020.name: "财预〔2020〕10号"
        case RuleSet.legacy.name: "2017–2019 口径"
        default: name
        }
    }
}

/// What 汇总表 shows of a scored form beyond its totals: 填报日期, 联系人 and 电话 as written,
/// the subtotals of 产出 / 效益 / 满意度, and the warning texts.
public enum SummaryFacts {
    /// Labels of the person to call, in order of preference, and of the phone number.
    static let contactLabels = ["联系人", "填报人", "项目负责人", "经办人"]
    static let phoneLabels = ["联系电话", "电话", "联系方式"]

    /// The summary line of a scored form.
    public static func row(source: String, scored: Converter.Scored) -> SummaryRow {
        let form = scored.scored.form
        let project = form.projectName?.value
        var row = SummaryRow(
            source: source,
            templateLabel: form.template == .project ? SummaryWords.projectTemplate
                : SummaryWords.departmentTemplate,
            unit: form.unit?.value ?? "", project: project ?? "", supervisor: form.supervisor?.value ?? "",
            year: form.year?.value, budget: scored.scored.budget?.adjusted,
            executionRate: scored.scored.budget?.executionRate,
            total: scored.scored.isGraded ? scored.scored.totalScore : nil, grade: scored.scored.gradeLabel, warnings: scored.diagnostics.filter { $0.severity == .warning }.count,
            needsReview: scored.scored.needsReview, succeeded: true)
        row.filledOn = form.filledOn?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let cells = form.document.rows.map { $0.map(trimmed) }  // once per form, not per label
        row.contact = labelled(contactLabels, in: cells) ?? ""
        row.phone = labelled(phoneLabels, in: cells) ?? ""
        row.rules = RuleSetNames.label(scored.scored.ruleSet.name)
        row.totalWeight = scored.scored.totalWeight
        row.budgetScore = scored.scored.budget?.score
        row.outputScore = subtotal(scored.scored, "产出")
        row.benefitScore = subtotal(scored.scored, "效益")
        row.satisfactionScore = subtotal(scored.scored, "满意")
        row.warningTexts = scored.diagnostics.filter { $0.severity >= .warning }.map {
            "\($0.location.row):\($0.location.columnLetter) \($0.message)"
        }
        return row
    }

    /// The sum of the scores of the indicators whose 一级指标 contains `word`; nil when none does.
    static func subtotal(_ scored: ScoredForm, _ word: String) -> Decimal? {
        let matching = scored.indicators.filter { $0.isScored && $0.indicator.level1.value.contains(word) }
        guard !matching.isEmpty else { return nil }
        return matching.reduce(Decimal(0)) { $0 + $1.score }
    }

    /// `text` without white space (line breaks included) at either end.
    static func trimmed(_ text: String) -> Substring {
        guard let first = text.firstIndex(where: { !$0.isWhitespace }),
              let last = text.lastIndex(where: { !$0.isWhitespace }) else { return "" }
        return text[first...last]
    }

    /// The value written after one of `labels` in any cell (`cells`: the form's cells, trimmed)
    /// ("联系人: 肖科", or "联系人" with the value in the next non-empty cell of its row); the
    /// first label wins.
    static func labelled(_ labels: [String], in cells: [[Substring]]) -> String? {
        for label in labels {
            for row in cells {
                for (index, text) in row.enumerated() where text.hasPrefix(label) {
                    var rest = trimmed(String(text.dropFirst(label.count)))
                    if rest.hasPrefix(":") || rest.hasPrefix("\u{FF1A}") { rest = trimmed(String(rest.dropFirst())) }
                    else if !rest.isEmpty { continue }  // "联系人员…": another label
                    if !rest.isEmpty { return String(rest.prefix(60)) }
                    if let value = row[(index + 1)...].first(where: { !$0.isEmpty }) {
                        if !labels.contains(where: value.hasPrefix) && !phoneLabels.contains(where: value.hasPrefix)
                            && !contactLabels.contains(where: value.hasPrefix) {
                            return String(value.prefix(60))
                        }
                    }
                }
            }
        }
        return nil
    }
}
