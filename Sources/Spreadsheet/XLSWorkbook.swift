import CFreeXL
import CSV
import Foundation

/// An Excel 97–2003 workbook (.xls, BIFF8, also what WPS saves as .xls) read through FreeXL:
/// text as stored, integers and numbers as General shows them (FreeXL does not expose number
/// formats), dates as FreeXL gives them (`yyyy-mm-dd`). FreeXL reads a path; the bytes are
/// written to a private temporary file first (the loader has already read and size-checked them).
final class XLSWorkbook {
    private var handle: UnsafeRawPointer?
    let file: String
    let limits: CSVLimits
    private(set) var sheetNames: [String] = []

    init(bytes: [UInt8], file: String, limits: CSVLimits) throws(SpreadsheetError) {
        self.file = file
        self.limits = limits
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("selfeval-xls-XXXXXX")
        var name = Array(template.utf8CString)
        let fd = name.withUnsafeMutableBufferPointer { buf in buf.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw SpreadsheetError("unreadable-file", file: file, SpreadsheetMessage.xlsUnreadable) }
        let path = String(cString: name)
        defer { unlink(path) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw SpreadsheetError("unreadable-file", file: file, SpreadsheetMessage.xlsUnreadable) }
        var opened: UnsafeRawPointer?
        let status = freexl_open(path, &opened)
        handle = opened
        guard status == FREEXL_OK, opened != nil else {
            throw SpreadsheetReader.ole2Error(bytes, file: file)
        }
        var password: UInt32 = 0
        if freexl_get_info(opened, UInt16(FREEXL_BIFF_PASSWORD), &password) == FREEXL_OK, password == UInt32(FREEXL_BIFF_OBFUSCATED) {
            throw SpreadsheetError("encrypted-workbook", file: file, SpreadsheetMessage.encrypted)
        }
        var count: UInt32 = 0
        guard freexl_get_info(opened, UInt16(FREEXL_BIFF_SHEET_COUNT), &count) == FREEXL_OK, count > 0 else {
            throw SpreadsheetError("xls-unreadable", file: file, SpreadsheetMessage.noSheets)
        }
        for i in 0..<min(count, 1024) {
            var sheetName: UnsafePointer<CChar>?
            let ok = freexl_get_worksheet_name(opened, UInt16(i), &sheetName) == FREEXL_OK
            sheetNames.append(ok ? sheetName.map { String(cString: $0) } ?? "Sheet\(i + 1)" : "Sheet\(i + 1)")
        }
    }

    deinit {
        if let handle { freexl_close(handle) }
    }

    /// The grid of sheet `index` (0-based), located as `gridFile`.
    func grid(sheet index: Int, file gridFile: String) throws(SpreadsheetError) -> CSVDocument {
        func error(_ code: String, _ row: Int, _ column: Int, _ message: String) -> SpreadsheetError {
            SpreadsheetError(code, at: SourceLocation(file: gridFile, row: row, column: column), message)
        }
        guard freexl_select_active_worksheet(handle, UInt16(index)) == FREEXL_OK else {
            throw SpreadsheetError("xls-unreadable", file: file, SpreadsheetMessage.xlsUnreadable)
        }
        var rowCount: UInt32 = 0
        var columnCount: UInt16 = 0
        guard freexl_worksheet_dimensions(handle, &rowCount, &columnCount) == FREEXL_OK else {
            throw SpreadsheetError("xls-unreadable", file: file, SpreadsheetMessage.xlsUnreadable)
        }
        var rows: [[String]] = []
        var lastWithText = 0
        // BIFF8 holds at most 65,536 rows and 256 columns: scanning them all is bounded.
        for r in 0..<min(Int(rowCount), 65_536) {
            var line: [String] = []
            for c in 0..<min(Int(columnCount), 256) {
                var value = FreeXL_CellValue()
                guard freexl_get_cell_value(handle, UInt32(r), UInt16(c), &value) == FREEXL_OK else { continue }
                let text = XLSWorkbook.text(value)
                guard !text.isEmpty else { continue }
                if r + 1 > limits.maxRows { throw error("too-many-rows", r + 1, c + 1, SpreadsheetMessage.tooManyRows(limits.maxRows)) }
                if c + 1 > limits.maxColumns {
                    throw error("too-many-columns", r + 1, c + 1, SpreadsheetMessage.tooManyColumns(limits.maxColumns))
                }
                if text.utf16.count > limits.maxCellCharacters {
                    throw error("cell-too-long", r + 1, c + 1, SpreadsheetMessage.cellTooLong(text.utf16.count, limits.maxCellCharacters))
                }
                while line.count < c { line.append("") }
                line.append(text)
            }
            if !line.isEmpty { lastWithText = r + 1 }
            if r < limits.maxRows { rows.append(line.isEmpty ? [""] : line) }
        }
        var document = CSVDocument(file: gridFile, rows: Array(rows.prefix(lastWithText)), encoding: .utf8)
        document.sheet = sheetNames[index]
        return document
    }

    /// A cell's text: strings as stored, numbers as General shows them.
    static func text(_ value: FreeXL_CellValue) -> String {
        switch Int32(value.type) {
        case FREEXL_CELL_INT: return String(value.value.int_value)
        case FREEXL_CELL_DOUBLE: return DecimalDigits(value.value.double_value)?.general ?? ""
        case FREEXL_CELL_TEXT, FREEXL_CELL_SST_TEXT, FREEXL_CELL_DATE, FREEXL_CELL_DATETIME, FREEXL_CELL_TIME:
            return value.value.text_value.map { String(cString: $0) } ?? ""
        default: return ""
        }
    }
}
