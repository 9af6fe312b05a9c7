import Foundation
import CSV
@testable import Spreadsheet
import TestSupport
import Testing

/// Cells as a CSV export holds them, and a located error for every hostile workbook.
struct SpreadsheetReaderTests {
    let reader = SpreadsheetReader()

    func grid(_ bytes: [UInt8], sheet: Int = 0) throws -> CSVDocument {
        try reader.open(bytes: bytes, file: "f.xlsx").sheet(sheet, qualified: false).document
    }

    func failure(_ bytes: [UInt8], limits: CSVLimits = .default) -> SpreadsheetError? {
        do {
            let workbook = try SpreadsheetReader(limits: limits).open(bytes: bytes, file: "f.xlsx")
            for i in workbook.sheetNames.indices { _ = try workbook.sheet(i, qualified: false) }
            return nil
        } catch {
            return error
        }
    }

    @Test func sharedInlineRichAndFormulaCellsReadAsShown() throws {
        let xml = """
        <row r="1"><c r="A1" t="s"><v>0</v></c><c r="C1" t="inlineStr"><is><r><t>富</t></r><r><rPr><b/></rPr><t xml:space="preserve">文本 </t></r></is></c></row>
        <row r="3"><c r="B3"><v>702.71000000000004</v></c><c r="C3" t="str"><f>A1&amp;"x"</f><v>缓存值</v></c><c r="D3" t="b"><v>1</v></c><c r="E3" t="e"><v>#DIV/0!</v></c></row>
        <row r="4"><c r="A4" t="s"><v>1</v></c><c r="B4"><f>1/0</f></c></row>
        """
        let doc = try grid(WorkbookBuilder.xlsx(sheetData: xml, sharedStrings: ["一级指标", "两行\n文本_x000D_"]))
        #expect(doc.rows == [["一级指标", "", "富文本 "], [""], ["", "702.71", "缓存值", "TRUE", "#DIV/0!"], ["两行\n文本\r"]])
        #expect(doc.file == "f.xlsx")
        #expect(doc.sheet == "Sheet1")
    }

    @Test func phoneticRunsAreLeftOut() throws {
        let sst = "<si><r><t>重庆</t></r><rPh sb=\"0\" eb=\"1\"><t>チョン</t></rPh></si>"
        var bytes = WorkbookBuilder.xlsx(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"s\"><v>0</v></c></row>")
        bytes = WorkbookBuilder.zip(Self.entries(of: bytes).map { e in
            e.name == "xl/sharedStrings.xml"
                ? (e.name, Array("<sst xmlns=\"http://schemas.openxmlformats.org/spreadsheetml/2006/main\">\(sst)</sst>".utf8))
                : e
        })
        #expect(try grid(bytes).rows == [["重庆"]])
    }

    @Test func numberFormatsComeFromTheCellStyle() throws {
        let styles = """
        <numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy&quot;年&quot;m&quot;月&quot;d&quot;日&quot;"/></numFmts>
        <cellStyleXfs count="1"><xf numFmtId="10"/></cellStyleXfs>
        <cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="9"/><xf numFmtId="164"/><xf numFmtId="4"/></cellXfs>
        """
        let xml = "<row r=\"1\"><c r=\"A1\" s=\"1\"><v>1</v></c><c r=\"B1\" s=\"2\"><v>45306</v></c><c r=\"C1\" s=\"3\"><v>120000</v></c><c r=\"D1\" s=\"0\"><v>0.7</v></c><c r=\"E1\" s=\"99\"><v>3</v></c></row>"
        #expect(try grid(WorkbookBuilder.xlsx(sheetData: xml, styles: styles)).rows == [["100%", "2024年1月15日", "120,000.00", "0.7", "3"]])
    }

    @Test func cellsWithoutAddressesFollowTheirNeighbours() throws {
        let xml = "<row><c t=\"inlineStr\"><is><t>a</t></is></c><c r=\"C1\" t=\"inlineStr\"><is><t>c</t></is></c><c t=\"inlineStr\"><is><t>d</t></is></c></row><row><c><v>2</v></c></row>"
        #expect(try grid(WorkbookBuilder.xlsx(sheetData: xml)).rows == [["a", "", "c", "d"], ["2"]])
    }

    @Test func anAbsurdDimensionAloneCostsNothing() throws {
        // <dimension> is never trusted: an empty styled cell at XFD1048576 is no text.
        let xml = "<row r=\"1\"><c r=\"A1\"><v>1</v></c></row><row r=\"1048576\"><c r=\"XFD1048576\" s=\"0\"/></row>"
        #expect(try grid(WorkbookBuilder.xlsx(sheetData: xml)).rows == [["1"]])
    }

