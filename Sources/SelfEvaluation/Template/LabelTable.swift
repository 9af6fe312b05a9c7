import Foundation

/// The labels the reader recognises, as data: for every column of the indicator and budget
/// tables the synonyms printed by the layouts in use, the section labels, and the rows that end
/// the indicator table. A new province's layout is a change of this table (`--layout FILE.json`
/// adds to it), not of code.
///
/// Labels are compared after `LabelText.normalize` (full/half width, line breaks, brackets) and
/// with their bracketed parts removed ("年度指标值(A)" → "年度指标值", "得分(20分*执行率)" →
/// "得分"). A header cell equal to a synonym beats a cell that only starts with one, and a cell
/// is taken by one column only, so 得分 never takes 得分计算方法.
public struct LabelTable: Sendable, Equatable {
    /// The table's name, shown in the layout name when it is not the built-in one.
    public var name: String
    /// Indicator columns: key → synonyms, most specific first. Every list of the table is stored
    /// normalised (`LabelText.normalize`).
    public var indicatorColumns: [IndicatorColumn: [NormalizedText]]
    /// Budget (资金) columns: key → synonyms.
    public var budgetColumns: [BudgetColumn: [NormalizedText]]
    /// Labels of sections above the money table's header (项目资金(万元) …).
    public var budgetSections: [NormalizedText]
    /// First cells that end the indicator table and start the trailer (总分, 合计, 评价结论 …).
    public var trailers: [NormalizedText]
    /// Of the trailers, those that are the total row.
    public var totals: [NormalizedText]
    /// Labels whose value is the unit's name in the next cell (部门(单位)名称, 项目实施单位 …),
    /// or after a colon in the same cell (单位名称:X).
    public var unitNames: [NormalizedText]
    /// Labels of a seal line, the name after the colon (单位(盖章):X, 实施单位(盖章):X).
    public var unitSeals: [NormalizedText]
    /// Lines above the title that belong to the document, not the form (附件:).
    public var preamble: [NormalizedText]
    /// Header labels of a project form (项目名称 …), their value in the next cell or after a colon.
    public var headerLabels: [NormalizedText] = []
    /// Labels of the goals block: 预期目标 (and synonyms), 实际完成情况, and the section labels.
    public var goalsExpected: [NormalizedText] = []
    public var goalsActual: [NormalizedText] = []
    public var goalsSections: [NormalizedText] = []

    /// The columns of the indicator table.
    public enum IndicatorColumn: String, Sendable, CaseIterable, Codable {
        case level1, level2, name, target, actual, weight, score, reason, nature, direction, unit
        /// Printed but not read: 得分计算方法, 得分系数, 评分标准 (recognised so that 得分 cannot take them).
        case ignored
    }

    /// The columns of the money table.
    public enum BudgetColumn: String, Sendable, CaseIterable, Codable {
        case source, initial, adjusted, executed, weight, rate, score, reason
        /// Printed but not read (得分计算方法).
        case ignored
    }

