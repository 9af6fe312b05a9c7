import CSV
import CXLSReader
import Foundation

/// An Excel 97–2003 workbook (.xls, BIFF8, also what WPS saves as .xls) read through FreeXL in a
/// child process (`selfeval_xls_read`: FreeXL 1.0.6 reads out of bounds on some crafted files, so
/// a fault there ends the child and becomes an error here): text as stored; numbers as their
/// number format displays them (`NumberFormat`, as in .xlsx: 100%, 702.71, 120,000.00, dates),
/// the formats read by the child from the workbook's own FORMAT and XF records, since FreeXL does
/// not expose them. A number the child could not place (a workbook it could not follow) reads as
/// General shows it, a date as FreeXL gives it (`yyyy-mm-dd`).
/// FreeXL reads a path; the bytes (already size-checked) go to a private temporary file first.
final class XLSWorkbook {
    let file: String
    let limits: CSVLimits
    private(set) var sheetNames: [String] = []
    /// Each sheet's cells: 0-based row, column, text.
    private var cells: [[(row: Int, column: Int, text: String)]] = []

    init(bytes: [UInt8], file: String, limits: CSVLimits) throws(SpreadsheetError) {
        self.file = file
        self.limits = limits
        let unreadable = SpreadsheetError("xls-unreadable", file: file, SpreadsheetMessage.xlsUnreadable)
        let template = (NSTemporaryDirectory() as NSString).appendingPathComponent("selfeval-xls-XXXXXX")
        var name = Array(template.utf8CString)
        let fd = name.withUnsafeMutableBufferPointer { buf in buf.baseAddress.map { mkstemp($0) } ?? -1 }
        guard fd >= 0 else { throw unreadable }
        let path = String(decoding: name.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        defer { unlink(path) }
        let written = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        close(fd)
        guard written == bytes.count else { throw unreadable }
        var output: UnsafeMutablePointer<UInt8>?
        var length = 0
        let status = selfeval_xls_read(path, &output, &length)
        defer { free(output) }
        switch status {
        case 0: break
        case 1: throw SpreadsheetError("encrypted-workbook", file: file, SpreadsheetMessage.encrypted)
        case 2: throw SpreadsheetError("xls-unreadable", file: file, SpreadsheetMessage.xlsCrashed)
        default: throw SpreadsheetReader.ole2Error(bytes, file: file)
        }
        guard let output else { throw unreadable }
        try parse(UnsafeBufferPointer(start: output, count: length), unreadable)
        guard !sheetNames.isEmpty else { throw SpreadsheetError("xls-unreadable", file: file, SpreadsheetMessage.noSheets) }
    }

    /// The child's records (see `CXLSReader.h`).
    private func parse(_ data: UnsafeBufferPointer<UInt8>, _ unreadable: SpreadsheetError) throws(SpreadsheetError) {
        var p = 0
        func take(_ n: Int) throws(SpreadsheetError) -> UnsafeBufferPointer<UInt8> {
            guard n >= 0, p + n <= data.count, let base = data.baseAddress else { throw unreadable }
            defer { p += n }
            return UnsafeBufferPointer(start: base + p, count: n)
        }
        func integer(_ n: Int) throws(SpreadsheetError) -> UInt64 {
            var v: UInt64 = 0
            for (i, b) in try take(n).enumerated() { v |= UInt64(b) << (8 * UInt64(i)) }
            return v
        }
        var date1904 = false
        while p < data.count {
            let kind = try take(1)[0]
            if kind == UInt8(ascii: "E") {
                date1904 = try take(1)[0] != 0
                continue
            }
            if kind == UInt8(ascii: "S") {
                let n = Int(try integer(4))
                sheetNames.append(String(decoding: try take(n), as: UTF8.self))
                cells.append([])
                continue
            }
            let row = Int(try integer(4)), column = Int(try integer(2))
            let text: String
            switch kind {
            case UInt8(ascii: "T"): text = String(decoding: try take(Int(try integer(4))), as: UTF8.self)
            case UInt8(ascii: "I"): text = String(Int64(bitPattern: try integer(8)))
            case UInt8(ascii: "D"): text = DecimalDigits(Double(bitPattern: try integer(8)))?.general ?? ""
            case UInt8(ascii: "F"):
                let value = Double(bitPattern: try integer(8))
                let id = Int(try integer(2))
                let code = String(decoding: try take(Int(try integer(4))), as: UTF8.self)
                text = NumberFormat(code: code.isEmpty ? NumberFormat.builtIn[id] ?? "General" : code).display(value, date1904: date1904)
            default: throw unreadable
            }
            guard !cells.isEmpty else { throw unreadable }
            if !text.isEmpty { cells[cells.count - 1].append((row, column, text)) }
        }
    }

    /// The grid of sheet `index` (0-based), located as `gridFile`.
    func grid(sheet index: Int, file gridFile: String) throws(SpreadsheetError) -> CSVDocument {
        var sheet = SheetCells(file: gridFile, limits: limits)
        for cell in cells[index] { try sheet.put(cell.text, row: cell.row + 1, column: cell.column + 1) }
        return sheet.document(sheet: sheetNames[index])
    }
}
