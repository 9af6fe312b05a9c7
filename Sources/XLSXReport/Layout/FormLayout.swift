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

/// The geometry of the printed form, computed from a form's structure and its grid of texts:
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
    public private(set) var merges: [CellRange] = []
    /// Column widths in Excel character units, one per column.
    public let columnWidths: [Double]
    /// Row heights in points, one per row, computed from the texts.
    public private(set) var rowHeights: [Double] = []
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
    public private(set) var shrunkFonts: [SheetCell: Double] = [:]
    /// Font sizes tried, largest first, for a text too long for 409 pt at the body size.
    public static let shrinkSizes: [Double] = [10, 9, 8, 7, 6]

    /// The goals' text row is at least this many lines tall.
    public static let goalsMinimumLines = 5

    private var kinds: CellGrid<FormCellKind>
    private var goalsTextRow: Int?  // 0-based
    private var owner: CellGrid<Int>  // cell → index in `merges`

    /// Lays out `form` with the texts of `rows` (the scored grid, or a blank template's rows).
    public init(form: Form, rows inputRows: [[String]]) {
        let structure = FormStructure(form: form, rows: inputRows)
        let width = max(inputRows.map(\.count).max() ?? 0, structure.tableLast, ScoredGrid.minimumWidth)
        rows = inputRows.map { $0 + Array(repeating: "", count: max(0, width - $0.count)) }
        columnCount = width
        kinds = CellGrid(rows: inputRows.count, columns: width)
        owner = CellGrid(rows: inputRows.count, columns: width)
        tableColumnCount = structure.tableLast
        if let first = structure.tableFirstRow, let last = structure.tableLastRow, first <= last {
            tableRows = (first - 1)...(last - 1)
        } else {
            tableRows = nil
        }
        if form.template == .project {
            columnWidths = Self.projectWidths(form: form, tableLast: structure.tableLast, count: width)
        } else {
            columnWidths = (0..<width).map { column in
                column < Self.officialWidths.count ? Self.officialWidths[column] : Self.extraColumnWidth
            }
        }
        goalsTextRow = structure.goalsTextRow.map { $0 - 1 }
        assignKinds(structure, form: form)
        deriveMerges(structure, form: form)
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

    private func defaultKind(row: Int, column: Int) -> FormCellKind {
        if let tableRows, tableRows.contains(row), column < tableColumnCount { return .text }
        if let tableRows, row < tableRows.lowerBound { return .preamble }
        return .trailer
    }

    private func isEmpty(_ row1: Int, _ column1: Int) -> Bool {
        text(row: row1 - 1, column: column1 - 1).isEmpty
    }

    // MARK: Kinds

    private mutating func setKind(_ cell: CellAddress?, _ kind: FormCellKind) {
        guard let cell, cell.row >= 1, cell.column >= 1 else { return }
        kinds[SheetCell(row: cell.row - 1, column: cell.column - 1)] = kind
    }

    private mutating func setKind(row: Int, column: Int?, _ kind: FormCellKind) {
        guard let column else { return }
        setKind(CellAddress(row: row, column: column), kind)
    }

    private mutating func assignKinds(_ s: FormStructure, form: Form) {
        setKind(form.title?.cell, .title)
        if let yearRow = s.yearRow {
            // The year may be written inside the title cell ("2023年度项目支出绩效自评表"): that stays the title.
            for column in 1...columnCount where !isEmpty(yearRow, column)
            && CellAddress(row: yearRow, column: column) != form.title?.cell {
                setKind(row: yearRow, column: column, .subtitle)
            }
        }
        if let seal = s.sealCell { setKind(seal, .preamble) }
        if let filled = form.filledOn?.cell, let first = s.tableFirstRow, filled.row < first { setKind(filled, .preambleRight) }
        for field in form.headerFields {
            setKind(field.label.cell, .heading)
            setKind(field.value.cell, .label)
        }
        if let budget = form.budget {
            for column in 1...max(s.tableLast, 1) { setKind(row: budget.headerRow, column: column, .heading) }
            setKind(s.budgetSectionLabel, .heading)
            let c = budget.columns
            for row in budget.rows {
                setKind(row.name.cell, .label)
                for column in [c.initial, c.adjusted, c.executed, c.weight, c.rate, c.score] {
                    setKind(row: row.name.cell.row, column: column, .number)
                }
            }
        }
        if let labelRow = s.goalsLabelRow {
            for column in 1...s.tableLast { setKind(row: labelRow, column: column, .heading) }
        }
        if let header = form.indicatorHeader {
            for row in header.headerRows {
                for column in 1...s.tableLast { setKind(row: row, column: column, .heading) }
            }
            setKind(header.sectionLabel, .heading)
            for indicator in form.indicators {
                let row = indicator.row
                setKind(row: row, column: header.level1, .label)
                setKind(row: row, column: header.level2, .label)
                setKind(indicator.level1.cell, .label)
                setKind(indicator.level2.cell, .label)
                setKind(row: row, column: header.weight, .number)
                setKind(row: row, column: header.score, .number)
                setKind(row: row, column: header.nature, .label)
                setKind(row: row, column: header.unit, .label)
            }
        }
        if let total = form.total {
            setKind(total.label, .heading)
            setKind(total.weight?.cell, .number)
            setKind(total.score?.cell, .number)
        }
        setKind(form.conclusionLabel?.cell, .heading)
        setKind(form.conclusion?.cell, .label)
        // Trailer rows inside the table: labels as headings; the values of a row of several
        // label | value pairs (项目负责人 | 财务负责人) centred, a single value (评价结论) as text.
        if let trailerRows = s.trailerTableRows {
            for row in trailerRows {
                let labels = s.trailerLabelCells.filter { $0.row == row }
                for column in 1...max(s.tableLast, 1) where !isEmpty(row, column) {
                    let cell = CellAddress(row: row, column: column)
                    if labels.contains(cell) {
                        setKind(cell, .heading)
                    } else if labels.count > 1 {
                        setKind(cell, .label)
                    }
                }
            }
        }
    }

    // MARK: Merges

    /// Adds a merge of 1-based rows `r1...r2` × columns `c1...c2` when it has at least two cells,
    /// lies in the grid, overlaps no accepted merge and covers only empty cells besides its first.
    private mutating func merge(_ r1: Int, _ c1: Int, _ r2: Int, _ c2: Int) {
        guard r1 >= 1, c1 >= 1, r2 >= r1, c2 >= c1, r1 != r2 || c1 != c2 else { return }
        guard r2 <= rows.count, c2 <= columnCount else { return }
        for row in r1...r2 {
            for column in c1...c2 {
                if owner[SheetCell(row: row - 1, column: column - 1)] != nil { return }
                if (row != r1 || column != c1) && !isEmpty(row, column) { return }
            }
        }
        let range = CellRange(firstRow: r1 - 1, firstColumn: c1 - 1, lastRow: r2 - 1, lastColumn: c2 - 1)
        merges.append(range)
        for row in r1...r2 {
            for column in c1...c2 { owner[SheetCell(row: row - 1, column: column - 1)] = merges.count - 1 }
        }
    }

    /// Each anchor of the row (non-empty cells plus `anchors`) spans right to the next anchor,
    /// the last one to the table's edge.
    private mutating func fillRight(row: Int, anchors: Set<Int> = [], through last: Int) {
        guard row >= 1, row <= rows.count else { return }
        var columns = anchors.filter { $0 >= 1 && $0 <= last }
        for column in 1...max(last, 1) where !isEmpty(row, column) { columns.insert(column) }
        let sorted = columns.sorted()
        for (index, column) in sorted.enumerated() {
            let end = index + 1 < sorted.count ? sorted[index + 1] - 1 : last
            merge(row, column, row, end)
        }
    }

    private mutating func deriveMerges(_ s: FormStructure, form: Form) {
        let last = s.tableLast
        // Lines above the table (title, year, 单位(盖章) | 填报日期) and the header fields.
        let firstSection = s.firstSectionRow ?? (rows.count + 1)
        var fieldAnchors: [Int: Set<Int>] = [:]
        for field in form.headerFields where field.label.cell.row < firstSection {
            fieldAnchors[field.label.cell.row, default: []].formUnion([field.label.cell.column, field.value.cell.column])
        }
        if let filled = form.filledOn?.cell, filled.row < firstSection { fieldAnchors[filled.row, default: []].insert(filled.column) }
        for row in 1..<max(firstSection, 1) { fillRight(row: row, anchors: fieldAnchors[row] ?? [], through: last) }

        // The money table: its section label over its rows, left of the 资金来源 column.
        if let budget = form.budget, let label = s.budgetSectionLabel, let lastRow = budget.rows.last?.name.cell.row {
            merge(label.row, label.column, max(lastRow, label.row), budget.columns.name - 1)
        }
        // Its name column over the empty columns up to the first money column (B:C, C:D on
        // project forms; a single column on the department form).
        if let budget = form.budget {
            let c = budget.columns
            let numbers = [c.initial, c.adjusted, c.executed, c.weight, c.rate, c.score].compactMap { $0 }
            if let firstNumber = numbers.filter({ $0 > c.name }).min() {
                merge(budget.headerRow, c.name, budget.headerRow, firstNumber - 1)
                for row in budget.rows where row.name.cell.column < firstNumber {
                    merge(row.name.cell.row, row.name.cell.column, row.name.cell.row, firstNumber - 1)
                }
            }
        }

        // 年度总体目标: the section label down both rows, 预期目标 | 实际完成情况 and their texts.
        if let labelRow = s.goalsLabelRow, let expected = s.goalsExpectedColumn {
            let textRow = s.goalsTextRow ?? labelRow
            let expectedEnd = (s.goalsActualColumn ?? (last + 1)) - 1
            if let section = s.goalsSectionLabel { merge(section.row, section.column, textRow, expected - 1) }
            merge(labelRow, expected, labelRow, expectedEnd)
            if let actual = s.goalsActualColumn { merge(labelRow, actual, labelRow, last) }
            if textRow > labelRow {
                let goalsColumn = form.goals?.cell.column ?? expected
                merge(textRow, goalsColumn, textRow, expectedEnd)
                if let actual = s.goalsActualColumn {
                    merge(textRow, form.achievements?.cell.column ?? actual, textRow, last)
                }
            }
        }

        // A two-row header: 年度指标值 across its sub-columns, 绩效指标 across the level columns
        // when it heads them, and the upper row's labels with nothing below them down both rows.
        if let header = form.indicatorHeader, header.headerRows.count > 1 {
            let top = header.headerRows.lowerBound
            let bottom = header.headerRows.upperBound
            if let group = header.targetGroup,
               let end = ([header.nature, header.target, header.unit].compactMap { $0 } + [group.column]).max() {
                merge(group.row, group.column, group.row, end)
            }
            if let section = header.sectionLabel, section.column >= header.level1, section.row < bottom {
                let next = stride(from: section.column + 1, through: last, by: 1).first { !isEmpty(section.row, $0) }
                merge(section.row, section.column, section.row, (next ?? (last + 1)) - 1)
            }
            for column in 1...max(last, 1) where !isEmpty(top, column) && isEmpty(bottom, column) {
                merge(top, column, bottom, column)
            }
        }

        // 绩效指标: the section label down the table; level-1 and level-2 groups down their rows.
        if let header = form.indicatorHeader, let lastRow = form.indicators.map(\.row).max() {
            if let section = header.sectionLabel, section.column < header.level1 {
                merge(section.row, section.column, lastRow, header.level1 - 1)
            }
            for (key, end) in Self.groups(form.indicators, column: header.level1, cell: { $0.level1 }) {
                merge(key.row, key.column, end, key.column)
            }
            for (key, end) in Self.groups(form.indicators, column: header.level2, cell: { $0.level2 }) {
                merge(key.row, key.column, end, key.column)
            }
        }

        // 总分 over the columns left of its numbers; 自评结论's value to the edge.
        if let total = form.total {
            let numbers = [total.weight?.cell.column, total.score?.cell.column].compactMap { $0 }.filter { $0 > total.label.column }
            merge(total.label.row, total.label.column, total.label.row, (numbers.min() ?? (last + 1)) - 1)
        }
        if let value = form.conclusion?.cell { merge(value.row, value.column, value.row, last) }

        // Trailer rows inside the table: each label and value to the next one, the last to the
        // edge; a label with no value of its own leaves the value's place merged after it.
        if let trailerRows = s.trailerTableRows {
            for row in trailerRows {
                let labels = Set(s.trailerLabelCells.filter { $0.row == row }.map(\.column))
                var anchors = Set<Int>()
                for label in labels {
                    let next = stride(from: label + 1, through: last, by: 1).first { !isEmpty(row, $0) }
                    if next.map({ labels.contains($0) }) ?? true { anchors.insert(label + 1) }
                }
                fillRight(row: row, anchors: anchors, through: last)
            }
        }

        // Lines below the table (联系人 | 联系电话, 注 …).
        if let end = s.tableLastRow, end < rows.count {
            for row in (end + 1)...rows.count { fillRight(row: row, through: last) }
        }
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

    /// Groups of consecutive indicators sharing a level label written in `column`: the label's
    /// cell and the last row of its group.
    private static func groups(
        _ indicators: [Indicator], column: Int, cell: (Indicator) -> Located<String>
    ) -> [(CellAddress, Int)] {
        var result: [(CellAddress, Int)] = []
        for indicator in indicators {
            let label = cell(indicator)
            guard !label.value.isEmpty, label.cell.column == column, label.cell.row <= indicator.row else { continue }
            if let lastIndex = result.indices.last, result[lastIndex].0 == label.cell {
                result[lastIndex].1 = max(result[lastIndex].1, indicator.row)
            } else {
                result.append((label.cell, indicator.row))
            }
        }
        return result
    }

    // MARK: Row heights

    /// The font size of a cell kind.
    public static func fontSize(_ kind: FormCellKind) -> Double {
        kind == .title ? titleFontSize : bodyFontSize
    }

    /// The font size of a 0-based cell (the top-left of its merged range decides).
    public func fontSize(row: Int, column: Int) -> Double {
        let first = merge(containing: row, column: column)?.first ?? SheetCell(row: row, column: column)
        return shrunkFonts[first] ?? Self.fontSize(kind(row: first.row, column: first.column))
    }

    /// Widths are estimated for 宋体; renderers may substitute a slightly wider face, so lines
    /// are counted on this share of the width.
    static let widthSafety = 0.92

    /// The height a text needs in a cell `width` units wide at `fontSize` (not capped at 409 pt,
    /// unlike ``TextMetrics/rowHeight(lines:fontSize:)``, so that overflow can be seen).
    static func neededHeight(_ text: String, width: Double, fontSize: Double) -> Double {
        let lines = text.isEmpty ? 1 : TextMetrics.lineCount(text, columnWidth: width * widthSafety, fontSize: fontSize)
        let raw = Double(lines) * fontSize * TextMetrics.lineHeightFactor + TextMetrics.rowPadding
        return (raw * 4).rounded(.up) / 4
    }

    /// Sets ``rowHeights``: every row as tall as its tallest single-row text needs, then vertical
    /// merges spread what they still miss over their rows. A text that would need more than
    /// 409 pt (Excel's limit) at the body size gets the largest smaller font that fits.
    private mutating func computeRowHeights() {
        let minimum = TextMetrics.rowHeight(lines: 1, fontSize: Self.bodyFontSize)
        var heights = Array(repeating: minimum, count: rows.count)
        var tall: [(range: CellRange, height: Double)] = []
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                let kind = self.kind(row: r, column: c)
                let range = merge(containing: r, column: c) ?? CellRange(firstRow: r, firstColumn: c, lastRow: r, lastColumn: c)
                let width = (range.first.column...range.last.column).reduce(0.0) { $0 + columnWidths[$1] }
                var size = Self.fontSize(kind)
                var needed = Self.neededHeight(text, width: width, fontSize: size)
                let limit = 409.0 * Double(range.last.row - range.first.row + 1)
                if needed > limit {
                    for smaller in Self.shrinkSizes where smaller < size {
                        size = smaller
                        needed = Self.neededHeight(text, width: width, fontSize: size)
                        if needed <= limit { break }
                    }
                    shrunkFonts[range.first] = size
                    needed = min(needed, limit)
                }
                if range.first.row == range.last.row {
                    heights[r] = max(heights[r], needed)
                } else {
                    tall.append((range, needed))
                }
            }
        }
        // Vertical merges: spread what is missing over their rows, shortest spans first.
        for (range, needed) in tall.sorted(by: { $0.range.last.row - $0.range.first.row < $1.range.last.row - $1.range.first.row }) {
            let span = range.first.row...range.last.row
            let have = span.reduce(0.0) { $0 + heights[$1] }
            guard needed > have else { continue }
            let extra = ((needed - have) / Double(span.count) * 4).rounded(.up) / 4
            for row in span { heights[row] = min(heights[row] + extra, 409) }
        }
        // Room to write in the goals' text row, even when it is empty (a blank form).
        if let textRow = goalsTextRow, textRow >= 0, textRow < heights.count {
            heights[textRow] = max(heights[textRow], TextMetrics.rowHeight(lines: Self.goalsMinimumLines, fontSize: Self.bodyFontSize))
        }
        rowHeights = heights
    }
}

