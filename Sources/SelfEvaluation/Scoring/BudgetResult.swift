import Foundation

/// The scoring of the 年度资金总额 row: 预算执行率 and its score.
public struct BudgetResult: Sendable {
    /// 分值 of 预算执行率 (from the form's cell, else the rule set's).
    public var weight: Decimal
    /// 执行率 = executed / adjusted, a ratio rounded to 4 decimals (1.1 is 110.00%).
    public var executionRate: Decimal
    /// 得分 = weight × min(rate, 1), rounded to the rule set's decimals.
    public var score: Decimal
    /// 年初预算数, 全年预算数 (A) and 全年执行数 (B) used, in 万元.
    public var initial: Decimal?
    public var adjusted: Decimal
    public var executed: Decimal
    /// True when the 年度资金总额 row was zero and the rows below it were summed instead.
    public var scoredFromParts: Bool
    /// The 得分 the form held, when it is a number.
    public var filledScore: Decimal?
    /// Whether the engine filled or changed the 得分 cell, and why.
    public var scoreChanged = false
    public var comment: String?
    /// The cells of the total row: 分值, 执行率, 得分 (for the writer's formulas and comments).
    public var weightCell: CellAddress?
    public var rateCell: CellAddress?
    public var scoreCell: CellAddress?
    /// The money table's rows with their amounts as numbers (万元), 年度资金总额 first.
    public var rows: [BudgetRowAmounts] = []
    /// How the score came about.
    public var audit: [AuditEntry] = []
    /// Where `weight` came from.
    public var weightSource: WeightSource = .rulesDefault
}

/// One row of the money table as numbers; nil where the cell is empty or not a number.
public struct BudgetRowAmounts: Sendable, Equatable {
    /// The row's name without a trailing colon ("年度资金总额").
    public var name: String
    public var isTotal: Bool
    public var initial: Decimal?
    public var adjusted: Decimal?
    public var executed: Decimal?
    /// The row's 分值 cell, when it is a number.
    public var weight: Decimal?
}

/// Where a 分值 came from.
public enum WeightSource: String, Sendable, Codable {
    /// The form's 分值 cell.
    case formCell
    /// A label of the form ("预算执行率(20分)", "得分(20分*执行率)").
    case formLabel
    /// The rule set's default (the form states none).
    case rulesDefault
    /// The rule set given with `--rules`, which wins over the form.
    case rulesGiven
    /// Not scored: the money table prints no 分值 or 得分 and the indicators weigh 100 without it.
    case notScored

    /// The words 评分明细 shows for it.
    static func note(_ source: WeightSource) -> String {
        switch source {
        case .formCell: "分值取自表内分值栏"
        case .formLabel: "分值取自表头标注"
        case .rulesDefault: "分值取自评分规则默认值"
        case .rulesGiven: "分值取自指定的评分规则(--rules)"
        case .notScored: "资金表没有分值、得分栏,各指标分值已合计100分:执行率不计分"
        }
    }
}
