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
        let first = owner[cell].map { merges[$0].first } ?? cell
        return kinds[first] ?? defaultKind(row: first.row, column: first.column)
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

    /// Widths of a project form's columns (项目支出绩效自评表), in Excel character units, by what
    /// each holds: close to the printed form and to the department grid's widths, the wider need
    /// where the indicator and money tables share a column. Table columns holding neither get
    /// ``projectSpareWidth``, columns right of the table ``extraColumnWidth``.
    static func projectWidths(form: Form, tableLast: Int, count: Int) -> [Double] {
        var needs: [(column: Int?, width: Double)] = []
        if let h = form.indicatorHeader {
            // 绩效指标 (left of 一级指标) 8, 一级 10, 二级 12, 三级指标 20, 指标性质 7, 年度指标值 14,
            // 度量单位 7, 实际完成值 14, 分值 7, 得分 9, 偏差原因分析及改进措施 18.
            if let section = h.sectionLabel, section.column < h.level1 { needs.append((section.column, 8)) }
            needs += [(h.level1, 10), (h.level2, 12), (h.name, 20), (h.nature, 7), (h.target, 14), (h.unit, 7),
                      (h.actual, 14), (h.weight, 7), (h.score, 9), (h.reason, 18)]
        }
        if let c = form.budget?.columns {
            // 年初预算数, 全年预算数, 全年执行数 10, 分值 7, 执行率 9, 得分 9.
            needs += [(c.initial, 10), (c.adjusted, 10), (c.executed, 10), (c.weight, 7), (c.rate, 9), (c.score, 9)]
        }
        var widths: [Int: Double] = [:]
        for case let (column?, width) in needs where column >= 1 { widths[column] = max(widths[column] ?? 0, width) }
        return (0..<max(count, 0)).map { index in
            widths[index + 1] ?? (index + 1 <= tableLast ? Self.projectSpareWidth : Self.extraColumnWidth)
        }
    }

    /// The width of a project form's table column that holds none of the known columns.
    public static let projectSpareWidth = 8.0
}
