import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

/// The project form (项目支出绩效自评表) laid out as its own printed grid, checked with the
/// independent ``XLSXInspector`` on the three project fixtures: the 9-column national form, the
/// 10-column form with 指标性质 / 度量单位 columns (GBK), and the Yunnan-style two-row header.
@Suite("The project form workbook, checked by unzipping the file")
struct ProjectLayoutTests {
    static let sheet = "自评表"
    static let detail = "评分明细"

    /// What one fixture's workbook must hold.
    struct Expected: Sendable, CustomTestStringConvertible {
        var name: String
        /// The last column of the table (and of the print area).
        var lastColumn: String
        var lastRow: Int
        var merges: [String]
        /// The rows of the indicator table's header (bold headings over every table column).
        var headerRows: [Int]
        /// Label cells printed bold: header fields, the money table's label, trailer labels.
        var boldLabels: [String]
        /// Cells written as values, not as headings (header field values, trailer values).
        var plainValues: [String]
        /// 执行率, budget 得分 and 总分: (cell, formula, cached value).
        var formulas: [(String, String, Double)]
        var testDescription: String { name }
    }

    static let national = Expected(
        name: "national", lastColumn: "I", lastRow: 28,
        merges: [
            "A1:I1", "A2:I2",  // title, year
            "A3:B3", "C3:I3", "A4:B4", "C4:E4", "F4:G4", "H4:I4",  // 项目名称; 主管部门 | 实施单位
            "A5:A9", "B5:C5", "B6:C6", "B7:C7", "B8:C8", "B9:C9",  // 项目资金(万元); names over B:C
            "A10:A11", "B10:E10", "F10:I10", "B11:E11", "F11:I11",  // 年度总体目标
            "A12:A23",  // 绩效指标
            "B13:B19", "B20:B22",  // 产出指标, 效益指标 (满意度指标 is one row)
            "C13:C15", "C16:C17", "C20:C21",  // 数量 (with its …… row), 质量, 社会效益
            "A24:F24",  // 总分
            "B25:I25", "B26:I26", "B27:I27",  // 评价结论, 存在问题, 改进措施
            "A28:B28", "C28:E28", "F28:G28", "H28:I28",  // 项目负责人 | 财务负责人
        ],
        headerRows: [12],
        boldLabels: ["A3", "A4", "F4", "A5", "A10", "A12", "A24", "A25", "A26", "A27", "A28", "F28"],
        plainValues: ["C3", "C4", "H4", "B6", "B25", "B27", "C28", "H28"],
        formulas: [("H6", "ROUND(IF(E6=0,0,F6/E6),4)", 0.92), ("I6", "ROUND(G6*MIN(H6,1),2)", 9.2),
                   ("H24", "I6+SUM(H13:H23)", 94.31)])

    static let natureUnit = Expected(
        name: "nature-unit", lastColumn: "J", lastRow: 23,
        merges: [
            "A1:J1",  // title (the year is inside it)
            "A2:B2", "C2:J2", "A3:B3", "C3:E3", "F3:G3", "H3:J3", "A4:B4", "C4:E4", "F4:G4", "H4:J4",
            "A5:B8", "C5:D5", "C6:D6", "C7:D7", "C8:D8",  // 项目资金(万元) over A:B; names over C:D
            "A9:B10", "C9:F9", "G9:J9", "C10:F10", "G10:J10",  // 年度总体目标
            "A12:A17", "A18:A20", "A21:A22",  // 产出, 效益, 满意度 (with its …… row)
            "B12:B13", "B14:B15", "B18:B19", "B21:B22",
            "A23:G23",  // 总分
        ],
        headerRows: [11],
        boldLabels: ["A1", "A2", "A3", "F3", "A4", "F4", "A5", "A9", "A23"],
        plainValues: ["C2", "C3", "H4", "C6"],
        formulas: [("I6", "ROUND(IF(F6=0,0,G6/F6),4)", 0.8563), ("J6", "ROUND(H6*MIN(I6,1),2)", 8.56),
                   ("I23", "J6+SUM(I12:I22)", 96.14)])

