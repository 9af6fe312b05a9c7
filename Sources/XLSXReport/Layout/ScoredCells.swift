import Foundation
import SelfEvaluation

/// What the form sheet writes into a cell instead of its text.
public enum FormCellContent: Hashable, Sendable {
    /// A number with an Excel number format (nil: `General`).
    case number(Decimal, format: String?)
    /// A program-built formula with its cached result (the engine's value) and number format.
    case formula(String, cached: Decimal, format: String?)
    /// A program-built formula whose result is text (自评等级 from 总分), with its cached text.
    case textFormula(String, cached: String)

    /// The value shown (the number, or the formula's cached result); 0 for a text formula.
    public var value: Decimal {
        switch self {
        case .number(let value, _), .formula(_, let value, _): value
        case .textFormula: 0
        }
    }

    /// The number format.
    public var format: String? {
        switch self {
        case .number(_, let format), .formula(_, _, let format): format
        case .textFormula: nil
        }
    }
}

/// The numbers, formulas and comments of a scored form's sheet, keyed by 0-based cell.
///
/// - Money cells (年初预算数, 全年预算数, 全年执行数) become numbers with format `0.00`, 分值 cells
///   numbers, when their text is written as a plain number; anything else stays text. The numbers
///   are the scoring's (`BudgetRowAmounts`, `IndicatorResult.writtenWeight`): nothing is parsed here.
/// - 执行率 is `=ROUND(IF(E6=0,0,F6/E6),4)` (format `0.00%`): the engine rounds the rate to 4
///   decimals before scoring, so the formula does too and its cached value is exactly the
///   engine's. When the budget was scored from the rows below a zero 年度资金总额 row, the
///   formula sums those rows (`SUM(E7:E9)`) and the cell gets a comment saying so.
/// - The budget 得分 is `=ROUND(G6*MIN(H6,1),2)` (the rule set's decimals), 总分 is the budget
///   得分 cell plus `SUM` of the indicator 得分 column over the indicator rows.
/// - A formula is written only when its inputs are numbers in the sheet and its result,
///   recomputed here from them, equals the engine's value; otherwise the engine's value is
///   written as a number, with a comment. So the cached values are always right.
public struct ScoredCells: Sendable {
    /// Cells written as numbers or formulas.
    public private(set) var contents: [SheetCell: FormCellContent] = [:]
    /// Comments (notes) on cells the engine filled or changed, saying why.
    public private(set) var comments: [SheetCell: String] = [:]
    /// Cells shown in the marked style (``FormSheetWriter/markedFill``): a reason the engine
    /// generated, a score (得分, 预算执行率得分, 总分) it replaced. The legend goes under the table.
    public private(set) var marked: Set<SheetCell> = []

    /// The number format of money cells.
    public static let moneyFormat = "0.00"
    /// The number format of 执行率.
    public static let rateFormat = "0.00%"

    /// The number format of scores with `decimals` decimals ("0", "0.0", "0.00").
    public static func scoreFormat(decimals: Int) -> String {
        decimals <= 0 ? "0" : "0." + String(repeating: "0", count: decimals)
    }

    /// The contents and comments of `scored`, whose texts are `grid`.
    public init(_ scored: ScoredForm, grid: ScoredGrid) {
        let form = scored.form
        let decimals = scored.ruleSet.decimals
        let scoreFormat = Self.scoreFormat(decimals: decimals)

        // Input numbers, as the scoring read them.
        if let budget = form.budget, let amounts = scored.budget?.rows {
            for (row, amount) in zip(budget.rows, amounts) {
                setPlainNumber(row.initial?.cell, amount.initial, grid, Self.moneyFormat)
                setPlainNumber(row.adjusted?.cell, amount.adjusted, grid, Self.moneyFormat)
                setPlainNumber(row.executed?.cell, amount.executed, grid, Self.moneyFormat)
                setPlainNumber(row.weight?.cell, amount.weight, grid, nil)
            }
        }
        for result in scored.indicators { setPlainNumber(result.indicator.weight.cell, result.writtenWeight, grid, nil) }

        // Computed numbers (scores of indicators, total weight), as the engine has them.
        for (address, computed) in grid.computed {
            guard let number = computed.number else { continue }
            switch computed.role {
            case .indicatorScore, .budgetScore, .totalScore: set(address, .number(number, format: scoreFormat))
            case .totalWeight: set(address, .number(number, format: nil))
            case .executionRate: set(address, .number(number, format: Self.rateFormat))
            case .reason, .conclusion: break
            }
        }

        if let budget = scored.budget { addBudgetFormulas(budget, form: form, decimals: decimals) }
        if scored.isGraded {
            addTotalFormula(scored, decimals: decimals)
            addGradeFormula(scored, grid: grid)
        }

        // Comments on every cell the engine filled or changed.
        for (address, computed) in grid.computed where computed.comment != nil || computed.changed {
            let original = LabelText.trim(form.document[address.row, address.column])
            var text = computed.comment ?? Self.defaultComment(computed.role)
            if computed.changed, !original.isEmpty, !text.contains(original) {
                text += WorkbookWords.originalValue(original)
            }
            addComment(address, text)
            switch computed.role {
            case .reason: marked.insert(Self.sheetCell(address))
            case .indicatorScore, .budgetScore, .totalScore:
                if computed.changed && !original.isEmpty { marked.insert(Self.sheetCell(address)) }
            default: break
            }
        }
    }

