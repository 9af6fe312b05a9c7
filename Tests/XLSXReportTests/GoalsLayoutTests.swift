import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

/// The goals are laid out where the reader found them, whatever synonym labels them: the label
/// row is bold headings across the table, each label and its text spans up to the next label.
struct GoalsLayoutTests {
    @Test(arguments: [
        // 年度目标 | 年度目标完成情况 (the label row is 10 on both).
        ("real/hainan-nongkenshiyan-2023-project.csv", ["A10:E10", "F10:K10", "A11:E11", "F11:K11"]),
        // 年度总体目标 | 年初设定目标 | 年度总体目标完成情况综述.
        ("real/sichuan-zhongjiangshuili-2022-project.csv", ["A9:A10", "B9:E9", "F9:I9", "B10:E10", "F10:I10"]),
        // 预期目标 | 实际完成情况, as the reference form prints them.
        ("qiannan-guangzhou-2023.csv", ["A10:A11", "B10:D10", "E10:I10", "B11:D11", "E11:I11"]),
    ])
    func goalsMerged(_ name: String, merges: [String]) throws {
        let scored = try LayoutFixture.scored(try LayoutFixture.document(name))
        let layout = FormLayout(form: scored.form, rows: ScoredGrid(scored).rows)
        let goals = try #require(scored.form.goalsLabels)
        let found = Set(layout.merges.map(\.a1))
        for merge in merges { #expect(found.contains(merge), "\(name): \(merge)") }
        for column in 0..<layout.tableColumnCount {
            #expect(layout.kind(row: goals.row - 1, column: column) == .heading, "\(name) column \(column)")
        }
        let textRow = try #require(scored.form.goalsTextRow)
        #expect(layout.kind(row: textRow - 1, column: goals.expected - 1) == .text)
    }
}
