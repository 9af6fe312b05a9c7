import Foundation
import CSV

/// Which official template a form follows.
public enum TemplateKind: String, Sendable, Codable, CaseIterable {
    /// 部门整体支出绩效目标自评表 (department-wide).
    case department
    /// 项目支出绩效自评表 (project-level, 财预〔2020〕10号).
    case project
}

/// A self-evaluation form as read from its grid: every value keeps the cell it came from.
/// Nothing is scored here; see `Scoring`.
public struct Form: Sendable {
    /// The file the form was read from.
    public var source: String
    public var template: TemplateKind
    /// The grid the form was read from (every input cell, so that nothing is lost).
    public var document: CSVDocument

    /// 部门整体支出绩效目标自评表 (title row).
    public var title: Located<String>?
    /// 年度, from "(2023年度)".
    public var year: Located<Int>?
    /// 单位(盖章) / 部门(单位)名称.
    public var unit: Located<String>?
    /// 填报日期 as written, and parsed when it is a date.
    public var filledOn: Located<String>?
    public var filledOnDate: CalendarDate?
    /// Project forms: 项目名称, 主管部门, 实施单位 … (label → value).
    public var headerFields: [HeaderField] = []

    /// The layout recognised ("department/levels", "project/two-row-header", "department/flat" …;
    /// prefixed with the label table's name when `--layout` gave one).
    public var layout: String = ""

    /// 资金 table.
    public var budget: BudgetTable?

    /// 年度总体目标: 预期目标 and 实际完成情况.
    public var goals: Located<String>?
    public var achievements: Located<String>?

    /// The indicator table's header (its rows and columns).
    public var indicatorHeader: IndicatorColumns?
    public var indicators: [Indicator] = []

    /// 总分 row: the printed weight and score cells.
    public var total: TotalRow?
    /// 自评结论 row: its label cell and its value cell (自评等级“优”).
    public var conclusionLabel: Located<String>?
    public var conclusion: Located<String>?
    /// Rows after the table: 联系人, 联系电话, 注 …, kept in order.
    public var trailer: [Located<String>] = []
    /// The notes (注:1. … 2. …), a subset of `trailer`.
    public var notes: [Located<String>] = []
    /// Non-empty cells that belong to no part of the template; kept and written out.
    public var unrecognisedCells: [Located<String>] = []

    // Where the reader found the parts the printed form lays out (``TemplateReader`` sets them;
    // the layout reads them and never the grid).

    /// 单位(盖章): the line above the table naming the unit that stamps the form.
    public var sealCell: CellAddress?
    /// The year line when no year could be read from it: the one line between the title and the
    /// indicator table holding a single text with 年度 and no colon ("(    年度)"). See ``yearRow``.
    public var yearLine: Int?
    /// 年度总体目标's label row (预期目标 | 实际完成情况), where the form prints one.
    public var goalsLabels: GoalsLabels?
    /// Rows printed as part of the table after it (a project form's 评价结论, 存在问题, 改进措施,
    /// 项目负责人 | 财务负责人), with their label cells.
    public var trailerTable: TrailerTable?

    public init(source: String, template: TemplateKind, document: CSVDocument) {
        self.source = source
        self.template = template
        self.document = document
    }

    /// The location of a cell of this form, for diagnostics.
    public func location(_ cell: CellAddress) -> SourceLocation {
        SourceLocation(file: source, row: cell.row, column: cell.column)
    }

    /// The indicators that are scored (placeholders left out).
    public var scoredIndicators: [Indicator] { indicators.filter { !$0.isPlaceholder } }

    /// The value of the header field whose label is `label` (compared normalized: full- or
    /// half-width punctuation, spaces and a trailing colon do not matter), e.g. 项目名称.
    public func headerValue(_ label: String) -> Located<String>? {
        let want = LabelText.normalize(label)
        return headerFields.first { LabelText.normalize($0.label.value) == want }?.value
    }

