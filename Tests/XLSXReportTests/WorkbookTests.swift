import Foundation
import Testing
import TestSupport
@testable import XLSXReport

@Suite("Workbook and worksheet writing, checked by unzipping the file")
struct WorkbookTests {

    @Test("sheet names are in xl/workbook.xml in order")
    func sheetNames() throws {
        let path = try writeWorkbook { wb in
            _ = try wb.addWorksheet(name: "自评表")
            _ = try wb.addWorksheet(name: "评分明细")
        }
        let inspector = XLSXInspector(path: path)
        #expect(try inspector.sheetNames() == ["自评表", "评分明细"])
        #expect(try inspector.entries().contains("xl/worksheets/sheet2.xml"))
        #expect(try inspector.sheetEntry("评分明细") == "xl/worksheets/sheet2.xml")
    }

    @Test("merged ranges are written as <mergeCell ref=…> with the text in the first cell")
    func mergedRanges() throws {
        let path = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "自评表")
            try ws.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 8, text: "部门整体支出绩效目标自评表", format: wb.format(title))
            try ws.mergeRange(firstRow: 11, firstColumn: 0, lastRow: 28, lastColumn: 0, text: "年度绩效指标", format: wb.format(body))
        }
        let inspector = XLSXInspector(path: path)
        #expect(try inspector.mergedRanges(sheet: "自评表") == ["A1:I1", "A12:A29"])
        let a1 = try #require(try inspector.cell(sheet: "自评表", ref: "A1"))
        #expect(a1.type == "s")
        #expect(a1.text == "部门整体支出绩效目标自评表")
        let a1Style = try #require(a1.styleIndex)
        let font = try #require(try inspector.font(styleIndex: a1Style))
        #expect(font.name == "黑体")
        #expect(font.size == 18)
        #expect(font.bold)
        #expect(try inspector.xml("xl/worksheets/sheet1.xml").contains("<mergeCell ref=\"A12:A29\"/>"))
    }

    @Test("formulas carry their cached number or text result")
    func formulas() throws {
        let path = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "自评表")
            try ws.writeNumber(Decimal(string: "235.11")!, row: 4, column: 3, format: wb.format(money))
            try ws.writeNumber(Decimal(string: "226.15")!, row: 4, column: 4, format: wb.format(money))
            try ws.writeFormula("=IF(D5=0,0,E5/D5)", cachedValue: .number(Decimal(string: "0.9619")!), row: 4, column: 6, format: wb.format(rate))
            try ws.writeFormula("=IF(G5>=0.9,\"优\",\"良\")", cachedValue: .text("优"), row: 4, column: 7, format: wb.format(body))
        }
        let inspector = XLSXInspector(path: path)
        let g5 = try #require(try inspector.cell(sheet: "自评表", ref: "G5"))
        #expect(g5.formula == "IF(D5=0,0,E5/D5)")
        #expect(g5.value == "0.9619")
        #expect(g5.type == nil)
        #expect(try inspector.numberFormat(styleIndex: try #require(g5.styleIndex)) == "0.00%")
        let h5 = try #require(try inspector.cell(sheet: "自评表", ref: "H5"))
        #expect(h5.formula == "IF(G5>=0.9,\"优\",\"良\")")
        #expect(h5.type == "str")
        #expect(h5.text == "优")
        let d5 = try #require(try inspector.cell(sheet: "自评表", ref: "D5"))
        #expect(d5.value == "235.11")
        #expect(d5.formula == nil)
        #expect(try inspector.numberFormat(styleIndex: try #require(d5.styleIndex)) == "#,##0.00")
    }

    @Test("number formats are declared in styles.xml")
    func numberFormatsInStyles() throws {
        let path = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "S")
            try ws.writeNumber(1, row: 0, column: 0, format: wb.format(CellStyle(numberFormat: "0.0;[Red]-0.0")))
            try ws.writeNumber(2, row: 0, column: 1, format: wb.format(CellStyle(numberFormat: "#,##0.00")))
        }
        let formats = Set(try XLSXInspector(path: path).numberFormats().values)
        #expect(formats.contains("0.0;[Red]-0.0"))
        // #,##0.00 is built-in format 4, so it may not be declared; check through the cell.
        let inspector = XLSXInspector(path: path)
        let b1 = try #require(try inspector.cell(sheet: "S", ref: "B1"))
        #expect(try inspector.numberFormat(styleIndex: try #require(b1.styleIndex)) == "#,##0.00")
    }

    @Test("input text that looks like a formula is stored as a shared string, never as <f>",
          arguments: ["=SUM(A1:A2)", "+1", "-2", "@A1", "=HYPERLINK(\"http://x\")"])
    func formulaLikeTextStaysText(text: String) throws {
        let path = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "S")
            try ws.writeString(text, row: 0, column: 0)
            try ws.mergeRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 2, text: text)
        }
        let inspector = XLSXInspector(path: path)
        for ref in ["A1", "A2"] {
            let cell = try #require(try inspector.cell(sheet: "S", ref: ref))
            #expect(cell.type == "s")
            #expect(cell.formula == nil)
            #expect(cell.text == text)
        }
        #expect(!(try inspector.xml("xl/worksheets/sheet1.xml")).contains("<f>"))
        #expect(try inspector.sharedStrings() == [text])
    }

    @Test("comments land in xl/comments1.xml with the CJK font")
    func comments() throws {
        let path = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "自评表")
            try ws.writeNumber(20, row: 11, column: 7)
            try ws.writeComment("得分由工具按完成率计算：20 × 100%", row: 11, column: 7,
                                author: "selfeval", width: 240, height: 80)
        }
        let inspector = XLSXInspector(path: path)
        #expect(try inspector.entries().contains("xl/comments1.xml"))
        #expect(try inspector.comments(sheet: "自评表") == ["H12": "得分由工具按完成率计算：20 × 100%"])
        let xml = try inspector.xml("xl/comments1.xml")
        #expect(xml.contains("<author>selfeval</author>"))
        #expect(xml.contains("宋体"))
        // Hidden by default: the VML shape says visibility:hidden.
        let vml = try inspector.entries().first { $0.hasSuffix(".vml") }
        #expect(try inspector.xml(try #require(vml)).contains("visibility:hidden"))
    }

    @Test("print setup: A4 portrait, fit to one page wide, centred, footer, print area and titles")
    func printSetup() throws {
        let path = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "自评表")
            try ws.writeString("x", row: 0, column: 0)
            try ws.applyPrintSetup(PrintSetup(repeatRows: 0...3, printArea: CellRange(firstRow: 0, firstColumn: 0, lastRow: 49, lastColumn: 8)))
            try ws.freezePanes(row: 4, column: 0)
            try ws.setColumnWidth(30, column: 2)
            for column in 3...8 { try ws.setColumnWidth(12, column: column) }
            try ws.setRowHeight(36, row: 0)
            let detail = try wb.addWorksheet(name: "评分明细")
            try detail.writeString("指标", row: 0, column: 0)
            try detail.autofilter(firstRow: 0, firstColumn: 0, lastRow: 10, lastColumn: 5)
            try detail.applyPrintSetup(PrintSetup(orientation: .landscape, footer: nil, hideGridlines: true))
        }
        let inspector = XLSXInspector(path: path)
        #expect(try inspector.sheetElement("autoFilter", sheet: "评分明细")?["ref"] == "A1:F11")
        #expect(try inspector.sheetElement("sheetView", sheet: "评分明细")?["showGridLines"] == "0")
        #expect(try inspector.sheetElement("pageSetup", sheet: "评分明细")?["orientation"] == "landscape")
        #expect(try inspector.elements("oddFooter", in: try inspector.sheetEntry("评分明细")).isEmpty)
        let pageSetup = try #require(try inspector.sheetElement("pageSetup", sheet: "自评表"))
        #expect(pageSetup["paperSize"] == "9")
        #expect(pageSetup["orientation"] == "portrait")
        #expect(pageSetup["fitToHeight"] == "0")
        #expect(try inspector.sheetElement("pageSetUpPr", sheet: "自评表")?["fitToPage"] == "1")
        #expect(try inspector.sheetElement("printOptions", sheet: "自评表")?["horizontalCentered"] == "1")
        #expect(try inspector.sheetElement("pageMargins", sheet: "自评表")?["left"] == "0.5")
        let footer = try inspector.elements("oddFooter", in: try inspector.sheetEntry("自评表")).first?.text
        #expect(footer == "&C第 &P 页，共 &N 页")
        let names = try inspector.definedNames()
        #expect(names.contains { $0.name == "_xlnm.Print_Area" && $0.formula == "'自评表'!$A$1:$I$50" })
        #expect(names.contains { $0.name == "_xlnm.Print_Titles" && $0.formula == "'自评表'!$1:$4" })
        #expect(try inspector.rowHeights(sheet: "自评表")[1] == 36)
        #expect(try inspector.sheetElement("pane", sheet: "自评表")?["topLeftCell"] == "A5")
    }

    @Test("formats are cached by style value")
    func formatCache() throws {
        _ = try writeWorkbook { wb in
            let a = try wb.format(body)
            let b = try wb.format(body.with { _ in })
            let c = try wb.format(money)
            #expect(a === b)
            #expect(a !== c)
            let ws = try wb.addWorksheet(name: "S")
            for row in 0..<50 { try ws.writeString("行", row: row, column: 0, format: wb.format(body)) }
            #expect(try wb.format(body) === a)
        }
    }

    @Test("a format is refused by every write of another workbook's sheet, and each write names itself")
    func foreignFormat() throws {
        _ = try writeWorkbook(named: "other.xlsx") { other in
            let foreign = try other.format(body)
            _ = try writeWorkbook { wb in
                let ws = try wb.addWorksheet(name: "S")
                let writes: [(String, () throws -> Void)] = [
                    ("worksheet_write_string", { try ws.writeString("x", row: 0, column: 0, format: foreign) }),
                    ("worksheet_write_number", { try ws.writeNumber(1, row: 0, column: 0, format: foreign) }),
                    ("worksheet_write_formula_num",
                     { try ws.writeFormula("=1", cachedValue: .number(1), row: 0, column: 0, format: foreign) }),
                    ("worksheet_write_formula_str",
                     { try ws.writeFormula("=\"a\"", cachedValue: .text("a"), row: 0, column: 0, format: foreign) }),
                    ("worksheet_write_blank", { try ws.writeBlank(row: 0, column: 0, format: foreign) }),
                    ("worksheet_merge_range",
                     { try ws.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 1, text: "x", format: foreign) }),
                ]
                for (operation, write) in writes {
                    let error = try #require(throws: XLSXError.self) { try write() }
                    #expect(error.kind == .invalidArgument)
                    #expect(error.description.contains(operation), "\(error.description)")
                }
                // The workbook's own format of the same style is taken.
                try ws.writeString("x", row: 0, column: 0, format: wb.format(body))
            }
        }
    }

    @Test("document properties and custom properties; created is pinned")
    func properties() throws {
        let path = try writeWorkbook { wb in
            _ = try wb.addWorksheet(name: "S")
            try wb.setProperties(title: "部门整体支出绩效自评表", subject: "2024", author: "selfeval",
                                 company: "某单位", comments: "自动生成", keywords: "绩效,自评")
            try wb.setCustomProperty("自评等级", .text("优"))
            try wb.setCustomProperty("总分", .number(Decimal(string: "92.5")!))
            try wb.setCustomProperty("已审核", .boolean(true))
        }
        let inspector = XLSXInspector(path: path)
        #expect(try inspector.coreProperty("dc:title") == "部门整体支出绩效自评表")
        #expect(try inspector.coreProperty("dc:creator") == "selfeval")
        #expect(try inspector.coreProperty("dcterms:created") == "2023-11-14T22:13:20Z")
        let custom = try inspector.customProperties()
        #expect(custom["自评等级"] == "优")
        #expect(custom["总分"] == "92.5")
        #expect(custom["已审核"] == "true")
    }

    @Test("created is pinned even without setProperties")
    func createdPinnedWithoutProperties() throws {
        let path = try writeWorkbook { wb in _ = try wb.addWorksheet(name: "S") }
        #expect(try XLSXInspector(path: path).coreProperty("dcterms:created") == "2023-11-14T22:13:20Z")
    }

    @Test("a chart with one series from a quoted sheet range")
    func chart() throws {
        let path = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "汇总")
            for (i, (name, score)) in [("甲", 95), ("乙", 88), ("丙", 72)].enumerated() {
                try ws.writeString(name, row: i + 1, column: 0)
                try ws.writeNumber(Decimal(score), row: i + 1, column: 1)
            }
            let column = try wb.addChart(.column)
            try column.setTitle("各单位总分")
            try column.addSeries(
                values: SheetRange(sheet: "汇总", firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 1),
                categories: SheetRange(sheet: "汇总", firstRow: 1, firstColumn: 0, lastRow: 3, lastColumn: 0),
                name: "总分", showValues: true)
            try column.hideLegend()
            try ws.insertChart(column, row: 5, column: 0)
            let pie = try wb.addChart(.pie)
            try pie.addSeries(values: SheetRange(sheet: "汇总", firstRow: 1, firstColumn: 1, lastRow: 3, lastColumn: 1),
                              showValues: true)
            try ws.insertChart(pie, row: 5, column: 8, xScale: 0.8, yScale: 0.8)
            // Inserting the same chart twice is a library error.
            #expect(throws: XLSXError.self) { try ws.insertChart(pie, row: 30, column: 0) }
        }
        let inspector = XLSXInspector(path: path)
        let entries = try inspector.entries()
        #expect(entries.contains("xl/charts/chart1.xml"))
        #expect(entries.contains("xl/charts/chart2.xml"))
        let chart1 = try inspector.xml("xl/charts/chart1.xml")
        #expect(chart1.contains("<c:f>'汇总'!$B$2:$B$4</c:f>"))
        #expect(chart1.contains("<c:f>'汇总'!$A$2:$A$4</c:f>"))
        #expect(chart1.contains("各单位总分"))
        #expect(chart1.contains("<c:v>95</c:v>"))  // the data cache found the sheet
        #expect(try inspector.xml("xl/charts/chart2.xml").contains("<c:pieChart>"))
    }

    @Test("sheet-range formulas quote the sheet name and double apostrophes")
    func sheetRangeFormula() {
        #expect(SheetRange(sheet: "汇总", firstRow: 1, firstColumn: 1, lastRow: 4, lastColumn: 1).formula == "='汇总'!$B$2:$B$5")
        #expect(SheetRange(sheet: "O'Neil's", firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 27).formula
                == "='O''Neil''s'!$A$1:$AB$1")
    }
}

