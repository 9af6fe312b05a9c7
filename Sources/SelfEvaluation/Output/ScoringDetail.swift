import Foundation

/// The texts of the scoring detail (评分明细): one line per scored line — the budget first, then
/// every indicator, placeholders included — with the target and actual as written and as parsed,
/// kind, direction, tier, the formulas applied and the line's comment and warnings. Pure: the
/// workbook's 评分明细 sheet and the web page's 失分 list are both written from it, so the two
/// explain a lost point in the same words.
public struct ScoringDetail: Sendable {
    /// One scored line.
    public struct Line: Sendable, Equatable {
        /// The form's row (nil: the budget line of a form whose money row has no cell).
        public var row: Int?
        /// Whether this is the budget line (预算执行率).
        public var isBudget: Bool
        public var level1: String
        public var level2: String
        public var name: String
        /// 年度指标值 (A) as written and as parsed.
        public var target: String
        public var targetParsed: String
        /// 实际完成值 (B) as written and as parsed.
        public var actual: String
        public var actualParsed: String
        /// 定量 / 定性 / 不计分, 正向 / 反向 / 等于, the tier.
        public var kind: String
        public var direction: String
        public var tier: String
        /// The formulas applied, one a line.
        public var formula: String
        /// The line's comment, then every diagnostic of its row as "[code] message", one a line.
        public var notes: String
        /// 完成率, 分值, 得分 (nil when not scored) and the score the form held.
        public var ratio: Decimal?
        public var weight: Decimal?
        public var score: Decimal?
        public var filled: Decimal?
        /// The 得分 cell of the line, if the form has one.
        public var scoreCell: CellAddress?
        /// 未完成原因分析 (the budget line: its 原因 cell, if any) and whether the engine wrote it.
        public var reason: String
        public var reasonGenerated: Bool

        /// Points lost (分值 − 得分), 0 when not scored or nothing was lost.
        public var lostPoints: Decimal {
            guard let weight, let score else { return 0 }
            return max(weight - score, 0)
        }
    }

    /// The lines, budget first.
    public let lines: [Line]

    /// The detail of `scored`; notes quote the scorer's diagnostics of each line's row.
    public init(_ scored: ScoredForm) {
        let words = Vocabulary.DetailWords.self
        func diagnostics(atRow row: Int?) -> [String] {
            guard let row else { return [] }
            return scored.diagnostics.filter { $0.location.row == row }.map { "[\($0.code)] \($0.message)" }
        }
        var lines: [Line] = []
        if let budget = scored.budget {
            let row = budget.rateCell?.row ?? budget.scoreCell?.row ?? scored.form.budget?.totalRow?.name.cell.row
            let formula = budget.audit.map(\.formula).filter { !$0.isEmpty }.joined(separator: "\n")
            let notes = ([budget.comment].compactMap { $0 } + diagnostics(atRow: row)).joined(separator: "\n")
            lines.append(Line(
                row: row, isBudget: true, level1: words.budgetLevel, level2: words.budgetName, name: words.budgetName,
                target: budget.adjusted.plainText + Vocabulary.wanYuan, targetParsed: "",
                actual: budget.executed.plainText + Vocabulary.wanYuan, actualParsed: "",
                kind: IndicatorKind.quantitative.label, direction: Direction.positive.label, tier: "",
                formula: formula, notes: notes,
                ratio: budget.executionRate, weight: budget.weight, score: budget.score, filled: budget.filledScore,
                scoreCell: budget.scoreCell, reason: scored.form.budget?.totalRow?.reason?.value ?? "", reasonGenerated: false))
        }
        for result in scored.indicators {
            let indicator = result.indicator
            let formula = result.audit.map(\.formula).filter { !$0.isEmpty }.joined(separator: "\n")
            let notes = ([result.comment].compactMap { $0 } + diagnostics(atRow: indicator.row)).joined(separator: "\n")
            lines.append(Line(
                row: indicator.row, isBudget: false, level1: indicator.level1Label, level2: indicator.level2.value,
                name: indicator.name.value, target: indicator.targetText, targetParsed: Self.describe(result.target),
                actual: indicator.actualText, actualParsed: Self.describe(result.actual), kind: result.kind.label,
                direction: result.direction?.label ?? "", tier: result.tier?.label ?? "", formula: formula, notes: notes,
                ratio: result.ratio, weight: result.weight, score: result.isScored ? result.score : nil,
                filled: result.filledScore, scoreCell: result.indicator.score.cell, reason: result.reason,
                reasonGenerated: result.reasonGenerated))
        }
        self.lines = lines
    }

    /// A parsed target or actual as the detail shows it: "≥ 10 家", "12月31日前", "优秀", "文本".
    public static func describe(_ value: ParsedValue) -> String {
        let words = Vocabulary.DetailWords.self
        switch value {
        case .notGiven: return words.parsedNotGiven
        case .quantity(let quantity):
            let comparator: String
            switch quantity.comparator {
            case .atLeast: comparator = "≥ "
            case .greaterThan: comparator = "> "
            case .atMost: comparator = "≤ "
            case .lessThan: comparator = "< "
            case .equal: comparator = "= "
            case nil: comparator = ""
            }
            let unit = quantity.unit.map { " " + $0.description } ?? ""
            return comparator + quantity.number.plainText + unit
        case .time(let time):
            if time.month == nil && time.day == nil { return time.onTime ? words.parsedOnTime : words.parsedText }
            return words.parsedMonthDay(time.month, time.day) + words.parsedBefore
        case .grade(let grade):
            switch grade {
            case .excellent: return words.gradeExcellent
            case .good: return words.gradeGood
            case .pass: return words.gradePass
            case .fail: return words.gradeFail
            }
        case .text: return words.parsedText
        }
    }
}