    /// Project forms: 项目名称.
    public var projectName: Located<String>? { headerValue(Vocabulary.projectNameLabel) }
    /// Project forms: 主管部门.
    public var supervisor: Located<String>? { headerValue(Vocabulary.supervisorLabel) }
}

/// A date as written on a form ("2024年2月18日").
public struct CalendarDate: Sendable, Equatable, Hashable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    /// ISO 8601, "2024-02-18".
    public var description: String {
        let m = month < 10 ? "0\(month)" : "\(month)"
        let d = day < 10 ? "0\(day)" : "\(day)"
        return "\(year)-\(m)-\(d)"
    }
}

/// A labelled header value, e.g. 项目名称 → 〈name〉.
public struct HeaderField: Sendable, Equatable {
    public var label: Located<String>
    public var value: Located<String>

    public init(label: Located<String>, value: Located<String>) {
        self.label = label
        self.value = value
    }
}

/// The money table (总体资金 / 项目资金, 万元).
public struct BudgetTable: Sendable {
    /// The header row (资金来源 …).
    public var headerRow: Int
    /// Column numbers of the money columns and of 分值/执行率/得分.
    public var columns: BudgetColumns
    /// 年度资金总额 first, then the rows under it.
    public var rows: [BudgetRow]
    /// The section label left of the names' column on the table's rows (部门(单位)总体资金(万元),
    /// 项目资金(万元)), if any.
    public var sectionLabel: CellAddress?

    public init(headerRow: Int, columns: BudgetColumns, rows: [BudgetRow]) {
        self.headerRow = headerRow
        self.columns = columns
        self.rows = rows
    }

    /// The 年度资金总额 row.
    public var totalRow: BudgetRow? { rows.first { $0.isTotal } }
    /// The rows under the total (基本支出, 项目支出, 其他资金 …).
    public var partRows: [BudgetRow] { rows.filter { !$0.isTotal } }
}

/// Where the money table's columns are.
public struct BudgetColumns: Sendable, Equatable {
    public var name: Int
    public var initial: Int?
    public var adjusted: Int?
    public var executed: Int?
    public var weight: Int?
    public var rate: Int?
    public var score: Int?
    /// 原因 (a reason column some layouts print beside the money).
    public var reason: Int?
    /// A 分值 of 执行率 the form states in a label ("预算执行率(20分)", "得分(20分*执行率)").
    public var statedWeight: Located<Decimal>?

    public init(name: Int, initial: Int?, adjusted: Int?, executed: Int?, weight: Int?, rate: Int?, score: Int?) {
        self.name = name
        self.initial = initial
        self.adjusted = adjusted
        self.executed = executed
        self.weight = weight
        self.rate = rate
        self.score = score
    }
}

/// One row of the money table; texts as written, amounts parsed (万元).
public struct BudgetRow: Sendable {
    public var name: Located<String>
    public var isTotal: Bool
    public var initial: Located<String>?
    public var adjusted: Located<String>?
    public var executed: Located<String>?
    public var weight: Located<String>?
    public var rate: Located<String>?
    public var score: Located<String>?
    public var reason: Located<String>?

    public init(name: Located<String>, isTotal: Bool) {
        self.name = name
        self.isTotal = isTotal
    }

    /// The row's name without its decorations: "年度资金总额:" → "年度资金总额",
    /// "其中:当年财政拨款" → "当年财政拨款". `name` keeps the text as written.
    public var displayName: String { Self.displayName(name.value) }

    /// A money-table row name without a leading "其中:" (full- or half-width colon, spaces
    /// allowed) and without trailing colons.
    public static func displayName(_ written: String) -> String {
        var text = Substring(LabelText.trim(written))
        let prefix = Vocabulary.budgetPartPrefix
        if text.hasPrefix(prefix) {
            let rest = text.dropFirst(prefix.count).drop(while: \.isWhitespace)
            if let first = rest.first, Vocabulary.labelColons.contains(first) { text = rest.dropFirst() }
        }
        var out = LabelText.trim(String(text))
        while let last = out.last, Vocabulary.labelColons.contains(last) {
            out.removeLast()
            out = LabelText.trim(out)
        }
        return out
    }
}

