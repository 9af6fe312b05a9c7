import Conversion
import CSV
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import WebPages
import XLSXReport

/// Every fixture form rendered: well-formed, every finding of its report at its cell with its
/// message (in the cell's hover text and in the numbered list, linked both ways), and the 失分
/// list adding up to the report's lost points.
struct FixtureFormPageTests {
    /// Fixture forms that are refused with a located error (the 贵州 form is cut at its header;
    /// the 湖南 form prints no 得分 column): the page shows that error instead, the server's part.
    static let refused: Set<String> = ["real/guizhou-taibaizhen-2021-department.csv",
                                       "real/hunan-hengshanchubeiliang-2020-project.csv",
                                       "real/hunan-guantangxiang-2023-department.csv",
                                       "real/hunan-linglingjikong-2021-department.csv"]

    struct Rendered {
        var name: String
        var scored: Converter.Scored
        var html: String
    }

    static func renderAll() throws -> [Rendered] {
        var rendered: [Rendered] = []
        for name in WebGridFixtures.forms {
            do {
                let scored = try WebGridFixtures.score(name)
                rendered.append(Rendered(name: name, scored: scored, html: FormGridHTML.render(scored, sourceName: name)))
            } catch {
                #expect(refused.contains(name), "\(name) did not score: \(error)")
            }
        }
        return rendered
    }

    @Test func fixtureListCoversEveryFolder() {
        let forms = WebGridFixtures.forms
        #expect(forms.contains("qiannan-guangzhou-2023.csv"))
        #expect(forms.contains { $0.hasPrefix("project/") })
        #expect(forms.filter { $0.hasPrefix("real/") }.count >= 20)
    }

    @Test func everyFixtureFormIsWellFormed() throws {
        let rendered = try Self.renderAll()
        #expect(rendered.count == WebGridFixtures.forms.count - Self.refused.count)
        // Strict XML (expat) over every fragment: the markup is XHTML-compatible.
        let folder = try FixturePaths.temporaryDirectory("webgrid-xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts: [String] = []
        for (index, page) in rendered.enumerated() {
            let part = "form\(index).xml"
            try Data(page.html.utf8).write(to: folder.appendingPathComponent(part))
            parts.append(part)
        }
        let problem = try XMLWellFormedness.firstProblem(in: folder.path, parts: parts)
        #expect(problem == nil, "\(problem.map { rendered[Int($0.part.dropFirst(4).dropLast(4)) ?? 0].name } ?? ""): \(problem?.message ?? "")")
        // html.parser: only the renderer's elements and attributes, ids unique.
        for (page, structure) in zip(rendered, try HTMLStructure.parse(rendered.map(\.html))) {
            #expect(Set(structure.tags).isSubset(of: HTMLStructure.renderedTags), "\(page.name)")
            #expect(Set(structure.attributes).isSubset(of: HTMLStructure.renderedAttributes), "\(page.name)")
            #expect(structure.duplicateIDs.isEmpty, "\(page.name): \(structure.duplicateIDs)")
        }
    }

    @Test func everyFindingIsShownAtItsCellWithItsMessage() throws {
        let rendered = try Self.renderAll()
        let structures = try HTMLStructure.parse(rendered.map(\.html))
        var seen = 0
        for (page, structure) in zip(rendered, structures) {
            let report = ScoreReport(page.scored.scored, diagnostics: page.scored.diagnostics)
            let layout = FormLayout(form: page.scored.scored.form, rows: ScoredGrid(page.scored.scored).rows)
            let items = structure.ids.filter { $0.key.hasPrefix("sev-f-") }
            #expect(items.count == report.warnings.count, "\(page.name)")
            var used = Set<String>()
            for warning in report.warnings {
                seen += 1
                // The cell the finding names (a whole-row place: its first cell; inside a merge:
                // the merge's top-left cell).
                let column = max(warning.column.isEmpty ? 1 : Self.columnNumber(warning.column), 1)
                let row = max(warning.row, 1)
                let first = layout.merge(containing: row - 1, column: column - 1)?.first
                    ?? SheetCell(row: row - 1, column: column - 1)
                let cellID = "sev-" + first.a1
                // Its list item: the message and code, linking to that cell.
                let item = items.first { id, element in
                    !used.contains(id) && element.tag == "li" && element.text.contains("[\(warning.code)] \(warning.message)")
                        && element.links == ["#" + cellID]
                }
                guard let (itemID, _) = item else {
                    Issue.record("\(page.name): [\(warning.code)] at \(cellID) not in the list")
                    continue
                }
                used.insert(itemID)
                // The cell: a numbered mark linking back, the message in its hover text.
                guard let cell = structure.ids[cellID] else {
                    Issue.record("\(page.name): no cell \(cellID) for [\(warning.code)]")
                    continue
                }
                #expect(cell.tag == "td", "\(page.name) \(cellID)")
                #expect(cell.links.contains("#" + itemID), "\(page.name): \(cellID) has no mark for \(itemID)")
                #expect(cell.attrs["title", default: ""].contains("[\(warning.code)] \(warning.message)"),
                        "\(page.name): \(cellID) hover text lacks [\(warning.code)]")
            }
        }
        #expect(seen > 100)  // the fixtures hold findings of every level
    }

