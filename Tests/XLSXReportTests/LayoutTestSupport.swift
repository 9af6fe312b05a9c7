import CSV
import Foundation
import SelfEvaluation
import TestSupport
@testable import XLSXReport

/// Helpers of the layout tests: read, score and write forms, independently of the inspector.
enum LayoutFixture {
    static let fixtureName = "qiannan-guangzhou-2023.csv"

    /// The CSV document of a fixture, named by its path relative to the repository (as a user
    /// running from the repository root gives it), so that workbooks that print locations —
    /// 评分明细 lists every diagnostic with its file — do not depend on where the clone is.
    static func document(_ name: String = fixtureName) throws -> CSVDocument {
        var document = try CSVReader().read(contentsOf: FixturePaths.fixture(name))
        document.file = "Fixtures/" + name
        return document
    }

    /// A document read, then scored.
    static func scored(_ document: CSVDocument) throws -> ScoredForm {
        let (form, _) = try TemplateReader().read(document)
        return try Scorer.score(form)
    }

    /// The reference form, scored.
    static func scored(_ name: String = fixtureName) throws -> ScoredForm {
        try scored(try document(name))
    }

    /// Options with a pinned date that ignore the process environment.
    static func options() -> FormWorkbookOptions {
        FormWorkbookOptions(created: Date(timeIntervalSince1970: 1_700_000_000), sourceDateEpoch: nil)
    }

    /// Writes `scored` into a fresh folder (or `folder`), checks that every XML part is well-formed
    /// (``XLSXInspector/open()``) and returns the path.
    static func write(_ scored: ScoredForm, name: String = "form.xlsx", in folder: URL? = nil) throws -> String {
        let dir = try folder ?? FixturePaths.temporaryDirectory("xlsx-layout")
        let path = dir.appendingPathComponent(name).path
        try FormWorkbook(options: options()).write(scored, to: path)
        try XLSXInspector(path: path).open()
        return path
    }

    /// The document with `rows[row-1][column-1]` (1-based) set to `text`.
    static func setting(_ document: CSVDocument, row: Int, column: Int, _ text: String) -> CSVDocument {
        var copy = document
        while copy.rows.count < row { copy.rows.append([]) }
        while copy.rows[row - 1].count < column { copy.rows[row - 1].append("") }
        copy.rows[row - 1][column - 1] = text
        return copy
    }

    /// The reference form with `count` more indicators copied from row 14 (inside the 数量 group).
    static func withExtraIndicators(_ count: Int) throws -> CSVDocument {
        var copy = try document()
        let template = copy.rows[13]
        for index in 0..<count {
            var row = template
            row[3] = "\(template[3])\(index + 2)"
            copy.rows.insert(row, at: 14)
        }
        return copy
    }

    /// The reference form with long texts: goals ×2 (beyond 409 pt at 10.5 pt), a long indicator
    /// name, a long multi-line reason, and a long unrecognised cell in an extra column.
    static func withLongTexts() throws -> CSVDocument {
        var copy = try document()
        let goals = copy.rows[10][1]
        copy = setting(copy, row: 11, column: 2, goals + "\n" + goals)
        copy = setting(copy, row: 13, column: 4, String(repeating: "组织珠三角企业赴黔南考察并签约落地项目,", count: 6))
        copy = setting(copy, row: 14, column: 9, "第一行原因:信息报送数量不足。\n第二行:调研报告未按期完成,拟于次年一季度补报。\n第三行:加强统筹。")
        copy = setting(copy, row: 20, column: 10, String(repeating: "表外备注文字", count: 12))
        return copy
    }

    /// Where `rows` of `sheet` lie: the A1 names of cells holding a formula.
    static func formulaCells(_ inspector: XLSXInspector, sheet: String) throws -> [String: String] {
        var result: [String: String] = [:]
        for c in try inspector.elements("c", in: try inspector.sheetEntry(sheet)) {
            if let ref = c.attributes["r"], let f = c.children.first(where: { $0.name == "f" }) { result[ref] = f.text }
        }
        return result
    }
}
