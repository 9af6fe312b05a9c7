import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

/// Issue #16: in the workbook a generated reason or a replaced score is shown in a distinct style
/// (pale yellow, italic), with the legend under the table; nothing else is.
@Suite("Marked cells: generated reasons and replaced scores")
struct MarkedCellsTests {
    static let sheet = "自评表"
    static let fill = "FFF2CC"

    /// Every cell of the form sheet with the marked fill, and the legend's row (1-based) if any.
    static func marks(_ name: String) throws -> (cells: Set<String>, legendRow: Int?, tableRows: Int, scored: ScoredForm) {
        let scored = try LayoutFixture.scored(name)
        let path = try LayoutFixture.write(scored)
        let inspector = XLSXInspector(path: path)
        var cells: Set<String> = []
        var legendRow: Int?
        for (ref, cell) in try inspector.allCells(sheet: sheet) {
            if let style = cell.styleIndex, try inspector.fillColor(styleIndex: style) == fill {
                if cell.text == WorkbookWords.markedLegend {
                    legendRow = Int(ref.drop { $0.isLetter })
                } else {
                    cells.insert(ref)
                }
            }
        }
        return (cells, legendRow, scored.form.document.rows.count, scored)
    }

    static func ref(_ cell: CellAddress) -> String {
        SheetCell(row: cell.row - 1, column: cell.column - 1).a1
    }

    @Test("exactly the generated reasons and the replaced scores are marked; the legend is under the table",
          arguments: ["qiannan-guangzhou-2023.csv", "project/national.csv", "project/two-row-header.csv",
                      "real/yunnan-lijiangguchengziran-2020-project.csv", "real/hebei-langfangshipin-2019-project.csv",
                      "real/hubei-huangshizhujian-2022-project.csv"])
    func markedCells(_ name: String) throws {
        let (cells, legendRow, tableRows, scored) = try Self.marks(name)
        var expected: Set<String> = []
        let original = scored.form.document
        for result in scored.indicators where result.isScored {
            if result.reasonGenerated, let cell = result.indicator.reason?.cell { expected.insert(Self.ref(cell)) }
            let printed = LabelText.trim(original[result.indicator.score.cell.row, result.indicator.score.cell.column])
            if result.scoreChanged, !printed.isEmpty { expected.insert(Self.ref(result.indicator.score.cell)) }
        }
        let codes = Set(scored.diagnostics.map(\.code))
        if codes.contains(.budgetScoreReplaced), let cell = scored.budget?.scoreCell { expected.insert(Self.ref(cell)) }
        if codes.contains(.printedTotalMismatch), let cell = scored.form.total?.score?.cell { expected.insert(Self.ref(cell)) }
        #expect(cells == expected)
        if expected.isEmpty {
            #expect(legendRow == nil)
        } else {
            #expect(legendRow == tableRows + 3)  // the table, an empty row, the re-score note, the legend
        }
    }

    @Test func theSampleHasAGeneratedReasonAndTheRealFormsReplacedScores() throws {
        #expect(try Self.marks("qiannan-guangzhou-2023.csv").cells == ["I26"])
        #expect(try Self.marks("real/yunnan-lijiangguchengziran-2020-project.csv").cells.isSuperset(of: ["I13", "I14", "I15", "I16"]))
        #expect(try Self.marks("real/hubei-huangshizhujian-2022-project.csv").cells.isEmpty)
    }
}