    @Test func lostPointsAddUpToTheReport() throws {
        let rendered = try Self.renderAll()
        let structures = try HTMLStructure.parse(rendered.map(\.html))
        var formsLosingPoints = 0
        for (page, structure) in zip(rendered, structures) {
            let scored = page.scored.scored
            let report = ScoreReport(scored, diagnostics: page.scored.diagnostics)
            var expected = Decimal(0)
            if let budget = report.budget { expected += max(budget.weight - budget.score, 0) }
            for indicator in report.indicators where indicator.kind != IndicatorKind.notScored.rawValue {
                expected += max((indicator.weight ?? 0) - indicator.score, 0)
            }
            if let total = report.total { #expect(total.weight - total.score == expected, "\(page.name)") }
            let decimals = scored.ruleSet.decimals
            let rows = structure.lostCells.compactMap { Decimal(string: $0) }
            #expect(rows.count == structure.lostCells.count, "\(page.name): \(structure.lostCells)")
            #expect(rows.reduce(0, +) == expected, "\(page.name)")
            if expected > 0 {
                formsLosingPoints += 1
                #expect(structure.lostFooter == [expected.fixed(decimals)], "\(page.name)")
            } else {
                #expect(structure.lostFooter.isEmpty, "\(page.name)")
            }
            // Each lost row shows its formula from 评分明细 and links to the 得分 cell, which
            // links back.
            let lostRows = structure.ids.filter { $0.key.hasPrefix("sev-l-") }
            #expect(lostRows.count == rows.count, "\(page.name)")
            for line in ScoringDetail(scored).lines where line.lostPoints > 0 {
                let match = lostRows.first { _, element in
                    element.text.contains(line.formula) && element.text.contains(line.lostPoints.fixed(decimals))
                }
                guard let (rowID, element) = match else {
                    Issue.record("\(page.name): no lost row for row \(line.row ?? 0) \(line.name)")
                    continue
                }
                if let target = element.links.first, let cell = structure.ids[String(target.dropFirst())] {
                    #expect(cell.links.contains("#" + rowID), "\(page.name): \(target) does not link to \(rowID)")
                } else {
                    Issue.record("\(page.name): lost row \(rowID) links to no cell")
                }
            }
        }
        #expect(formsLosingPoints >= 10)
    }

    @Test func generatedReasonsAndReplacedScoresAreMarkedAsInTheWorkbook() throws {
        let rendered = try Self.renderAll()
        let structures = try HTMLStructure.parse(rendered.map(\.html))
        var generated = 0
        var replaced = 0
        for (page, structure) in zip(rendered, structures) {
            let scored = page.scored.scored
            let layout = FormLayout(form: scored.form, rows: ScoredGrid(scored).rows)
            func shownID(_ cell: CellAddress) -> String {
                "sev-" + (layout.merge(containing: cell.row - 1, column: cell.column - 1)?.first
                    ?? SheetCell(row: cell.row - 1, column: cell.column - 1)).a1
            }
            func isMarked(_ id: String) -> Bool {
                structure.ids[id]?.attrs["class"]?.split(separator: " ").contains("sev-marked") == true
            }
            var expected = Set<String>()
            for result in scored.indicators {
                if result.reasonGenerated, let cell = result.indicator.reason?.cell {
                    generated += 1
                    expected.insert(shownID(cell))
                }
                if result.isScored, result.scoreChanged, result.filledScore != nil {
                    replaced += 1
                    expected.insert(shownID(result.indicator.score.cell))
                }
            }
            for id in expected { #expect(isMarked(id), "\(page.name): \(id) not marked") }
            // Nothing else in the grid is marked but what the workbook marks (budget and total
            // scores it replaced among them).
            let markedCells = Set(structure.ids.filter { $0.value.tag == "td" && isMarked($0.key) }.map(\.key))
            let workbook = Set(ScoredCells(scored, grid: ScoredGrid(scored)).marked.map { cell in
                shownID(CellAddress(row: cell.row + 1, column: cell.column + 1))
            })
            #expect(markedCells == workbook, "\(page.name)")
            #expect(expected.isSubset(of: workbook), "\(page.name)")
        }
        #expect(generated >= 5)
        #expect(replaced >= 1)
    }

    @Test func malformedFormsThatScoreRenderSafely() throws {
        // The malformed corpus holds control characters, noncharacters and 32,767-unit cells.
        let folder = FixturePaths.fixture("malformed")
        let names = try FileManager.default.contentsOfDirectory(atPath: folder).filter { $0.hasSuffix(".csv") }.sorted()
        var pages: [String] = []
        for name in names {
            guard let scored = try? Converter().score(path: folder + "/" + name) else { continue }
            pages.append(FormGridHTML.render(scored, sourceName: name))
        }
        #expect(pages.count >= 8)
        #expect(try HTMLTextTests.xmlProblem(pages) == nil)
        for structure in try HTMLStructure.parse(pages) {
            #expect(Set(structure.tags).isSubset(of: HTMLStructure.renderedTags))
            #expect(Set(structure.attributes).isSubset(of: HTMLStructure.renderedAttributes))
        }
    }

    static func columnNumber(_ letters: String) -> Int {
        letters.unicodeScalars.reduce(0) { $0 * 26 + Int($1.value) - 64 }
    }
}