    static let twoRowHeader = Expected(
        name: "two-row-header", lastColumn: "J", lastRow: 27,
        merges: [
            "A1:J1", "A2:J2",
            "A3:B3", "C3:J3", "A4:B4", "C4:E4", "F4:G4", "H4:J4",
            "A5:A9", "B5:D5", "B6:D6", "B7:D7", "B8:D8", "B9:D9",  // names over B:D
            "A10:A11", "B10:E10", "F10:J10", "B11:E11", "F11:J11",
            // The two header rows: 年度指标值 over 指标性质 | 指标值 | 度量单位, 绩效指标 over the
            // level columns, 实际完成值 / 分值 / 得分 / 偏差原因… down both rows.
            "D12:F12", "A12:C12", "G12:G13", "H12:H13", "I12:I13", "J12:J13",
            "A14:A19", "A20:A22", "A23:A24",
            "B14:B15", "B16:B17", "B23:B24",
            "A25:G25",
            "B26:J26",  // 评价结论
            "A27:B27", "C27:E27", "F27:G27", "H27:J27",  // 项目负责人 | 财务负责人
        ],
        headerRows: [12, 13],
        boldLabels: ["A3", "A4", "F4", "A5", "A10", "A25", "A26", "A27", "F27"],
        plainValues: ["C3", "C4", "H4", "B6", "B26", "C27", "H27"],
        formulas: [("I6", "ROUND(IF(F6=0,0,G6/F6),4)", 0.75), ("J6", "ROUND(H6*MIN(I6,1),2)", 7.5),
                   ("I25", "J6+SUM(I14:I24)", 91.31)])

    static let all = [national, natureUnit, twoRowHeader]

    /// Writes a project fixture's workbook (created date pinned) and returns the path.
    static func write(_ name: String) throws -> String {
        try LayoutFixture.write(try LayoutFixture.scored("project/\(name).csv"), name: "\(name).xlsx")
    }

    /// "B3" → row 2, column 1 (0-based).
    static func cell(_ ref: String) throws -> SheetCell {
        let letters = ref.prefix { $0.isASCII && $0.isUppercase }
        let row = try #require(Int(ref.dropFirst(letters.count)))
        let column = letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
        return SheetCell(row: row - 1, column: column - 1)
    }

    /// "A1:C2" → every A1 ref it covers.
    static func cells(of range: String) throws -> [String] {
        let ends = range.split(separator: ":").map(String.init)
        let first = try cell(ends[0])
        let last = try cell(ends.count > 1 ? ends[1] : ends[0])
        var out: [String] = []
        for row in first.row...last.row {
            for column in first.column...last.column { out.append(SheetCell(row: row, column: column).a1) }
        }
        return out
    }

    /// Column letters from A to `last`.
    static func columns(through last: String) throws -> [String] {
        let end = try cell(last + "1").column
        return (0...end).map { SheetCell(row: 0, column: $0).a1.filter(\.isLetter) }
    }

    /// Whether a cell style carries a thin border on all four sides.
    static func hasThinBorder(_ inspector: XLSXInspector, styleIndex: Int) throws -> Bool {
        let xfs = try inspector.cellFormats()
        guard xfs.indices.contains(styleIndex), let id = xfs[styleIndex].attributes["borderId"].flatMap({ Int($0) }),
              let bordersNode = try inspector.elements("borders", in: "xl/styles.xml").first
        else { return false }
        let borders = bordersNode.children.filter { $0.name == "border" }
        guard borders.indices.contains(id) else { return false }
        let sides = ["left", "right", "top", "bottom"]
        return sides.allSatisfy { side in
            borders[id].children.first { $0.name == side }?.attributes["style"] == "thin"
        }
    }

    @Test("the merged ranges of each project form, exactly", arguments: all)
    func merges(_ expected: Expected) throws {
        let inspector = XLSXInspector(path: try Self.write(expected.name))
        let merges = try inspector.mergedRanges(sheet: Self.sheet)
        #expect(Set(merges) == Set(expected.merges), "\(Set(merges).symmetricDifference(expected.merges).sorted())")
        #expect(merges.count == expected.merges.count)
    }