@Suite("Determinism")
struct DeterminismTests {
    /// `resolved`: each style looked up once, else at every write (``Workbook/format(_:)``'s cache).
    func writeSample(to path: String, epoch: String, resolved: Bool = false) throws {
        let wb = try Workbook(path: path, options: WorkbookOptions(sourceDateEpoch: epoch))
        let ws = try wb.addWorksheet(name: "自评表")
        if resolved {
            let titleFormat = try wb.format(title), bodyFormat = try wb.format(body), moneyFormat = try wb.format(money)
            try ws.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 8, text: "部门整体支出绩效目标自评表",
                              format: titleFormat)
            for row in 1..<30 {
                try ws.writeString("指标\(row)：完成率≥95%", row: row, column: 0, format: bodyFormat)
                try ws.writeNumber(Decimal(row) / 3, row: row, column: 1, format: moneyFormat)
                try ws.writeFormula("=B\(row + 1)*2", cachedValue: .number(Decimal(row) * 2 / 3), row: row, column: 2,
                                    format: moneyFormat)
                try ws.writeBlank(row: row, column: 3, format: bodyFormat)
            }
        } else {
            try ws.mergeRange(firstRow: 0, firstColumn: 0, lastRow: 0, lastColumn: 8, text: "部门整体支出绩效目标自评表", format: wb.format(title))
            for row in 1..<30 {
                try ws.writeString("指标\(row)：完成率≥95%", row: row, column: 0, format: wb.format(body))
                try ws.writeNumber(Decimal(row) / 3, row: row, column: 1, format: wb.format(money))
                try ws.writeFormula("=B\(row + 1)*2", cachedValue: .number(Decimal(row) * 2 / 3), row: row, column: 2, format: wb.format(money))
                try ws.writeBlank(row: row, column: 3, format: wb.format(body))
            }
        }
        try ws.writeComment("说明", row: 1, column: 1)
        try ws.applyPrintSetup(PrintSetup())
        try wb.setProperties(title: "自评表", author: "selfeval")
        try wb.close()
    }

    @Test("two writes with the same content and SOURCE_DATE_EPOCH are byte-identical")
    func byteIdentical() throws {
        let dir = try FixturePaths.temporaryDirectory("xlsx-determinism")
        let a = dir.appendingPathComponent("a.xlsx").path
        let b = dir.appendingPathComponent("b.xlsx").path
        try writeSample(to: a, epoch: fixedEpoch)
        Thread.sleep(forTimeInterval: 1.1)  // a "now" timestamp would differ
        try writeSample(to: b, epoch: fixedEpoch)
        let dataA = try Data(contentsOf: URL(fileURLWithPath: a))
        let dataB = try Data(contentsOf: URL(fileURLWithPath: b))
        #expect(!dataA.isEmpty)
        #expect(dataA == dataB)
        // And a different epoch changes only the dates.
        let c = dir.appendingPathComponent("c.xlsx").path
        try writeSample(to: c, epoch: "1700000001")
        #expect(try Data(contentsOf: URL(fileURLWithPath: c)) != dataA)
        #expect(try XLSXInspector(path: c).coreProperty("dcterms:created") == "2023-11-14T22:13:21Z")
        #expect(try XLSXInspector.checkEveryWorkbook(under: dir.path) == 3)
        // The same cells written through formats looked up once: the same bytes.
        let d = dir.appendingPathComponent("d.xlsx").path
        try writeSample(to: d, epoch: fixedEpoch, resolved: true)
        #expect(try Data(contentsOf: URL(fileURLWithPath: d)) == dataA)
    }

    @Test("SOURCE_DATE_EPOCH wins over the given date; malformed values are rejected")
    func epochResolution() throws {
        let date = Date(timeIntervalSince1970: 1_600_000_000.7)
        #expect(try Workbook.creationSeconds(sourceDateEpoch: nil, created: date) == 1_600_000_000)
        #expect(try Workbook.creationSeconds(sourceDateEpoch: "1700000000", created: date) == 1_700_000_000)
        #expect(try Workbook.creationSeconds(sourceDateEpoch: "0", created: date) == 1)  // 0 would mean "now"
        #expect(try Workbook.creationSeconds(sourceDateEpoch: "253402300799", created: date) == 253_402_300_799)  // 9999-12-31
        // The library refuses what the CLI refuses: past year 9999 (a huge value crashed the C date code).
        for bad in ["", "abc", "-5", "1.5", "17e8", "253402300800", "99999999999999", "9223372036854775807",
                    "99999999999999999999999"] {
            #expect(throws: XLSXError.self) { try Workbook.creationSeconds(sourceDateEpoch: bad, created: date) }
        }
        let dir = try FixturePaths.temporaryDirectory("xlsx-epoch")
        let error = #expect(throws: XLSXError.self) {
            _ = try Workbook(path: dir.appendingPathComponent("x.xlsx").path, options: WorkbookOptions(sourceDateEpoch: "soon"))
        }
        #expect(error?.kind == .invalidArgument)
        #expect(error?.location == .setting("SOURCE_DATE_EPOCH"))
    }
}

