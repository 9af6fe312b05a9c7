import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

/// Issue #16: the printed form. The indicator header is repeated on every page
/// (`_xlnm.Print_Titles`), page breaks (`<rowBreaks>`) keep blocks together so that no label
/// stands alone at a page foot, every page's rows fit it, and the footer counts the form's own
/// pages (评分明细 numbers its own from 1). Checked in the XML of every fixture's workbook, and
/// on forms grown by a seeded number of indicators. (What the pages look like: `make render`.)
@Suite("Printed pages of the form")
struct PrintedPagesTests {
    static let sheet = "自评表"
    static let detail = "评分明细"

    /// Every fixture form that reads: the sample, the project forms, the real forms.
    static let forms: [String] = {
        var names: [String] = []
        for folder in ["", "project", "real"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture(folder))) ?? []
            for file in files.sorted() where file.hasSuffix(".csv") {
                names.append(folder.isEmpty ? file : folder + "/" + file)
            }
        }
        return names
    }()

    static func scoredOrNil(_ document: CSVDocument) -> ScoredForm? {
        guard let (form, _) = try? TemplateReader().read(document) else { return nil }
        return try? Scorer.score(form)
    }

    /// The pagination's promises, on the layout itself.
    static func expectSound(_ pages: FormPagination, _ layout: FormLayout, lastRow: Int, _ name: String) {
        let heights = layout.rowHeights
        #expect(pages.breaks == pages.breaks.sorted() && Set(pages.breaks).count == pages.breaks.count, "\(name)")
        #expect(pages.breaks.allSatisfy { $0 > 0 && $0 <= lastRow }, "\(name)")
        #expect(pages.scale >= 10 && pages.scale <= 100)
        let capacity = (FormPagination.pageHeight - 1.5 * 72) * FormPagination.safety * 100 / Double(pages.scale)
        let header = layout.indicatorHeaderRows
        let starts = [0] + pages.breaks
        for (index, start) in starts.enumerated() {
            let end = index + 1 < starts.count ? starts[index + 1] - 1 : lastRow
            var used = (start...end).reduce(0.0) { $0 + heights[$1] }
            if let header, start > header.upperBound { used += header.reduce(0.0) { $0 + heights[$1] } }
            // A page holds what it is given, unless it is one row taller than a page (never here).
            #expect(used <= capacity || start == end, "\(name): page \(index + 1) holds \(used) pt of \(capacity)")
        }
        if let header {
            // The header is never the last thing on a page, nor cut.
            #expect(!pages.breaks.contains(header.upperBound + 1), "\(name)")
            #expect(!pages.breaks.contains { header.contains($0) && $0 != header.lowerBound }, "\(name)")
        }
        // No label alone at a page foot or head: a merge the break cuts keeps two rows each side.
        for b in pages.breaks {
            for range in layout.merges where range.first.row < b && b <= range.last.row {
                #expect(b - range.first.row >= 2 && range.last.row - b + 1 >= 2,
                        "\(name): break before row \(b + 1) cuts \(range.first.a1):\(range.last.a1)")
            }
        }
    }

    @Test("every fixture: pages sound, and the workbook says them", arguments: forms)
    func everyFixturePrintsAsComputed(_ name: String) throws {
        let document = try LayoutFixture.document(name)
        guard let scored = Self.scoredOrNil(document) else { return }
        let grid = ScoredGrid(scored)
        let layout = FormLayout(form: scored.form, rows: grid.rows)
        let lastRow = layout.rows.count - 1
        let pages = FormPagination(layout: layout, lastRow: lastRow)
        Self.expectSound(pages, layout, lastRow: lastRow, name)

        let inspector = XLSXInspector(path: try LayoutFixture.write(scored))
        // The indicator header repeated on every page, as Excel's print titles.
        let header = try #require(scored.form.indicatorHeader)
        let titles = try inspector.definedNames().filter { $0.name == "_xlnm.Print_Titles" && $0.localSheetId == 0 }
        #expect(titles.map(\.formula) == ["'自评表'!$\(header.headerRows.lowerBound):$\(header.headerRows.upperBound)"])
        // The page breaks.
        let breaks = try inspector.elements("brk", in: try inspector.sheetEntry(Self.sheet))
        #expect(breaks.compactMap { $0.attributes["id"].flatMap { Int($0) } } == pages.breaks)
        #expect(breaks.allSatisfy { $0.attributes["man"] == "1" })
        // A fixed scale (fit-to-page would make Excel ignore the breaks), numbered from 1.
        let setup = try #require(try inspector.sheetElement("pageSetup", sheet: Self.sheet))
        #expect((setup["scale"] ?? "100") == String(pages.scale))  // 100 is the default, not written
        #expect(setup["useFirstPageNumber"] == "1")
        #expect(setup["fitToWidth"] == nil)
        #expect(try inspector.sheetElement("pageSetUpPr", sheet: Self.sheet)?["fitToPage"] == nil)
        // The footer counts the form's own pages, not 评分明细's: no &N.
        let footer = try inspector.elements("oddFooter", in: try inspector.sheetEntry(Self.sheet)).first?.text
        #expect(footer == "&C第 &P 页，共 \(pages.pageCount) 页")
        let detailFooter = try inspector.elements("oddFooter", in: try inspector.sheetEntry(Self.detail)).first?.text
        #expect(detailFooter == "&C评分明细 第 &P 页")
        #expect(try inspector.sheetElement("pageSetup", sheet: Self.detail)?["useFirstPageNumber"] == "1")
    }

    @Test("the sample prints on two pages, broken before 经济效益 (the 效益指标 block whole on page 2)")
    func theSamplesPages() throws {
        let scored = try LayoutFixture.scored()
        let layout = FormLayout(form: scored.form, rows: ScoredGrid(scored).rows)
        let pages = FormPagination(layout: layout, lastRow: layout.rows.count - 1)
        #expect(pages.pageCount == 2)
        #expect(pages.breaks == [25])  // 0-based: row 26, 经济效益 under 效益指标(30分)
        #expect(pages.repeatRows == 11...11)
        #expect(pages.scale == 74)
    }

    @Test("seeded: forms grown by 0–80 indicators keep every promise", arguments: 0..<12)
    func grownForms(_ seed: Int) throws {
        var generator = SeededGenerator(seed: UInt64(seed) &+ 1_606)
        let extra = Int.random(in: 0...80, using: &generator)
        let document = try LayoutFixture.withExtraIndicators(extra)
        let scored = try LayoutFixture.scored(document)
        let layout = FormLayout(form: scored.form, rows: ScoredGrid(scored).rows)
        let lastRow = layout.rows.count - 1
        let pages = FormPagination(layout: layout, lastRow: lastRow)
        Self.expectSound(pages, layout, lastRow: lastRow, "+\(extra)")
        #expect(pages.pageCount >= 2)
    }

    @Test("the blank forms print on one page each with the header rows named")
    func blanks() throws {
        for kind in [TemplateKind.department, .project] {
            let layout = FormLayout(form: BlankTemplate.form(kind), rows: BlankTemplate.rows(kind))
            let pages = FormPagination(layout: layout, lastRow: layout.rows.count - 1)
            #expect(pages.pageCount == 1, "\(kind)")
            #expect(pages.repeatRows == 11...11, "\(kind)")
        }
    }

    @Test(arguments: [(8.0, 48.36), (22.0, 126.06), (7.0, 42.8), (17.0, 98.31)] as [(Double, Double)])
    func columnWidthsAsLibreOfficePrintsThem(_ width: Double, _ points: Double) {
        // LibreOffice's own widths of the official grid (0.6717 in for 8 …): never narrower.
        #expect(FormPagination.columnPoints(width) >= points)
        #expect(FormPagination.columnPoints(width) <= points + 1)
    }

    @Test("评分明细: the closing lines' labels span A:B and their values C:H, so none runs into another")
    func closingLinesOfTheDetailSheet() throws {
        let inspector = XLSXInspector(path: try LayoutFixture.write(try LayoutFixture.scored()))
        let cells = try inspector.allCells(sheet: Self.detail)
        let merges = Set(try inspector.mergedRanges(sheet: Self.detail))
        for label in ["评分规则", "总分", "自评等级"] {
            let refs = cells.filter { $0.value.text == label && $0.key.hasPrefix("A") }.map(\.key)
            let ref = try #require(refs.first, "\(label)")
            let row = ref.dropFirst()
            #expect(merges.contains("A\(row):B\(row)"), "\(label)")
            #expect(merges.contains("C\(row):H\(row)"), "\(label)")
        }
        let total = cells.first { $0.key.hasPrefix("C") && $0.value.value == "99" }
        #expect(total != nil)  // 总分 a number in C
    }
}
