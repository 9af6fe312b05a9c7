import Foundation
import SelfEvaluation

/// How a cell of the printed form looks: its part of the form decides font, alignment and border.
public enum FormCellKind: Hashable, Sendable {
    /// The title (黑体, bold, large, centred, no border).
    case title
    /// The year line under the title (centred, no border).
    case subtitle
    /// Lines above the table (单位(盖章), left, no border).
    case preamble
    /// 填报日期 above the table (right-aligned, no border).
    case preambleRight
    /// Column headers and section labels inside the table (bold, centred, bordered).
    case heading
    /// Short labels and values inside the table (centred, bordered).
    case label
    /// Long texts inside the table (left, wrapped, bordered).
    case text
    /// Numbers inside the table (centred, bordered).
    case number
    /// Lines below the table (联系人, 注), and cells right of it (left, wrapped, no border).
    case trailer

    /// Whether the kind carries the table's thin border.
    public var bordered: Bool {
        switch self {
        case .heading, .label, .text, .number: true
        case .title, .subtitle, .preamble, .preambleRight, .trailer: false
        }
    }
}

/// The geometry of the printed form, computed from a form's structure (the cells, rows and
/// columns `TemplateReader` found its parts in) and its grid of texts:
/// the merged ranges, each cell's kind, column widths and row heights. Pure: nothing is written.
///
/// Every range is derived from the form's cell addresses and columns (`Form.indicatorHeader`,
/// `BudgetTable.columns`, the level-1/level-2 label cells …), never from fixed row numbers.
/// Merges never overlap and never cover a non-empty cell other than their top-left one, so no
/// input text is hidden: a candidate that would do either is dropped.
///
/// Coordinates are **0-based** (``SheetCell``/``CellRange``), converted from the form's 1-based
/// ``SelfEvaluation/CellAddress`` here and nowhere else.
public struct FormLayout: Sendable {
    /// The texts, `rows[0]` is row 1 (every row as wide as ``columnCount``).
    public let rows: [[String]]
    /// How many columns the sheet uses (at least the table's).
    public let columnCount: Int
    /// How many columns the table spans (9 for the official grid, A..I).
    public let tableColumnCount: Int
    /// The 0-based rows that carry the table's borders (部门(单位)名称 / 项目名称 … 自评结论, or a
    /// project form's trailer rows 评价结论 … 项目负责人 | 财务负责人), if any.
    public let tableRows: ClosedRange<Int>?
    /// The merged ranges, 0-based, in the order they were derived.
    public internal(set) var merges: [CellRange] = []
    /// The 0-based rows of the indicator header (一级指标 | 二级指标 | …), printed again at the top
    /// of every page after the first it is on; nil without an indicator table.
    public let indicatorHeaderRows: ClosedRange<Int>?
    /// Column widths in Excel character units, one per column.
    public let columnWidths: [Double]
    /// Row heights in points, one per row, computed from the texts.
    public internal(set) var rowHeights: [Double] = []
    /// The body font size in points.
    public static let bodyFontSize = 10.5
    /// The title font size in points.
    public static let titleFontSize = 18.0
    /// Column widths of the official 9-column department grid (A..I), close to the printed form.
    /// Project forms are sized by what each column holds (``projectWidths(form:tableLast:count:)``).
    public static let officialWidths: [Double] = [8, 11, 14, 22, 16, 16, 7, 9, 17]
    /// The width of columns beyond the official grid.
    public static let extraColumnWidth = 14.0

    /// Smaller fonts for cells whose text would not fit Excel's tallest row (409 pt) otherwise.
    public internal(set) var shrunkFonts: [SheetCell: Double] = [:]
    /// Font sizes tried, largest first, for a text too long for 409 pt at the body size.
    public static let shrinkSizes: [Double] = [10, 9, 8, 7, 6]

    /// The goals' text row is at least this many lines tall.
    public static let goalsMinimumLines = 5

    var kinds: CellGrid<FormCellKind>
    var goalsTextRow: Int?  // 0-based
    var owner: CellGrid<Int>  // cell → index in `merges`

    /// Lays out `form` with the texts of `rows` (the scored grid, or a blank template's rows).
    public init(form: Form, rows inputRows: [[String]]) {
        let tableLast = form.tableLastColumn
        let width = max(inputRows.reduce(0) { max($0, $1.count) }, tableLast, ScoredGrid.minimumWidth)
        // Only a short row is copied to be padded; a full one keeps its storage.
        rows = inputRows.map { row in
            row.count < width ? row + repeatElement("", count: width - row.count) : row
        }
        columnCount = width
        kinds = CellGrid(rows: inputRows.count, columns: width)
        owner = CellGrid(rows: inputRows.count, columns: width)
        tableColumnCount = tableLast
        if let first = form.tableFirstRow, let last = form.tableLastRow, first <= last {
            tableRows = (first - 1)...(last - 1)
        } else {
            tableRows = nil
        }
        if form.template == .project {
            columnWidths = Self.projectWidths(form: form, tableLast: tableLast, count: width)
        } else {
            columnWidths = (0..<width).map { column in
                column < Self.officialWidths.count ? Self.officialWidths[column] : Self.extraColumnWidth
            }
        }
        goalsTextRow = form.goalsTextRow.map { $0 - 1 }
        indicatorHeaderRows = form.indicatorHeader.map { ($0.headerRows.lowerBound - 1)...($0.headerRows.upperBound - 1) }
        assignKinds(form)
        deriveMerges(form)
        computeRowHeights()
    }

