import CSV
import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import XLSXReport

/// A workbook holding several forms, one per sheet (`Fixtures/xlsx/sheets/`, made by LibreOffice
/// with `Fixtures/xlsx/make_sheets.py`): one form per sheet in `batch` and `check`, each located
/// as `FILE[sheet]`; sheets that are not forms skipped; a workbook with no form one error.
@Suite(.serialized)
struct WorkbookFormsTests {
    let converter = Converter()

    /// The sheets of several-forms.* that are forms, in order, with the CSV each was made from.
    static let forms: [(sheet: String, csv: String)] = [
        ("部门", "qiannan-guangzhou-2023.csv"), ("项目一", "project/national.csv"),
        ("项目二", "project/nature-unit.csv"), ("部门 副本", "qiannan-guangzhou-2023.csv"),
    ]

    func report(_ scored: Converter.Scored, replacing source: String) throws -> String {
        String(decoding: try converter.bytes(scored, format: .json), as: UTF8.self).replacingOccurrences(of: source, with: "FORM")
    }

    @Test(arguments: ["xlsx", "xls"])
    func everyFormSheetReadsAsItsCSV(_ ext: String) throws {
        let path = FixturePaths.fixture("xlsx/sheets/several-forms.\(ext)")
        let each = converter.scoreEach(path: path)
        #expect(each.map(\.source) == Self.forms.map { "\(path)[\($0.sheet)]" })  // 封面 and 说明 skipped
        for ((source, result), form) in zip(each, Self.forms) {
            let scored = try result.get()
            #expect(scored.scored.form.source == source)
            #expect(scored.diagnostics.allSatisfy { $0.location.file == source }, "\(source)")
            let csvPath = FixturePaths.fixture(form.csv)
            #expect(try report(scored, replacing: source) == report(converter.score(path: csvPath), replacing: csvPath), "\(source)")
        }
        // `score` and `convert` write one form: of several, none is picked silently.
        #expect { try converter.score(path: path) } throws: { error in
            guard let error = error as? ConversionError else { return false }
            return error.diagnostic.code == .severalForms && error.diagnostic.location.file == path
                && Self.forms.allSatisfy { error.diagnostic.message.contains("“\($0.sheet)”") }
        }
    }

    /// `convert` and `score` of a workbook of several forms, without --sheet: a located error
    /// naming the form sheets (exit 1, nothing written); with --sheet, that one.
    @Test func convertAsksForASheet() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.xlsx").path
        for command in [["convert", "Fixtures/xlsx/sheets/several-forms.xlsx", "-o", out], ["score", "Fixtures/xlsx/sheets/several-forms.xls"]] {
            let r = try BinaryRunner().run(command)
            #expect(r.status == 1, "\(command)")
            #expect(r.stderr.contains("error: [several-forms]"), "\(r.stderr)")
            #expect(r.stderr.contains("--sheet"))
            #expect(!FileManager.default.fileExists(atPath: out))
        }
        let r = try BinaryRunner().run(["convert", "Fixtures/xlsx/sheets/several-forms.xlsx", "--sheet", "项目一", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(FileManager.default.fileExists(atPath: out))
    }

    @Test(arguments: ["xlsx", "xls"])
    func sheetPicksExactlyOne(_ ext: String) throws {
        let path = FixturePaths.fixture("xlsx/sheets/several-forms.\(ext)")
        for (wanted, sheet) in [("项目二", "项目二"), ("3", "项目一"), ("部门 副本", "部门 副本")] {
            let each = Converter(loader: FormLoader(sheet: wanted)).scoreEach(path: path)
            #expect(each.map(\.source) == ["\(path)[\(sheet)]"], "\(wanted)")
            #expect(try each.first?.result.get().scored.form.document.sheet == sheet)
        }
        // A sheet that is not a form, or is not there: one error.
        for wanted in ["封面", "1", "封底", "7"] {
            let each = Converter(loader: FormLoader(sheet: wanted)).scoreEach(path: path)
            #expect(each.count == 1)
            #expect(throws: ConversionError.self, "\(wanted)") { try each.first?.result.get() }
        }
    }

    @Test(arguments: ["xlsx", "xls"])
    func aWorkbookWithoutAFormIsOneError(_ ext: String) throws {
        let path = FixturePaths.fixture("xlsx/sheets/no-form.\(ext)")
        let each = converter.scoreEach(path: path)
        #expect(each.count == 1)
        #expect(each.first?.source == path)
        do {
            _ = try each.first?.result.get()
            Issue.record("no error")
        } catch {
            #expect(error.diagnostic.code == .noFormSheet)
            #expect(error.diagnostic.location == SourceLocation(file: path, row: 1, column: 1))
            #expect(error.diagnostic.message.contains("“封面”、“说明”"))
        }
        #expect(throws: ConversionError.self) { try converter.score(path: path) }
    }

    /// A workbook of one sheet that is no form reads as that sheet's CSV export: the same error.
    @Test func aSingleSheetWithoutAFormGivesTheCSVsError() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let rows = [["年度预算申请(万元)", "年初预算数", "全年执行数", "分值"], ["10", "10", "9", "10"]]
        let xlsx = dir.appendingPathComponent("one.xlsx").path, csv = dir.appendingPathComponent("one.csv").path
        let sheetData = rows.enumerated().map { r, row in
            "<row r=\"\(r + 1)\">" + row.enumerated().map { c, text in
                "<c r=\"\(SourceLocation.letter(forColumn: c + 1))\(r + 1)\" t=\"inlineStr\"><is><t>\(text)</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        try Data(WorkbookBuilder.xlsx(sheetData: sheetData)).write(to: URL(fileURLWithPath: xlsx))
        try Data(rows.map { $0.joined(separator: ",") }.joined(separator: "\n").utf8).write(to: URL(fileURLWithPath: csv))
        func failure(_ path: String) -> String? {
            do { _ = try converter.score(path: path); return nil } catch {
                return "\(error.diagnostic.code) \(error.diagnostic.message)"
            }
        }
        #expect(failure(xlsx) != nil)
        #expect(failure(xlsx) == failure(csv))
        #expect(failure(xlsx)?.hasPrefix("no-form-sheet") == false)
    }

    /// selfeval's own workbook (自评表 + 评分明细) is one form, located without a sheet.
    @Test func aSelfevalWorkbookIsOneForm() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("scored.xlsx").path
        try converter.write(converter.score(path: FixturePaths.fixture("qiannan-guangzhou-2023.csv")), to: path, format: .xlsx)
        let each = converter.scoreEach(path: path)
        #expect(each.map(\.source) == [path])
        #expect(try each.first?.result.get().scored.totalScore == converter.score(path: FixturePaths.fixture("qiannan-guangzhou-2023.csv")).scored.totalScore)
    }

    /// One sheet's form that cannot be read fails alone; the others are converted.
    @Test func oneBadFormSheetFailsAlone() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let department = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        let sheetData = department.rows.enumerated().map { r, row in
            "<row r=\"\(r + 1)\">" + row.enumerated().filter { !$0.element.isEmpty }.map { c, text in
                "<c r=\"\(SourceLocation.letter(forColumn: c + 1))\(r + 1)\" t=\"inlineStr\"><is><t xml:space=\"preserve\">\(WorkbookBuilder.escape(text))</t></is></c>"
            }.joined() + "</row>"
        }.joined()
        let titleOnly = "<row r=\"1\"><c r=\"A1\" t=\"inlineStr\"><is><t>项目支出绩效自评表</t></is></c></row>"
        let bytes = WorkbookBuilder.xlsx(sheetData: sheetData, sheets: [("空表", titleOnly)], firstName: "部门")
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let path = input.appendingPathComponent("two.xlsx").path
        try Data(bytes).write(to: URL(fileURLWithPath: path))

        var batch = Batch(jobs: 1)
        batch.collectRows = true
        let outcome = try batch.run(inputs: [input.path], outputDirectory: dir.appendingPathComponent("out").path)
        #expect(outcome.converted == 1)
        #expect(outcome.failed == 1)
        #expect(outcome.rows.map(\.source) == ["\(path)[部门]", "\(path)[空表]"])
        #expect(outcome.rows.map(\.succeeded) == [true, false])
        #expect(outcome.errors.count == 1)
        #expect(outcome.errors.first?.source == "\(path)[空表]")
    }

    /// A batch over workbooks of several forms: one line, one output and one report entry per
    /// form, names that never collide, duplicates named by sheet.
    @Test func batchGivesOneFormPerSheet() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let fm = FileManager.default
        let input = dir.appendingPathComponent("in")
        try fm.createDirectory(at: input, withIntermediateDirectories: true)
        for (source, name) in [("xlsx/sheets/several-forms.xlsx", "a.xlsx"), ("xlsx/sheets/several-forms.xls", "b.xls"),
                               ("xlsx/sheets/no-form.xlsx", "c.xlsx"), ("qiannan-guangzhou-2023.csv", "d.csv")] {
            try fm.copyItem(atPath: FixturePaths.fixture(source), toPath: input.appendingPathComponent(name).path)
        }
        let a = input.appendingPathComponent("a.xlsx").path, b = input.appendingPathComponent("b.xls").path
        let c = input.appendingPathComponent("c.xlsx").path, d = input.appendingPathComponent("d.csv").path
        let out = dir.appendingPathComponent("out").path
        var batch = Batch(jobs: 2)
        batch.collectRows = true
        let outcome = try batch.run(inputs: [input.path], outputDirectory: out)
        let sheets = Self.forms.map(\.sheet)
        let expected = sheets.map { "\(a)[\($0)]" } + sheets.map { "\(b)[\($0)]" } + [c, d]
        #expect(outcome.rows.map(\.source) == expected)
        #expect(outcome.converted == 9)
        #expect(outcome.failed == 1)
        #expect(outcome.errors.map(\.code) == [.noFormSheet])
        #expect(outcome.errors.first?.source == c)
        // Every form its own output; the same form read more than once (the department form five
        // times, each project form twice) names its duplicates by file and sheet.
        let outputs = outcome.rows.filter(\.succeeded).map(\.output)
        #expect(Set(outputs).count == 9)
        let groups = [["\(a)[部门]", "\(a)[部门 副本]", "\(b)[部门]", "\(b)[部门 副本]", d],
                      ["\(a)[项目一]", "\(b)[项目一]"], ["\(a)[项目二]", "\(b)[项目二]"]]
        for row in outcome.rows {
            let group = groups.first { $0.contains(row.source) } ?? []
            #expect(row.duplicates == group.filter { $0 != row.source }, "\(row.source)")
        }
        // report.json: each form's source with its sheet.
        let report = try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.reportPath))) as? [String: Any]
        let forms = report?["forms"] as? [[String: Any]] ?? []
        #expect(forms.compactMap { $0["source"] as? String } == expected.filter { $0 != c })
        let files = try fm.contentsOfDirectory(atPath: out).filter { $0.hasSuffix(".xlsx") && $0 != ConversionWords.summaryWorkbookName }
        #expect(files.count == 9)
    }

    /// `check` prints one line per form, each diagnostic located in its sheet.
    @Test func checkPrintsOneLinePerForm() throws {
        let r = try BinaryRunner().run(["check", "Fixtures/xlsx/sheets/several-forms.xlsx", "Fixtures/xlsx/sheets/no-form.xls"])
        #expect(r.status == 1)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        for sheet in Self.forms.map(\.sheet) {
            #expect(lines.filter { $0.hasPrefix("Fixtures/xlsx/sheets/several-forms.xlsx[\(sheet)]: ") }.count == 1, "\(sheet)")
        }
        #expect(r.stderr.contains("Fixtures/xlsx/sheets/several-forms.xlsx[项目一]:21:H: warning: [score-replaced]"))
        #expect(r.stderr.contains("Fixtures/xlsx/sheets/no-form.xls:1:A: error: [no-form-sheet]"))
        #expect(!r.stderr.contains("several-forms.xlsx:"))
        #expect(r.stdout.contains("共 5 张表:4 张读取成功,1 张失败"))
    }

    /// `convert` of a workbook of several forms never writes over the workbook it read.
    @Test func convertNeverWritesOverTheWorkbook() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("several.xlsx").path
        try FileManager.default.copyItem(atPath: FixturePaths.fixture("xlsx/sheets/several-forms.xlsx"), toPath: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        var forced = Converter(loader: FormLoader(sheet: "项目一"))
        forced.force = true
        let scored = try forced.score(path: path)
        #expect(scored.scored.form.source == "\(path)[项目一]")
        #expect(throws: ConversionError.self) { try forced.write(scored, to: path, format: .xlsx) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }
}
