import CSV
import Foundation
import Testing
import TestSupport

/// Issue #15, class 5: the cell limit is counted as Excel (and, never more, libxlsxwriter) counts
/// it — in UTF-16 units, not in grapheme clusters — so no cell that passes `check` can fail in the
/// workbook.
@Suite("CSV cell limit in UTF-16 units")
struct CSVCellLimitTests {
    /// (name, cell text, accepted).
    static let cases: [(String, String, Bool)] = [
        ("32,767 ASCII", String(repeating: "a", count: 32_767), true),
        ("32,768 ASCII", String(repeating: "a", count: 32_768), false),
        ("32,767 CJK (98,301 UTF-8 bytes)", String(repeating: "中", count: 32_767), true),
        ("32,768 CJK", String(repeating: "中", count: 32_768), false),
        ("a + 20,000 CRLF (20,001 graphemes, 40,001 units)", "a" + String(repeating: "\r\n", count: 20_000), false),
        ("32,767 é as e + U+0301 (65,534 units)", String(repeating: "e\u{301}", count: 32_767), false),
        ("16,383 é as e + U+0301 and one a (32,767 units)", String(repeating: "e\u{301}", count: 16_383) + "a", true),
        ("32,767 precomposed é", String(repeating: "\u{E9}", count: 32_767), true),
        ("16,383 emoji and one a (32,767 units)", String(repeating: "\u{1F600}", count: 16_383) + "a", true),
        ("16,384 emoji (32,768 units)", String(repeating: "\u{1F600}", count: 16_384), false),
        ("flag sequences: 8,192 flags (32,768 units)", String(repeating: "\u{1F1E8}\u{1F1F3}", count: 8_192), false),
    ]

    /// The cell quoted as CSV in the second column of row 2.
    static func csv(_ cell: String) -> [UInt8] {
        Array(("x,y\r\n1,\"" + cell.replacingOccurrences(of: "\"", with: "\"\"") + "\"\r\n").utf8)
    }

    @Test(arguments: cases.map(\.0))
    func limitIsCountedInUTF16Units(_ name: String) throws {
        let (_, cell, accepted) = try #require(Self.cases.first { $0.0 == name })
        let bytes = Self.csv(cell)
        if accepted {
            let document = try CSVReader().read(bytes: bytes, file: "t.csv")
            #expect(document.rows[1][1] == cell, "\(name)")
        } else {
            let error = try #require(throws: CSVError.self) { try CSVReader().read(bytes: bytes, file: "t.csv") }
            #expect(error.kind == .cellTooLong, "\(name)")
            #expect(error.location == SourceLocation(file: "t.csv", row: 2, column: 2), "\(name)")
            #expect(error.message.contains("max-cell") && error.message.contains("\(cell.utf16.count)"), "\(name)")
        }
    }

    /// Random cells around a small limit: accepted exactly when their UTF-16 length fits.
    @Test func acceptedExactlyWhenTheUTF16LengthFits() throws {
        let pool = ["a", "中", "e\u{301}", "\r\n", "\u{1F600}", "\u{1F1E8}\u{1F1F3}", "\u{E9}", ",", "\"", "\u{20AC}"]
        let reader = CSVReader(limits: CSVLimits(maxCellCharacters: 12))
        for seed in UInt64(1)...500 {
            var rng = SeededGenerator(seed: seed)
            let cell = (0..<Int.random(in: 0...10, using: &rng)).map { _ in pool[Int.random(in: 0..<pool.count, using: &rng)] }
                .joined()
            do {
                let document = try reader.read(bytes: Self.csv(cell))
                #expect(cell.utf16.count <= 12, "seed \(seed): \(cell.debugDescription) accepted")
                #expect(document.rows[1][1] == cell, "seed \(seed)")
            } catch {
                #expect(error.kind == .cellTooLong && cell.utf16.count > 12, "seed \(seed): \(cell.debugDescription) \(error)")
            }
        }
    }
}
