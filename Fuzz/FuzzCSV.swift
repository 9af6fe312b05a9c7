// libFuzzer harness for the CSV reader: any bytes must give a document or a `CSVError`,
// never a crash, a hang or unbounded memory. Built by scripts/fuzz.sh; see Fuzz/README.md.
import CSV

/// Small limits so that the fuzzer reaches the limit checks with short inputs.
private let smallLimits = CSVLimits(maxBytes: 1 << 16, maxRows: 64, maxColumns: 16, maxCellCharacters: 64)

/// The libFuzzer entry point: reads `data` with each encoding choice, with the default and
/// with small limits, and checks the invariants every document must hold.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let bytes = [UInt8](UnsafeBufferPointer(start: data, count: size))
    for encoding in EncodingChoice.allCases {
        for limits in [CSVLimits.default, smallLimits] {
            do {
                let document = try CSVReader(encoding: encoding, limits: limits).read(bytes: bytes, file: "fuzz.csv")
                check(document, limits: limits)
            } catch {
                // A reported error is a correct outcome; its place must be a real place.
                precondition(error.location.row >= 1 && error.location.column >= 1, "bad error location \(error)")
                precondition(!error.message.isEmpty, "empty error message")
            }
        }
    }
    return 0
}

/// Invariants of a document that was read.
private func check(_ document: CSVDocument, limits: CSVLimits) {
    precondition(!document.rows.isEmpty, "a non-empty input read into no rows")
    precondition(document.rows.count <= limits.maxRows, "row limit not enforced")
    for row in document.rows {
        precondition(row.count <= limits.maxColumns, "column limit not enforced")
        for cell in row {
            precondition(cell.count <= limits.maxCellCharacters, "cell limit not enforced")
            precondition(!cell.utf8.contains(0), "NUL byte in a cell")
        }
    }
    // Writing the rows back and reading them again gives the same rows (UTF-8 keeps every
    // character). Only when the written text stays within the limits and the separator is
    // detected the same way.
    let written = CSVWriter(encoding: .utf8BOM, separator: document.separator).bytes(document.rows)
    if written.count <= limits.maxBytes,
       let again = try? CSVReader(encoding: .auto, limits: limits).read(bytes: written, file: "again.csv"),
       again.separator == document.separator {
        precondition(normalized(again.rows) == normalized(document.rows), "write/read round trip changed the rows")
    }
}

/// Rows with trailing blank rows of one empty cell dropped: a final `[""]` row is written as a
/// bare line end, which reads back as nothing.
private func normalized(_ rows: [[String]]) -> [[String]] {
    var rows = rows
    while let last = rows.last, last == [""] { rows.removeLast() }
    return rows
}