    // MARK: Queries

    /// The text at a 0-based cell ("" outside the grid).
    public func text(row: Int, column: Int) -> String {
        guard rows.indices.contains(row), rows[row].indices.contains(column) else { return "" }
        return rows[row][column]
    }

    /// The kind of a 0-based cell: its own, or that of the merged range's top-left cell.
    public func kind(row: Int, column: Int) -> FormCellKind {
        let cell = SheetCell(row: row, column: column)
        if let index = owner[cell] {
            let first = merges[index].first
            if let kind = kinds[first] { return kind }
            return defaultKind(row: first.row, column: first.column)
        }
        return kinds[cell] ?? defaultKind(row: row, column: column)
    }

    /// The merged range a 0-based cell belongs to, if any.
    public func merge(containing row: Int, column: Int) -> CellRange? {
        owner[SheetCell(row: row, column: column)].map { merges[$0] }
    }

    /// The last column holding text or table (0-based): the print area's right edge.
    public var lastUsedColumn: Int {
        var last = tableColumnCount - 1
        for row in rows {
            if let index = row.lastIndex(where: { !$0.isEmpty }) { last = max(last, index) }
        }
        return last
    }

    func defaultKind(row: Int, column: Int) -> FormCellKind {
        if let tableRows, tableRows.contains(row), column < tableColumnCount { return .text }
        if let tableRows, row < tableRows.lowerBound { return .preamble }
        return .trailer
    }

    func isEmpty(_ row1: Int, _ column1: Int) -> Bool {
        text(row: row1 - 1, column: column1 - 1).isEmpty
    }


    /// Widths of a project form's columns, from what each holds (the indicator table's columns
    /// first, widened where the money table needs room); table columns holding neither get
    /// ``projectSpareWidth``, columns right of the table ``extraColumnWidth``.
    static func projectWidths(form: Form, tableLast: Int, count: Int) -> [Double] {
        var widths: [Int: Double] = [:]
        func need(_ column: Int?, _ width: Double) {
            guard let column, column >= 1 else { return }
            widths[column] = max(widths[column] ?? 0, width)
        }
        if let h = form.indicatorHeader {
            let w = ProjectWidth.self
            if let section = h.sectionLabel, section.column < h.level1 { need(section.column, w.section) }
            need(h.level1, w.level1)
            need(h.level2, w.level2)
            need(h.name, w.name)
            need(h.nature, w.nature)
            need(h.target, w.target)
            need(h.unit, w.unit)
            need(h.actual, w.actual)
            need(h.weight, w.weight)
            need(h.score, w.score)
            need(h.reason, w.reason)
        }
        if let c = form.budget?.columns {
            let w = ProjectWidth.self
            for column in [c.initial, c.adjusted, c.executed] { need(column, w.money) }
            need(c.weight, w.weight)
            need(c.rate, w.rate)
            need(c.score, w.score)
        }
        return (0..<max(count, 0)).map { index in
            widths[index + 1] ?? (index + 1 <= tableLast ? Self.projectSpareWidth : Self.extraColumnWidth)
        }
    }

    /// The width of a project form's table column that holds none of the known columns.
    public static let projectSpareWidth = 8.0

    /// Column widths of the project form (项目支出绩效自评表) by what the column holds, in Excel
    /// character units; close to the printed form and to the department grid's widths.
    enum ProjectWidth {
        /// 绩效指标, left of 一级指标.
        static let section = 8.0
        static let level1 = 10.0
        static let level2 = 12.0
        /// 三级指标.
        static let name = 20.0
        /// 指标性质 / 计算符号.
        static let nature = 7.0
        /// 年度指标值 (or its 指标值 sub-column).
        static let target = 14.0
        /// 度量单位.
        static let unit = 7.0
        static let actual = 14.0
        /// 分值 / 权重.
        static let weight = 7.0
        /// 得分 (and the money table's 得分).
        static let score = 9.0
        /// 偏差原因分析及改进措施.
        static let reason = 18.0
        /// 年初预算数, 全年预算数, 全年执行数.
        static let money = 10.0
        /// 执行率.
        static let rate = 9.0
    }
}
