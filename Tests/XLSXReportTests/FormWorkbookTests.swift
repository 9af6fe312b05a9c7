import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

@Suite("The printed form workbook, checked by unzipping the file")
struct FormWorkbookTests {
    static let sheet = "自评表"
    static let detail = "评分明细"

    /// The merged ranges of the reference form, derived from its structure.
    static let fixtureMerges: Set<String> = [
        "A1:I1", "A2:I2", "A3:E3", "F3:I3", "A4:B4", "C4:I4",  // title, year, unit | date, name
        "A5:B9",  // 部门(单位)总体资金(万元)
        "A10:A11", "B10:D10", "E10:I10", "B11:D11", "E11:I11",  // 年度总体目标
        "A12:A28",  // 绩效指标
        "B13:B25", "B26:B27",  // 产出指标, 效益指标 (满意度指标 is one row)
        "C13:C17", "C18:C20", "C22:C25",  // 数量, 质量, 成本 (时效 and the 效益 groups are one row)
        "A29:F29", "B30:I30",  // 总分, 自评结论
        "A31:D31", "E31:I31",  // 联系人 | 联系电话
        "A32:I32", "A33:I33", "A34:I34", "A35:I35",  // notes
    ]

    @Test("two sheets, 自评表 then 评分明细")
    func sheetNames() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        #expect(try inspector.sheetNames() == [Self.sheet, Self.detail])
    }

    @Test("the merged ranges of the reference form, exactly")
    func fixtureMerges() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        let merges = try inspector.mergedRanges(sheet: Self.sheet)
        #expect(Set(merges) == Self.fixtureMerges)
        #expect(merges.count == Self.fixtureMerges.count)
    }

    @Test("merges follow the form's structure: 3 or 30 indicators", arguments: [0, 14])
    func mergesFollowStructure(extra: Int) throws {
        let scored = try LayoutFixture.scored(try LayoutFixture.withExtraIndicators(extra))
        let layout = FormLayout(form: scored.form, rows: ScoredGrid(scored).rows)
        let merges = Set(layout.merges.map(\.a1))
        #expect(merges.contains("A12:A\(28 + extra)"))
        #expect(merges.contains("B13:B\(25 + extra)"))
        #expect(merges.contains("C13:C\(17 + extra)"))
        #expect(merges.contains("A\(29 + extra):F\(29 + extra)"))
        #expect(merges.contains("A\(35 + extra):I\(35 + extra)"))
        // No two merges overlap.
        var seen = Set<SheetCell>()
        for range in layout.merges {
            for row in range.first.row...range.last.row {
                for column in range.first.column...range.last.column {
                    #expect(seen.insert(SheetCell(row: row, column: column)).inserted, "overlap at \(range)")
                }
            }
        }
    }

    @Test("merges never hide a non-empty cell")
    func mergesKeepText() throws {
        // An unrecognised note in D4, inside what would be C4:I4.
        let document = LayoutFixture.setting(try LayoutFixture.document(), row: 4, column: 6, "备注")
        let scored = try LayoutFixture.scored(document)
        let path = try LayoutFixture.write(scored)
        let inspector = XLSXInspector(path: path)
        let merges = try inspector.mergedRanges(sheet: Self.sheet)
        #expect(merges.contains("C4:E4"))
        #expect(merges.contains("F4:I4"))
        #expect(try inspector.cell(sheet: Self.sheet, ref: "F4")?.text == "备注")
    }

    @Test("formulas with correct cached values: 执行率 1, 得分 10, 总分 99")
    func formulas() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        let rate = try #require(try inspector.cell(sheet: Self.sheet, ref: "H6"))
        #expect(rate.formula == "ROUND(IF(E6=0,0,F6/E6),4)")
        #expect(rate.value == "1")
        #expect(try inspector.numberFormat(styleIndex: try #require(rate.styleIndex)) == "0.00%")
        let score = try #require(try inspector.cell(sheet: Self.sheet, ref: "I6"))
        #expect(score.formula == "ROUND(G6*MIN(H6,1),2)")
        #expect(score.value == "10")
        let total = try #require(try inspector.cell(sheet: Self.sheet, ref: "H29"))
        #expect(total.formula == "I6+SUM(H13:H28)")
        #expect(total.value == "99")
        #expect(try inspector.numberFormat(styleIndex: try #require(total.styleIndex)) == "0.00")
    }

    @Test("money, 分值 and scores are numbers; money uses 0.00")
    func numbers() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        let money = try #require(try inspector.cell(sheet: Self.sheet, ref: "D6"))
        #expect(money.type == nil)
        #expect(money.value == "702.71")
        #expect(try inspector.numberFormat(styleIndex: try #require(money.styleIndex)) == "0.00")
        #expect(try inspector.cell(sheet: Self.sheet, ref: "F8")?.value == "499.67")
        let weight = try #require(try inspector.cell(sheet: Self.sheet, ref: "G13"))
        #expect(weight.type == nil && weight.value == "4")
        let indicatorScore = try #require(try inspector.cell(sheet: Self.sheet, ref: "H26"))
        #expect(indicatorScore.type == nil && indicatorScore.value == "14")
        // "—" stays text; the empty 其他资金 amounts stay blank.
        #expect(try inspector.cell(sheet: Self.sheet, ref: "G7")?.text == "—")
        #expect(try inspector.cell(sheet: Self.sheet, ref: "D9")?.value == nil)
    }

    @Test("input text is never a formula, even =1+1 and @SUM(A1)")
    func inputStaysText() throws {
        var document = try LayoutFixture.document()
        document = LayoutFixture.setting(document, row: 11, column: 2, "=1+1")
        document = LayoutFixture.setting(document, row: 4, column: 3, "@SUM(A1)")
        document = LayoutFixture.setting(document, row: 13, column: 9, "+1-2")
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored(document)))
        let formulas = try LayoutFixture.formulaCells(inspector, sheet: Self.sheet)
        #expect(Set(formulas.keys) == ["H6", "I6", "H29", "B30"])  // B30: 自评等级 from 总分
        #expect(try inspector.cell(sheet: Self.sheet, ref: "B11")?.text == "=1+1")
        #expect(try inspector.cell(sheet: Self.sheet, ref: "B11")?.type == "s")
        #expect(try inspector.cell(sheet: Self.sheet, ref: "C4")?.text == "@SUM(A1)")
        #expect(try inspector.cell(sheet: Self.sheet, ref: "I13")?.text == "+1-2")
        #expect(try LayoutFixture.formulaCells(inspector, sheet: Self.detail).isEmpty)
    }

    @Test("every input cell reaches the sheet, unrecognised cells and extra columns included")
    func everyInputCell() throws {
        let document = LayoutFixture.setting(try LayoutFixture.document(), row: 20, column: 11, "表外备注")
        let scored = try LayoutFixture.scored(document)
        #expect(!scored.form.unrecognisedCells.isEmpty)
        let grid = ScoredGrid(scored)
        let inspector = XLSXInspector(path: try LayoutFixture.write(scored))
        for (r, row) in grid.rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                let ref = SheetCell(row: r, column: c).a1
                let cell = try #require(try inspector.cell(sheet: Self.sheet, ref: ref), "\(ref) missing")
                if cell.type == "s" { #expect(cell.text == text, "\(ref)") }
            }
        }
        let area = try inspector.definedNames().first { $0.name == "_xlnm.Print_Area" }
        #expect(area?.formula.hasSuffix("$A$1:$K$35") == true)
    }

    @Test("comments on the cells the engine filled or changed")
    func comments() throws {
        // The unscored export: every score is filled by the engine.
        let unscored = try LayoutFixture.scored("qiannan-guangzhou-2023.unscored.csv")
        let grid = ScoredGrid(unscored)
        let inspector = XLSXInspector(path: try LayoutFixture.write(unscored))
        let comments = try inspector.comments(sheet: Self.sheet)
        let expected = grid.computed.filter { $0.value.comment != nil || $0.value.changed }.keys
        #expect(!expected.isEmpty)
        for address in expected {
            let text = comments[address.description]
            #expect(text?.isEmpty == false, "no comment on \(address)")
        }
        // A quantitative score the form got wrong (3 instead of 4) is replaced, with a comment naming 3.
        let wrong = LayoutFixture.setting(try LayoutFixture.document(), row: 13, column: 8, "3")
        let changed = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored(wrong)))
        let comment = try #require(try changed.comments(sheet: Self.sheet)["H13"])
        #expect(comment.contains("3"))
    }

    @Test("print setup: A4 portrait, one page wide at a computed scale, centred, footer, print area, header repeated, no gridlines")
    func printSetup() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        let setup = try #require(try inspector.sheetElement("pageSetup", sheet: Self.sheet))
        #expect(setup["paperSize"] == "9")
        #expect(setup["orientation"] == "portrait")
        // One page wide by a scale computed from the column widths (PrintedPagesTests), not
        // fit-to-page, under which Excel ignores the page breaks.
        #expect(setup["scale"] == "74")
        #expect(setup["fitToHeight"] == nil && setup["fitToWidth"] == nil)
        #expect(try inspector.sheetElement("pageSetUpPr", sheet: Self.sheet)?["fitToPage"] == nil)
        #expect(try inspector.sheetElement("printOptions", sheet: Self.sheet)?["horizontalCentered"] == "1")
        #expect(try inspector.sheetElement("printOptions", sheet: Self.sheet)?["gridLines"] == nil)
        #expect(try inspector.sheetElement("sheetView", sheet: Self.sheet)?["showGridLines"] == "0")
        #expect(try inspector.xml(try inspector.sheetEntry(Self.sheet)).contains("&amp;P"))
        let names = try inspector.definedNames()
        #expect(names.contains { $0.name == "_xlnm.Print_Area" && $0.formula == "'自评表'!$A$1:$I$35" })
        #expect(names.contains { $0.name == "_xlnm.Print_Titles" && $0.localSheetId == 0 && $0.formula == "'自评表'!$12:$12" })
    }

    @Test("fonts: 黑体 bold title, 宋体 body; borders on blank cells of merged ranges")
    func fontsAndBorders() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        let title = try #require(try inspector.cell(sheet: Self.sheet, ref: "A1")?.styleIndex)
        let titleFont = try #require(try inspector.font(styleIndex: title))
        #expect(titleFont.name == "黑体" && titleFont.bold && titleFont.size == 18)
        let goals = try #require(try inspector.cell(sheet: Self.sheet, ref: "B11")?.styleIndex)
        #expect(try inspector.font(styleIndex: goals)?.name == "宋体")
        // D11 is a blank cell of B11:D11 and carries the same bordered style.
        let blank = try #require(try inspector.cell(sheet: Self.sheet, ref: "D11"))
        #expect(blank.styleIndex == goals)
        let xfs = try inspector.cellFormats()
        #expect(xfs[goals].attributes["borderId"] != "0")
        #expect(try inspector.cell(sheet: Self.sheet, ref: "I28")?.styleIndex != nil)  // empty reason cell
    }

    @Test("row heights show every line of the long texts")
    func rowHeights() throws {
        let scored = try LayoutFixture.scored(try LayoutFixture.withLongTexts())
        let inspector = XLSXInspector(path: try LayoutFixture.write(scored))
        let heights = try inspector.rowHeights(sheet: Self.sheet)
        let grid = ScoredGrid(scored)
        // Independent lower bound: CJK characters are 2 units wide at 11 pt in B:D = 46 units.
        // The doubled goals text is too long for 409 pt at 10.5 pt: its font is made smaller.
        let goals = grid.rows[10][1]
        let wide = goals.unicodeScalars.filter { $0.value >= 0x2E80 }.count
        let style = try #require(try inspector.cell(sheet: Self.sheet, ref: "B11")?.styleIndex)
        let size = try #require(try inspector.font(styleIndex: style)?.size)
        #expect(size < 10.5)
        let minimumLines = Double(wide * 2) * size / 11 / 46
        #expect((heights[11] ?? 0) >= minimumLines * size * 1.2)
        #expect((heights[11] ?? 0) <= 409)
        // The reference form's own goals fit at 10.5 pt.
        let plain = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        let plainStyle = try #require(try plain.cell(sheet: Self.sheet, ref: "B11")?.styleIndex)
        #expect(try plain.font(styleIndex: plainStyle)?.size == 10.5)
        let plainGoals: String = try LayoutFixture.scored().form.goals?.value ?? ""
        let plainWide: Int = plainGoals.unicodeScalars.filter { $0.value >= 0x2E80 }.count
        let plainLines: Double = Double(plainWide * 2) * 10.5 / 11 / 46
        let plainHeight: Double = try plain.rowHeights(sheet: Self.sheet)[11] ?? 0
        #expect(plainHeight >= plainLines * 10.5 * 1.2)
        // Every row has a computed height.
        #expect(heights.count == grid.rows.count)
        let reasonLines = 3.0
        #expect((heights[14] ?? 0) >= reasonLines * 10.5 * 1.2)
    }

    @Test("document properties and custom properties")
    func properties() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        #expect(try inspector.coreProperty("dc:title") == "部门整体支出绩效目标自评表")
        #expect(try inspector.coreProperty("dc:subject") == "黔南州人民政府驻广州办事处 2023年度")
        #expect(try inspector.coreProperty("dc:creator") == "selfeval")
        #expect(try inspector.coreProperty("dcterms:created") == "2023-11-14T22:13:20Z")
        let custom = try inspector.customProperties()
        #expect(custom["总分"] == "99")
        #expect(custom["自评等级"] == "优")
        #expect(custom["规则"] == "legacy")
    }

    @Test("the 评分明细 sheet: header, budget line, one line per indicator, diagnostics")
    func detailSheet() throws {
        let scored = try LayoutFixture.scored()
        let inspector = XLSXInspector(path: try LayoutFixture.write(scored))
        #expect(try inspector.cell(sheet: Self.detail, ref: "A1")?.text == "行号")
        #expect(try inspector.cell(sheet: Self.detail, ref: "B2")?.text == "预算执行率")
        #expect(try inspector.cell(sheet: Self.detail, ref: "L2")?.value == "1")
        #expect(try inspector.cell(sheet: Self.detail, ref: "O2")?.value == "10")
        #expect(try inspector.cell(sheet: Self.detail, ref: "A3")?.text == "13")
        #expect(try inspector.cell(sheet: Self.detail, ref: "F3")?.text == "≥ 10 家")
        let lastLine = scored.indicators.count + 2
        #expect(try inspector.cell(sheet: Self.detail, ref: "A\(lastLine)")?.text == "28")
        #expect(try inspector.cell(sheet: Self.detail, ref: "A\(lastLine + 2)")?.text == "诊断信息")
        let strings = try inspector.sharedStrings()
        for diagnostic in scored.diagnostics { #expect(strings.contains(diagnostic.location.description)) }
        #expect(try inspector.sheetElement("pane", sheet: Self.detail)?["ySplit"] == "1")
    }

    @Test("byte-identical output for two writes with SOURCE_DATE_EPOCH")
    func reproducible() throws {
        let scored = try LayoutFixture.scored()
        let dir = try FixturePaths.temporaryDirectory("xlsx-layout-repro")
        let options = FormWorkbookOptions(created: nil, sourceDateEpoch: "1700000000")
        let a = dir.appendingPathComponent("a.xlsx").path
        let b = dir.appendingPathComponent("b.xlsx").path
        try FormWorkbook(options: options).write(scored, to: a)
        try FormWorkbook(options: options).write(scored, to: b)
        let first = try Data(contentsOf: URL(fileURLWithPath: a))
        #expect(first == (try Data(contentsOf: URL(fileURLWithPath: b))))
        #expect(try XLSXInspector.checkEveryWorkbook(under: dir.path) == 2)
    }

    /// The reference form's workbook against its golden text, part by part (see
    /// `Golden.xlsxText` and Fixtures/golden/README.md). Re-record with `SELFEVAL_RECORD=1`.
    @Test("golden workbook of the reference form, part by part")
    func golden() throws {
        let path = try LayoutFixture.write(try LayoutFixture.scored())
        try Golden.checkXLSX(path, against: "qiannan-guangzhou-2023.xlsx.txt")
    }

    @Test("the golden text shows every part and replaces only the dates")
    func goldenText() throws {
        let path = try LayoutFixture.write(try LayoutFixture.scored())
        let text = try Golden.xlsxText(path)
        let parts = text.split(separator: "\n").filter { $0.hasPrefix("== ") }.map { String($0.dropFirst(3).dropLast(3)) }
        #expect(parts == (try XLSXInspector(path: path).entries().sorted()))
        #expect(text.contains("<dcterms:created xsi:type=\"dcterms:W3CDTF\">DATE</dcterms:created>"))
        #expect(!text.contains("2023-11-14T22:13:20Z"))
        #expect(text.contains("黔南州人民政府驻广州办事处"))
    }

    @Test("writing to a missing folder throws a typed error naming the file")
    func missingFolder() throws {
        let scored = try LayoutFixture.scored()
        do {
            try FormWorkbook(options: LayoutFixture.options()).write(scored, to: "/nonexistent-dir/x/form.xlsx")
            Issue.record("no error")
        } catch {
            #expect(error.description.hasPrefix("xlsx: error: [LXW_ERROR_CREATING_XLSX_FILE] "))
        }
    }
}
