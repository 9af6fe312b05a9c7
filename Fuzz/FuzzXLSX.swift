// libFuzzer harness for the XLSX reader (ZIP through zlib, XML through expat, number formats):
// any bytes must give grids or a located `SpreadsheetError`, never a crash, a hang or unbounded
// memory. Seeds: the .xlsx fixtures. OLE2 inputs (.xls) are skipped: they go to FreeXL in a child
// process, whose faults (its first run found an over-read in FreeXL 1.0.6 within 100 inputs) end
// the child and would be reported by the sanitizer there as findings of this harness; that
// containment is tested on the kept finding instead (SpreadsheetFuzzRegressionTests).
// Built by scripts/fuzz.sh; see Fuzz/README.md.
import CSV
import Spreadsheet

/// Small limits so that the fuzzer reaches the limit checks with short inputs.
private let smallLimits = CSVLimits(maxBytes: 1 << 20, maxRows: 64, maxColumns: 16, maxCellCharacters: 64)

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    if FileSignature(prefix: bytes) == .ole2 { return 0 }
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
