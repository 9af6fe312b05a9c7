import Foundation
import Testing
import TestSupport
import XLSXReport
@testable import Conversion

@Suite("A summary line as record bytes")
struct SummaryRecordTests {
    /// A line with every field drawn at random: texts from a mix of scripts (empty ones too),
    /// optional numbers present or not, with 0–4 decimals, negative, zero, 20-digit.
    static func randomRow(_ random: inout SeededGenerator) -> SummaryRow {
        let pieces = ["", "a", "黔南州", "，", "\n", "\"", "\\", "\u{0}", "👍🏽", "e\u{301}", "1,234.50", " "]
        func text() -> String {
            (0..<Int.random(in: 0...4, using: &random)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
        }
        func number() -> Decimal? {
            switch Int.random(in: 0...5, using: &random) {
            case 0: return nil
            case 1: return 0
            case 2: return Decimal(UInt64.max) * 1_000 + Decimal(sign: .plus, exponent: -1, significand: 5)  // 22 digits
            default:
                let significand = Decimal(Int64.random(in: -10_000_000...10_000_000, using: &random))
                return Decimal(sign: .plus, exponent: -Int.random(in: 0...4, using: &random), significand: significand)
            }
        }
        func texts() -> [String] { (0..<Int.random(in: 0...3, using: &random)).map { _ in text() } }
        var row = SummaryRow(source: text(), templateLabel: text(), unit: text(), project: text(), supervisor: text(),
                             year: Bool.random(using: &random) ? Int.random(in: -5...3000, using: &random) : nil,
                             budget: number(), executionRate: number(), total: number(), grade: text(),
                             warnings: Int.random(in: 0...Int.max, using: &random), needsReview: Bool.random(using: &random),
                             succeeded: Bool.random(using: &random), output: text())
        row.filledOn = text()
        row.contact = text()
        row.phone = text()
        row.rules = text()
        row.totalWeight = number()
        row.budgetScore = number()
        row.outputScore = number()
        row.benefitScore = number()
        row.satisfactionScore = number()
        row.warningTexts = texts()
        row.duplicates = texts()
        return row
    }

    @Test("a line reads back equal, each number with its decimals (seeded)")
    func roundTrip() throws {
        var random = SeededGenerator(seed: 14_0601)
        for _ in 0..<2_000 {
            let row = Self.randomRow(&random)
            let back = try #require(SummaryRow(recordBytes: row.recordBytes))
            #expect(back == row)
            // Equal decimals may differ in their written decimals (1.5 and 1.50): the text must not.
            let numbers: (SummaryRow) -> [String?] = { r in
                [r.totalWeight, r.budget, r.executionRate, r.budgetScore, r.outputScore, r.benefitScore,
                 r.satisfactionScore, r.total].map { $0?.plainText }
            }
            #expect(numbers(back) == numbers(row))
        }
    }

    @Test("it holds every field of the line (a new field must be added to the record too)")
    func everyField() {
        // Every stored property of SummaryRow, by name: the record writes exactly these.
        let names = Mirror(reflecting: SummaryRow(source: "", succeeded: false)).children.compactMap(\.label)
        #expect(names == [
            "source", "templateLabel", "unit", "project", "supervisor", "year", "filledOn", "contact", "phone", "rules",
            "totalWeight", "budget", "executionRate", "budgetScore", "outputScore", "benefitScore", "satisfactionScore",
            "total", "grade", "warnings", "warningTexts", "needsReview", "duplicates", "succeeded", "output",
        ])
    }

    @Test("bytes cut short, with bytes left over or with a bad flag are not a line")
    func damaged() throws {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<200 {
            let bytes = Self.randomRow(&random).recordBytes
            let cut = Int.random(in: 0..<bytes.count, using: &random)
            #expect(SummaryRow(recordBytes: Array(bytes[..<cut])) == nil)
            #expect(SummaryRow(recordBytes: bytes + [0]) == nil)
        }
        // The year's presence byte comes after five texts: make it 2.
        let row = SummaryRow(source: "", succeeded: true)
        var bytes = row.recordBytes
        #expect(bytes[20] == 0)
        bytes[20] = 2
        #expect(SummaryRow(recordBytes: bytes) == nil)
        #expect(SummaryRow(recordBytes: []) == nil)
    }
}
