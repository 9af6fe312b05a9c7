import CSV
import SelfEvaluation

/// A reason that selfeval wrote (the unit left 未完成原因分析 empty) starts with 【自动生成】 in the
/// scored CSV, so that a reader sees it is not the unit's own, and so that reading the CSV back
/// keeps the finding: the marker is taken off again, the reason is marked generated and the
/// `reason-generated` warning is reported as on the first reading (needs review).
enum GeneratedReasonMarker {
    static let marker = "【自动生成】"

    /// The scored CSV grid with every generated reason marked.
    static func mark(_ rows: [[String]], _ scored: ScoredForm) -> [[String]] {
        var rows = rows
        for result in scored.indicators where result.reasonGenerated {
            guard let cell = result.indicator.reason?.cell, cell.row >= 1, cell.row <= rows.count,
                  cell.column >= 1, cell.column <= rows[cell.row - 1].count else { continue }
            let text = rows[cell.row - 1][cell.column - 1]
            if !text.hasPrefix(marker) { rows[cell.row - 1][cell.column - 1] = marker + text }
        }
        return rows
    }

    /// A scored form read from a scored CSV: each reason starting with the marker is generated.
    static func readBack(_ scored: inout ScoredForm) {
        var found: [Diagnostic] = []
        for index in scored.indicators.indices {
            let reason = scored.indicators[index].reason
            guard reason.hasPrefix(marker) else { continue }
            scored.indicators[index].reason = String(reason.dropFirst(marker.count))
            guard !scored.indicators[index].reasonGenerated else { continue }
            scored.indicators[index].reasonGenerated = true
            let indicator = scored.indicators[index].indicator
            let cell = indicator.reason?.cell ?? indicator.score.cell
            found.append(Diagnostic(.reasonGenerated, at: scored.form.location(cell),
                                    Vocabulary.ScoringMessage.reasonGenerated))
        }
        guard !found.isEmpty else { return }
        scored.diagnostics = (scored.diagnostics + found).sorted {
            ($0.location.row, $0.location.column) < ($1.location.row, $1.location.column)
        }
        scored.needsReview = true
    }
}
