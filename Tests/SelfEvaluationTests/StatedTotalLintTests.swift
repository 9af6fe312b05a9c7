import Foundation
import Testing
@testable import SelfEvaluation

/// A total stated in the unit's text is checked against the computed one (issue 12, item 8).
@Suite("StatedTotalLint")
struct StatedTotalLintTests {
    static let stated: [(String, String?)] = [
        ("项目总体按计划实施，自评得分94.53分，自评等级为优。", "94.53"),
        ("自评总分为98分", "98"),
        ("综合得分：96.5", "96.5"),
        ("总分 100", "100"),
        ("本项目总得分约99.55分,等级优", "99.55"),
        ("项目总分100分，自评得分95分", "100"),      // the first total stated
        ("满意度得分8分", nil),                       // one indicator's 得分
        ("自评得分率95%", nil),
        ("总分95%以上的指标", nil),
        ("结合自评情况,说明项目自评总分,说明项目实施取得的成效", nil),
        ("", nil),
    ]

    @Test(arguments: stated)
    func readsTheStatedTotal(_ row: (String, String?)) {
        #expect(StatedTotalLint.statedTotal(in: row.0) == row.1.map(exactDecimal))
    }

    @Test func aDifferentStatedTotalIsWarnedAtItsCell() throws {
        var form = FormBuilder.single(target: "10家", actual: "10家", weight: "90")
        form.conclusion = Located("自评得分94.53分,等级优", at: CellAddress(row: 30, column: 2))
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(scored.totalScore == 100)
        let warning = try #require(scored.diagnostics.first { $0.code == "stated-total-mismatch" })
        #expect(warning.location.row == 30)
        #expect(warning.location.columnLetter == "B")
        #expect(warning.message.contains("94.53") && warning.message.contains("100.00"))
    }

    @Test func theSameTotalAndNotesAreQuiet() throws {
        var form = FormBuilder.single(target: "10家", actual: "10家", weight: "90")
        let note = Located("注:总分95分以上为优", at: CellAddress(row: 32, column: 1))
        form.trailer = [Located("自评得分100分", at: CellAddress(row: 30, column: 2)), note]
        form.notes = [note]
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(!scored.diagnostics.contains { $0.code == "stated-total-mismatch" })
    }
}
