// libFuzzer harness for the workbook readers (.xlsx through zlib and expat, .xls through FreeXL):
// any bytes must give grids or a located `SpreadsheetError`, never a crash, a hang or unbounded
// memory. Seeds: the .xlsx/.xls fixtures. Built by scripts/fuzz.sh; see Fuzz/README.md.
import CSV
import Spreadsheet

/// Small limits so that the fuzzer reaches the limit checks with short inputs.
private let smallLimits = CSVLimits(maxBytes: 1 << 20, maxRows: 64, maxColumns: 16, maxCellCharacters: 64)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    for limits in [CSVLimits.default, smallLimits] {
        do {
            let workbook = try SpreadsheetReader(limits: limits).open(bytes: bytes, file: "fuzz.xlsx")
            for i in workbook.sheetNames.indices {
                let sheet = try workbook.sheet(i, qualified: true)
                check(sheet.document, limits: limits)
            }
        } catch {
            precondition(error.location.row >= 1 && error.location.column >= 1, "bad error location \(error)")
            precondition(!error.message.isEmpty && !error.code.isEmpty, "empty error")
        }
    }
    return 0
}

/// Invariants of a grid that was read: within the limits, every cell within 32,767 units.
private func check(_ document: CSVDocument, limits: CSVLimits) {
    precondition(document.rows.count <= limits.maxRows, "more rows than the limit")
    for row in document.rows {
        precondition(!row.isEmpty, "a row without cells")
        precondition(row.count <= limits.maxColumns, "more columns than the limit")
        for cell in row { precondition(cell.utf16.count <= limits.maxCellCharacters, "a cell above the limit") }
    }
}
