import Foundation
import TestSupport
import Testing
@testable import CSV

/// `tokenize` now runs on `tokenizeSpans`: on random byte soups it must give what the
/// byte-by-byte state machine it replaced gave (kept here as the reference).
@Suite("CSV span tokenizer (seeded)")
struct CSVSpanTokenizerTests {
    /// The byte-by-byte tokenizer `tokenizeSpans` replaced.
    static func reference(_ bytes: [UInt8], separator: UInt8) -> CSVTokenizer.Output {
        enum State { case fieldStart, unquoted, quoted, quoteInQuoted }
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [CSVTokenizer.Record] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var quoteOpen: (row: Int, column: Int)? = nil
        var i = 0
        let n = bytes.count
        func endField() { fields.append(field); field = [] }
        func endRecord() {
            fields.append(field)
            field = []
            records.append(CSVTokenizer.Record(fields: fields))
            fields = []
        }
        while i < n {
            let b = bytes[i]
            switch state {
            case .fieldStart, .unquoted:
                if b == separator {
                    endField(); state = .fieldStart
                } else if b == cr || b == lf {
                    endRecord(); state = .fieldStart
                    if b == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                } else if b == quote && state == .fieldStart {
                    quoteOpen = (records.count + 1, fields.count + 1); state = .quoted
                } else {
                    field.append(b); state = .unquoted
                }
            case .quoted:
                if b == quote { state = .quoteInQuoted } else { field.append(b) }
            case .quoteInQuoted:
                if b == quote {
                    field.append(quote); state = .quoted
                } else if b == separator {
                    endField(); state = .fieldStart
                } else if b == cr || b == lf {
                    endRecord(); state = .fieldStart
                    if b == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                } else {
                    field.append(b); state = .unquoted
                }
            }
            i += 1
        }
        let unterminated = state == .quoted ? quoteOpen : nil
        if state != .fieldStart || !fields.isEmpty || !field.isEmpty || state == .quoted { endRecord() }
        var output = CSVTokenizer(separator: separator).tokenize([])
        output.records = records
        output.unterminatedQuote = unterminated
        return output
    }

    static let pieces: [[UInt8]] = ["a", "bc", ",", "\"", "\"\"", "\r", "\n", "\r\n", "\t", " ", "é", "年度", "x\"y"]
        .map { Array($0.utf8) }

    @Test("seeded: same records as the byte-by-byte machine", arguments: [UInt64(1), 2, 3, 4, 5])
    func sameAsReference(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<3_000 {
            var bytes: [UInt8] = []
            for _ in 0..<Int.random(in: 0...14, using: &rng) { bytes += Self.pieces.randomElement(using: &rng) ?? [] }
            for separator in [UInt8(ascii: ","), UInt8(ascii: "\t")] {
                let expected = Self.reference(bytes, separator: separator)
                let actual = CSVTokenizer(separator: separator).tokenize(bytes)
                #expect(actual == expected, "\(String(decoding: bytes, as: UTF8.self).debugDescription)")
            }
        }
    }
}
