import Foundation
import SelfEvaluation

/// Writes a ``FormLayout`` onto a worksheet: merges, texts (always as strings), numbers and
/// formulas from ``ScoredCells``, borders on every table cell (blank ones too), column widths,
/// computed row heights, comments and the print setup (A4 portrait, one page wide, centred,
/// page numbers, print area over the used columns, no gridlines).
struct FormSheetWriter {
    let layout: FormLayout
    var contents: [SheetCell: FormCellContent] = [:]
    var comments: [SheetCell: String] = [:]
    var commentAuthor: String?
    /// A note written one row under the table, outside the print area (scored workbooks:
    /// figures edited by hand must be re-scored with selfeval).
    var noteUnderTable: String?
    /// Cells in the marked style (generated reasons, replaced scores); when any, the legend
    /// (``WorkbookWords/markedLegend``) is written under the table, outside the print area.
    var marked: Set<SheetCell> = []

    /// The fill of marked cells (a pale yellow that prints as a light grey).
    static let markedFill = RGBColor(rgb: 0xFFF2CC)

    /// A style in its marked form: the fill, italic.
    static func markedStyle(_ style: CellStyle) -> CellStyle {
        style.with { $0.fillColor = markedFill; $0.italic = true }
    }

    /// The style of a cell kind, with a number format for numbers and formulas.
    static func style(_ kind: FormCellKind, numberFormat: String? = nil) -> CellStyle {
        let words = WorkbookWords.self
        var style = CellStyle(
            fontName: words.bodyFont, fontSize: FormLayout.bodyFontSize, thinBorder: kind.bordered, wrap: true,
            horizontal: .center, vertical: .center, numberFormat: numberFormat)
        switch kind {
        case .title:
            style.fontName = words.titleFont
            style.fontSize = FormLayout.titleFontSize
            style.bold = true
        case .subtitle, .label, .number: break
        case .heading: style.bold = true
        case .preamble, .text, .trailer: style.horizontal = .left
        case .preambleRight: style.horizontal = .right
        }
        return style
    }

    func write(to sheet: Worksheet) throws {
        for (column, width) in layout.columnWidths.enumerated() { try sheet.setColumnWidth(width, column: column) }
        for (row, height) in layout.rowHeights.enumerated() { try sheet.setRowHeight(height, row: row) }

        var formats = FormFormats(workbook: sheet.workbook)
        // The few numbers and marked cells placed on the grid once: every cell looks itself up.
        var contents = CellGrid<FormCellContent>(rows: layout.rows.count, columns: layout.columnCount)
        for (cell, content) in self.contents { contents[cell] = content }
        var marked = CellGrid<Bool>(rows: layout.rows.count, columns: layout.columnCount)
        for cell in self.marked { marked[cell] = true }
        for range in layout.merges {
            let first = range.first
            let content = contents[first]
            let format = try formats.format(
                layout.kind(row: first.row, column: first.column), fontSize: layout.fontSize(row: first.row, column: first.column),
                numberFormat: content?.format, marked: marked[first] ?? false)
            let text = content == nil ? layout.text(row: first.row, column: first.column) : ""
            try sheet.mergeRange(firstRow: first.row, firstColumn: first.column, lastRow: range.last.row,
                                 lastColumn: range.last.column, text: text, format: format)
            if let content { try write(content, row: first.row, column: first.column, format: format, on: sheet) }
        }
        for row in 0..<layout.rows.count {
            for column in 0..<layout.columnCount where layout.merge(containing: row, column: column) == nil {
                let cell = SheetCell(row: row, column: column)
                let kind = layout.kind(row: row, column: column)
                let content = contents[cell]
                let text = layout.text(row: row, column: column)
                // A cell outside every merge: its own font size (only merged texts are shrunk).
                let fontSize = layout.shrunkFonts[cell] ?? FormLayout.fontSize(kind)
                guard content != nil || !text.isEmpty || kind.bordered else { continue }
                let format = try formats.format(kind, fontSize: fontSize, numberFormat: content?.format, marked: marked[cell] ?? false)
                if let content {
                    try write(content, row: row, column: column, format: format, on: sheet)
                } else if !text.isEmpty {
                    try sheet.writeString(text, row: row, column: column, format: format)  // input: always text
                } else {
                    try sheet.writeBlank(row: row, column: column, format: format)
                }
            }
        }
        for (cell, text) in comments.sorted(by: { ($0.key.row, $0.key.column) < ($1.key.row, $1.key.column) }) {
            let lines = TextMetrics.lineCount(text, columnWidth: 30)
            try sheet.writeComment(text, row: cell.row, column: cell.column, author: commentAuthor, fontSize: 9, width: 240,
                                   height: min(max(40 + lines * 14, 74), 400))
        }
        let lastRow = max(layout.rows.count - 1, 0)
        // The note one row below the table and the legend of the marked style under it: outside the
        // print area (the printed form stays the official one), unwrapped so that they run on
        // across the empty cells to their right.
        let under = Self.style(.trailer).with { $0.thinBorder = false; $0.wrap = false }
        if let note = noteUnderTable {
            try sheet.writeString(note, row: layout.rows.count + 1, column: 0, format: sheet.workbook.format(under))
        }
        if !self.marked.isEmpty {
            try sheet.writeString(WorkbookWords.markedLegend, row: layout.rows.count + 2, column: 0,
                                  format: sheet.workbook.format(Self.markedStyle(under)))
        }
        // Printed at a computed scale with computed page breaks: the indicator header on every
        // page, no label alone at a page foot, the footer counting the form's own pages.
        let pages = FormPagination(layout: layout, lastRow: lastRow)
        var setup = PrintSetup(
            footer: pages.footer, repeatRows: pages.repeatRows,
            printArea: CellRange(firstRow: 0, firstColumn: 0, lastRow: lastRow, lastColumn: layout.lastUsedColumn),
            hideGridlines: true)
        setup.scale = pages.scale
        setup.rowBreaks = pages.breaks
        setup.firstPageNumber = 1
        try sheet.applyPrintSetup(setup)
    }

    private func write(_ content: FormCellContent, row: Int, column: Int, format: CellFormat, on sheet: Worksheet) throws {
        switch content {
        case .number(let value, _):
            try sheet.writeNumber(value, row: row, column: column, format: format)
        case .formula(let formula, let cached, _):
            try sheet.writeFormula(formula, cachedValue: .number(cached), row: row, column: column, format: format)
        case .textFormula(let formula, let cached):
            try sheet.writeFormula(formula, cachedValue: .text(cached), row: row, column: column, format: format)
        }
    }
}