@Suite("Errors")
struct ErrorTests {
    @Test("a missing output folder surfaces from close with the path")
    func badPath() throws {
        let dir = try FixturePaths.temporaryDirectory("xlsx-badpath")
        let path = dir.appendingPathComponent("missing/sub/out.xlsx").path
        let wb = try Workbook(path: path, options: pinnedOptions())
        let ws = try wb.addWorksheet(name: "S")
        try ws.writeString("x", row: 0, column: 0)
        let error = try #require(throws: XLSXError.self) { try wb.close() }
        #expect(error.description.hasPrefix("xlsx: error: [LXW_ERROR_CREATING_XLSX_FILE] "))
        #expect(error.operation == "workbook_close")
        #expect(error.location == .file(path: path))
        #expect(error.description.contains(path))
        #expect(error.description.contains("LXW_ERROR_CREATING_XLSX_FILE"))
        #expect(!error.message.isEmpty)
        try wb.close()  // a second close does nothing
        // After close every object refuses politely instead of touching freed memory.
        let closed = try #require(throws: XLSXError.self) { try ws.writeString("y", row: 0, column: 1) }
        #expect(closed.kind == .workbookClosed)
        #expect(throws: XLSXError.self) { _ = try wb.addWorksheet(name: "T") }
        #expect(throws: XLSXError.self) { _ = try wb.format(body) }
    }

