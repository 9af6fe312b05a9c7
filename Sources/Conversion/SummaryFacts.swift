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
        let cells = labelRows(form.document.rows)
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

    /// The rows of `rows` that may hold a label, trimmed, for ``labelled(_:in:)``: only a row
    /// with a cell holding one of the labels can give a value (the value is in the label's own
    /// cell or later in its row), so the others are skipped, not trimmed.
    static func labelRows(_ rows: [[String]]) -> [[Substring]] {
        rows.filter { $0.contains(where: mayHoldLabel) }.map { $0.map(trimmed) }
    }

    /// The UTF-8 bytes of every label, contact and phone.
    static let labelBytes = (contactLabels + phoneLabels).map { Array($0.utf8) }

    /// Whether `text` may start, once trimmed, with one of the labels: whether its UTF-8 holds a
    /// label's. A cheap test that lets no label through: `hasPrefix` compares canonically
    /// equivalent text, but no character of the labels has another encoding (no compatibility
    /// ideograph or other code point normalizes to any of them), so a cell that starts with a
    /// label holds the label's very bytes.
    static func mayHoldLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { cell in
            labelBytes.contains { holds(cell, $0) }
        }
    }

    /// Whether `bytes` hold `part` somewhere.
    static func holds(_ bytes: UnsafeBufferPointer<UInt8>, _ part: [UInt8]) -> Bool {
        guard let first = part.first, part.count <= bytes.count else { return false }
        for start in 0...(bytes.count - part.count) where bytes[start] == first {
            var matched = 1
            while matched < part.count, bytes[start + matched] == part[matched] { matched += 1 }
            if matched == part.count { return true }
        }
        return false
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
