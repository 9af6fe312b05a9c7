import CSV
import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import XLSXReport

/// The same form as .csv, .xlsx and .xls gives the same report; workbooks are recognised by
/// their content; batches find them.
struct SpreadsheetInputTests {
    let converter = Converter()

    /// Every fixture form (Fixtures/*.csv, variants/, project/, real/), as `group/name` without extension.
    static let forms: [String] = {
        var out: [String] = []
        for group in ["", "variants/", "project/", "real/"] {
            let dir = FixturePaths.fixture(group)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: dir)) ?? []
            for name in names.sorted() where name.hasSuffix(".csv") || name.hasSuffix(".tsv") {
                out.append(group + name)
            }
        }
        return out
    }()

    /// The JSON report, or the error of a form that cannot be read (some real forms are
    /// incomplete), with the path replaced: the same form must give the same either way.
    func report(_ path: String) throws -> String {
        do {
            let scored = try converter.score(path: path)
            let bytes = try converter.bytes(scored, format: .json)
            return String(decoding: bytes, as: UTF8.self).replacingOccurrences(of: path, with: "FORM")
        } catch {
            return "error: " + String(describing: error).replacingOccurrences(of: path, with: "FORM")
        }
    }

    static func workbook(_ form: String, _ ext: String) -> String {
        let stem = form.hasSuffix(".csv") || form.hasSuffix(".tsv") ? String(form.dropLast(4)) : form
        return FixturePaths.fixture("xlsx/\(stem).\(ext)")
    }

    @Test func everyFixtureFormHasItsWorkbooks() throws {
        #expect(Self.forms.count >= 45)
        // Most of them are read; the incomplete real forms fail alike in every format.
        #expect(try Self.forms.filter { try !report(FixturePaths.fixture($0)).hasPrefix("error:") }.count >= 30)
        for form in Self.forms {
            #expect(FileManager.default.fileExists(atPath: Self.workbook(form, "xlsx")), "\(form)")
            #expect(FileManager.default.fileExists(atPath: Self.workbook(form, "xls")), "\(form)")
        }
    }

    @Test(arguments: forms)
    func theXLSXReadsAsTheCSV(_ form: String) throws {
        let csv = try report(FixturePaths.fixture(form))
        let xlsx = try report(Self.workbook(form, "xlsx"))
        #expect(csv == xlsx)
    }

    /// .xls numbers read under their number format too (the child reads the FORMAT and XF records
    /// FreeXL does not expose): `120,000.00` as the CSV holds it.
    @Test(arguments: forms)
    func theXLSReadsAsTheCSV(_ form: String) throws {
        #expect(try report(FixturePaths.fixture(form)) == report(Self.workbook(form, "xls")))
    }

    @Test func mixedSharedAndInlineStringsReadAsTheCSV() throws {
        #expect(try report(FixturePaths.fixture("qiannan-guangzhou-2023.csv")) == report(FixturePaths.fixture("xlsx/mixed-strings.xlsx")))
    }

    @Test func aWorkbookRenamedCSVIsReadAsAWorkbook() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (source, name) in [("xlsx/qiannan-guangzhou-2023.xlsx", "form.csv"), ("xlsx/qiannan-guangzhou-2023.xls", "old.csv"),
                               ("xlsx/qiannan-guangzhou-2023.xlsx", "noext")] {
            let path = dir.appendingPathComponent(name).path
            try FileManager.default.copyItem(atPath: FixturePaths.fixture(source), toPath: path)
            #expect(try report(path) == report(FixturePaths.fixture("qiannan-guangzhou-2023.csv")), "\(name)")
            // The encoding option cannot make it text.
            let forced = Converter(loader: FormLoader(encoding: .gb18030))
            #expect(try forced.score(path: path).scored.totalScore == converter.score(path: FixturePaths.fixture("qiannan-guangzhou-2023.csv")).scored.totalScore)
        }
    }

    /// A workbook of several forms: --sheet picks one (none is picked silently); locations name the sheet.
    @Test func sheetsAreChosenAndNamedInLocations() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let department = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        let project = try CSVReader().read(contentsOf: FixturePaths.fixture("project/national.csv"))
        func sheetData(_ doc: CSVDocument) -> String {
            doc.rows.enumerated().map { r, row in
                "<row r=\"\(r + 1)\">" + row.enumerated().filter { !$0.element.isEmpty }.map { c, text in
                    "<c r=\"\(SourceLocation.letter(forColumn: c + 1))\(r + 1)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(WorkbookBuilder.escape(text))</t></is></c>"
                }.joined() + "</row>"
            }.joined()
        }
        let bytes = WorkbookBuilder.xlsx(sheetData: "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>说明</t></is></c></row>",
                                         sheets: [("部门", sheetData(department)), ("项目", sheetData(project))], firstName: "封面")
        let path = dir.appendingPathComponent("two.xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        #expect(throws: FormError.self) { try FormLoader().load(path: path) }  // several forms: none picked silently
        let first = try FormLoader(sheet: "部门").load(path: path)
        #expect(first.form.template == .department)
        #expect(first.form.source == "\(path)[部门]")
        #expect(first.diagnostics.allSatisfy { $0.location.file == "\(path)[部门]" })
        let byName = try FormLoader(sheet: "项目").load(path: path)
        #expect(byName.form.template == .project)
        #expect(byName.form.source == "\(path)[项目]")
        let byNumber = try FormLoader(sheet: "3").load(path: path)
        #expect(byNumber.form.template == .project)
        #expect(throws: FormError.self) { try FormLoader(sheet: "封底").load(path: path) }
        #expect(throws: FormError.self) { try FormLoader(sheet: "1").load(path: path) }  // 封面 is not a form
    }

    @Test func batchFindsWorkbooksSkipsLockFilesAndItsOwnOutput() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        try fm.createDirectory(atPath: dir.appendingPathComponent("in/out").path, withIntermediateDirectories: true)
        for (source, name) in [("xlsx/qiannan-guangzhou-2023.xlsx", "a.xlsx"), ("xlsx/project/national.xls", "b.XLS"),
                               ("xlsx/hostile/macro.xlsm", "c.xlsm"), ("xlsx/qiannan-guangzhou-2023.xlsx", "out/old.xlsx")] {
            try fm.copyItem(atPath: FixturePaths.fixture(source), toPath: dir.appendingPathComponent("in/\(name)").path)
        }
        try Data("lock".utf8).write(to: dir.appendingPathComponent("in/~$a.xlsx"))
        try Data("%PDF-1.4".utf8).write(to: dir.appendingPathComponent("in/scan.xlsx"))
        let input = dir.appendingPathComponent("in").path
        let out = dir.appendingPathComponent("in/out").path
        let found = BatchDiscovery.search([input], skipping: out)
        #expect(found.files.map { ($0 as NSString).lastPathComponent } == ["a.xlsx", "b.XLS", "c.xlsm", "scan.xlsx"])
        #expect(BatchDiscovery.search([input]).files.count == 5)  // without the output folder to skip

        let outcome = try Batch(jobs: 1).run(inputs: [input], outputDirectory: out)
        #expect(outcome.converted == 3)
        #expect(outcome.failed == 1)
        #expect(outcome.errors.contains { $0.code == .notASpreadsheet && $0.source.hasSuffix("scan.xlsx") })
    }
}