/// Where the indicator table's columns are (found from its header row).
public struct IndicatorColumns: Sendable, Equatable {
    public var headerRow: Int
    /// 绩效指标 label cell (column A in the official grid), if present.
    public var sectionLabel: CellAddress?
    public var level1: Int
    public var level2: Int
    public var name: Int
    public var target: Int
    public var actual: Int
    public var weight: Int
    public var score: Int
    public var reason: Int?
    /// Project-form extras: 指标性质 / 指标方向 / 计算符号, 度量单位 / 计量单位.
    public var nature: Int?
    public var unit: Int?
    /// Every row of the header: `headerRow` alone, or two rows when the form prints 年度指标值
    /// over sub-columns (指标性质 / 指标值 / 度量单位) on the row below it. Indicator rows start
    /// after `headerRows.upperBound`.
    public var headerRows: ClosedRange<Int>
    /// The 年度指标值 cell of a two-row header, heading the sub-columns (its merge spans the
    /// sub-columns, e.g. nature...unit); nil for a one-row header, where `target` holds 年度指标值 itself.
    public var targetGroup: CellAddress?
    /// Columns recognised but not read (得分计算方法, 得分系数, a second 指标性质/指标方向 column):
    /// their cells are kept as written.
    public var extra: [Int] = []

    /// Whether the table prints no 一级/二级指标 columns (`level1` and `level2` are then 0).
    public var isFlat: Bool { level1 == 0 }

    public init(headerRow: Int, sectionLabel: CellAddress?, level1: Int, level2: Int, name: Int, target: Int,
                actual: Int, weight: Int, score: Int, reason: Int?, nature: Int? = nil, unit: Int? = nil,
                headerRows: ClosedRange<Int>? = nil, targetGroup: CellAddress? = nil) {
        self.headerRows = headerRows ?? headerRow...headerRow
        self.targetGroup = targetGroup
        self.headerRow = headerRow
        self.sectionLabel = sectionLabel
        self.level1 = level1
        self.level2 = level2
        self.name = name
        self.target = target
        self.actual = actual
        self.weight = weight
        self.score = score
        self.reason = reason
        self.nature = nature
        self.unit = unit
    }
}

/// One row of the indicator table. Level 1 and 2 are carried down from merged cells;
/// `level1Cell`/`level2Cell` say where the label was written.
public struct Indicator: Sendable {
    /// The spreadsheet row.
    public var row: Int
    /// 一级指标 without its points ("产出指标"), and the label as written ("产出指标(60分)").
    public var level1: Located<String>
    public var level1Label: String
    /// Points printed in the level-1 label ("(60分)" → 60).
    public var level1Points: Decimal?
    /// 二级指标.
    public var level2: Located<String>
    /// 三级指标 (the indicator's name).
    public var name: Located<String>
    /// 年度指标值 (A) and 实际完成值 (B), as written (their values are read again when they change).
    public var target: Located<String> { didSet { readValues() } }
    public var actual: Located<String> { didSet { readValues() } }
    /// 分值 and 得分, as written.
    public var weight: Located<String> { didSet { readWeight() } }
    public var score: Located<String>
    /// 未完成原因分析 / 偏差原因分析及改进措施, as written.
    public var reason: Located<String>?
    /// Project-form extras, as written.
    public var nature: Located<String>? { didSet { readValues() } }
    public var measureUnit: Located<String>? { didSet { readValues() } }
    /// A placeholder row ("指标2", "……" with nothing else): kept, not scored.
    public var isPlaceholder: Bool
    /// Points of the goal block the row is in ("年度绩效目标1(40分)"), at that label's cell.
    public var goalPoints: Located<Decimal>? = nil

