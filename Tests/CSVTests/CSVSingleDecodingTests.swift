import Foundation
import TestSupport
import Testing
@testable import CSV

/// The reader validates a file's text once and cuts the cells from that one decoded string.
/// On random byte soups (UTF-8 with and without BOM, GB18030, UTF-16, NUL bytes, long cells,
/// quotes and line ends anywhere) it must give what the decoding it replaced gave: the bytes
/// tokenized, then every field decoded alone with its NUL and length checks, in row order.
@Suite("CSV single decoding (seeded)")
struct CSVSingleDecodingTests {
    static let seeds: [UInt64] = [1, 2, 3, 7, 42, 2023, 0xC0FFEE, 0xDEAD_BEEF]
    static let soupsPerSeed = 150

    /// Byte pieces: structure, ASCII, Chinese in UTF-8, a 4-byte character, NUL, a BOM inside.
    static let utf8Pieces: [[UInt8]] = [
        [UInt8(ascii: ",")], [UInt8(ascii: "\t")], [UInt8(ascii: "\"")], Array("\"\"".utf8), [13], [10], [13, 10],
        Array("a".utf8), Array("702.71".utf8), Array("部门整体".utf8), Array("≥99%".utf8), Array("😀".utf8),
        Array("\u{3000}".utf8), [0], Array("\u{FEFF}".utf8), Array("=1+1".utf8), Array("'=1".utf8), Array("'".utf8), Array("'-3".utf8),
    ]

    /// The cells the old reader gave for `content` (UTF-8 after the encoding step), or its error.
    static func reference(_ content: [UInt8], reader: CSVReader, file: String) -> Result<[[String]], CSVError> {
        let limits = reader.limits
        let output = CSVTokenizer(separator: CSVTokenizer.detectSeparator(content)).tokenize(content)
        if let open = output.unterminatedQuote {
            return .failure(CSVError(.unterminatedQuote, at: SourceLocation(file: file, row: open.row, column: open.column), ""))
        }
        let mayHoldNUL = content.contains(0)
        var rows: [[String]] = []
        for (r, record) in output.records.enumerated() {
            var row: [String] = []
            for (c, field) in record.fields.enumerated() {
                let here = SourceLocation(file: file, row: r + 1, column: c + 1)
                if mayHoldNUL, field.contains(0) { return .failure(CSVError(.nulByte, at: here, "")) }
                let text = String(decoding: field, as: UTF8.self)
                if text.utf16.count > limits.maxCellCharacters { return .failure(CSVError(.cellTooLong, at: here, "")) }
                row.append(reader.unprotectFormulas ? FormulaGuard.unprotect(text) : text)
            }
            rows.append(row)
        }
        return .success(rows)
    }

    static func soup(_ rng: inout SeededGenerator) -> [UInt8] {
        let count = Int.random(in: 1...40, using: &rng)
        var bytes: [UInt8] = []
        for _ in 0..<count { bytes += utf8Pieces.randomElement(using: &rng) ?? [] }
        return bytes
    }

    static func check(_ input: [UInt8], content: [UInt8], reader: CSVReader) {
        let expected = reference(content, reader: reader, file: "x.csv")
        do {
            let document = try reader.read(bytes: input, file: "x.csv")
            switch expected {
            case .success(let rows): #expect(document.rows == rows, "input \(input)")
            case .failure(let old): Issue.record("read succeeded, old decoding failed with \(old); input \(input)")
            }
        } catch {
            switch expected {
            case .success(let rows): Issue.record("read failed with \(error), old decoding gave \(rows); input \(input)")
            case .failure(let old):
                #expect(error.kind == old.kind && error.location == old.location, "input \(input): \(error) vs \(old)")
            }
        }
    }

    @Test(arguments: seeds)
    func utf8SoupsReadAsTheFieldByFieldDecodingRead(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<Self.soupsPerSeed {
            let content = Self.soup(&rng)
            let limits = CSVLimits(maxCellCharacters: Int.random(in: 2...12, using: &rng))
            let reader = CSVReader(limits: limits, unprotectFormulas: Bool.random(using: &rng))
            if content == ByteOrderMark.utf8 || content.isEmpty { continue }
            let bom = Bool.random(using: &rng)
            // Without a BOM a soup starting with U+FEFF would lose it: that is the BOM.
            if !bom, content.starts(with: ByteOrderMark.utf8) { continue }
            Self.check(bom ? ByteOrderMark.utf8 + content : content, content: content, reader: reader)
        }
    }

    @Test(arguments: seeds)
    func gb18030AndUTF16SoupsReadAsTheFieldByFieldDecodingRead(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<Self.soupsPerSeed {
            var content = Self.soup(&rng)
            // Non-ASCII text that is not valid UTF-8 in GB18030, and no U+FEFF (not in GBK forms).
            content += Array("绩效".utf8)
            let text = String(decoding: content, as: UTF8.self).replacingOccurrences(of: "\u{FEFF}", with: "")
            content = Array(text.utf8)
            let reader = CSVReader(limits: CSVLimits(maxCellCharacters: Int.random(in: 2...12, using: &rng)),
                                   unprotectFormulas: Bool.random(using: &rng))
            let gb = try #require(TextEncoding.encodeGB18030(text))
            if String(validating: gb, as: UTF8.self) == nil {
                Self.check(gb, content: content, reader: reader)
            }
            let utf16 = ByteOrderMark.utf16LE + Array(text.data(using: .utf16LittleEndian) ?? Data())
            Self.check(utf16, content: content, reader: reader)
        }
    }
}