    /// The built-in table: the national 财预〔2020〕10号 layouts and the provincial ones seen.
    public static let builtIn = LabelTable(
        name: "builtin",
        indicatorColumns: [
            .level1: ["一级指标"],
            .level2: ["二级指标"],
            .name: ["三级指标", "指标名称", "绩效指标名称", "具体指标", "指标内容"],
            .target: ["年度指标值", "指标值", "年初目标值", "年度目标值", "目标值", "预期指标值", "预期目标值", "计划指标值",
                      "年初指标值"],
            .actual: ["实际完成值", "全年实际值", "实际值", "全年完成值", "实际完成指标值", "完成值", "实际完成"],
            .weight: ["分值", "权重", "权重分值", "指标分值", "标准分值", "参考分值", "指标权重"],
            .score: ["得分", "自评得分", "实际得分", "指标得分", "评分"],
            .reason: ["未完成原因分析", "偏差原因分析及改进措施", "偏差原因分析", "原因分析", "偏差原因", "未完成原因",
                      "原因说明", "原因"],
            .nature: ["指标性质", "计算符号"],
            .direction: ["指标方向"],
            .unit: ["度量单位", "计量单位", "单位"],
            .ignored: ["得分计算方法", "计算方法", "评分标准", "评分方法", "得分系数", "评分规则", "指标解释", "备注",
                       "调整指标值", "是否核心指标", "完成率"],
        ],
        budgetColumns: [
            .source: ["资金来源", "资金类别", "资金性质"],
            .initial: ["年初预算数", "年初预算", "年初预算金额"],
            .adjusted: ["全年预算数", "调整后预算数", "调整后预算", "调整预算数", "全年预算", "预算数", "全年预算金额"],
            .executed: ["全年执行数", "预算执行数", "执行数", "全年执行", "实际执行数", "实际支出数", "执行金额"],
            .weight: ["分值", "权重", "执行率权重"],
            .rate: ["执行率", "预算执行率", "资金执行率"],
            .score: ["得分", "执行率得分", "自评得分"],
            .reason: ["原因", "偏差原因", "原因分析"],
            .ignored: ["得分计算方法", "计算方法", "评分标准"],
        ],
        budgetSections: ["部门(单位)总体资金", "项目资金", "总体资金", "年度预算数", "预算执行情况", "部门预算执行情况",
                         "资金构成", "资金情况", "年度预算申请", "项目预算执行情况"],
        trailers: ["总分", "合计", "总计", "评价结论", "自评结论", "存在问题", "改进措施", "项目负责人", "财务负责人",
                   "单位负责人", "联系人", "联系电话", "填表人", "填报人", "审核人", "审核", "填表日期", "填报日期", "注"],
        totals: ["总分", "合计", "总计"],
        unitNames: ["部门(单位)名称", "单位名称", "部门名称", "预算单位", "实施单位", "项目实施单位", "预算部门", "部门"],
        unitSeals: ["单位(盖章)", "实施单位(盖章)", "项目单位(盖章)", "部门(盖章)", "填报单位(盖章)", "填报单位"],
        headerLabels: ["项目名称", "主管部门", "主管部门及代码", "项目负责人", "项目负责人及电话", "联系电话", "联系方式",
                       "填报人", "部门联系人", "是否公开", "网址", "自评得分", "自评总分", "财政审核评分", "项目类别",
                       "项目属性", "项目类型", "报表编号"],
        goalsExpected: ["预期目标", "年初设定目标", "项目年度目标", "年度目标", "年初绩效目标", "全年(调整)绩效目标"],
        goalsActual: ["实际完成情况", "年度总体目标完成情况", "年度总体目标完成情况综述", "年度目标完成情况",
                      "全年目标实际完成情况"],
        goalsSections: ["年度总体目标", "当年绩效目标", "项目基本情况", "1.项目年度目标完成情况", "2.项目实施内容及过程概述",
                        "年度目标", "年度绩效目标"],
        preamble: ["附件", "附表"])

    public init(name: String, indicatorColumns: [IndicatorColumn: [String]], budgetColumns: [BudgetColumn: [String]],
                budgetSections: [String], trailers: [String], totals: [String], unitNames: [String],
                unitSeals: [String], headerLabels: [String] = [], goalsExpected: [String] = [],
                goalsActual: [String] = [], goalsSections: [String] = [], preamble: [String]) {
        // Every label is normalised here, once, so that reading compares plain strings.
        func n(_ words: [String]) -> [NormalizedText] { words.map { NormalizedText($0) }.filter { !$0.isEmpty } }
        self.name = name
        self.indicatorColumns = indicatorColumns.mapValues(n)
        self.budgetColumns = budgetColumns.mapValues(n)
        self.budgetSections = n(budgetSections)
        self.trailers = n(trailers)
        self.totals = n(totals)
        self.unitNames = n(unitNames)
        self.unitSeals = n(unitSeals)
        self.preamble = n(preamble)
        self.headerLabels = n(headerLabels)
        self.goalsExpected = n(goalsExpected)
        self.goalsActual = n(goalsActual)
        self.goalsSections = n(goalsSections)
    }

    // MARK: Matching

    /// A label without its bracketed parts: "年度指标值(A)" → "年度指标值", "得分(20分*执行率)" → "得分".
    /// `label` is normalized (brackets are round); `NormalizedText.stem` holds it.
    static func stem(_ label: String) -> String {
        let open = UInt8(ascii: "("), close = UInt8(ascii: ")")
        var text = label
        return text.withUTF8 { bytes in
            guard bytes.contains(where: { $0 == open || $0 == close }) else { return label }
            // The runs of bytes outside brackets, copied whole.
            var out: [UInt8] = []
            out.reserveCapacity(bytes.count)
            var depth = 0, runStart = 0
            for (i, byte) in bytes.enumerated() where byte == open || byte == close {
                if depth == 0 { out.append(contentsOf: bytes[runStart..<i]) }
                depth = byte == open ? depth + 1 : max(0, depth - 1)
                runStart = i + 1
            }
            if depth == 0 { out.append(contentsOf: bytes[runStart...]) }
            return String(decoding: out, as: UTF8.self)
        }
    }

    /// Points stated in a label: "预算执行率(20分)" → 20, "得分(20分*执行率)" → 20, "产出指标（50分）" → 50.
    /// The number must be followed by 分 inside brackets.
    static func statedPoints(_ label: NormalizedText) -> Decimal? {
        // Points are read inside brackets only.
        guard label.string.utf8.contains(UInt8(ascii: "(")) else { return nil }
        var inBrackets = false
        var digits = ""
        var chars = Array(label.string)
        chars.append(" ")
        for ch in chars {
            if ch == "(" { inBrackets = true; digits = ""; continue }
            if ch == ")" { inBrackets = false; digits = ""; continue }
            guard inBrackets else { continue }
            if ch.isASCII, ch.isNumber || (ch == "." && !digits.isEmpty) {
                digits.append(ch)
            } else {
                if ch == "分", !digits.isEmpty, let value = Decimal.parsing(digits) { return value }
                digits = ""
            }
        }
        return nil
    }

