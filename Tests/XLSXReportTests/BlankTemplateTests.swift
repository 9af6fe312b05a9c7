import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

@Suite("The blank official form")
struct BlankTemplateTests {
    @Test("the blank grid: 9 columns, 16 indicator rows, 2020 notes")
    func grid() {
        let rows = BlankTemplate.rows
        #expect(rows.allSatisfy { $0.count == 9 })
        #expect(rows[0][0] == "部门整体支出绩效目标自评表")
        #expect(BlankTemplate.form.indicators.count == 16)
        #expect(rows.contains { $0[0].contains("80-60%") })
        #expect(rows.count == 35)
    }

    @Test("read back as CSV it is recognised, then fails no-indicators (a blank has none)")
    func readsBack() throws {
        let bytes = CSVWriter(encoding: .utf8BOM).bytes(BlankTemplate.rows)
        let document = try CSVReader().read(bytes: bytes, file: "blank.csv")
        #expect(throws: FormError.self) { try TemplateReader().read(document) }
        do {
            _ = try TemplateReader().read(document)
        } catch {
            #expect(error.diagnostic.code == .noIndicators)
        }
    }

    @Test("the blank workbook has the form's merges and borders")
    func workbook() throws {
        let dir = try FixturePaths.temporaryDirectory("xlsx-blank")
        let path = dir.appendingPathComponent("blank.xlsx").path
        try BlankTemplate.write(to: path, options: LayoutFixture.options())
        let inspector = XLSXInspector(path: path)
        #expect(try inspector.sheetNames() == ["自评表"])
        let merges = Set(try inspector.mergedRanges(sheet: "自评表"))
        for range in ["A1:I1", "A3:E3", "F3:I3", "A4:B4", "C4:I4", "A5:B9", "A10:A11", "B11:D11", "E11:I11",
                      "A12:A28", "B13:B20", "C13:C15", "B21:B25", "B26:B28", "C26:C28", "A29:F29", "B30:I30"] {
            #expect(merges.contains(range), "\(range)")
        }
        #expect(try LayoutFixture.formulaCells(inspector, sheet: "自评表").isEmpty)
        #expect(try inspector.cell(sheet: "自评表", ref: "D20")?.styleIndex != nil)
    }

    @Test("the blank project form: its grid, 27 placeholder indicator rows, recognised as a project form")
    func projectGrid() throws {
        let rows = BlankTemplate.rows(.project)
        #expect(rows.allSatisfy { $0.count == 9 })
        #expect(rows[0][0] == "项目支出绩效自评表")
        #expect(rows.count == 40)
        let form = BlankTemplate.form(.project)
        #expect(form.template == .project)
        #expect(form.indicators.count == 27)
        #expect(form.indicators.allSatisfy { $0.isPlaceholder })
        #expect(form.indicators.first?.name.value == "指标1:")
        #expect(form.indicatorHeader?.headerRow == 12)
        #expect(form.budget?.rows.count == 4)
        #expect(form.total?.label.row == 40)
        // Read back, it is refused for having no indicator, at the table it found.
        let document = try CSVReader().read(bytes: CSVWriter(encoding: .utf8BOM).bytes(rows), file: "blank.csv")
        do {
            _ = try TemplateReader().read(document)
            Issue.record("a blank form has no indicator to score")
        } catch {
            #expect(error.diagnostic.code == .noIndicators)
            #expect(error.diagnostic.location.row == 12)
        }
    }

    @Test("the blank project workbook has the project form's merges")
    func projectWorkbook() throws {
        let dir = try FixturePaths.temporaryDirectory("xlsx-blank")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("blank.xlsx").path
        try BlankTemplate.write(to: path, kind: .project, options: LayoutFixture.options())
        let inspector = XLSXInspector(path: path)
        #expect(try inspector.sheetNames() == ["自评表"])
        let merges = Set(try inspector.mergedRanges(sheet: "自评表"))
        for range in ["A1:I1", "A2:I2", "B13:B24", "C13:C15", "C22:C24", "B25:B36", "B37:B39", "C37:C39"] {
            #expect(merges.contains(range), "\(range) in \(merges.sorted())")
        }
        #expect(try inspector.cell(sheet: "自评表", ref: "D13")?.text == "指标1:")
        #expect(try LayoutFixture.formulaCells(inspector, sheet: "自评表").isEmpty)
    }
}