    @Test("a temporary folder option is used; an unusable one falls back (tmpfileplus) instead of failing")
    func temporaryDirectory() throws {
        let dir = try FixturePaths.temporaryDirectory("xlsx-tmpdir")
        for tmp in [dir.path, "/nonexistent/tmp"] {
            let path = dir.appendingPathComponent("x.xlsx").path
            let wb = try Workbook(path: path, options: WorkbookOptions(temporaryDirectory: tmp, sourceDateEpoch: fixedEpoch))
            try wb.addWorksheet(name: "S").writeString("t", row: 0, column: 0)
            try wb.close()
            #expect(try XLSXInspector(path: path).cell(sheet: "S", ref: "A1")?.text == "t")
        }
        // No temporary files are left behind (they are unlinked right after creation).
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["x.xlsx"])
    }

    @Test("bad sheet names are reported with the library's reason")
    func sheetNames() throws {
        _ = try writeWorkbook { wb in
            _ = try wb.addWorksheet(name: "自评表")
            let cases: [(String, String)] = [
                ("自评表", "LXW_ERROR_SHEETNAME_ALREADY_USED"),
                (String(repeating: "表", count: 32), "LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED"),
                ("a/b", "LXW_ERROR_INVALID_SHEETNAME_CHARACTER"),
                ("'quoted'", "LXW_ERROR_SHEETNAME_START_END_APOSTROPHE"),
            ]
            for (name, code) in cases {
                let error = try #require(throws: XLSXError.self) { _ = try wb.addWorksheet(name: name) }
                #expect(error.description.hasPrefix("xlsx: error: [\(code)] "))  // a library error, by its name
                #expect(error.location == .sheet(name))
            }
            _ = try wb.addWorksheet(name: String(repeating: "表", count: 31))
        }
    }

    @Test("cells outside the sheet and bad merges name the cell in A1 style")
    func cellErrors() throws {
        _ = try writeWorkbook { wb in
            let ws = try wb.addWorksheet(name: "自评表")
            let negative = try #require(throws: XLSXError.self) { try ws.writeString("x", row: -1, column: 0) }
            #expect(negative.kind == .invalidArgument)
            let tooFar = try #require(throws: XLSXError.self) { try ws.writeNumber(1, row: 0, column: 16_384) }
            #expect(tooFar.kind == .invalidArgument)
            let single = try #require(throws: XLSXError.self) {
                try ws.mergeRange(firstRow: 2, firstColumn: 1, lastRow: 2, lastColumn: 1, text: "x")
            }
            #expect(single.description.contains("自评表!B3:B3"))
            // Text over Excel's limit is cut to fit with "…" (XMLText.fitted), never refused:
            // XMLTextWriterTests checks what the cell holds.
            try ws.writeString(String(repeating: "a", count: 32_768), row: 4, column: 2)
            let nul = try #require(throws: XLSXError.self) { try ws.writeString("a\u{0}b", row: 0, column: 0) }
            #expect(nul.kind == .invalidArgument)
            #expect(throws: XLSXError.self) { try ws.writeNumber(Decimal.nan, row: 0, column: 0) }
        }
    }

    @Test("deinit closes an unclosed workbook exactly once and writes the file")
    func deinitCloses() throws {
        let dir = try FixturePaths.temporaryDirectory("xlsx-deinit")
        let path = dir.appendingPathComponent("d.xlsx").path
        do {
            let wb = try Workbook(path: path, options: pinnedOptions())
            let ws = try wb.addWorksheet(name: "S")
            try ws.writeString("kept", row: 0, column: 0)
        }
        #expect(FileManager.default.fileExists(atPath: path))
        #expect(try XLSXInspector(path: path).cell(sheet: "S", ref: "A1")?.text == "kept")
        #expect(try XLSXInspector(path: path).coreProperty("dcterms:created") == "2023-11-14T22:13:20Z")
    }
}
