import CSV
import Foundation
@testable import SelfEvaluation

/// Builds `Form`s for scoring tests directly from the model types, laid out like the official grid:
/// money table header on row 5 (name in C, amounts D–F, 分值 G, 执行率 H, 得分 I), indicators
/// from row 13 (一级 B, 二级 C, 三级 D, A E, B F, 分值 G, 得分 H, 原因 I).
struct FormBuilder {
    var form: Form
    private var nextIndicatorRow = 13
    private var currentLevel1: (label: String, cell: CellAddress)?
    private var currentLevel2: (label: String, cell: CellAddress)?

    init(source: String = "test.csv", year: Int? = 2023, filledOn: CalendarDate? = CalendarDate(year: 2024, month: 2, day: 18)) {
        form = Form(source: source, template: .department, document: CSVDocument(file: source, rows: []))
        form.title = Located("部门整体支出绩效目标自评表", at: CellAddress(row: 1, column: 1))
        if let year { form.year = Located(year, at: CellAddress(row: 2, column: 1)) }
        form.unit = Located("测试单位", at: CellAddress(row: 4, column: 3))
        if let filledOn {
            form.filledOn = Located("填报日期: \(filledOn.year)年\(filledOn.month)月\(filledOn.day)日", at: CellAddress(row: 3, column: 6))
            form.filledOnDate = filledOn
        }
    }

    /// A money table: the 年度资金总额 row on row 6 and `parts` below it.
    @discardableResult
    mutating func budget(initial: String = "", adjusted: String, executed: String, weight: String? = "10",
                         rate: String = "", score: String = "",
                         parts: [(name: String, initial: String, adjusted: String, executed: String)] = []) -> Self {
        let columns = BudgetColumns(name: 3, initial: 4, adjusted: 5, executed: 6, weight: 7, rate: 8, score: 9)
        var total = BudgetRow(name: Located("年度资金总额:", at: CellAddress(row: 6, column: 3)), isTotal: true)
        total.initial = Located(initial, at: CellAddress(row: 6, column: 4))
        total.adjusted = Located(adjusted, at: CellAddress(row: 6, column: 5))
        total.executed = Located(executed, at: CellAddress(row: 6, column: 6))
        if let weight { total.weight = Located(weight, at: CellAddress(row: 6, column: 7)) }
        total.rate = Located(rate, at: CellAddress(row: 6, column: 8))
        total.score = Located(score, at: CellAddress(row: 6, column: 9))
        var rows = [total]
        for (offset, part) in parts.enumerated() {
            let row = 7 + offset
            var budgetRow = BudgetRow(name: Located(part.name, at: CellAddress(row: row, column: 3)), isTotal: false)
            budgetRow.initial = Located(part.initial, at: CellAddress(row: row, column: 4))
            budgetRow.adjusted = Located(part.adjusted, at: CellAddress(row: row, column: 5))
            budgetRow.executed = Located(part.executed, at: CellAddress(row: row, column: 6))
            rows.append(budgetRow)
        }
        form.budget = BudgetTable(headerRow: 5, columns: columns, rows: rows)
        return self
    }

    /// One indicator row; a level-1 or level-2 label equal to the previous row's is carried down
    /// (its cell is the group's first row, as for merged cells).
    @discardableResult
    mutating func indicator(_ name: String, target: String, actual: String, weight: String, score: String = "",
                            reason: String = "", level1: String = "产出指标(50分)", level2: String = "数量",
                            nature: String? = nil, placeholder: Bool = false) -> Self {
        let row = nextIndicatorRow
        nextIndicatorRow += 1
        if currentLevel1?.label != level1 {
            currentLevel1 = (level1, CellAddress(row: row, column: 2))
            currentLevel2 = nil
        }
        if currentLevel2?.label != level2 { currentLevel2 = (level2, CellAddress(row: row, column: 3)) }
        let level1Cell = currentLevel1?.cell ?? CellAddress(row: row, column: 2)
        let level2Cell = currentLevel2?.cell ?? CellAddress(row: row, column: 3)
        let (bare, points) = Self.splitPoints(level1)
        let at = { (column: Int) in CellAddress(row: row, column: column) }
        let indicator = Indicator(
            row: row, level1: Located(bare, at: level1Cell), level1Label: level1, level1Points: points,
            level2: Located(level2, at: level2Cell), name: Located(name, at: at(4)), target: Located(target, at: at(5)),
            actual: Located(actual, at: at(6)), weight: Located(weight, at: at(7)), score: Located(score, at: at(8)),
            reason: Located(reason, at: at(9)), nature: nature.map { Located($0, at: at(10)) },
            isPlaceholder: placeholder)
        form.indicators.append(indicator)
        return self
    }

    /// The 总分 row (on the row after the last indicator).
    @discardableResult
    mutating func total(weight: String, score: String) -> Self {
        let row = nextIndicatorRow
        form.total = TotalRow(label: CellAddress(row: row, column: 1), weight: Located(weight, at: CellAddress(row: row, column: 7)),
                              score: Located(score, at: CellAddress(row: row, column: 8)))
        return self
    }

    /// The 自评结论 text.
    @discardableResult
    mutating func conclusion(_ text: String) -> Self {
        form.conclusion = Located(text, at: CellAddress(row: nextIndicatorRow + 1, column: 2))
        return self
    }

    /// Notes (注), one row each, after the table.
    @discardableResult
    mutating func notes(_ texts: [String]) -> Self {
        form.notes = texts.enumerated().map { Located($0.element, at: CellAddress(row: 40 + $0.offset, column: 1)) }
        form.trailer = form.notes
        return self
    }

    /// 预期目标 and 实际完成情况.
    @discardableResult
    mutating func goals(_ goals: String, achievements: String) -> Self {
        form.goals = Located(goals, at: CellAddress(row: 11, column: 2))
        form.achievements = Located(achievements, at: CellAddress(row: 11, column: 5))
        return self
    }

    /// "产出指标(60分)" → ("产出指标", 60).
    static func splitPoints(_ label: String) -> (String, Decimal?) {
        guard let open = label.firstIndex(where: { $0 == "(" || $0 == "(" }) else { return (label, nil) }
        let inner = label[label.index(after: open)...].filter { $0.isNumber || $0 == "." }
        return (String(label[..<open]), Decimal(string: String(inner)))
    }

    /// A form with a budget of 100/100 (10 points) and one indicator worth 90, for single-rule tests.
    static func single(target: String, actual: String, weight: String = "90", score: String = "", reason: String = "",
                       level2: String = "数量", nature: String? = nil) -> Form {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("指标", target: target, actual: actual, weight: weight, score: score, reason: reason,
                          level1: "产出指标", level2: level2, nature: nature)
        return builder.form
    }
}

/// An exact decimal from its text (tests only).
func exactDecimal(_ text: String) -> Decimal {
    Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}