    @Test("merges never overlap and never hide a non-empty cell", arguments: all)
    func mergesKeepText(_ expected: Expected) throws {
        let inspector = XLSXInspector(path: try Self.write(expected.name))
        let cells = try inspector.allCells(sheet: Self.sheet)
        var seen = Set<String>()
        for range in try inspector.mergedRanges(sheet: Self.sheet) {
            let covered = try Self.cells(of: range)
            for (index, ref) in covered.enumerated() {
                #expect(seen.insert(ref).inserted, "\(ref) is in two merges")
                guard index > 0, let cell = cells[ref] else { continue }
                #expect(cell.value == nil && cell.formula == nil, "\(range) hides \(ref)")
            }
        }
    }

    @Test("header rows are bold headings over every table column", arguments: all)
    func headerStyling(_ expected: Expected) throws {
        let inspector = XLSXInspector(path: try Self.write(expected.name))
        let cells = try inspector.allCells(sheet: Self.sheet)
        for row in expected.headerRows {
            for column in try Self.columns(through: expected.lastColumn) {
                let ref = "\(column)\(row)"
                let cell = try #require(cells[ref], "\(ref) missing")
                let style = try #require(cell.styleIndex, "\(ref) has no style")
                #expect(try inspector.font(styleIndex: style)?.bold == true, "\(ref) is not bold")
                #expect(try Self.hasThinBorder(inspector, styleIndex: style), "\(ref) has no border")
            }
        }
        // The row after the header is an indicator row, not a heading.
        let after = try #require(expected.headerRows.max()) + 1
        let firstIndicator = try #require(cells["C\(after)"]?.styleIndex)
        #expect(try inspector.font(styleIndex: firstIndicator)?.bold == false)
    }

    @Test("header fields and trailer rows are bordered table rows: bold labels, plain values", arguments: all)
    func labelRows(_ expected: Expected) throws {
        let inspector = XLSXInspector(path: try Self.write(expected.name))
        let cells = try inspector.allCells(sheet: Self.sheet)
        for ref in expected.boldLabels {
            let style = try #require(cells[ref]?.styleIndex, "\(ref) missing")
            #expect(try inspector.font(styleIndex: style)?.bold == true, "\(ref) is not bold")
        }
        for ref in expected.plainValues {
            let style = try #require(cells[ref]?.styleIndex, "\(ref) missing")
            #expect(try inspector.font(styleIndex: style)?.bold == false, "\(ref) is bold")
        }
        // Every cell of the table's rows carries the thin border, blank ones too (from the first
        // header field row to the last trailer row).
        let firstRow = expected.name == "nature-unit" ? 2 : 3
        for row in firstRow...expected.lastRow {
            for column in try Self.columns(through: expected.lastColumn) {
                let ref = "\(column)\(row)"
                let style = try #require(cells[ref]?.styleIndex, "\(ref) missing")
                #expect(try Self.hasThinBorder(inspector, styleIndex: style), "\(ref) has no border")
            }
        }
        // No 自评等级 cell is invented: the grade is in 评分明细 and the document properties.
        #expect(cells.values.allSatisfy { $0.text?.contains("自评等级“") != true })
        #expect(try inspector.customProperties()["自评等级"] != nil)
        #expect(try inspector.coreProperty("cp:keywords")?.contains("项目支出") == true)
    }

    @Test("执行率, budget 得分 and 总分 are formulas with their computed values cached", arguments: all)
    func formulas(_ expected: Expected) throws {
        let inspector = XLSXInspector(path: try Self.write(expected.name))
        let formulas = try LayoutFixture.formulaCells(inspector, sheet: Self.sheet)
        #expect(Set(formulas.keys) == Set(expected.formulas.map(\.0)))
        for (ref, formula, value) in expected.formulas {
            let cell = try #require(try inspector.cell(sheet: Self.sheet, ref: ref), "\(ref) missing")
            #expect(cell.formula == formula, "\(ref)")
            // The cached value is the double nearest the engine's decimal (0.92, not 0.9199999999999999).
            #expect(cell.value.flatMap(Double.init) == value, "\(ref): cached \(cell.value ?? "nil")")
        }
        let rate = try #require(try inspector.cell(sheet: Self.sheet, ref: expected.formulas[0].0)?.styleIndex)
        #expect(try inspector.numberFormat(styleIndex: rate) == "0.00%")
        let total = try #require(try inspector.cell(sheet: Self.sheet, ref: expected.formulas[2].0)?.styleIndex)
        #expect(try inspector.numberFormat(styleIndex: total) == "0.00")
    }