    // MARK: Building

    private static func sheetCell(_ address: CellAddress) -> SheetCell {
        SheetCell(row: address.row - 1, column: address.column - 1)
    }

    private mutating func set(_ address: CellAddress?, _ content: FormCellContent) {
        guard let address, address.row >= 1, address.column >= 1 else { return }
        contents[Self.sheetCell(address)] = content
    }

    private mutating func addComment(_ address: CellAddress, _ text: String) {
        guard address.row >= 1, address.column >= 1 else { return }
        let cell = Self.sheetCell(address)
        if let existing = comments[cell] {
            if !existing.contains(text) { comments[cell] = existing + "\n" + text }
        } else {
            comments[cell] = text
        }
    }

    /// A number cell holding `number` (the scoring's reading of the cell) when the cell's text is
    /// written as a plain number ("702.71", "1,234.5", "10"); text otherwise.
    private mutating func setPlainNumber(_ address: CellAddress?, _ number: Decimal?, _ grid: ScoredGrid, _ format: String?) {
        guard let address, let number, Self.isPlainNumber(grid[address]) else { return }
        set(address, .number(number, format: format))
    }

    /// Whether a text is made only of digits, one sign, separators and a point (so "235.11万元",
    /// "10分" and "—" stay text, as written), with at least one digit. Read scalar by scalar: each
    /// character it accepts is one scalar that joins no other.
    static func isPlainNumber(_ text: String) -> Bool {
        var digits = false
        for scalar in LabelText.trim(text).unicodeScalars {
            switch scalar.value {
            case 0x30...0x39, 0xFF10...0xFF19: digits = true  // 0–9, ０–９
            case 0x2E, 0x2C, 0xFF0C, 0xFF0E, 0x2B, 0x2D, 0xFF0D: break  // . , ， ． + - －
            default: return false
            }
        }
        return digits
    }

    private func value(_ address: CellAddress) -> Decimal? { contents[Self.sheetCell(address)]?.value }

    /// `E7:E9` for consecutive rows, else `E7,E9`.
    private static func reference(_ cells: [CellAddress]) -> String {
        let rows = cells.map(\.row)
        if let first = cells.first, cells.count > 1, let last = rows.max(),
           cells.allSatisfy({ $0.column == first.column }), rows == Array(first.row...last) {
            return "\(first):\(CellAddress(row: last, column: first.column))"
        }
        return cells.map(\.description).joined(separator: ",")
    }

    private mutating func addBudgetFormulas(_ budget: BudgetResult, form: Form, decimals: Int) {
        guard let table = form.budget, let adjustedColumn = table.columns.adjusted,
              let executedColumn = table.columns.executed, let total = table.totalRow else { return }
        let sourceRows: [BudgetRow] = budget.scoredFromParts ? table.partRows : [total]
        guard !sourceRows.isEmpty else { return }
        let adjustedCells = sourceRows.map { CellAddress(row: $0.name.cell.row, column: adjustedColumn) }
        let executedCells = sourceRows.map { CellAddress(row: $0.name.cell.row, column: executedColumn) }

        // 执行率: a formula when the sheet holds, as numbers, the amounts the engine divided (so the
        // formula's result is the engine's rate): the total row's, or the sum of the rows below it.
        func operand(_ cells: [CellAddress]) -> (reference: String, value: Decimal?) {
            guard budget.scoredFromParts else { return (cells[0].description, value(cells[0])) }
            return ("SUM(\(Self.reference(cells)))", cells.reduce(Decimal(0)) { $0 + (value($1) ?? 0) })
        }
        let (adjusted, a) = operand(adjustedCells)
        let (executed, b) = operand(executedCells)
        let rateExpression = a == budget.adjusted && b == budget.executed
            ? "ROUND(IF(\(adjusted)=0,0,\(executed)/\(adjusted)),4)" : nil
        if let rateCell = budget.rateCell {
            if let rateExpression {
                set(rateCell, .formula("=" + rateExpression, cached: budget.executionRate, format: Self.rateFormat))
                if budget.scoredFromParts { addComment(rateCell, WorkbookWords.rateFromParts) }
            } else {
                set(rateCell, .number(budget.executionRate, format: Self.rateFormat))
                addComment(rateCell, WorkbookWords.formulaDropped)
            }
        }

        // 得分
        guard let scoreCell = budget.scoreCell else { return }
        let format = Self.scoreFormat(decimals: decimals)
        // The rate cell when it holds the formula, else the expression itself (no rate column).
        let rateReference = rateExpression.map { budget.rateCell?.description ?? $0 }
        let weightReference = budget.weightCell.flatMap { value($0) == budget.weight ? $0.description : nil }
            ?? budget.weight.plainText
        // The formula rounds the 4-decimal rate cell, the engine the exact rate (and clamps at 0):
        // they agree on nearly every form, and where they do not the engine's score is written.
        let expected = DecimalRounding.round(budget.weight * min(budget.executionRate, 1), places: decimals)
        if let rateReference, expected == budget.score {
            set(scoreCell, .formula("=ROUND(\(weightReference)*MIN(\(rateReference),1),\(decimals))",
                                    cached: budget.score, format: format))
        } else {
            set(scoreCell, .number(budget.score, format: format))
            addComment(scoreCell, WorkbookWords.formulaDropped)
        }
    }

