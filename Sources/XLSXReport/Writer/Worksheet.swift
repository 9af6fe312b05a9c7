import CXLSXWriter
import Foundation
import SelfEvaluation

/// Chinese defaults of the writer, from the vocabulary.
private typealias WriterVocabulary = WorkbookWords

/// The cached value of a formula cell, shown by programs that do not recalculate
/// (LibreOffice on load, viewers, CSV export). It must be the formula's true result.
public enum FormulaValue: Hashable, Sendable {
    /// A numeric result.
    case number(Decimal)
    /// A text result.
    case text(String)
}

/// Options of a cell comment (note).
public struct CommentOptions: Hashable, Sendable {
    /// The author shown in the note; nil leaves it empty.
    public var author: String?
    /// The note's font; defaults to 宋体 so Chinese text renders.
    public var fontName: String?
    /// The font size in points; nil for the library default (8).
    public var fontSize: Double?
    /// Show the note permanently (true) or only on hover (false, the default).
    public var visible: Bool
    /// The box width in pixels; nil for the default (128).
    public var width: Int?
    /// The box height in pixels; nil for the default (74).
    public var height: Int?

    /// Creates comment options.
    public init(
        author: String? = nil, fontName: String? = CommentOptions.defaultFontName, fontSize: Double? = nil,
        visible: Bool = false, width: Int? = nil, height: Int? = nil
    ) {
        self.author = author
        self.fontName = fontName
        self.fontSize = fontSize
        self.visible = visible
        self.width = width
        self.height = height
    }

    /// The default comment font, 宋体.
    public static var defaultFontName: String { WriterVocabulary.commentFont }
}

/// A paper size, by Excel's paper code.
public struct PaperSize: Hashable, Sendable, RawRepresentable {
    /// Excel's paper code (`paperSize` in the sheet XML).
    public let rawValue: Int
    /// Wraps a paper code.
    public init(rawValue: Int) { self.rawValue = rawValue }
    /// US Letter (1).
    public static let letter = PaperSize(rawValue: 1)
    /// A3 (8).
    public static let a3 = PaperSize(rawValue: 8)
    /// A4 (9).
    public static let a4 = PaperSize(rawValue: 9)
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
/// The defaults print like the paper form: A4 portrait, one page wide, centred,
/// page numbers in the footer.
public struct PrintSetup: Hashable, Sendable {
    /// Paper size; A4 by default.
    public var paper: PaperSize
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
    /// Header text in Excel's `&L/&C/&R` codes; nil for none.
    public var header: String?
    /// Footer text; defaults to a centred "第 &P 页，共 &N 页".
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
        paper: PaperSize = .a4, orientation: PageOrientation = .portrait, fitWidth: Int? = 1, fitHeight: Int = 0,
        centerHorizontally: Bool = true, margins: PageMargins? = .form, header: String? = nil,
        footer: String? = PrintSetup.defaultFooter, repeatRows: ClosedRange<Int>? = nil,
        printArea: CellRange? = nil, hideGridlines: Bool = false
    ) {
        self.paper = paper
        self.orientation = orientation
        self.fitWidth = fitWidth
        self.fitHeight = fitHeight
        self.centerHorizontally = centerHorizontally
        self.margins = margins
        self.header = header
        self.footer = footer
        self.repeatRows = repeatRows
        self.printArea = printArea
        self.hideGridlines = hideGridlines
    }

    /// The default footer, `&C第 &P 页，共 &N 页`.
    public static var defaultFooter: String { WriterVocabulary.pageFooter }
}

/// Where a chart sits relative to its anchor cell.
public struct ChartPlacement: Hashable, Sendable {
    /// Offset from the cell's left edge, pixels.
    public var xOffset: Int
    /// Offset from the cell's top edge, pixels.
    public var yOffset: Int
    /// Horizontal scale (1 = 480 px wide).
    public var xScale: Double
    /// Vertical scale (1 = 288 px tall).
    public var yScale: Double

