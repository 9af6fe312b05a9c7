import CXLSXWriter
import Foundation
import SelfEvaluation

/// The cached value of a formula cell, shown by programs that do not recalculate
/// (LibreOffice on load, viewers, CSV export). It must be the formula's true result.
public enum FormulaValue: Hashable, Sendable {
    /// A numeric result.
    case number(Decimal)
    /// A text result.
    case text(String)
}

/// Page orientation.
public enum PageOrientation: Hashable, Sendable {
    /// Portrait (upright).
    case portrait
    /// Landscape (sideways).
    case landscape
}

/// Page margins in inches.
public struct PageMargins: Hashable, Sendable {
    /// Left margin, inches.
    public var left: Double
    /// Right margin, inches.
    public var right: Double
    /// Top margin, inches.
    public var top: Double
    /// Bottom margin, inches.
    public var bottom: Double

    /// Creates margins (inches).
    public init(left: Double, right: Double, top: Double, bottom: Double) {
        self.left = left
        self.right = right
        self.top = top
        self.bottom = bottom
    }

    /// Narrow margins suited to the form: 0.5 in left/right, 0.75 in top/bottom.
    public static let form = PageMargins(left: 0.5, right: 0.5, top: 0.75, bottom: 0.75)
}

/// Everything about printing a sheet, applied at once by ``Worksheet/applyPrintSetup(_:)``.
/// The paper is A4; the defaults print like the paper form: portrait, one page wide, centred,
/// page numbers in the footer.
public struct PrintSetup: Hashable, Sendable {
    /// Orientation; portrait by default.
    public var orientation: PageOrientation
    /// Fit to this many pages wide (nil: no fitting); 1 by default.
    public var fitWidth: Int?
    /// Fit to this many pages tall when fitting (0 = as many as needed).
    public var fitHeight: Int
    /// Centre the content horizontally on the page.
    public var centerHorizontally: Bool
    /// Margins; nil keeps Excel's defaults.
    public var margins: PageMargins?
    /// Footer text in Excel's `&L/&C/&R` codes (at most 255 characters); defaults to a centred "第 &P 页，共 &N 页".
    public var footer: String?
    /// 0-based rows repeated at the top of every printed page.
    public var repeatRows: ClosedRange<Int>?
    /// The printed area; nil prints the used range.
    public var printArea: CellRange?
    /// A fixed print scale, percent (10…400); used instead of ``fitWidth`` when set.
    public var scale: Int?
    /// 0-based rows that start a new printed page (manual page breaks, `<rowBreaks>`).
    public var rowBreaks: [Int] = []
    /// The number of the sheet's first printed page (`useFirstPageNumber`); nil continues from
    /// the sheets before it.
    public var firstPageNumber: Int?
    /// Hide gridlines on screen and on paper.
    public var hideGridlines: Bool

    /// Creates a print setup with the form's defaults.
    public init(
        orientation: PageOrientation = .portrait, fitWidth: Int? = 1, fitHeight: Int = 0,
        centerHorizontally: Bool = true, margins: PageMargins? = .form,
        footer: String? = PrintSetup.defaultFooter, repeatRows: ClosedRange<Int>? = nil,
        printArea: CellRange? = nil, hideGridlines: Bool = false
    ) {
        self.orientation = orientation
        self.fitWidth = fitWidth
        self.fitHeight = fitHeight
        self.centerHorizontally = centerHorizontally
        self.margins = margins
        self.footer = footer
        self.repeatRows = repeatRows
        self.printArea = printArea
        self.hideGridlines = hideGridlines
    }

    /// The default footer, `&C第 &P 页，共 &N 页`.
    public static var defaultFooter: String { WorkbookWords.pageFooter }
}

