import CSV
import Conversion
import Foundation
import SelfEvaluation
import XLSXReport

/// The facts of one form page, gathered once: the grid's layout, every finding with its number
/// and the cell it is shown at, every lost point with its number and cell. ``html()`` writes them.
struct FormPage {
    /// A finding, numbered in the order of its place in the form.
    struct Finding {
        var number: Int
        var diagnostic: Diagnostic
        /// The 0-based cell whose box shows the marker (the top-left cell of a merge).
        var cell: SheetCell
    }

    /// A lost point, numbered in 评分明细 order.
    struct Lost {
        var number: Int
        var line: ScoringDetail.Line
        var cell: SheetCell?
    }

    let scored: ScoredForm
    let sourceName: String
    let layout: FormLayout
    /// Cells in the workbook's marked style (``XLSXReport/ScoredCells/marked``: a generated
    /// reason, a replaced score), by the cell shown.
    let marked: Set<SheetCell>
    /// The workbook's cell comments (why the engine filled or changed a cell), by the cell shown.
    let comments: [SheetCell: String]
    let findings: [Finding]
    let lost: [Lost]
    let rowCount: Int
    let columnCount: Int
    /// Column widths in Excel character units: the workbook's, widened where a column's own
    /// (unmerged) cells hold long text, so that it does not wrap into a tall thin column.
    let columnWidths: [Double]

    init(_ converted: Converter.Scored, sourceName: String) {
        scored = converted.scored
        self.sourceName = sourceName
        let grid = ScoredGrid(scored)
        let layout = FormLayout(form: scored.form, rows: grid.rows)
        self.layout = layout
        let cells = ScoredCells(scored, grid: grid)
        marked = Set(cells.marked.map { Self.anchor(layout, row: $0.row + 1, column: $0.column + 1) })
        var comments: [SheetCell: String] = [:]
        for (cell, text) in cells.comments.sorted(by: { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }) {
            let shown = Self.anchor(layout, row: cell.row + 1, column: cell.column + 1)
            comments[shown] = comments[shown].map { $0 + "\n" + text } ?? text
        }
        self.comments = comments

        let ordered = converted.diagnostics.enumerated().sorted {
            ($0.element.location.row, $0.element.location.column, $0.offset)
                < ($1.element.location.row, $1.element.location.column, $1.offset)
        }.map(\.element)
        findings = ordered.enumerated().map { index, diagnostic in
            Finding(number: index + 1, diagnostic: diagnostic,
                    cell: Self.anchor(layout, row: diagnostic.location.row, column: diagnostic.location.column))
        }
        lost = ScoringDetail(scored).lines.filter { $0.lostPoints > 0 }.enumerated().map { index, line in
            Lost(number: index + 1, line: line,
                 cell: line.scoreCell.map { Self.anchor(layout, row: $0.row, column: $0.column) })
        }
        var rows = layout.rows.count
        var columns = layout.lastUsedColumn + 1
        for cell in findings.map(\.cell) + lost.compactMap(\.cell) {
            rows = max(rows, cell.row + 1)
            columns = max(columns, cell.column + 1)
        }
        rowCount = rows
        columnCount = columns
        columnWidths = (0..<columns).map { column in
            let width = column < layout.columnWidths.count ? layout.columnWidths[column] : FormLayout.extraColumnWidth
            guard width < Self.longTextWidth else { return width }
            for row in 0..<layout.rows.count where layout.merge(containing: row, column: column) == nil {
                if Self.textUnits(layout.text(row: row, column: column)) > Self.longTextUnits { return Self.longTextWidth }
            }
            return width
        }
    }

    /// A column whose own cells hold a text wider than this (in character units, a CJK
    /// character counting two) is widened to ``longTextWidth``.
    static let longTextUnits = 48
    static let longTextWidth = 14.0

    /// The width of `text` in character units: a CJK or other wide character counts two.
    static func textUnits(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + ($1.value >= 0x1100 ? 2 : 1) }
    }

    /// The 0-based cell showing a finding at 1-based `row`, `column`: a whole-row place (column
    /// 0) or one before the first row is shown at the nearest cell; a cell inside a merge at the
    /// merge's top-left cell.
    static func anchor(_ layout: FormLayout, row: Int, column: Int) -> SheetCell {
        let r = max(row, 1) - 1
        let c = max(column, 1) - 1
        if let merge = layout.merge(containing: r, column: c) { return merge.first }
        return SheetCell(row: r, column: c)
    }

    /// The id of a cell's box ("sev-E13").
    static func cellID(_ cell: SheetCell) -> String { "sev-" + cell.a1 }
    static func findingID(_ number: Int) -> String { "sev-f-\(number)" }
    static func lostID(_ number: Int) -> String { "sev-l-\(number)" }

    var decimals: Int { scored.ruleSet.decimals }
    var lostTotal: Decimal { lost.reduce(Decimal(0)) { $0 + $1.line.lostPoints } }
}

extension Severity {
    /// 错误 / 警告 / 提示, and the shape that marks the level besides its colour.
    var page: (label: String, mark: String) {
        switch self {
        case .error: (PageWords.error, PageWords.errorMark)
        case .warning: (PageWords.warning, PageWords.warningMark)
        case .note: (PageWords.note, PageWords.noteMark)
        }
    }

    /// The CSS class of the level.
    var pageClass: String { "sev-\(rawValue)" }
}
