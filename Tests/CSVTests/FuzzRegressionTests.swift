import CSV
import Foundation
import Testing
import TestSupport

/// Inputs the fuzzer (Fuzz/, scripts/fuzz.sh) and the round-trip property found, kept in
/// Fixtures/fuzz-regressions/csv/ and read here on every test run.
@Suite("CSV fuzz regressions")
struct CSVFuzzRegressionTests {
    static var files: [String] {
        let folder = FixturePaths.fixture("fuzz-regressions/csv")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted()
    }

    /// Every kept input reads into rows or fails with a placed error, in every encoding, and
    /// what is read is written back and read again unchanged.
    @Test(arguments: files)
    func keptInputReadsOrFailsCleanly(_ name: String) throws {
        let bytes = try FixturePaths.bytes("fuzz-regressions/csv/\(name)")
        for encoding in EncodingChoice.allCases {
            do {
                let document = try CSVReader(encoding: encoding).read(bytes: bytes, file: name)
                #expect(!document.rows.isEmpty, "\(encoding)")
                let written = CSVWriter(separator: document.separator).bytes(document.rows)
                #expect(try CSVReader().read(bytes: written).rows == document.rows, "\(encoding)")
            } catch {
                #expect(error.location.row >= 1 && error.location.column >= 1)
            }
        }
    }

    /// A UTF-16 byte-order mark with nothing after it is the empty file, not a file of no rows.
    @Test(arguments: ["utf16be-bom-only.csv", "utf16le-bom-only.csv"])
    func utf16BOMOnlyIsEmpty(_ name: String) throws {
        let bytes = try FixturePaths.bytes("fuzz-regressions/csv/\(name)")
        #expect(throws: CSVError(.emptyFile, at: SourceLocation(file: name, row: 1, column: 1), "文件是空的")) {
            try CSVReader().read(bytes: bytes, file: name)
        }
    }

    /// A quote followed by a combining mark (one `Character`) is still doubled when written.
    @Test func quoteWithCombiningMarkIsEscaped() throws {
        let bytes = try FixturePaths.bytes("fuzz-regressions/csv/quote-with-combining-mark.csv")
        let document = try CSVReader().read(bytes: bytes)
        #expect(document.rows == [["\u{8}\"\u{5BB}\"r"]])
        #expect(CSVWriter().escape("\"\u{5BB}") == "\"\"\"\u{5BB}\"")
        #expect(try CSVReader().read(bytes: CSVWriter().bytes(document.rows)).rows == document.rows)
    }

    /// Tab-separated output quotes cells with commas, so the separator is still detected.
    @Test func tabSeparatedCellsWithCommasAreQuoted() throws {
        let rows = [["a,b,c", "d"], ["e,", "f"]]
        let writer = CSVWriter(encoding: .utf8, separator: "\t")
        #expect(writer.escape("a,b") == "\"a,b\"")
        let document = try CSVReader().read(bytes: writer.bytes(rows))
        #expect(document.separator == "\t")
        #expect(document.rows == rows)
        // And comma-separated output quotes cells with tabs.
        #expect(CSVWriter().escape("a\tb") == "\"a\tb\"")
    }
}
