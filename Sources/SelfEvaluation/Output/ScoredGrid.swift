import Foundation

/// The scored form as the template's own grid: every input cell, with the cells the engine
/// computes (执行率, 得分, 总分, 自评结论, generated reasons) replaced by their values.
/// The CSV writer writes it as it is; the XLSX layout takes its texts from it, so every
/// input cell reaches every output.
public struct ScoredGrid: Sendable {
    /// Rows of cells; `rows[0]` is row 1. Every row has at least `minimumWidth` cells.
    public var rows: [[String]]
    /// The cells the engine wrote, with why (for comments).
    public var computed: [CellAddress: ComputedCell]

    /// The official grid has 9 columns (A..I).
    public static let minimumWidth = 9

    /// A cell the engine wrote.
    public struct ComputedCell: Sendable, Equatable {
        public enum Role: String, Sendable {
            case executionRate, budgetScore, indicatorScore, reason, totalWeight, totalScore, conclusion
        }
        public var role: Role
        /// The number behind the text, for rates and scores.
        public var number: Decimal?
        /// Why the engine filled or changed the cell; nil when it only confirmed it.
        public var comment: String?
        /// Whether the text differs from what the form held.
        public var changed: Bool
    }

    public init(_ scored: ScoredForm) {
        let width = max(Self.minimumWidth, scored.form.document.width)
        // A row already `width` wide is kept as it is (shared, not copied).
        var rows = scored.form.document.rows.map { row in
            row.count >= width ? row : row + Array(repeating: "", count: width - row.count)
        }
        var computed: [CellAddress: ComputedCell] = [:]
        let decimals = scored.ruleSet.decimals

        func set(_ cell: CellAddress?, _ text: String, _ role: ComputedCell.Role, number: Decimal?, comment: String?) {
            guard let cell, cell.row >= 1, cell.column >= 1 else { return }
            while rows.count < cell.row { rows.append(Array(repeating: "", count: width)) }
            while rows[cell.row - 1].count < cell.column { rows[cell.row - 1].append("") }
            let old = rows[cell.row - 1][cell.column - 1]
            rows[cell.row - 1][cell.column - 1] = text
            computed[cell] = ComputedCell(role: role, number: number, comment: comment,
                                          changed: LabelTextCompare.differ(old, text, number: number))
        }

        if let budget = scored.budget {
            set(budget.rateCell, (budget.executionRate * 100).fixed(2) + "%", .executionRate,
                number: budget.executionRate, comment: nil)
            set(budget.scoreCell, budget.score.fixed(decimals), .budgetScore, number: budget.score,
                comment: budget.scoreChanged ? budget.comment : nil)
        }
        for result in scored.indicators where result.isScored {
            set(result.indicator.score.cell, result.score.fixed(decimals), .indicatorScore, number: result.score,
                comment: result.scoreChanged ? result.comment : nil)
            if result.reasonGenerated, let cell = result.indicator.reason?.cell {
                set(cell, result.reason, .reason, number: nil, comment: Vocabulary.OutputMessage.generatedReason)
            }
        }
        if let total = scored.form.total {
            set(total.weight?.cell, scored.totalWeight.plainText, .totalWeight, number: scored.totalWeight, comment: nil)
            if scored.isGraded {
                set(total.score?.cell, scored.totalScore.fixed(decimals), .totalScore, number: scored.totalScore, comment: nil)
            } else {
                set(total.score?.cell, scored.gradeLabel, .totalScore, number: nil, comment: nil)
            }
        }
        if let conclusion = scored.form.conclusion {
            set(conclusion.cell, scored.conclusion, .conclusion, number: nil, comment: nil)
        }
        self.rows = rows
        self.computed = computed
    }

    /// The text at a 1-based cell; empty outside the grid.
    public subscript(cell: CellAddress) -> String {
        guard cell.row >= 1, cell.row <= rows.count, cell.column >= 1, cell.column <= rows[cell.row - 1].count else {
            return ""
        }
        return rows[cell.row - 1][cell.column - 1]
    }
}

/// Whether a computed text really changes what the form held ("4" and "4.00", "100%" and
/// "100.00%" do not): the workbook's comments and the scored CSV's markers ask it.
package enum LabelTextCompare {
    package static func differ(_ old: String, _ new: String, number: Decimal?) -> Bool {
        let o = LabelText.trim(old)
        if o == new { return false }
        guard let number else { return true }
        if let value = try? ValueParser.optionalNumber(o) {
            if o.hasSuffix("%") || o.hasSuffix("％") { return value != number * 100 }
            return value != number
        }
        return true
    }
}