    /// How well a normalized label names a column with these (normalized) synonyms: rank 0 exact
    /// (the whole label or its stem is a synonym), 1 prefix (the stem starts with one), with the
    /// index of the first synonym giving that rank; nil otherwise.
    static func match(_ label: NormalizedText, synonyms: [NormalizedText]) -> (rank: Int, index: Int)? {
        if label.isEmpty { return nil }
        let stem = label.stem
        var prefix: Int? = nil
        for (index, word) in synonyms.enumerated() {
            if word == label || word == stem { return (0, index) }
            if prefix == nil, !word.isEmpty, stem.hasPrefix(word) { prefix = index }
        }
        return prefix.map { (1, $0) }
    }

    // MARK: Reading a table from a file

    /// Reads a label table from JSON and adds it to `base`: its synonyms come before the
    /// built-in ones, so a local layout wins where they differ.
    ///
    /// ```json
    /// {"name": "guizhou-2024",
    ///  "indicatorColumns": {"target": ["年度计划值"], "actual": ["年度完成值"]},
    ///  "budgetColumns": {"adjusted": ["调整预算数"]},
    ///  "trailers": ["审批人"], "unitNames": ["填报单位名称"]}
    /// ```
    public static func load(json data: Data, base: LabelTable = .builtIn) throws(LabelTableError) -> LabelTable {
        let file: LabelTableFile
        do {
            file = try JSONDecoder().decode(LabelTableFile.self, from: data)
        } catch {
            throw LabelTableError(message: Vocabulary.LayoutMessage.unreadable(String(describing: error)))
        }
        // Every key must be one of the table's: a rules file or a misspelt key is refused, not ignored.
        if let object = try? JSONSerialization.jsonObject(with: data) as? [String: Any] {
            for key in object.keys.sorted() where !LabelTableFile.keys.contains(key) {
                throw LabelTableError(message: Vocabulary.LayoutMessage.unknownKey(key, LabelTableFile.keys))
            }
        }
        // The file's labels are normalised as the table's were, and come first.
        func n(_ words: [String]?) -> [NormalizedText] { (words ?? []).map { NormalizedText($0) }.filter { !$0.isEmpty } }
        var table = base
        table.name = file.name
        func add<Column: CaseIterable & RawRepresentable<String>>(_ words: [String: [String]]?,
                                                                    to columns: inout [Column: [NormalizedText]]) throws(LabelTableError) {
            for (key, words) in words ?? [:] {
                guard let column = Column(rawValue: key) else {
                    throw LabelTableError(message: Vocabulary.LayoutMessage.unknownKey(key, Column.allCases.map(\.rawValue)))
                }
                columns[column] = n(words) + (columns[column] ?? [])
            }
        }
        try add(file.indicatorColumns, to: &table.indicatorColumns)
        try add(file.budgetColumns, to: &table.budgetColumns)
        table.budgetSections = n(file.budgetSections) + table.budgetSections
        table.trailers = n(file.trailers) + n(file.totals) + table.trailers
        table.totals = n(file.totals) + table.totals
        table.unitNames = n(file.unitNames) + table.unitNames
        table.unitSeals = n(file.unitSeals) + table.unitSeals
        table.preamble = n(file.preamble) + table.preamble
        table.headerLabels = n(file.headerLabels) + table.headerLabels
        table.goalsExpected = n(file.goalsExpected) + table.goalsExpected
        table.goalsActual = n(file.goalsActual) + table.goalsActual
        table.goalsSections = n(file.goalsSections) + table.goalsSections
        return table
    }
}

/// A label table file as written (every key but `name` optional).
private struct LabelTableFile: Decodable {
    static let keys = ["name", "indicatorColumns", "budgetColumns", "budgetSections", "trailers", "totals", "unitNames",
                       "unitSeals", "preamble", "headerLabels", "goalsExpected", "goalsActual", "goalsSections"]
    var name: String
    var indicatorColumns: [String: [String]]?
    var budgetColumns: [String: [String]]?
    var budgetSections: [String]?
    var trailers: [String]?
    var totals: [String]?
    var unitNames: [String]?
    var unitSeals: [String]?
    var preamble: [String]?
    var headerLabels: [String]?
    var goalsExpected: [String]?
    var goalsActual: [String]?
    var goalsSections: [String]?
}

/// A label table file that cannot be used.
public struct LabelTableError: Error, Sendable, Equatable {
    /// What is wrong, in Chinese.
    public var message: String
}

extension Vocabulary {
    /// Words of an indicator's nature or direction column (指标性质 / 指标方向), never a name.
    public static let natureWords: Set<String> = ["正向", "反向", "定性", "定量", "正向指标", "反向指标", "定性指标", "定量指标"]
}
