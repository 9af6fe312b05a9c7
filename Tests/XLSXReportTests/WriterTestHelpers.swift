import Foundation
import TestSupport
@testable import XLSXReport

/// A fixed creation time: 2023-11-14T22:13:20Z.
let fixedEpoch = "1700000000"

/// Options that pin the creation date and ignore the process environment.
func pinnedOptions(tmp: URL? = nil) -> WorkbookOptions {
    WorkbookOptions(temporaryDirectory: tmp?.path, created: nil, sourceDateEpoch: fixedEpoch)
}

/// Writes a workbook into a fresh temp folder with `body`, closes it, checks that every XML part
/// is well-formed (``XLSXInspector/open()``), returns the path.
func writeWorkbook(
    named name: String = "test.xlsx", in folder: URL? = nil, _ body: (Workbook) throws -> Void
) throws -> String {
    let dir = try folder ?? FixturePaths.temporaryDirectory("xlsx-writer")
    let path = dir.appendingPathComponent(name).path
    let workbook = try Workbook(path: path, options: pinnedOptions())
    try body(workbook)
    try workbook.close()
    try XLSXInspector(path: path).open()
    return path
}

let body = CellStyle(fontName: "宋体", fontSize: 10.5, thinBorder: true, wrap: true, vertical: .center)
let title = CellStyle(fontName: "黑体", fontSize: 18, bold: true, horizontal: .center, vertical: .center)
let money = body.with { $0.numberFormat = "#,##0.00"; $0.horizontal = .right }
let rate = body.with { $0.numberFormat = "0.00%"; $0.horizontal = .right }
