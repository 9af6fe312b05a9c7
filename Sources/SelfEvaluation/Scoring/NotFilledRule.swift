import Foundation

/// A form with nothing filled in — every scored indicator's 实际完成值 empty — is read and its
/// budget scored, but not graded: `ScoredForm.isGraded` is false (总分 and 等级 null in the JSON
/// report, 未评定 in the workbook and 汇总表), and one `not-filled` warning replaces the rows'
/// `actual-missing` and `reason-generated` warnings (no reason is generated for a form that was
/// never filled in).
enum NotFilledRule {
    /// The warnings one `not-filled` warning stands for.
    static let replacedCodes: Set<DiagnosticCode> = [.actualMissing, .reasonGenerated]

    /// Whether `indicators` (placeholders aside) exist and none has an actual.
    static func applies(_ indicators: [IndicatorResult]) -> Bool {
        // By index: a row is not copied.
        let rows = indicators.indices.filter { !indicators[$0].indicator.isPlaceholder }
        return !rows.isEmpty && rows.allSatisfy { indicators[$0].actual == .notGiven }
    }

    /// Drops the per-row warnings and generated reasons, and adds the one `not-filled` warning
    /// (at the first indicator's 实际完成值 cell).
    static func apply(_ indicators: inout [IndicatorResult], diagnostics: inout [Diagnostic], form: Form) {
        let rows = Set(indicators.map(\.indicator.row))
        diagnostics.removeAll { replacedCodes.contains($0.code) && rows.contains($0.location.row) }
        for i in indicators.indices where indicators[i].reasonGenerated {
            indicators[i].reason = indicators[i].indicator.reason?.value.trimmed ?? ""
            indicators[i].reasonGenerated = false
            indicators[i].audit.removeAll { $0.rule == ReasonRule.name }
        }
        let scored = indicators.filter { !$0.indicator.isPlaceholder }
        guard let first = scored.first else { return }
        diagnostics.append(Diagnostic(.notFilled, at: form.location(first.indicator.actual.cell),
                                      Message.notFilled(indicators: scored.count)))
    }
}

extension NotFilledRule {
    enum Message {
        static func notFilled(indicators: Int) -> String {
            "\(indicators)项绩效指标的实际完成值均未填写:本表尚未填报,只计算预算执行率,不评定总分和等级。"
        }
    }
}
