import CSV
import Foundation
import TestSupport
import Testing

typealias GridRandom = SeededGenerator

/// Round trip: random grids written by `CSVWriter` in every encoding read back by `CSVReader`
/// cell for cell.
///
/// The grids are realistic exports: at least 2 columns per row (ragged rows allowed), at least
/// one row, cells made of the pieces below. Limits of the property, by construction of the
/// format (not tested here, documented in the README):
/// - a grid of no rows is the empty file (`empty-file`); a row of no cells cannot be written —
///   it is a blank line, which reads back as one empty cell `[""]`, exactly like a row `[""]`;
///   so a single-column grid with an empty cell is a blank line;
/// - UTF-8 without BOM and GB18030 are told apart by validity, so a GB18030 file whose bytes
///   happen to be valid UTF-8 reads as UTF-8 (only possible for very short non-ASCII texts;
///   `--encoding gb18030` forces it); a first cell starting with U+FEFF in a file written
///   without BOM loses it (it is the BOM).
@Suite("CSV round trip (seeded)")
struct CSVPropertyTests {
    static let seeds: [UInt64] = [1, 2, 3, 7, 42, 2023, 0xC0FFEE, 0xDEAD_BEEF]
    static let gridsPerSeed = 60

    /// Pieces a cell is made of: separators, quotes, every line end, tabs, Chinese text
    /// (GBK, and GB18030-only characters outside GBK: CJK extensions A and B, an emoji, €),
    /// ideographic and ASCII spaces, formulas and numbers as text.
    static let pieces: [String] = [
        "a", "Z", "0", "702.71", "100%", "≥99%", ",", ",,", "\"", "\"\"", "\"a,b\"", "\r", "\n", "\r\n",
        "\n\r", "\t", " ", "  ", "\u{3000}", "\u{3000}\u{3000}产出指标", "部门整体支出绩效目标自评表",
        "黔南州人民政府驻广州办事处", "年度指标值(A)", "“窗口”", "、", ";", "；", "䶮", "𠀀", "𪚥", "😀", "€",
        "=1+1", "=SUM(A1:A3)", "+1", "-1", "@x", "'", "—", "……", "注:1.", "\u{00A0}",
    ]

    static func cell(_ rng: inout GridRandom) -> String {
        switch Int.random(in: 0..<10, using: &rng) {
        case 0, 1: return ""
        case 2: return pieces.randomElement(using: &rng) ?? ""
        default:
            let count = Int.random(in: 1...6, using: &rng)
            return (0..<count).map { _ in pieces.randomElement(using: &rng) ?? "" }.joined()
        }
    }

    /// A grid of 1...12 rows; each row has 2...8 cells (ragged), sometimes all empty.
    static func grid(_ rng: inout GridRandom) -> [[String]] {
        let rows = Int.random(in: 1...12, using: &rng)
        let width = Int.random(in: 2...8, using: &rng)
        return (0..<rows).map { _ in
            let cells = Bool.random(using: &rng) ? width : Int.random(in: 2...8, using: &rng)
            if Int.random(in: 0..<8, using: &rng) == 0 { return Array(repeating: "", count: cells) }
            return (0..<cells).map { _ in cell(&rng) }
        }
    }

    @Test(arguments: seeds)
    func gridsRoundTripInEveryEncoding(seed: UInt64) throws {
        var rng = GridRandom(seed: seed)
        for n in 0..<Self.gridsPerSeed {
            let rows = Self.grid(&rng)
            for encoding in CSVWriter.Encoding.allCases {
                for lineEnding in ["\r\n", "\n"] {
                    let bytes = CSVWriter(encoding: encoding, lineEnding: lineEnding).bytes(rows)
                    let document = try CSVReader().read(bytes: bytes, file: "grid.csv")
                    #expect(document.rows == rows, "seed \(seed) grid \(n) \(encoding) \(lineEnding.debugDescription)")
                    #expect(document.separator == ",")
                    let nonASCII = rows.joined().contains { $0.unicodeScalars.contains { !$0.isASCII } }
                    let expected: TextEncoding = encoding == .gb18030 && nonASCII ? .gb18030 : .utf8
                    #expect(document.encoding == expected, "seed \(seed) grid \(n) \(encoding)")
                    #expect(document.hadByteOrderMark == (encoding == .utf8BOM))
                }
            }
        }
    }

    /// Tab-separated, as Excel's "Unicode text" and the seed document are written.
    @Test(arguments: seeds)
    func tabSeparatedGridsRoundTrip(seed: UInt64) throws {
        var rng = GridRandom(seed: seed)
        for n in 0..<Self.gridsPerSeed {
            let rows = Self.grid(&rng)
            let bytes = CSVWriter(encoding: .utf8, separator: "\t").bytes(rows)
            let document = try CSVReader().read(bytes: bytes, file: "grid.tsv")
            // Cells holding commas are quoted, so tabs still outnumber commas outside quotes and
            // the separator is detected as tab.
            #expect(document.rows == rows, "seed \(seed) grid \(n)")
        }
    }

    /// Forcing the encoding reads what auto-detection reads.
    @Test(arguments: seeds)
    func forcedEncodingAgreesWithDetection(seed: UInt64) throws {
        var rng = GridRandom(seed: seed)
        for _ in 0..<20 {
            let rows = Self.grid(&rng)
            let gb = CSVWriter(encoding: .gb18030).bytes(rows)
            #expect(try CSVReader(encoding: .gb18030).read(bytes: gb).rows == rows)
            let utf8 = CSVWriter(encoding: .utf8).bytes(rows)
            #expect(try CSVReader(encoding: .utf8).read(bytes: utf8).rows == rows)
        }
    }

    /// The edge cases the property cannot cover, pinned down.
    @Test func limitsOfTheProperty() throws {
        // A row of empty cells round-trips as empty cells.
        let empty = [["", ""], ["", "", ""]]
        #expect(try CSVReader().read(bytes: CSVWriter().bytes(empty)).rows == empty)
        // A single-column grid with an empty cell is a blank line, read as one empty cell.
        let single = [["a"], [""], ["b"]]
        #expect(try CSVReader().read(bytes: CSVWriter().bytes(single)).rows == single)
        // A row of no cells is written as a blank line too, so it reads back as [""].
        #expect(try CSVReader().read(bytes: CSVWriter().bytes([["a", "b"], []])).rows == [["a", "b"], [""]])
        // No rows at all: the empty file.
        #expect(throws: CSVError.self) { try CSVReader().read(bytes: CSVWriter().bytes([])) }
    }
}
