import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import WebPages
import XLSXReport
import CSV

struct FormGridHTMLTests {
    static let sample = "qiannan-guangzhou-2023.csv"

    @Test func sampleFormIsWellFormedXHTML() throws {
        let scored = try WebGridFixtures.score(Self.sample)
        let html = FormGridHTML.render(scored, sourceName: Self.sample)
        #expect(XMLWellFormedness.problem(in: Data(html.utf8)) == nil)
        #expect(html.contains("黔南州人民政府驻广州办事处"))
    }

    /// The sample form's page, byte for byte (re-record on purpose: SELFEVAL_RECORD=1).
    @Test func sampleFormMatchesItsGolden() throws {
        let scored = try WebGridFixtures.score(Self.sample)
        try Golden.check(FormGridHTML.render(scored, sourceName: Self.sample), against: "qiannan-guangzhou-2023.form.html")
    }

    /// Writes the standalone pages looked at by scripts/webgrid-shot.sh (only when
    /// SELFEVAL_WEBGRID_OUT names a folder).
    @Test func writePagesForScreenshots() throws {
        guard let folder = ProcessInfo.processInfo.environment["SELFEVAL_WEBGRID_OUT"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pages = ["qiannan-guangzhou-2023.csv": "sample", "project/national.csv": "project",
                     "real/ningxia-yinchuanliuzhong-2021-project.csv": "real", "real/chongqing-kexuechengrongmeiti-2021-department.csv": "real2"]
        for (name, file) in pages {
            let scored = try WebGridFixtures.score(name)
            let page = WebGridFixtures.document(FormGridHTML.render(scored, sourceName: name), title: name)
            try Data(page.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file + ".html"))
        }
        // The sample with notes written in six columns right of the table: the grid must scroll
        // inside its box, not the page.
        var rows = try CSVReader().read(contentsOf: FixturePaths.fixture(Self.sample)).rows
        for index in rows.indices where index >= 12 && index < 18 {
            rows[index] += Array(repeating: "", count: max(0, 9 - rows[index].count))
            rows[index] += (1...6).map { "备注\($0):本行另有说明,写在表格右侧的单元格里,长度足以换行。" }
        }
        let wide = URL(fileURLWithPath: folder).appendingPathComponent("wide.csv")
        try Data(CSVWriter(encoding: .utf8BOM, protectFormulas: true).bytes(rows)).write(to: wide)
        let scored = try Converter().score(path: wide.path)
        let page = WebGridFixtures.document(FormGridHTML.render(scored, sourceName: "wide.csv"), title: "wide")
        try Data(page.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent("wide.html"))
    }
}

/// Findings at places the fixtures rarely name: inside a merge, a whole row, beyond the grid.
struct FindingPlacementTests {
    @Test func findingsAtOddPlacesAreShownAtACell() throws {
        var scored = try WebGridFixtures.score(FormGridHTMLTests.sample)
        let layout = FormLayout(form: scored.scored.form, rows: ScoredGrid(scored.scored).rows)
        let merge = try #require(layout.merges.first { $0.last.row > $0.first.row && $0.last.column > $0.first.column })
        let file = scored.scored.form.source
        let rows = layout.rows.count
        // (place row, column) → the cell expected to show it.
        let cases: [(row: Int, column: Int, shown: String, code: DiagnosticCode)] = [
            (merge.last.row + 1, merge.last.column + 1, "sev-" + merge.first.a1, .writeFailed),
            (5, 0, "sev-A5", .budgetZero),
            (0, 0, "sev-A1", .notAForm),
            (rows + 3, 12, "sev-" + SheetCell(row: rows + 2, column: 11).a1, .noIndicators),
        ]
        for place in cases {
            scored.diagnostics.append(Diagnostic(.error, place.code, at: SourceLocation(file: file, row: place.row, column: place.column),
                                                 "位置测试 <\(place.code)>"))
        }
        let html = FormGridHTML.render(scored, sourceName: "x.csv")
        #expect(try HTMLTextTests.xmlProblem([html]) == nil)
        let structure = try #require(try HTMLStructure.parse([html]).first)
        for place in cases {
            let item = structure.ids.first { $0.value.tag == "li" && $0.value.text.contains("[\(place.code)] 位置测试 <\(place.code)>") }
            guard let (itemID, element) = item else {
                Issue.record("\(place.code) not listed")
                continue
            }
            #expect(element.links == ["#" + place.shown], "\(place.code)")
            let cell = structure.ids[place.shown]
            #expect(cell?.tag == "td", "\(place.code)")
            #expect(cell?.links.contains("#" + itemID) == true, "\(place.code)")
            #expect(cell?.attrs["class"]?.contains("sev-has-error") == true, "\(place.code)")
        }
    }
}
