import Foundation
import SelfEvaluation
import TestSupport
import Testing
@testable import Conversion
import SelfEvaluation
import XLSXReport

/// report.json as `BatchReport.writeReport` writes it: its own parts (outputs, errors) and the
/// forms' reports in one style, by the one JSON writer. The oracle is the golden file
/// `batch-report.json`, recorded when these parts were written by `JSONEncoder`; Foundation's
/// `JSONEncoder` stays the oracle of the parts on generated text.
@Suite("Batch report JSON")
struct BatchReportJSONTests {
    /// Text with every character class the writer escapes or passes through.
    static let hostile = "a\"b\\c/d\ne\r\tf\u{08}\u{0C}\u{00}\u{01}\u{1F}\u{7F} 中文 😀 e\u{301} \u{2028}"

    static func written(outputs: [String], errors: [SummaryError], forms: [[UInt8]]) throws -> String {
        let dir = try FixturePaths.temporaryDirectory("batch-report-json")
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("report.json").path
        try BatchReport.writeReport(to: path, outputs: outputs, errors: errors) { emit in
            forms.allSatisfy { emit($0[...]) }
        }
        return String(decoding: try Data(contentsOf: URL(fileURLWithPath: path)), as: UTF8.self)
    }

    @Test func aReportWithFormsAndErrorsMatchesItsGolden() throws {
        let form = Array(try Data(contentsOf: URL(fileURLWithPath: FixturePaths.fixture("golden/qiannan-guangzhou-2023.report.json"))).dropLast())
        let text = try Self.written(
            outputs: ["黔南州-2023.xlsx", "name \"quoted\" \\ /slash", Self.hostile, "report.json"],
            errors: [SummaryError(source: "in/a.csv", place: "35:A", code: .budgetZero, message: "全年预算数为 0"),
                     SummaryError(source: Self.hostile, place: "", code: .reportShortened, message: Self.hostile)],
            forms: [form, form])
        try Golden.check(text, against: "batch-report.json")
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil)
    }

    @Test func anEmptyReportMatchesItsGolden() throws {
        try Golden.check(try Self.written(outputs: ["report.json"], errors: [], forms: []), against: "batch-empty-report.json")
    }

    @Test(arguments: 0..<4)
    func generatedPartsAreWrittenAsJSONEncoderWritesThem(seed: UInt64) throws {
        var random = SeededGenerator(seed: seed)
        let pieces = Array(Self.hostile).map(String.init) + ["指标", "\r\n", "👩‍👩‍👧", "\u{FEFF}", "\u{A0}"]
        func text() -> String { (0..<Int.random(in: 0..<10, using: &random)).map { _ in pieces.randomElement(using: &random) ?? "" }.joined() }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        struct Entry: Encodable { var code, message, place, source: String }
        for _ in 0..<50 {
            let name = text()
            #expect(PrettyJSONWriter.quoted(name) == [UInt8](try encoder.encode(name)), "\(name.debugDescription)")
            let errors = (0..<Int.random(in: 0..<4, using: &random)).map { _ in
                SummaryError(source: text(), place: text(), code: DiagnosticCode.allCases.randomElement(using: &random) ?? .writeFailed, message: text())
            }
            let oracle = try encoder.encode(errors.map { Entry(code: $0.code.rawValue, message: $0.message, place: $0.place, source: $0.source) })
            #expect(BatchReport.errorsJSON(errors) == [UInt8](oracle))
        }
    }
}