/// One sheet of a ``Workbook``.
///
/// **Rows and columns are 0-based** (row 0, column 0 is `A1`); errors name cells in
/// `A1` style (`自评表!B3`). Every method throws ``XLSXError``: for a cell outside the
/// sheet, a library error, or when the workbook is already closed.
///
/// The sheet keeps its workbook alive (a strong reference; the workbook does not
/// reference its sheets, so there is no cycle), which makes a dangling C pointer
/// impossible: after ``Workbook/close()`` the methods throw `workbookClosed`.
public final class Worksheet {
    /// The sheet's name.
    public let name: String
    /// The workbook the sheet belongs to.
    public let workbook: Workbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
    }

    // MARK: Checks

    /// The C format of a resolved format (nil = the default format); one made by another
    /// workbook is refused (its pointer is not this workbook's).
    private func pointer(_ format: CellFormat?, _ operation: String, _ location: XLSXError.Location) throws
        -> UnsafeMutablePointer<lxw_format>? {
        guard let format else { return nil }
        guard format.workbook == ObjectIdentifier(workbook) else {
            throw XLSXError.invalid(operation, location, "the format belongs to another workbook")
        }
        return format.pointer
    }

    private func live(_ operation: String, _ location: XLSXError.Location) throws -> UnsafeMutablePointer<lxw_worksheet> {
        _ = try workbook.live(operation, location)
        return handle
    }

    /// The live sheet, the C row and column of a 0-based cell, and its place for errors.
    private func cell(_ operation: String, _ row: Int, _ column: Int)
        throws -> (UnsafeMutablePointer<lxw_worksheet>, lxw_row_t, lxw_col_t, XLSXError.Location) {
        let location = XLSXError.Location.cell(sheet: name, SheetCell(row: row, column: column))
        let ws = try live(operation, location)
        return (ws, try cRow(row, operation, location), try cColumn(column, operation, location), location)
    }

    private func cRow(_ row: Int, _ operation: String, _ location: XLSXError.Location) throws -> lxw_row_t {
        guard (0..<SheetCell.rowCount).contains(row), let value = lxw_row_t(exactly: row) else {
            throw XLSXError.invalid(operation, location, "row \(row) (0-based) is outside 0…\(SheetCell.rowCount - 1)")
        }
        return value
    }

    private func cColumn(_ column: Int, _ operation: String, _ location: XLSXError.Location) throws -> lxw_col_t {
        guard (0..<SheetCell.columnCount).contains(column), let value = lxw_col_t(exactly: column) else {
            throw XLSXError.invalid(operation, location, "column \(column) (0-based) is outside 0…\(SheetCell.columnCount - 1)")
        }
        return value
    }

    private func cRange(_ range: CellRange, _ operation: String) throws -> (lxw_row_t, lxw_col_t, lxw_row_t, lxw_col_t) {
        let location = XLSXError.Location.range(sheet: name, range)
        let bounds = (
            try cRow(range.first.row, operation, location), try cColumn(range.first.column, operation, location),
            try cRow(range.last.row, operation, location), try cColumn(range.last.column, operation, location)
        )
        guard bounds.0 <= bounds.2, bounds.1 <= bounds.3 else {
            throw XLSXError.invalid(operation, location, "the first cell must be above and left of the last")
        }
        return bounds
    }

    // MARK: Cells

    /// Writes `text` as a string cell (a shared string, `t="s"`).
    ///
    /// **Input text is always written as text, never as a formula**: this calls
    /// `worksheet_write_string` only, so a value starting with `=`, `+`, `-` or `@`
    /// stays literal text. An empty string with no format writes nothing.
    /// NUL characters are rejected; any other character XML 1.0 forbids (C0 controls but TAB, LF
    /// and CR; U+FFFE, U+FFFF) is written as U+FFFD, and a text over 32,767 UTF-16 units (Excel's
    /// limit) is cut to fit with "…" (``XMLText``). Every string entry point does the same.
    /// `format` comes from ``Workbook/format(_:)`` (nil: the default format).
    public func writeString(_ text: String, row: Int, column: Int, format: CellFormat? = nil) throws {
        let operation = "worksheet_write_string"
        let (ws, r, c, location) = try cell(operation, row, column)
        let text = try CBridge.cellText(text, "the text", operation, location)
        let format = try pointer(format, operation, location)
        // `withCString` lends the string's own bytes; passing a `String` as a pointer copies them.
        try XLSXError.check(text.withCString { worksheet_write_string(ws, r, c, $0, format) }, operation, location)
    }

    /// Writes a number cell; nil writes a blank cell with `format` (``writeBlank(row:column:format:)``).
    /// The exact `Decimal` becomes a `double` only here, at the C boundary (Excel stores IEEE doubles).
    public func writeNumber(_ value: Decimal?, row: Int, column: Int, format: CellFormat? = nil) throws {
        guard let value else { return try writeBlank(row: row, column: column, format: format) }
        let operation = "worksheet_write_number"
        let (ws, r, c, location) = try cell(operation, row, column)
        let number = try CBridge.double(value, operation, location)
        let format = try pointer(format, operation, location)
        try XLSXError.check(worksheet_write_number(ws, r, c, number, format), operation, location)
    }

    /// Writes a formula with its cached result. `formula` is program-built (never
    /// input text), with or without the leading `=`, e.g. `"=IF(D5=0,0,E5/D5)"`.
    public func writeFormula(_ formula: String, cachedValue: FormulaValue, row: Int, column: Int,
                             format: CellFormat? = nil) throws {
        let operation = if case .number = cachedValue { "worksheet_write_formula_num" } else { "worksheet_write_formula_str" }
        let (ws, r, c, location) = try cell(operation, row, column)
        let formula = try CBridge.xmlText(formula, "the formula", operation, location)
        switch cachedValue {
        case .number(let value):
            let number = try CBridge.double(value, operation, location)
            let format = try pointer(format, operation, location)
            try XLSXError.check(formula.withCString { worksheet_write_formula_num(ws, r, c, $0, format, number) }, operation, location)
        case .text(let text):
            let text = try CBridge.xmlText(text, "the cached text", operation, location, limit: XMLText.cellLimit)
            let format = try pointer(format, operation, location)
            try XLSXError.check(worksheet_write_formula_str(ws, r, c, formula, format, text), operation, location)
        }
    }

    /// Writes an empty cell carrying `format` (for borders on empty cells). Without a
    /// format nothing is written.
    public func writeBlank(row: Int, column: Int, format: CellFormat? = nil) throws {
        let operation = "worksheet_write_blank"
        let (ws, r, c, location) = try cell(operation, row, column)
        let format = try pointer(format, operation, location)
        try XLSXError.check(worksheet_write_blank(ws, r, c, format), operation, location)
    }

    /// Merges a range (0-based, inclusive; at least two cells) and writes `text` into
    /// it as a string (never a formula), giving every cell of the range `format`.
    /// To show a number in a merged cell, merge with `""` then ``writeNumber(_:row:column:format:)``
    /// into the first cell with the same format. Merged ranges must not overlap.
    public func mergeRange(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, text: String, format: CellFormat? = nil
    ) throws {
        let operation = "worksheet_merge_range"
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let location = XLSXError.Location.range(sheet: name, range)
        let ws = try live(operation, location)
        let (r1, c1, r2, c2) = try cRange(range, operation)
        guard r1 != r2 || c1 != c2 else {
            throw XLSXError.invalid(operation, location, "a merged range needs at least two cells")
        }
        let text = try CBridge.cellText(text, "the text", operation, location)
        let format = try pointer(format, operation, location)
        try XLSXError.check(text.withCString { worksheet_merge_range(ws, r1, c1, r2, c2, $0, format) }, operation, location)
    }

    /// Adds a hidden note in 宋体 (so that Chinese text renders; shown on hover) to a cell (0-based).
    /// The text is plain text. `author` is shown in the note (nil: empty); `fontSize` is in points
    /// (nil: the library's 8), `width` and `height` are the box's pixels (nil: 128 × 74).
    public func writeComment(_ text: String, row: Int, column: Int, author: String? = nil, fontSize: Double? = nil,
                             width: Int? = nil, height: Int? = nil) throws {
        let operation = "worksheet_write_comment_opt"
        let (ws, r, c, location) = try cell(operation, row, column)
        let text = try CBridge.cellText(text, "the comment", operation, location)
        let author = try author.map { try CBridge.xmlText($0, "the author", operation, location) }
        var options = lxw_comment_options()
        options.visible = UInt8(LXW_COMMENT_DISPLAY_HIDDEN.rawValue)
        if let fontSize {
            guard fontSize.isFinite, fontSize > 0 else {
                throw XLSXError.invalid(operation, location, "font size \(fontSize) must be positive")
            }
            options.font_size = fontSize
        }
        func pixels(_ value: Int?, _ what: String) throws -> UInt16 {
            guard let value else { return 0 }  // 0: the library's default
            guard let pixels = UInt16(exactly: value), pixels > 0 else {
                throw XLSXError.invalid(operation, location, "comment \(what) \(value) must be 1…65535 pixels")
            }
            return pixels
        }
        options.width = try pixels(width, "width")
        options.height = try pixels(height, "height")
        // Copies for the call: the library copies the author and font into the comment.
        let owned = OwnedCStrings()
        options.author = try owned.copy(author, operation: operation)
        options.font_name = try owned.copy(WorkbookWords.commentFont, operation: operation)
        try XLSXError.check(text.withCString { worksheet_write_comment_opt(ws, r, c, $0, &options) }, operation, location)
    }

    // MARK: Rows and columns

    /// Sets the width of one 0-based column in Excel character units (about the
    /// width of a `0` in Calibri 11).
    public func setColumnWidth(_ width: Double, column: Int) throws {
        let operation = "worksheet_set_column"
        let (ws, _, c, location) = try cell(operation, 0, column)
        guard width.isFinite, width >= 0, width <= 255 else {
            throw XLSXError.invalid(operation, location, "column width \(width) is not in 0…255")
        }
        try XLSXError.check(worksheet_set_column(ws, c, c, width, nil), operation, location)
    }

    /// Sets the height of a 0-based row in points (Excel's default is 15).
    public func setRowHeight(_ height: Double, row: Int) throws {
        let operation = "worksheet_set_row"
        let (ws, r, _, location) = try cell(operation, row, 0)
        guard height.isFinite, height >= 0, height <= 409 else {
            throw XLSXError.invalid(operation, location, "row height \(height) is not in 0…409 points")
        }
        try XLSXError.check(worksheet_set_row(ws, r, height, nil), operation, location)
    }

    // MARK: View

    /// Freezes the rows above `row` and the columns left of `column` (0-based; 0 = none).
    public func freezePanes(row: Int, column: Int) throws {
        let operation = "worksheet_freeze_panes"
        let (ws, r, c, _) = try cell(operation, row, column)
        worksheet_freeze_panes(ws, r, c)
    }

    /// Adds an autofilter over a 0-based, inclusive range (header row first).
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let operation = "worksheet_autofilter"
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let ws = try live(operation, .range(sheet: name, range))
        let (r1, c1, r2, c2) = try cRange(range, operation)
        try XLSXError.check(worksheet_autofilter(ws, r1, c1, r2, c2), operation, .range(sheet: name, range))
    }

    // MARK: Printing

    /// Applies a whole ``PrintSetup``: paper, orientation, a fixed scale or a fit to pages, page
    /// breaks, the first page number, centring, margins, the footer, repeated rows, the
    /// print area and gridlines. Each value out of the library's range is refused, naming its call.
    public func applyPrintSetup(_ setup: PrintSetup) throws {
        let sheet = XLSXError.Location.sheet(name)
        let ws = try live("worksheet_set_paper", sheet)
        worksheet_set_paper(ws, 9)  // Excel's paper code of A4
        switch setup.orientation {
        case .portrait: worksheet_set_portrait(ws)
        case .landscape: worksheet_set_landscape(ws)
        }
        if let scale = setup.scale {
            guard (10...400).contains(scale), let value = UInt16(exactly: scale) else {
                throw XLSXError.invalid("worksheet_set_print_scale", sheet, "scale \(scale)% is not in 10…400")
            }
            worksheet_set_print_scale(ws, value)
        } else if let width = setup.fitWidth {
            guard let w = UInt16(exactly: width), let h = UInt16(exactly: setup.fitHeight) else {
                throw XLSXError.invalid("worksheet_fit_to_pages", sheet, "page counts \(width)×\(setup.fitHeight) must be 0…65535")
            }
            worksheet_fit_to_pages(ws, w, h)
        }
        if !setup.rowBreaks.isEmpty { try setRowBreaks(setup.rowBreaks, on: ws) }
        if let first = setup.firstPageNumber {
            guard let value = UInt16(exactly: first), value >= 1 else {
                throw XLSXError.invalid("worksheet_set_start_page", sheet, "first page number \(first) is not in 1…65535")
            }
            worksheet_set_start_page(ws, value)
        }
        if setup.centerHorizontally { worksheet_center_horizontally(ws) }
        if let m = setup.margins {
            guard [m.left, m.right, m.top, m.bottom].allSatisfy({ $0.isFinite && $0 >= 0 }) else {
                throw XLSXError.invalid("worksheet_set_margins", sheet, "margins must be finite and not negative")
            }
            worksheet_set_margins(ws, m.left, m.right, m.top, m.bottom)
        }
        if let footer = setup.footer {
            let text = try CBridge.xmlText(footer, "the footer", "worksheet_set_footer", sheet)
            try XLSXError.check(worksheet_set_footer(ws, text), "worksheet_set_footer", sheet)
        }
        if let rows = setup.repeatRows {  // `_xlnm.Print_Titles`
            let location = XLSXError.Location.range(
                sheet: name, CellRange(firstRow: rows.lowerBound, firstColumn: 0, lastRow: rows.upperBound, lastColumn: 0))
            let first = try cRow(rows.lowerBound, "worksheet_repeat_rows", location)
            let last = try cRow(rows.upperBound, "worksheet_repeat_rows", location)
            try XLSXError.check(worksheet_repeat_rows(ws, first, last), "worksheet_repeat_rows", location)
        }
        if let area = setup.printArea {  // `_xlnm.Print_Area`
            let (r1, c1, r2, c2) = try cRange(area, "worksheet_print_area")
            try XLSXError.check(worksheet_print_area(ws, r1, c1, r2, c2), "worksheet_print_area", .range(sheet: name, area))
        }
        if setup.hideGridlines { worksheet_gridlines(ws, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue)) }
    }

    /// Manual page breaks: each 0-based row given starts a new printed page (at most 1,023).
    private func setRowBreaks(_ rows: [Int], on ws: UnsafeMutablePointer<lxw_worksheet>) throws {
        let operation = "worksheet_set_h_pagebreaks"
        let sorted = Array(Set(rows)).sorted()
        guard sorted.count <= 1023 else {
            throw XLSXError.invalid(operation, .sheet(name), "\(sorted.count) page breaks; Excel allows 1023")
        }
        var breaks: [lxw_row_t] = []
        for row in sorted where row > 0 {
            breaks.append(try cRow(row, operation, .sheet(name)))
        }
        breaks.append(0)  // the list ends with 0
        try breaks.withUnsafeMutableBufferPointer { buffer throws in
            try XLSXError.check(worksheet_set_h_pagebreaks(ws, buffer.baseAddress), operation, .sheet(name))
        }
    }

    // MARK: Charts

    /// Inserts `chart` with its top-left corner in the 0-based cell, scaled by `xScale` (1 = 480 px
    /// wide) and `yScale` (1 = 288 px tall). A chart can be inserted once and needs at least one series.
    public func insertChart(_ chart: Chart, row: Int, column: Int, xScale: Double = 1, yScale: Double = 1) throws {
        let operation = "worksheet_insert_chart_opt"
        let (ws, r, c, location) = try cell(operation, row, column)
        guard chart.workbook === workbook else {
            throw XLSXError.invalid(operation, location, "the chart belongs to another workbook")
        }
        guard xScale.isFinite, xScale > 0, yScale.isFinite, yScale > 0 else {
            throw XLSXError.invalid(operation, location, "chart scales must be positive")
        }
        var options = lxw_chart_options()
        options.x_scale = xScale
        options.y_scale = yScale
        try XLSXError.check(worksheet_insert_chart_opt(ws, r, c, chart.handle, &options), operation, location)
    }
}