    public init(row: Int, level1: Located<String>, level1Label: String, level1Points: Decimal?, level2: Located<String>,
                name: Located<String>, target: Located<String>, actual: Located<String>, weight: Located<String>,
                score: Located<String>, reason: Located<String>?, nature: Located<String>? = nil,
                measureUnit: Located<String>? = nil, isPlaceholder: Bool = false) {
        self.row = row
        self.level1 = level1
        self.level1Label = level1Label
        self.level1Points = level1Points
        self.level2 = level2
        self.name = name
        self.target = target
        self.actual = actual
        self.weight = weight
        self.score = score
        self.reason = reason
        self.nature = nature
        self.measureUnit = measureUnit
        self.isPlaceholder = isPlaceholder
        readValues()
        readWeight()
    }

    /// 分值 as a number (nil when blank), or why it is not one: read once per change of the cell.
    public private(set) var weightNumber: Result<Decimal?, ValueError> = .success(nil)
    private mutating func readWeight() {
        weightNumber = Result { () throws(ValueError) in try ValueParser.optionalNumber(weight.value, field: Vocabulary.ScoringWords.weightField) }
    }

    /// Reads the values, once per change of the cells: every rule and writer takes them from the row.
    private mutating func readValues() {
        let operatorText = nature?.value, unitText = measureUnit?.value
        let comparator = operatorText.flatMap { ValueParser.comparator($0) }
        let unit = unitText.flatMap { ValueParser.unit($0) }
        let targetReading = ValueParser.reading(target.value), actualReading = ValueParser.reading(actual.value)
        let writtenTarget = targetReading.value, writtenActual = actualReading.value
        self.writtenTarget = writtenTarget
        self.targetUnread = targetReading.unread
        self.actualUnread = actualReading.unread
        self.parsedTarget = ValueParser.overlay(writtenTarget, comparator: comparator, unit: unit)
        self.parsedActual = ValueParser.overlay(writtenActual, comparator: nil, unit: unit)
        self.targetText = Self.joined(target.value, parsed: writtenTarget, operator: comparator == nil ? nil : operatorText,
                                      unit: unit == nil ? nil : unitText)
        self.actualText = Self.joined(actual.value, parsed: writtenActual, operator: nil, unit: unit == nil ? nil : unitText)
    }

    /// The target cell alone, parsed (`ValueParser.parse`): the value's own reading.
    public private(set) var writtenTarget: ParsedValue = .notGiven
    /// The target as scored: the 指标性质/计算符号 column's operator wins over the value's own, and the
    /// 度量单位 column fills in a quantity without a unit (`ValueParser.overlay(_:comparator:unit:)`).
    public private(set) var parsedTarget: ParsedValue = .notGiven
    /// The actual, the 度量单位 column filling in a quantity without a unit.
    public private(set) var parsedActual: ParsedValue = .notGiven
    /// What the target's and the actual's readings dropped and could not place
    /// (`ValueReading.unread`): `UnreadValueRule` takes them from here.
    public private(set) var targetUnread: String?
    public private(set) var actualUnread: String?

    /// The target as one text, for messages and reports. Where the form splits it over cells
    /// ("≥" | "95" | "%"), the operator of the 指标性质/计算符号 column is put before a quantity
    /// that has none, and the 度量单位 after one without a unit: "≥95%". Otherwise the text as written.
    public private(set) var targetText = ""

    /// The actual as one text: the 度量单位 after a quantity without a unit ("91" | "%" → "91%").
    public private(set) var actualText = ""

    /// `text` joined with the operator and unit cells (nil when they name no operator or unit).
    static func joined(_ text: String, parsed: ParsedValue, operator operatorText: String?, unit unitText: String?) -> String {
        var out = LabelText.trim(text)
        guard case .quantity(let quantity) = parsed else { return out }
        if quantity.comparator == nil, let operatorText { out = LabelText.trim(operatorText) + out }
        if quantity.unit == nil, let unitText { out += LabelText.trim(unitText) }
        return out
    }
}

/// The 总分 row.
public struct TotalRow: Sendable {
    public var label: CellAddress
    public var weight: Located<String>?
    public var score: Located<String>?

    public init(label: CellAddress, weight: Located<String>?, score: Located<String>?) {
        self.label = label
        self.weight = weight
        self.score = score
    }
}
