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
        let result = scored.scored
        let form = result.form
        var row = SummaryRow(
            source: source,
            templateLabel: form.template == .project ? SummaryWords.projectTemplate : SummaryWords.departmentTemplate,
            unit: form.unit?.value ?? "", project: form.projectName?.value ?? "", supervisor: form.supervisor?.value ?? "",
            year: form.year?.value, budget: result.budget?.adjusted, executionRate: result.budget?.executionRate,
            total: result.isGraded ? result.totalScore : nil, grade: result.gradeLabel, needsReview: result.needsReview,
            succeeded: true)
        row.filledOn = form.filledOn?.value.trimmingCharacters(in: .whitespacesAndNewlines) ?? ""
        let cells = labelRows(form.document.rows)
        row.contact = labelled(contactLabels, in: cells) ?? ""
        row.phone = labelled(phoneLabels, in: cells) ?? ""
        row.rules = RuleSetNames.label(result.ruleSet.name)
        row.totalWeight = result.totalWeight
        row.budgetScore = result.budget?.score
        (row.outputScore, row.benefitScore, row.satisfactionScore) = subtotals(result.indicators)
        for diagnostic in scored.diagnostics where diagnostic.severity >= .warning {
            if diagnostic.severity == .warning { row.warnings += 1 }
            row.warningTexts.append("\(diagnostic.location.row):\(diagnostic.location.columnLetter) \(diagnostic.message)")
        }
        return row
    }

    /// The words of the subtotals' 一级指标 families, in the order of ``subtotals(_:)``'s result.
    static let subtotalWords = ["产出", "效益", "满意"]

    /// The sums of the scores of the scored indicators whose 一级指标 contains 产出, 效益 or 满意
    /// (each nil when no indicator does), in one pass: the indicators of one section share their
    /// 一级指标, so the words are looked for once per run of the same text.
    static func subtotals(_ indicators: [IndicatorResult]) -> (output: Decimal?, benefit: Decimal?, satisfaction: Decimal?) {
        var sums: [Decimal?] = [nil, nil, nil]
        var level1: String?
        var holds = [false, false, false]
        for result in indicators where result.isScored {
            let text = result.indicator.level1.value
            if level1.map({ !$0.utf8.elementsEqual(text.utf8) }) ?? true {
                holds = subtotalWords.map { text.contains($0) }
                level1 = text
            }
            for family in 0..<3 where holds[family] { sums[family] = (sums[family] ?? 0) + result.score }
        }
        return (sums[0], sums[1], sums[2])
    }

    /// The rows of `rows` that may hold a label, trimmed, for ``labelled(_:in:)``: only a row
    /// with a cell holding one of the labels can give a value (the value is in the label's own
    /// cell or later in its row), so the others are skipped, not trimmed.
    static func labelRows(_ rows: [[String]]) -> [[Substring]] {
        rows.filter { $0.contains(where: mayHoldLabel) }.map { $0.map(trimmed) }
    }

    /// The UTF-8 bytes of every label, contact and phone: each starts with a 3-byte character.
    static let labelBytes = (contactLabels + phoneLabels).map { Array($0.utf8) }

    /// Whether `text` may start, once trimmed, with one of the labels: whether its UTF-8 holds a
    /// label's. A cheap test that lets no label through: `hasPrefix` compares canonically
    /// equivalent text, but no character of the labels has another encoding (no compatibility
    /// ideograph or other code point normalizes to any of them), so a cell that starts with a
    /// label holds the label's very bytes.
    static func mayHoldLabel(_ text: String) -> Bool {
        var text = text
        return text.withUTF8(holdsLabel)
    }

    /// Each label's first character as its three UTF-8 bytes in one number (lead byte highest).
    static let labelFirstCharacters = labelBytes.map { UInt32($0[0]) << 16 | UInt32($0[1]) << 8 | UInt32($0[2]) }

    /// Whether `bytes` (valid UTF-8) hold one of the labels: tried at each 3-byte character (a
    /// label starts with one) that is a label's first, the text walked character by character.
    static func holdsLabel(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard bytes.count >= 6 else { return false }  // the shortest label, 电话, is 6 bytes
        let labels = labelBytes, firsts = labelFirstCharacters
        var start = 0
        while start + 6 <= bytes.count {
            let lead = bytes[start]
            guard lead >= 0xE0, lead < 0xF0 else {
                start += lead < 0x80 ? 1 : lead < 0xE0 ? 2 : 4
                continue
            }
            let character = UInt32(lead) << 16 | UInt32(bytes[start + 1]) << 8 | UInt32(bytes[start + 2])
            for (index, first) in firsts.enumerated() where first == character {
                let label = labels[index]
                if label.count <= bytes.count - start, label.indices.allSatisfy({ bytes[start + $0] == label[$0] }) {
                    return true
                }
            }
            start += 3
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