    /// Every hostile workbook: its code and its place.
    static let hostile: [(name: String, bytes: [UInt8], code: String, row: Int, column: Int)] = {
        let entity = "<!DOCTYPE x [<!ENTITY a \"aaaaaaaaaa\"><!ENTITY b \"&a;&a;&a;&a;&a;&a;&a;&a;&a;&a;\">]>"
        return [
            ("far corner", WorkbookBuilder.xlsx(sheetData: "<row r=\"1048576\"><c r=\"XFD1048576\"><v>1</v></c></row>"),
             "too-many-rows", 1_048_576, 16_384),
            ("column 257", WorkbookBuilder.xlsx(sheetData: "<row r=\"2\"><c r=\"IW2\"><v>1</v></c></row>"), "too-many-columns", 2, 257),
            ("shared string out of range", WorkbookBuilder.xlsx(sheetData: "<row r=\"5\"><c r=\"C5\" t=\"s\"><v>7</v></c></row>", sharedStrings: ["a"]),
             "shared-string-out-of-range", 5, 3),
            ("negative shared string", WorkbookBuilder.xlsx(sheetData: "<row r=\"1\"><c r=\"B1\" t=\"s\"><v>-1</v></c></row>"),
             "shared-string-out-of-range", 1, 2),
            ("bad reference", WorkbookBuilder.xlsx(sheetData: "<row r=\"1\"><c r=\"1A\"><v>1</v></c></row>"), "xlsx-corrupt", 1, 1),
            ("entity expansion", WorkbookBuilder.xlsx(sheetData: "", workbookPrefix: entity), "xml-forbidden", 1, 1),
            ("external entity", WorkbookBuilder.xlsx(sheetData: "", workbookPrefix: "<!DOCTYPE x SYSTEM \"file:///etc/passwd\">"),
             "xml-forbidden", 1, 1),
            ("malformed XML", WorkbookBuilder.xlsx(sheetData: "<row r=\"1\"><c r=\"A1\"><v>1</c></row>"), "xml-malformed", 1, 1),
            ("long cell", WorkbookBuilder.xlsx(sheetData: "<row r=\"3\"><c r=\"B3\" t=\"inlineStr\"><is><t>\(String(repeating: "长", count: 32_768))</t></is></c></row>"),
             "cell-too-long", 3, 2),
            ("long shared string", WorkbookBuilder.xlsx(sheetData: "", sharedStrings: [String(repeating: "x", count: 32_768)]),
             "cell-too-long", 1, 1),
            ("many entries", WorkbookBuilder.zip((0..<20_000).map { (name: "e\($0)", data: []) }), "xlsx-too-many-entries", 1, 1),
            ("declared bomb", Self.declaring(size: 100 << 20), "zip-bomb", 1, 1),
            ("not a workbook", WorkbookBuilder.zip([("a.txt", Array("hi".utf8))]), "not-a-spreadsheet", 1, 1),
            ("word document", WorkbookBuilder.zip([("word/document.xml", Array("<w/>".utf8))]), "not-a-spreadsheet", 1, 1),
            ("empty zip", WorkbookBuilder.zip([]), "not-a-spreadsheet", 1, 1),
            ("truncated", Array(WorkbookBuilder.xlsx(sheetData: "").dropLast(30)), "xlsx-truncated", 1, 1),
            ("pdf", Array("%PDF-1.7\n".utf8), "not-a-spreadsheet", 1, 1),
            ("no sheets", Self.withoutSheets(), "xlsx-corrupt", 1, 1),
        ]
    }()

    @Test(arguments: hostile.indices)
    func aHostileWorkbookGivesItsLocatedError(_ i: Int) {
        let c = Self.hostile[i]
        let error = failure(c.bytes)
        #expect(error?.code == c.code, "\(c.name): \(String(describing: error))")
        #expect(error?.location.row == c.row && error?.location.column == c.column, "\(c.name): \(String(describing: error))")
        #expect(error?.message.isEmpty == false)
    }

    @Test func aDamagedEntryFailsItsChecksum() throws {
        var bytes = WorkbookBuilder.xlsx(sheetData: "<row r=\"1\"><c r=\"A1\"><v>12345</v></c></row>")
        let needle = Array("12345".utf8)
        guard let at = (0..<(bytes.count - 5)).first(where: { Array(bytes[$0..<($0 + 5)]) == needle }) else {
            Issue.record("value not found"); return
        }
        bytes[at] = UInt8(ascii: "9")
        #expect(failure(bytes)?.code == "xlsx-corrupt")
    }

    @Test func sheetsAreChosenByNameOrNumber() throws {
        let workbook = try reader.open(bytes: WorkbookBuilder.xlsx(sheetData: "", sheets: [("表二", "<row r=\"1\"><c r=\"A1\"><v>2</v></c></row>")]),
                                       file: "f.xlsx")
        #expect(workbook.sheetNames == ["Sheet1", "表二"])
        #expect(try workbook.index(of: "表二") == 1)
        #expect(try workbook.index(of: "2") == 1)
        #expect(try workbook.sheet(1, qualified: true).document.file == "f.xlsx[表二]")
        #expect(throws: SpreadsheetError.self) { try workbook.index(of: "3") }
        #expect(throws: SpreadsheetError.self) { try workbook.index(of: "Sheet3") }
    }

