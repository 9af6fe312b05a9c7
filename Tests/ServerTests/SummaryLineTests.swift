import Foundation
@testable import Server
import Testing
import TestSupport
import XLSXReport

/// The 汇总表 line the index stores with each version (`SummaryLine.json`, written without
/// JSONEncoder) reads back with JSONDecoder as the very row, for rows at every edge; and the
/// string literals of ``JSONText`` are byte for byte JSONEncoder's.
@Suite("Summary line JSON")
struct SummaryLineTests {
    static let texts = ["", "黔南州驻广州办事处", "a\"b", "back\\slash", "a/b", "line\nbreak\r\t", "\u{0}\u{1}\u{8}\u{C}\u{1F}\u{7F}",
                        "\u{2028}\u{2029}", "\u{FEFF}x", "𠀀😀", "</script>", " 前后空格 "]
    static let decimals: [Decimal?] = [nil, 0, 100, 99.5, -0.3, Decimal(string: "0.000001"), Decimal(string: "66.70"),
                                       Decimal(string: "123456789012345678901234567890.5"), Decimal(string: "-1e-10"),
                                       Decimal(string: "1e20")]

    static func randomRow(_ rng: inout SeededGenerator) -> SummaryRow {
        func text() -> String {
            (0..<Int.random(in: 0...3, using: &rng)).map { _ in Self.texts[Int.random(in: 0..<Self.texts.count, using: &rng)] }.joined()
        }
        func decimal() -> Decimal? { Self.decimals[Int.random(in: 0..<Self.decimals.count, using: &rng)] }
        func list() -> [String] { (0..<Int.random(in: 0...3, using: &rng)).map { _ in text() } }
        var row = SummaryRow(source: text(), templateLabel: text(), unit: text(), project: text(), supervisor: text(),
                             year: Bool.random(using: &rng) ? Int.random(in: -5...3000, using: &rng) : nil, budget: decimal(),
                             executionRate: decimal(), total: decimal(), grade: text(), warnings: Int.random(in: 0...Int.max, using: &rng),
                             needsReview: Bool.random(using: &rng), succeeded: Bool.random(using: &rng), output: text())
        row.filledOn = text()
        row.contact = text()
        row.phone = text()
        row.rules = text()
        row.totalWeight = decimal()
        row.budgetScore = decimal()
        row.outputScore = decimal()
        row.benefitScore = decimal()
        row.satisfactionScore = decimal()
        row.warningTexts = list()
        row.duplicates = list()
        return row
    }

    @Test("random rows (seeded) read back with JSONDecoder as themselves")
    func roundTrip() throws {
        var rng = SeededGenerator(seed: 0x5A11)
        for _ in 0..<500 {
            let row = Self.randomRow(&rng)
            let json = SummaryLine.json(row)
            let back = try JSONDecoder().decode(SummaryRow.self, from: Data(json.utf8))
            #expect(back == row, "\(json)")
        }
    }

    @Test("every stored property of SummaryRow is written, in the order declared")
    func everyField() throws {
        var row = SummaryRow(source: "s", year: 2023, budget: 1, executionRate: 1, total: 1, succeeded: true)
        for path: WritableKeyPath<SummaryRow, Decimal?> in [\.totalWeight, \.budgetScore, \.outputScore, \.benefitScore, \.satisfactionScore] {
            row[keyPath: path] = 1
        }
        let declared = Mirror(reflecting: row).children.compactMap(\.label)
        let json = SummaryLine.json(row)
        // The keys in the order written: each `"key":` at the top level (no value here holds a quote).
        let written = json.split(separator: ",").compactMap { field -> String? in
            let trimmed = field.drop { $0 == "{" }
            guard trimmed.hasPrefix("\""), let end = trimmed.dropFirst().firstIndex(of: "\"") else { return nil }
            return String(trimmed[trimmed.index(after: trimmed.startIndex)..<end])
        }
        #expect(written == declared)
        #expect(try JSONDecoder().decode(SummaryRow.self, from: Data(json.utf8)) == row)
    }

    @Test("a nil optional and a NaN are left out; no field at all is {}")
    func leftOut() throws {
        let row = SummaryRow(source: "s", year: nil, budget: Decimal.nan, succeeded: false)
        let json = SummaryLine.json(row)
        #expect(!json.contains("\"year\""))
        #expect(!json.contains("\"budget\""))
        #expect(try JSONDecoder().decode(SummaryRow.self, from: Data(json.utf8)).budget == nil)
        #expect(JSONText().object() == "{}")
    }

    @Test("string literals are JSONEncoder's (withoutEscapingSlashes), byte for byte, on random texts (seeded)")
    func sameAsJSONEncoder() throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes]
        var rng = SeededGenerator(seed: 0x7E47)
        var all = (0..<0x80).map { String(Unicode.Scalar(UInt8($0))) } + Self.texts
        for _ in 0..<500 {
            all.append((0..<Int.random(in: 0...6, using: &rng)).map { _ in Self.texts[Int.random(in: 0..<Self.texts.count, using: &rng)] }.joined())
        }
        for text in all {
            let expected = String(decoding: try encoder.encode(text), as: UTF8.self)
            #expect(JSONText.quoted(text) == expected, "\(text.unicodeScalars.map { $0.value })")
        }
    }
}
