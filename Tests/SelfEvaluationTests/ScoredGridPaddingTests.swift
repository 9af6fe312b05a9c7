import CSV
import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// ``ScoredGrid`` pads every row to the grid's width; a row already that wide is kept as it is.
@Suite("Scored grid padding")
struct ScoredGridPaddingTests {
    /// The padding the grid used before: every row copied and padded, wide or not.
    static func referenceRows(_ document: CSVDocument) -> [[String]] {
        let width = max(ScoredGrid.minimumWidth, document.width)
        return document.rows.map { $0 + Array(repeating: "", count: max(0, width - $0.count)) }
    }

    @Test("property: rows narrower, as wide as and wider than 9 cells come out as the old padding made them (seeded)")
    func paddingMatchesReference() throws {
        let base = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        var g = SeededGenerator(seed: 0x9_61D)
        var widened = 0
        for _ in 0..<40 {
            var document = base
            for index in document.rows.indices where Int.random(in: 0..<3, using: &g) == 0 {
                let extra = Int.random(in: 1...4, using: &g)
                document.rows[index] += (0..<extra).map { _ in Bool.random(using: &g) ? "" : "附注" }
                widened += 1
            }
            let (form, _) = try TemplateReader().read(document)
            let grid = ScoredGrid(try Scorer.score(form))
            let reference = Self.referenceRows(document)
            #expect(grid.rows.count == reference.count)
            for (row, cells) in reference.enumerated() {
                #expect(grid.rows[row].count == cells.count, "row \(row + 1)")
                for (column, text) in cells.enumerated() {
                    let cell = CellAddress(row: row + 1, column: column + 1)
                    if grid.computed[cell] == nil {
                        #expect(grid[cell] == text, "\(cell)")
                    }
                }
            }
        }
        #expect(widened > 100)
    }
}