    private mutating func addTotalFormula(_ scored: ScoredForm, decimals: Int) {
        guard let totalCell = scored.form.total?.score?.cell, let header = scored.form.indicatorHeader else { return }
        let format = Self.scoreFormat(decimals: decimals)
        let rows = scored.form.indicators.map(\.row)
        var terms: [String] = []
        var sum = Decimal(0)
        if let budget = scored.budget {
            if let cell = budget.scoreCell, let value = value(cell) {
                terms.append(cell.description)
                sum += value
            } else {
                terms.append(budget.score.plainText)
                sum += budget.score
            }
        }
        if let first = rows.min(), let last = rows.max() {
            let top = CellAddress(row: first, column: header.score)
            let bottom = CellAddress(row: last, column: header.score)
            terms.append("SUM(\(top):\(bottom))")
            for row in first...last {
                if let score = value(CellAddress(row: row, column: header.score)) { sum += score }
            }
        }
        if !terms.isEmpty, sum == scored.totalScore {
            set(totalCell, .formula("=" + terms.joined(separator: "+"), cached: scored.totalScore, format: format))
        } else {
            set(totalCell, .number(scored.totalScore, format: format))
            addComment(totalCell, WorkbookWords.formulaDropped)
        }
    }

    /// 自评等级 as a formula of the 总分 cell over the rule set's grade bands, so that the grade
    /// follows 总分 when a figure is edited; written only where the engine writes the conclusion
    /// and 总分 is a number or formula in the sheet.
    private mutating func addGradeFormula(_ scored: ScoredForm, grid: ScoredGrid) {
        guard let totalCell = scored.form.total?.score?.cell, contents[Self.sheetCell(totalCell)] != nil,
              let cell = scored.form.conclusion?.cell, grid.computed[cell]?.role == .conclusion else { return }
        let bands = scored.ruleSet.gradeBands
        func text(_ grade: EvaluationGrade) -> String {
            let conclusion = grade.conclusion
            // A quote mark is doubled inside the formula's string (a conclusion holds none, and
            // Foundation's replacing costs more than the rest of the formula).
            let quoted = conclusion.utf8.contains(0x22) ? conclusion.replacingOccurrences(of: "\"", with: "\"\"") : conclusion
            return "\"" + quoted + "\""
        }
        let total = totalCell.description
        let excellent = "IF(\(total)>=\(bands.excellent.plainText),\(text(.excellent)),"
        let good = "IF(\(total)>=\(bands.good.plainText),\(text(.good)),"
        let fair = "IF(\(total)>=\(bands.fair.plainText),\(text(.fair)),\(text(.poor)))))"
        let formula = "=" + excellent + good + fair
        set(cell, .textFormula(formula, cached: scored.conclusion))
    }

    private static func defaultComment(_ role: ScoredGrid.ComputedCell.Role) -> String {
        switch role {
        case .executionRate: WorkbookWords.rateComputed
        case .budgetScore, .indicatorScore: WorkbookWords.scoreComputed
        case .totalScore: WorkbookWords.totalComputed
        case .totalWeight: WorkbookWords.weightComputed
        case .conclusion: WorkbookWords.conclusionComputed
        case .reason: Vocabulary.OutputMessage.generatedReason
        }
    }
}
