import Foundation
import GRDB
@testable import Server
import Testing
import TestSupport
import XLSXReport

/// An index from before migration v3 kept each version's 汇总表 line as JSON; opening it rewrites
/// every line as `SummaryRow.recordBytes`, which reads back as the very row.
@Suite("Summary lines stored as JSON before v3")
struct SummaryRecordMigrationTests {
    static let texts = ["", "黔南州驻广州办事处", "a\"b", "back\\slash", "a/b", "line\nbreak\r\t", "\u{0}\u{1}\u{1F}\u{7F}",
                        "\u{2028}\u{FEFF}x", "𠀀😀", " 前后空格 "]
    static let decimals: [Decimal?] = [nil, 0, 100, 99.5, -0.3, Decimal(string: "0.000001"), Decimal(string: "66.70"),
                                       Decimal(string: "123456789012345678901234567890.5"), Decimal(string: "-1e-10")]

    static func randomRow(_ rng: inout SeededGenerator) -> SummaryRow {
        func text() -> String {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in texts[Int.random(in: 0..<texts.count, using: &rng)] }.joined()
        }
        func decimal() -> Decimal? { decimals[Int.random(in: 0..<decimals.count, using: &rng)] }
        var row = SummaryRow(source: text(), templateLabel: text(), unit: text(), project: text(), supervisor: text(),
                             year: Bool.random(using: &rng) ? Int.random(in: -5...3000, using: &rng) : nil, budget: decimal(),
                             executionRate: decimal(), total: decimal(), grade: text(), warnings: Int.random(in: 0...Int.max, using: &rng),
                             needsReview: Bool.random(using: &rng), succeeded: Bool.random(using: &rng), output: text())
        (row.filledOn, row.contact, row.phone, row.rules) = (text(), text(), text(), text())
        (row.totalWeight, row.budgetScore, row.outputScore) = (decimal(), decimal(), decimal())
        (row.benefitScore, row.satisfactionScore) = (decimal(), decimal())
        row.warningTexts = (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() }
        row.duplicates = (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() }
        return row
    }

    @Test("random rows' JSON lines (seeded) read back as the rows; a line that is not one reads as none")
    func jsonLinesBecomeRecords() throws {
        let layout = DataLayout(root: try FixturePaths.temporaryDirectory("summary-v2").path)
        var rng = SeededGenerator(seed: 0x5A11)
        let rows = (0..<300).map { _ in Self.randomRow(&rng) }
        let lines = try rows.map { String(decoding: try JSONEncoder().encode($0), as: UTF8.self) } + ["{\"source\": 1}", ""]
        do {
            let queue = try DatabaseQueue(path: layout.database)
            try DataStore.migrator.migrate(queue, upTo: "v2")
            try queue.write { db in
                try db.execute(sql: "INSERT INTO unit (id, name, created_at) VALUES (1, '单位甲', 't')")
                try db.execute(sql: "INSERT INTO form (id, unit_id, created_at) VALUES ('f', 1, 't')")
                for (i, line) in lines.enumerated() {
                    try db.execute(sql: """
                        INSERT INTO version (form_id, number, source_name, folder, original, uploaded_at, grade, needs_review, summary)
                        VALUES ('f', ?, 's', 'files/f', 'o.csv', 't', '优', 0, ?)
                        """, arguments: [i + 1, line])
                }
            }
        }
        let store = try DataStore(layout: layout)
        let versions = try store.versions(unitID: 1, formID: "f")
        #expect(versions.count == lines.count)
        #expect(versions.map(\.summaryRow) == rows.map(Optional.some) + [nil, nil])
    }
}
