import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

/// The numbers of the form sheet come from the scoring's reading of each cell (nothing is parsed
/// again): a cell written as a plain number is that number, anything else stays text.
struct ScoredCellsTests {
    static func cells(_ document: CSVDocument) throws -> (ScoredCells, ScoredForm) {
        let scored = try LayoutFixture.scored(document)
        return (ScoredCells(scored, grid: ScoredGrid(scored)), scored)
    }

    static func content(_ cells: ScoredCells, row: Int, column: Int) -> FormCellContent? {
        cells.contents[SheetCell(row: row - 1, column: column - 1)]
    }

    /// 全年预算数 of the total row (E6) as written, and what the sheet holds.
    @Test(arguments: [
        ("734.78", FormCellContent.number(Decimal(string: "734.78") ?? 0, format: "0.00") as FormCellContent?),
        (" 734.78 ", .number(Decimal(string: "734.78") ?? 0, format: "0.00")),
        ("７３４.７８", .number(Decimal(string: "734.78") ?? 0, format: "0.00")),
        ("1,234.5", .number(Decimal(string: "1234.5") ?? 0, format: "0.00")),
        ("734.78万元", nil),
    ] as [(String, FormCellContent?)])
    func money(text: String, expected: FormCellContent?) throws {
        let document = LayoutFixture.setting(try LayoutFixture.document(), row: 6, column: 5, text)
        let (cells, _) = try Self.cells(document)
        #expect(Self.content(cells, row: 6, column: 5) == expected)
    }

    /// An indicator's 分值 (G13): a negative one is still the number written (the scoring leaves
    /// the row unscored); "10分" is read as 10 but stays text, as written; an empty cell is empty.
    @Test(arguments: [
        ("10", FormCellContent.number(10, format: nil) as FormCellContent?, Decimal(10) as Decimal?, Decimal(10) as Decimal?),
        ("-5", .number(-5, format: nil), -5, nil),
        ("０", .number(0, format: nil), 0, 0),
        ("10分", nil, 10, 10),
        ("", nil, nil, nil),
    ] as [(String, FormCellContent?, Decimal?, Decimal?)])
    func indicatorWeight(text: String, expected: FormCellContent?, written: Decimal?, scored weight: Decimal?) throws {
        let document = LayoutFixture.setting(try LayoutFixture.document(), row: 13, column: 7, text)
        let (cells, scored) = try Self.cells(document)
        #expect(Self.content(cells, row: 13, column: 7) == expected)
        let result = try #require(scored.indicators.first { $0.indicator.row == 13 })
        #expect(result.writtenWeight == written)
        #expect(result.weight == weight)
    }

    /// The 分值 of a row under the total (G7), which the scoring reads too.
    @Test(arguments: [("5", Decimal(5) as Decimal?), ("—", nil), ("5分", nil)] as [(String, Decimal?)])
    func partRowWeight(text: String, expected: Decimal?) throws {
        let document = LayoutFixture.setting(try LayoutFixture.document(), row: 7, column: 7, text)
        let (cells, scored) = try Self.cells(document)
        #expect(Self.content(cells, row: 7, column: 7)?.value == expected)
        if expected != nil { #expect(scored.budget?.rows[1].weight == expected) }
    }

    /// The rate formula is kept while the sheet holds the engine's amounts, and dropped (the
    /// engine's rate as a number, with a comment) when an amount stays text.
    @Test func rateFormulaNeedsTheAmountsAsNumbers() throws {
        let (kept, _) = try Self.cells(try LayoutFixture.document())
        guard case .formula(let formula, _, _)? = Self.content(kept, row: 6, column: 8) else {
            Issue.record("no rate formula")
            return
        }
        #expect(formula == "=ROUND(IF(E6=0,0,F6/E6),4)")
        let document = LayoutFixture.setting(try LayoutFixture.document(), row: 6, column: 6, "734.78万元")
        let (dropped, scored) = try Self.cells(document)
        #expect(Self.content(dropped, row: 6, column: 8) == .number(scored.budget?.executionRate ?? -1, format: "0.00%"))
        #expect(dropped.comments[SheetCell(row: 5, column: 7)] != nil)
    }

    /// Every fixture: each money and 分值 cell written in ASCII digits is, in the sheet, the
    /// number Foundation reads from those digits (each row's cells take their own row's values).
    @Test(arguments: FixtureNames.forms)
    func plainCellsAreTheirOwnNumbers(_ name: String) throws {
        // Forms that need a --layout file are tested elsewhere.
        guard let scored = try? LayoutFixture.scored(try LayoutFixture.document(name)) else { return }
        let grid = ScoredGrid(scored)
        let cells = ScoredCells(scored, grid: grid)
        let form = scored.form
        var checked: [Located<String>?] = form.indicators.map(\.weight)
        for row in form.budget?.rows ?? [] { checked += [row.initial, row.adjusted, row.executed, row.weight] }
        // A 分值 column that is the 得分 column (湖北: 得分 only) holds the engine's score instead.
        for cell in checked.compactMap({ $0 }) where grid.computed[cell.cell] == nil {
            let text = LabelText.trim(form.document[cell.cell.row, cell.cell.column])
            guard text.wholeMatch(of: /-?[0-9]+(\.[0-9]+)?/) != nil,
                  let number = Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")) else { continue }
            let content = cells.contents[SheetCell(row: cell.cell.row - 1, column: cell.cell.column - 1)]
            #expect(content?.value == number, "\(name) \(cell.cell) \(text)")
        }
    }
}

/// Fixture forms that read and score, for tests over all of them.
enum FixtureNames {
    static let forms: [String] = {
        let root = URL(fileURLWithPath: FixturePaths.fixture(""))
        var names = ["qiannan-guangzhou-2023.csv"]
        for folder in ["project", "real"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent(folder).path)) ?? []
            names += files.filter { $0.hasSuffix(".csv") && !$0.contains(".gbk.") }.sorted().map { "\(folder)/\($0)" }
        }
        return names
    }()
}

/// `ScoredCells.isPlainNumber` against the test it replaced.
struct PlainNumberTests {
    /// `isPlainNumber` as it was first written: on `Character`s, against a set of them.
    static func referencePlainNumber(_ text: String) -> Bool {
        let trimmed = LabelText.trim(text)
        let accepted = Set("0123456789０１２３４５６７８９.,，．+-－")
        return !trimmed.isEmpty && trimmed.allSatisfy({ accepted.contains($0) }) && trimmed.contains(where: \.isNumber)
    }

    @Test("property: the plain-number test read by scalars answers as the one by characters (seeded)")
    func plainNumberMatchesTheCharacterTest() {
        let pieces = ["1", "0", "９", "０", ".", ",", "，", "．", "+", "-", "－", " ", "\u{3000}", "万元", "分", "—", "1\u{301}",
                      "1\u{FE0F}", "\r\n", "e", "%", "²", "½", "٣", ""]
        var g = SeededGenerator(seed: 0x9A1)
        var plain = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...6, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
            let expected = Self.referencePlainNumber(text)
            #expect(ScoredCells.isPlainNumber(text) == expected, "\(text.debugDescription)")
            if expected { plain += 1 }
        }
        #expect(plain > 1_000)
    }
}