/// The parts of a form the layout needs that `Form` does not name directly (section labels,
/// the goals rows), found from its cells and the grid. 1-based, like the form.
struct FormStructure {
    /// The table's last column (1-based): the rightmost column of the indicator and money tables.
    var tableLast: Int
    var tableFirstRow: Int?
    var tableLastRow: Int?
    /// The first row of a section (money table, goals, indicators): rows above it are filled right.
    var firstSectionRow: Int?
    var sealCell: CellAddress?
    /// The "(2023年度)" line: the form's year cell, else a line above the table holding 年度.
    var yearRow: Int?
    var budgetSectionLabel: CellAddress?
    var goalsLabelRow: Int?
    var goalsTextRow: Int?
    var goalsSectionLabel: CellAddress?
    var goalsExpectedColumn: Int?
    var goalsActualColumn: Int?
    /// Rows printed as part of the table after it (a project form's 评价结论, 存在问题, 改进措施,
    /// 项目负责人 | 财务负责人): each starts with one of `Vocabulary.trailerLabels`.
    var trailerTableRows: ClosedRange<Int>?
    /// The label cells of those rows (the other non-empty cells are their values).
    var trailerLabelCells: Set<CellAddress> = []

    init(form: Form, rows: [[String]]) {
        func text(_ row: Int, _ column: Int) -> String {
            guard row >= 1, row <= rows.count, column >= 1, column <= rows[row - 1].count else { return "" }
            return rows[row - 1][column - 1]
        }
        func normalized(_ row: Int, _ column: Int) -> String { LabelText.normalize(text(row, column)) }
        func width(_ row: Int) -> Int { row >= 1 && row <= rows.count ? rows[row - 1].count : 0 }

        var columns: [Int] = []
        if let h = form.indicatorHeader {
            columns += [h.level1, h.level2, h.name, h.target, h.actual, h.weight, h.score]
            columns += [h.reason, h.nature, h.unit].compactMap { $0 }
        }
        if let b = form.budget?.columns {
            columns += [b.name] + [b.initial, b.adjusted, b.executed, b.weight, b.rate, b.score].compactMap { $0 }
        }
        tableLast = columns.max() ?? ScoredGrid.minimumWidth

        let indicatorRow = form.indicatorHeader?.headerRows.lowerBound ?? (rows.count + 1)
        yearRow = form.year?.cell.row
        if yearRow == nil {
            let firstRow = (form.title?.cell.row ?? 0) + 1
            for row in firstRow..<max(indicatorRow, firstRow) where yearRow == nil {
                let texts = (1...max(width(row), 1)).map { normalized(row, $0) }.filter { !$0.isEmpty }
                if texts.count == 1, texts[0].contains(Vocabulary.yearSuffix), !texts[0].contains(":") { yearRow = row }
            }
        }
        // 单位(盖章)
        for row in 1..<max(indicatorRow, 1) where sealCell == nil {
            for column in 1...max(width(row), 1)
            where normalized(row, column).hasPrefix(LabelText.normalize(Vocabulary.unitSealLabel)) {
                sealCell = CellAddress(row: row, column: column)
                break
            }
        }
        // The money table's section label: left of 资金来源, on its rows.
        if let budget = form.budget, budget.columns.name > 1 {
            let lastRow = budget.rows.last?.name.cell.row ?? budget.headerRow
            search: for row in budget.headerRow...max(lastRow, budget.headerRow) {
                for column in 1..<budget.columns.name where !text(row, column).isEmpty {
                    budgetSectionLabel = CellAddress(row: row, column: column)
                    break search
                }
            }
        }
        // 年度总体目标: the row holding 预期目标, the text row below.
        for row in 1..<max(indicatorRow, 1) where goalsLabelRow == nil {
            for column in 1...max(width(row), 1) where normalized(row, column) == Vocabulary.goalsExpectedLabel {
                goalsLabelRow = row
                goalsExpectedColumn = column
            }
        }
        if let labelRow = goalsLabelRow, let expected = goalsExpectedColumn {
            for column in 1...max(width(labelRow), 1) where normalized(labelRow, column) == Vocabulary.goalsActualLabel {
                goalsActualColumn = column
            }
            for column in 1..<expected where !text(labelRow, column).isEmpty {
                goalsSectionLabel = CellAddress(row: labelRow, column: column)
                break
            }
            let written = [form.goals?.cell.row, form.achievements?.cell.row].compactMap { $0 }.filter { $0 > labelRow }
            if let row = written.min() {
                goalsTextRow = row
            } else if labelRow + 1 < indicatorRow {
                goalsTextRow = labelRow + 1
            }
        }

        let sections = [form.budget?.headerRow, goalsLabelRow, form.indicatorHeader?.headerRows.lowerBound].compactMap { $0 }
        firstSectionRow = sections.min()
        let fieldRows = form.headerFields.map(\.label.cell.row).filter { $0 < (firstSectionRow ?? Int.max) }
        tableFirstRow = (fieldRows + sections).min()
        let ends: [Int?] = [
            form.conclusion?.cell.row, form.conclusionLabel?.cell.row, form.total?.label.row,
            form.indicators.map(\.row).max(), form.indicatorHeader?.headerRows.upperBound,
        ]
        tableLastRow = ends.compactMap { $0 }.max()

        // Trailer rows printed inside the table: consecutive rows right after it, each starting
        // with a trailer label.
        // A row belongs when its first cell starts with a label (as the reader decides); label
        // cells are those holding just a label ("评价结论：项目…" in one cell is a value).
        let trailerLabels = Vocabulary.trailerLabels.map(LabelText.normalize)
        func startsWithLabel(_ row: Int, _ column: Int) -> Bool {
            let label = normalized(row, column)
            return !label.isEmpty && trailerLabels.contains { label.hasPrefix($0) }
        }
        if let end = tableLastRow {
            var row = end + 1
            while row <= rows.count,
                  let first = (1...max(width(row), 1)).first(where: { !text(row, $0).isEmpty }),
                  startsWithLabel(row, first) {
                for column in first...max(width(row), first) where trailerLabels.contains(normalized(row, column)) {
                    trailerLabelCells.insert(CellAddress(row: row, column: column))
                }
                row += 1
            }
            if row > end + 1 {
                trailerTableRows = (end + 1)...(row - 1)
                tableLastRow = row - 1
            }
        }
    }
}
