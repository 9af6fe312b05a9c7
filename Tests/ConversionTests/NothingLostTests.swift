import CSV
import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing

/// Every cell of the input reaches the XLSX, at its own address, as text or as the same number;
/// no cell written from input text holds a formula.
struct NothingLostTests {
    static let forms = ["qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023.gbk.csv", "qiannan-guangzhou-2023.unscored.csv",
                        "variants/extra-column.csv", "variants/multiline-goals.csv", "variants/blank-rows.csv",
                        "project/national.csv", "project/nature-unit.csv", "project/two-row-header.csv"]

    @Test(arguments: forms)
    func everyInputCellReachesTheWorkbook(_ name: String) throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.xlsx").path
        let (scored, _) = try Converter().convert(input: FixturePaths.fixture(name), output: out)
        let computed = ScoredGrid(scored.scored).computed
        let cells = try XLSXInspector(path: out).allCells(sheet: "自评表")
        let input = scored.scored.form.document
        var checked = 0
        for (r, row) in input.rows.enumerated() {
            for (c, text) in row.enumerated() where !text.trimmingCharacters(in: .whitespaces).isEmpty {
                let address = CellAddress(row: r + 1, column: c + 1)
                let cell = cells[address.description]
                if computed[address] != nil {
                    #expect(cell != nil, "\(name) \(address): computed cell missing")
                    continue
                }
                let written = try #require(cell, "\(name) \(address): input cell \"\(text)\" lost")
                #expect(written.formula == nil, "\(name) \(address): input text written as a formula")
                if let shown = written.text {
                    #expect(shown == text || shown == text.trimmingCharacters(in: .whitespaces),
                            "\(name) \(address): \"\(text)\" became \"\(shown)\"")
                } else {
                    // Written as a number: the same number.
                    let number = try #require(Decimal(string: written.value ?? ""), "\(name) \(address)")
                    #expect(try ValueParser.optionalNumber(text) == number, "\(name) \(address)")
                }
                checked += 1
            }
        }
        #expect(checked > 100)
    }

    @Test func formulaLikeInputStaysText() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "组织珠三角企业赴黔南考察", with: "=HYPERLINK(\"http://x\")")
            .replacingOccurrences(of: "联系人: 肖科", with: "@SUM(A1:A3)")
            .replacingOccurrences(of: "报送有价值的广办信息、调研报告、广办专报", with: "+1+2")
            .replacingOccurrences(of: "引进项目落地个数", with: "-cmd|' /C calc'!A0")
        let input = dir.appendingPathComponent("hostile.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.xlsx").path
        try Converter().convert(input: input.path, output: out)
        let cells = try XLSXInspector(path: out).allCells(sheet: "自评表")
        for (ref, expected) in [("D13", "=HYPERLINK(\"http://x\")"), ("D14", "+1+2"), ("D16", "-cmd|' /C calc'!A0")] {
            #expect(cells[ref]?.text == expected)
            #expect(cells[ref]?.formula == nil)
        }
        #expect(cells.values.contains { $0.text == "@SUM(A1:A3)" && $0.formula == nil })
        // The only formulas are the engine's own: 执行率, budget 得分, 总分, 自评等级.
        #expect(Set(cells.values.filter { $0.formula != nil }.map(\.ref)) == ["H6", "I6", "H29", "B30"])
    }
}

/// In a CSV output, formula-like input text keeps an apostrophe so that spreadsheet programs
/// keep it as text, and it reads back exactly.
struct CSVFormulaProtectionTests {
    @Test func formulaLikeTextIsProtectedInCSVAndReadsBack() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        var text = try String(contentsOfFile: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), encoding: .utf8)
        text = text.replacingOccurrences(of: "组织珠三角企业赴黔南考察", with: "=1+1")
            .replacingOccurrences(of: "引进项目落地个数", with: "@SUM(A1)")
        let input = dir.appendingPathComponent("hostile.csv")
        try text.write(to: input, atomically: true, encoding: .utf8)
        let out = dir.appendingPathComponent("out.csv").path
        try Converter().convert(input: input.path, output: out, format: .csv)
        let written = String(decoding: try Data(contentsOf: URL(fileURLWithPath: out)), as: UTF8.self)
        #expect(written.contains(",'=1+1,"))
        #expect(written.contains(",'@SUM(A1),"))
        let back = try Converter().score(path: out)
        #expect(back.scored.form.indicators.map(\.name.value).contains("=1+1"))
        #expect(back.scored.form.indicators.map(\.name.value).contains("@SUM(A1)"))
        #expect(back.scored.totalScore == 99)
    }
}