    @Test("sub-rows' 执行率 stay as written", arguments: all)
    func subRowRates(_ expected: Expected) throws {
        let scored = try LayoutFixture.scored("project/\(expected.name).csv")
        let inspector = XLSXInspector(path: try Self.write(expected.name))
        let cells = try inspector.allCells(sheet: Self.sheet)
        let table = try #require(scored.form.budget)
        let rateColumn = try #require(table.columns.rate)
        for row in table.partRows {
            let address = CellAddress(row: row.name.cell.row, column: rateColumn)
            let written = LabelText.trim(scored.form.document[address.row, address.column])
            guard !written.isEmpty else { continue }
            let cell = try #require(cells[address.description], "\(address) missing")
            #expect(cell.formula == nil)
            #expect(cell.text == written, "\(address)")
        }
    }

    @Test("the print area covers every column of the table", arguments: all)
    func printArea(_ expected: Expected) throws {
        let inspector = XLSXInspector(path: try Self.write(expected.name))
        let area = try inspector.definedNames().first { $0.name == "_xlnm.Print_Area" }
        #expect(area?.formula.hasSuffix("$A$1:$\(expected.lastColumn)$\(expected.lastRow)") == true,
                "\(area?.formula ?? "no print area")")
    }

    @Test("every input cell reaches the sheet at its own address", arguments: all)
    func everyInputCell(_ expected: Expected) throws {
        let scored = try LayoutFixture.scored("project/\(expected.name).csv")
        let grid = ScoredGrid(scored)
        let cells = try XLSXInspector(path: try Self.write(expected.name)).allCells(sheet: Self.sheet)
        for (r, row) in grid.rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                let ref = SheetCell(row: r, column: c).a1
                let cell = try #require(cells[ref], "\(ref) missing")
                if cell.type == "s" { #expect(cell.text == text, "\(ref)") }
            }
        }
    }

    @Test("评分明细 shows split targets and actuals joined: ≥ | 1200 | 座 → ≥1200座")
    func detailJoinsSplitCells() throws {
        let inspector = XLSXInspector(path: try Self.write("two-row-header"))
        let cells = try inspector.allCells(sheet: Self.detail)
        // Row 2 is the budget line, row 3 the first indicator (form row 14).
        #expect(cells["A3"]?.text == "14")
        #expect(cells["E3"]?.text == "≥1200座")
        #expect(cells["G3"]?.text == "1020座")
        let natureUnit = try XLSXInspector(path: try Self.write("nature-unit")).allCells(sheet: Self.detail)
        #expect(natureUnit["E3"]?.text == "≥12000人")
        #expect(natureUnit["G3"]?.text == "11400人")
    }

    @Test("a project form's columns are sized by what they hold")
    func widths() throws {
        let scored = try LayoutFixture.scored("project/two-row-header.csv")
        let layout = FormLayout(form: scored.form, rows: ScoredGrid(scored).rows)
        let header = try #require(scored.form.indicatorHeader)
        let width = { (column: Int?) throws -> Double in layout.columnWidths[try #require(column) - 1] }
        #expect(try width(header.nature) < width(header.target))
        #expect(try width(header.name) > width(header.level2))
        #expect(try width(header.reason) >= 17)
        #expect(layout.columnWidths.count == 10)
    }

    /// The project workbooks against their golden texts, part by part (see `Golden.xlsxText`).
    /// Re-record with `SELFEVAL_RECORD=1`.
    @Test("golden workbook of each project form, part by part", arguments: all)
    func golden(_ expected: Expected) throws {
        try Golden.checkXLSX(try Self.write(expected.name), against: "project-\(expected.name).xlsx.txt")
    }
}
