import CSV
import Foundation
@testable import Spreadsheet
import TestSupport
import Testing

/// .xls numbers as their number format displays them, as the .xlsx reader and a CSV export
/// show them: `Fixtures/xlsx/formats/number-formats.{xlsx,xls}` (made by LibreOffice with
/// `Fixtures/xlsx/make_sheets.py`) hold one number a row in column B, what Excel shows for it
/// in column A, the format's name in column C.
struct XLSNumberFormatTests {
    func rows(_ ext: String, _ workbook: String = "number-formats") throws -> [[String]] {
        let name = "xlsx/formats/\(workbook).\(ext)"
        let workbook = try SpreadsheetReader().open(bytes: FixturePaths.bytes(name), file: name)
        return try workbook.sheet(0, qualified: false).document.rows
    }

    @Test(arguments: ["xlsx", "xls"])
    func everyNumberReadsAsShown(_ ext: String) throws {
        let rows = try rows(ext)
        #expect(rows.count == 26)
        for row in rows.dropFirst() {
            #expect(row.count == 3)
            guard row.count == 3 else { continue }
            #expect(row[1] == row[0], "\(ext) \(row[2]): \(row[1]) shown as \(row[0])")
        }
        // Every kind the issue names is there: percentages, fixed decimals, thousands, dates.
        let formats = Set(rows.dropFirst().map { $0.last ?? "" })
        #expect(formats.isSuperset(of: ["General", "0%", "0.00%", "0.00", "#,##0.00", "yyyy-mm-dd", "yyyy\"年\"m\"月\"d\"日\""]))
    }

    @Test(arguments: ["number-formats", "dates-1904"])
    func theXLSReadsAsTheXLSX(_ workbook: String) throws {
        #expect(try rows("xls", workbook) == rows("xlsx", workbook))
    }

    /// Dates in a workbook on the 1904 date system (its DATEMODE record; `date1904` in .xlsx).
    @Test(arguments: ["xlsx", "xls"])
    func datesOfThe1904SystemReadAsShown(_ ext: String) throws {
        let rows = try rows(ext, "dates-1904")
        #expect(rows.count == 4)
        for row in rows.dropFirst() { #expect(row.count == 3 && row[1] == row[0], "\(ext) \(row)") }
    }
}