    /// Creates a placement.
    public init(xOffset: Int = 0, yOffset: Int = 0, xScale: Double = 1, yScale: Double = 1) {
        self.xOffset = xOffset
        self.yOffset = yOffset
        self.xScale = xScale
        self.yScale = yScale
    }
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
    /// The sheet's 0-based position in the workbook.
    public let index: Int
    /// The workbook the sheet belongs to.
    public let workbook: Workbook
    private let handle: UnsafeMutablePointer<lxw_worksheet>

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_worksheet>, name: String, index: Int) {
        self.workbook = workbook
        self.handle = handle
        self.name = name
        self.index = index
    }

    // MARK: Checks

    /// The workbook's format of an optional style (nil = the default format).
    private func resolve(_ style: CellStyle?) throws -> CellFormat? {
        guard let style else { return nil }
        return try workbook.format(style)
    }

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

    private func cellLocation(_ row: Int, _ column: Int) -> XLSXError.Location {
        .cell(sheet: name, SheetCell(row: row, column: column))
    }

    private func rangeLocation(_ range: CellRange) -> XLSXError.Location {
        .range(sheet: name, range)
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
        let location = rangeLocation(range)
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
    /// stays literal text. An empty string with no style writes nothing.
    /// NUL characters are rejected; any other character XML 1.0 forbids (C0 controls but TAB, LF
    /// and CR; U+FFFE, U+FFFF) is written as U+FFFD, and a text over 32,767 UTF-16 units (Excel's
    /// limit) is cut to fit with "…" (``XMLText``). Every string entry point does the same.
    public func writeString(_ text: String, row: Int, column: Int, style: CellStyle? = nil) throws {
        try writeString(text, row: row, column: column, format: resolve(style))
    }

    /// ``writeString(_:row:column:style:)`` with a format already resolved (a sheet writer that
    /// looks each of its styles up once).
    public func writeString(_ text: String, row: Int, column: Int, format: CellFormat?) throws {
        let operation = "worksheet_write_string"
        let location = cellLocation(row, column)
        let ws = try live(operation, location)
        let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
        let text = try CBridge.cellText(text, "the text", operation, location)
        let format = try pointer(format, operation, location)
        // `withCString` lends the string's own bytes; passing a `String` as a pointer copies them.
        try XLSXError.check(text.withCString { worksheet_write_string(ws, r, c, $0, format) }, operation, location)
    }

    /// Writes a number cell. The exact `Decimal` becomes a `double` only here, at
    /// the C boundary (Excel stores IEEE doubles).
    public func writeNumber(_ value: Decimal, row: Int, column: Int, style: CellStyle? = nil) throws {
        try writeNumber(value, row: row, column: column, format: resolve(style))
    }

    /// ``writeNumber(_:row:column:style:)`` with a format already resolved.
    public func writeNumber(_ value: Decimal, row: Int, column: Int, format: CellFormat?) throws {
        let operation = "worksheet_write_number"
        let location = cellLocation(row, column)
        let ws = try live(operation, location)
        let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
        let number = try CBridge.double(value, operation, location)
        let format = try pointer(format, operation, location)
        try XLSXError.check(worksheet_write_number(ws, r, c, number, format), operation, location)
    }

    /// Writes a formula with its cached result. `formula` is program-built (never
    /// input text), with or without the leading `=`, e.g. `"=IF(D5=0,0,E5/D5)"`.
    public func writeFormula(_ formula: String, cachedValue: FormulaValue, row: Int, column: Int, style: CellStyle? = nil) throws {
        try writeFormula(formula, cachedValue: cachedValue, row: row, column: column, format: resolve(style))
    }

    /// ``writeFormula(_:cachedValue:row:column:style:)`` with a format already resolved.
    public func writeFormula(_ formula: String, cachedValue: FormulaValue, row: Int, column: Int, format: CellFormat?) throws {
        let location = cellLocation(row, column)
        switch cachedValue {
        case .number(let value):
            let operation = "worksheet_write_formula_num"
            let ws = try live(operation, location)
            let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
            let formula = try CBridge.xmlText(formula, "the formula", operation, location)
            let number = try CBridge.double(value, operation, location)
            let format = try pointer(format, operation, location)
            try XLSXError.check(formula.withCString { worksheet_write_formula_num(ws, r, c, $0, format, number) }, operation, location)
        case .text(let text):
            let operation = "worksheet_write_formula_str"
            let ws = try live(operation, location)
            let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
            let formula = try CBridge.xmlText(formula, "the formula", operation, location)
            let text = try CBridge.xmlText(text, "the cached text", operation, location, limit: XMLText.cellLimit)
            let format = try pointer(format, operation, location)
            try XLSXError.check(worksheet_write_formula_str(ws, r, c, formula, format, text), operation, location)
        }
    }

    /// Writes an empty cell carrying `style` (for borders on empty cells). Without a
    /// style nothing is written.
    public func writeBlank(row: Int, column: Int, style: CellStyle? = nil) throws {
        try writeBlank(row: row, column: column, format: resolve(style))
    }

    /// ``writeBlank(row:column:style:)`` with a format already resolved.
    public func writeBlank(row: Int, column: Int, format: CellFormat?) throws {
        let operation = "worksheet_write_blank"
        let location = cellLocation(row, column)
        let ws = try live(operation, location)
        let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
        let format = try pointer(format, operation, location)
        try XLSXError.check(worksheet_write_blank(ws, r, c, format), operation, location)
    }

    /// Merges a range (0-based, inclusive; at least two cells) and writes `text` into
    /// it as a string (never a formula), styling every cell of the range with `style`.
    /// To show a number in a merged cell, merge with `""` then ``writeNumber(_:row:column:style:)``
    /// into the first cell with the same style. Merged ranges must not overlap.
    public func mergeRange(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, text: String, style: CellStyle? = nil
    ) throws {
        try mergeRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn, text: text,
                       format: resolve(style))
    }

    /// ``mergeRange(firstRow:firstColumn:lastRow:lastColumn:text:style:)`` with a format already resolved.
    public func mergeRange(
        firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int, text: String, format: CellFormat?
    ) throws {
        let operation = "worksheet_merge_range"
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let location = rangeLocation(range)
        let ws = try live(operation, location)
        let (r1, c1, r2, c2) = try cRange(range, operation)
        guard r1 != r2 || c1 != c2 else {
            throw XLSXError.invalid(operation, location, "a merged range needs at least two cells")
        }
        let text = try CBridge.cellText(text, "the text", operation, location)
        let format = try pointer(format, operation, location)
        try XLSXError.check(text.withCString { worksheet_merge_range(ws, r1, c1, r2, c2, $0, format) }, operation, location)
    }

    /// Adds a note to a cell (0-based). The text is plain text; `options` default to
    /// a hidden note in 宋体.
    public func writeComment(_ text: String, row: Int, column: Int, options: CommentOptions = CommentOptions()) throws {
        let operation = "worksheet_write_comment_opt"
        let location = cellLocation(row, column)
        let ws = try live(operation, location)
        let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
        let text = try CBridge.cellText(text, "the comment", operation, location)
        let author = try options.author.map { try CBridge.xmlText($0, "the author", operation, location) }
        let font = try options.fontName.map { try CBridge.xmlText($0, "the font name", operation, location) }
        var cOptions = lxw_comment_options()
        cOptions.visible = UInt8(options.visible ? LXW_COMMENT_DISPLAY_VISIBLE.rawValue : LXW_COMMENT_DISPLAY_HIDDEN.rawValue)
        if let size = options.fontSize {
            guard size.isFinite, size > 0 else { throw XLSXError.invalid(operation, location, "font size \(size) must be positive") }
            cOptions.font_size = size
        }
        if let width = options.width {
            guard let value = UInt16(exactly: width), value > 0 else {
                throw XLSXError.invalid(operation, location, "comment width \(width) must be 1…65535 pixels")
            }
            cOptions.width = value
        }
        if let height = options.height {
            guard let value = UInt16(exactly: height), value > 0 else {
                throw XLSXError.invalid(operation, location, "comment height \(height) must be 1…65535 pixels")
            }
            cOptions.height = value
        }
        // The author and font are lent for the call (the library copies them into the comment).
        let result = CBridge.withOptionalCString(author) { authorPointer in
            CBridge.withOptionalCString(font) { fontPointer in
                cOptions.author = authorPointer.map { UnsafeMutablePointer(mutating: $0) }
                cOptions.font_name = fontPointer.map { UnsafeMutablePointer(mutating: $0) }
                return text.withCString { worksheet_write_comment_opt(ws, r, c, $0, &cOptions) }
            }
        }
        try XLSXError.check(result, operation, location)
    }

    // MARK: Rows and columns

    /// Sets the width of one 0-based column in Excel character units (about the
    /// width of a `0` in Calibri 11); `style` becomes the column's default format.
    public func setColumnWidth(_ width: Double, column: Int, style: CellStyle? = nil) throws {
        try setColumnWidth(width, columns: column...column, style: style)
    }

    /// Sets the width of 0-based columns `columns` (inclusive) in character units.
    public func setColumnWidth(_ width: Double, columns: ClosedRange<Int>, style: CellStyle? = nil) throws {
        let operation = "worksheet_set_column"
        let range = CellRange(firstRow: 0, firstColumn: columns.lowerBound, lastRow: 0, lastColumn: columns.upperBound)
        let location = rangeLocation(range)
        let ws = try live(operation, location)
        let first = try cColumn(columns.lowerBound, operation, location)
        let last = try cColumn(columns.upperBound, operation, location)
        guard width.isFinite, width >= 0, width <= 255 else {
            throw XLSXError.invalid(operation, location, "column width \(width) is not in 0…255")
        }
        let format = try workbook.formatPointer(style)
        try XLSXError.check(worksheet_set_column(ws, first, last, width, format), operation, location)
    }

    /// Sets the height of a 0-based row in points (Excel's default is 15);
    /// `style` becomes the row's default format.
    public func setRowHeight(_ height: Double, row: Int, style: CellStyle? = nil) throws {
        let operation = "worksheet_set_row"
        let location = cellLocation(row, 0)
        let ws = try live(operation, location)
        let r = try cRow(row, operation, location)
        guard height.isFinite, height >= 0, height <= 409 else {
            throw XLSXError.invalid(operation, location, "row height \(height) is not in 0…409 points")
        }
        let format = try workbook.formatPointer(style)
        try XLSXError.check(worksheet_set_row(ws, r, height, format), operation, location)
    }

    // MARK: View

    /// Freezes the rows above `row` and the columns left of `column` (0-based; 0 = none).
    public func freezePanes(row: Int, column: Int) throws {
        let operation = "worksheet_freeze_panes"
        let location = cellLocation(row, column)
        let ws = try live(operation, location)
        let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
        worksheet_freeze_panes(ws, r, c)
    }

    /// Adds an autofilter over a 0-based, inclusive range (header row first).
    public func autofilter(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let operation = "worksheet_autofilter"
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let ws = try live(operation, rangeLocation(range))
        let (r1, c1, r2, c2) = try cRange(range, operation)
        try XLSXError.check(worksheet_autofilter(ws, r1, c1, r2, c2), operation, rangeLocation(range))
    }

    /// Hides gridlines on screen and in print.
    public func hideGridlines() throws {
        let ws = try live("worksheet_gridlines", .sheet(name))
        worksheet_gridlines(ws, UInt8(LXW_HIDE_ALL_GRIDLINES.rawValue))
    }

    // MARK: Printing

    /// Applies a whole ``PrintSetup``.
    public func applyPrintSetup(_ setup: PrintSetup) throws {
        try setPaper(setup.paper)
        try setOrientation(setup.orientation)
        if let scale = setup.scale {
            try setPrintScale(scale)
        } else if let width = setup.fitWidth {
            try fitToPages(width: width, height: setup.fitHeight)
        }
        if !setup.rowBreaks.isEmpty { try setRowBreaks(setup.rowBreaks) }
        if let first = setup.firstPageNumber { try setFirstPageNumber(first) }
        if setup.centerHorizontally { try centerHorizontally() }
        if let margins = setup.margins { try setMargins(margins) }
        if let header = setup.header { try setHeader(header) }
        if let footer = setup.footer { try setFooter(footer) }
        if let rows = setup.repeatRows { try repeatRows(rows) }
        if let area = setup.printArea {
            try setPrintArea(firstRow: area.first.row, firstColumn: area.first.column,
                             lastRow: area.last.row, lastColumn: area.last.column)
        }
        if setup.hideGridlines { try hideGridlines() }
    }

    /// Sets the paper size (A4 is `.a4`, code 9).
    public func setPaper(_ paper: PaperSize) throws {
        let operation = "worksheet_set_paper"
        let ws = try live(operation, .sheet(name))
        guard let code = UInt8(exactly: paper.rawValue) else {
            throw XLSXError.invalid(operation, .sheet(name), "paper code \(paper.rawValue) is not in 0…255")
        }
        worksheet_set_paper(ws, code)
    }

    /// Sets portrait or landscape printing.
    public func setOrientation(_ orientation: PageOrientation) throws {
        let ws = try live("worksheet_set_portrait", .sheet(name))
        switch orientation {
        case .portrait: worksheet_set_portrait(ws)
        case .landscape: worksheet_set_landscape(ws)
        }
    }

    /// Scales printing to `width` pages wide and `height` tall (0 = as many as needed).
    public func fitToPages(width: Int, height: Int) throws {
        let operation = "worksheet_fit_to_pages"
        let ws = try live(operation, .sheet(name))
        guard let w = UInt16(exactly: width), let h = UInt16(exactly: height) else {
            throw XLSXError.invalid(operation, .sheet(name), "page counts \(width)×\(height) must be 0…65535")
        }
        worksheet_fit_to_pages(ws, w, h)
    }

    /// Prints at a fixed scale, percent (10…400).
    public func setPrintScale(_ percent: Int) throws {
        let operation = "worksheet_set_print_scale"
        let ws = try live(operation, .sheet(name))
        guard (10...400).contains(percent), let value = UInt16(exactly: percent) else {
            throw XLSXError.invalid(operation, .sheet(name), "scale \(percent)% is not in 10…400")
        }
        worksheet_set_print_scale(ws, value)
    }

    /// Manual page breaks: each 0-based row given starts a new printed page (at most 1,023).
    public func setRowBreaks(_ rows: [Int]) throws {
        let operation = "worksheet_set_h_pagebreaks"
        let ws = try live(operation, .sheet(name))
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

    /// Numbers the sheet's printed pages from `number` (`useFirstPageNumber`), not on from the
    /// sheets printed before it.
    public func setFirstPageNumber(_ number: Int) throws {
        let operation = "worksheet_set_start_page"
        let ws = try live(operation, .sheet(name))
        guard let value = UInt16(exactly: number), value >= 1 else {
            throw XLSXError.invalid(operation, .sheet(name), "first page number \(number) is not in 1…65535")
        }
        worksheet_set_start_page(ws, value)
    }

    /// Centres the printed content horizontally.
    public func centerHorizontally() throws {
        let ws = try live("worksheet_center_horizontally", .sheet(name))
        worksheet_center_horizontally(ws)
    }

    /// Sets the page margins (inches).
    public func setMargins(_ margins: PageMargins) throws {
        let operation = "worksheet_set_margins"
        let ws = try live(operation, .sheet(name))
        let values = [margins.left, margins.right, margins.top, margins.bottom]
        guard values.allSatisfy({ $0.isFinite && $0 >= 0 }) else {
            throw XLSXError.invalid(operation, .sheet(name), "margins must be finite and not negative")
        }
        worksheet_set_margins(ws, margins.left, margins.right, margins.top, margins.bottom)
    }

    /// Sets the printed header (Excel codes `&L`, `&C`, `&R`, `&P`, `&N`; at most 255 characters).
    public func setHeader(_ text: String) throws {
        let operation = "worksheet_set_header"
        let ws = try live(operation, .sheet(name))
        let text = try CBridge.xmlText(text, "the header", operation, .sheet(name))
        try XLSXError.check(worksheet_set_header(ws, text), operation, .sheet(name))
    }

    /// Sets the printed footer, e.g. ``PrintSetup/defaultFooter``.
    public func setFooter(_ text: String) throws {
        let operation = "worksheet_set_footer"
        let ws = try live(operation, .sheet(name))
        let text = try CBridge.xmlText(text, "the footer", operation, .sheet(name))
        try XLSXError.check(worksheet_set_footer(ws, text), operation, .sheet(name))
    }

    /// Limits printing to a 0-based, inclusive range (`_xlnm.Print_Area`).
    public func setPrintArea(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) throws {
        let operation = "worksheet_print_area"
        let range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
        let ws = try live(operation, rangeLocation(range))
        let (r1, c1, r2, c2) = try cRange(range, operation)
        try XLSXError.check(worksheet_print_area(ws, r1, c1, r2, c2), operation, rangeLocation(range))
    }

    /// Repeats 0-based rows `rows` at the top of each printed page (`_xlnm.Print_Titles`).
    public func repeatRows(_ rows: ClosedRange<Int>) throws {
        let operation = "worksheet_repeat_rows"
        let location = XLSXError.Location.range(
            sheet: name, CellRange(firstRow: rows.lowerBound, firstColumn: 0, lastRow: rows.upperBound, lastColumn: 0))
        let ws = try live(operation, location)
        let first = try cRow(rows.lowerBound, operation, location), last = try cRow(rows.upperBound, operation, location)
        try XLSXError.check(worksheet_repeat_rows(ws, first, last), operation, location)
    }

    // MARK: Charts

    /// Inserts `chart` with its top-left corner in the 0-based cell. A chart can be
    /// inserted once and needs at least one series.
    public func insertChart(_ chart: Chart, row: Int, column: Int, placement: ChartPlacement = ChartPlacement()) throws {
        let operation = "worksheet_insert_chart_opt"
        let location = cellLocation(row, column)
        let ws = try live(operation, location)
        guard chart.workbook === workbook else {
            throw XLSXError.invalid(operation, location, "the chart belongs to another workbook")
        }
        let r = try cRow(row, operation, location), c = try cColumn(column, operation, location)
        guard let x = Int32(exactly: placement.xOffset), let y = Int32(exactly: placement.yOffset),
              placement.xScale.isFinite, placement.xScale > 0, placement.yScale.isFinite, placement.yScale > 0
        else {
            throw XLSXError.invalid(operation, location, "chart offsets must fit 32 bits and scales must be positive")
        }
        var options = lxw_chart_options()
        options.x_offset = x
        options.y_offset = y
        options.x_scale = placement.xScale
        options.y_scale = placement.yScale
        try XLSXError.check(worksheet_insert_chart_opt(ws, r, c, chart.handle, &options), operation, location)
    }
}