    @Test(arguments: [
        ([0x50, 0x4B, 0x03, 0x04, 0, 0, 0, 0] as [UInt8], "zip"),
        ([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1], "ole2"),
        (Array("%PDF-1.4".utf8), "other"),
        ([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A], "other"),
        (Array("单位,年度".utf8), "text"),
        ([0xEF, 0xBB, 0xBF, 0x41], "text"),
        ([0x50, 0x4B], "text"),
        ([], "text"),
    ])
    func filesAreRecognisedByTheirFirstBytes(_ bytes: [UInt8], _ kind: String) {
        let found = switch FileSignature(prefix: bytes) {
        case .zip: "zip"
        case .ole2: "ole2"
        case .otherBinary: "other"
        case .text: "text"
        }
        #expect(found == kind)
    }

    @Test(arguments: [("A1", 1, 1), ("Z9", 26, 9), ("AA10", 27, 10), ("XFD1048576", 16_384, 1_048_576), ("$B$2", 2, 2)])
    func referencesParse(_ ref: String, _ column: Int, _ row: Int) {
        #expect(SheetReader.parseReference(ref).map { [$0.0, $0.1] } == [column, row])
    }

    @Test(arguments: ["", "A", "1", "1A", "A1B", "A-1", "AAAAAAAAAAAAAAAAAA1"])
    func badReferencesDoNotParse(_ ref: String) {
        #expect(SheetReader.parseReference(ref) == nil)
    }

    // MARK: Builders

    /// The stored entries of an archive made by `WorkbookBuilder` (names and data).
    static func entries(of zip: [UInt8]) -> [(name: String, data: [UInt8])] {
        var out: [(String, [UInt8])] = []
        var p = 0
        func u16(_ a: Int) -> Int { Int(zip[a]) | Int(zip[a + 1]) << 8 }
        func u32(_ a: Int) -> Int { u16(a) | u16(a + 2) << 16 }
        while p + 30 <= zip.count, u32(p) == 0x0403_4B50 {
            let size = u32(p + 18), nameLength = u16(p + 26)
            let name = String(decoding: zip[(p + 30)..<(p + 30 + nameLength)], as: UTF8.self)
            out.append((name, Array(zip[(p + 30 + nameLength)..<(p + 30 + nameLength + size)])))
            p += 30 + nameLength + size
        }
        return out
    }

    /// A workbook whose sheet entry declares `size` bytes in the directory.
    static func declaring(size: Int) -> [UInt8] {
        var bytes = WorkbookBuilder.xlsx(sheetData: "")
        let name = Array("xl/worksheets/sheet1.xml".utf8)
        for p in 0..<(bytes.count - 46) where bytes[p] == 0x50 && bytes[p + 1] == 0x4B && bytes[p + 2] == 1 && bytes[p + 3] == 2 {
            if Array(bytes[(p + 46)..<min(p + 46 + name.count, bytes.count)]) == name {
                for k in 0..<4 { bytes[p + 24 + k] = UInt8(size >> (8 * k) & 0xFF) }
            }
        }
        return bytes
    }

    static func withoutSheets() -> [UInt8] {
        WorkbookBuilder.zip(entries(of: WorkbookBuilder.xlsx(sheetData: "")).map { e in
            e.name == "xl/workbook.xml" ? (e.name, Array("<workbook><sheets/></workbook>".utf8)) : e
        })
    }
}

/// Every finding of the xlsx fuzz harness, kept in Fixtures/fuzz-regressions/xlsx/: a workbook or
/// a located error, never a crash (the FreeXL over-read is contained in its child process).
struct SpreadsheetFuzzRegressionTests {
    static let findings: [String] = {
        let dir = FixturePaths.fixture("fuzz-regressions/xlsx")
        return ((try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []).sorted()
    }()

    @Test func thereAreFindings() { #expect(!Self.findings.isEmpty) }

    @Test(arguments: findings)
    func aFindingReadsOrFailsWithAPlace(_ name: String) throws {
        let bytes = try FixturePaths.bytes("fuzz-regressions/xlsx/\(name)")
        do {
            let workbook = try SpreadsheetReader().open(bytes: bytes, file: name)
            for i in workbook.sheetNames.indices { _ = try workbook.sheet(i, qualified: true) }
        } catch {
            #expect(error.location.row >= 1 && !error.message.isEmpty)
            if name.hasPrefix("freexl") { #expect(error.code == "xls-unreadable") }
        }
    }
}
