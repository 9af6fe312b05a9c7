import CSV
import Foundation
import TestSupport
import Testing

struct CSVReaderTests {
    let reader = CSVReader()

    @Test func utf8WithBOM() throws {
        let doc = try reader.read(bytes: [0xEF, 0xBB, 0xBF] + Array("部门,≥95%\r\n".utf8), file: "a.csv")
        #expect(doc.rows == [["部门", "≥95%"]])
        #expect(doc.encoding == .utf8)
        #expect(doc.hadByteOrderMark)
        #expect(doc.lineEnding == "\r\n")
    }

    @Test func utf8WithoutBOM() throws {
        let doc = try reader.read(bytes: Array("部门,≥95%\n".utf8))
        #expect(doc.rows == [["部门", "≥95%"]])
        #expect(doc.encoding == .utf8)
        #expect(!doc.hadByteOrderMark)
        #expect(doc.lineEnding == "\n")
    }

    @Test func gb18030IsDetected() throws {
        // "部门整体,≥95%,—\r\n" in GBK, as Excel's plain CSV on Chinese Windows writes it.
        let bytes: [UInt8] = [0xB2, 0xBF, 0xC3, 0xC5, 0xD5, 0xFB, 0xCC, 0xE5, 0x2C, 0xA1, 0xDD, 0x39, 0x35, 0x25, 0x2C,
                              0xA1, 0xAA, 0x0D, 0x0A]
        let doc = try reader.read(bytes: bytes)
        #expect(doc.rows == [["部门整体", "≥95%", "—"]])
        #expect(doc.encoding == .gb18030)
    }

    @Test func forcedEncodingWins() throws {
        let bytes = Array("abc,def\n".utf8)
        let doc = try CSVReader(encoding: .gb18030).read(bytes: bytes)
        #expect(doc.rows == [["abc", "def"]])
        #expect(throws: CSVError.self) {
            _ = try CSVReader(encoding: .utf8).read(bytes: [0xB2, 0xBF, 0x2C, 0x41, 0x0A])
        }
    }

    @Test func utf16WithBOM() throws {
        var bytes: [UInt8] = [0xFF, 0xFE]
        for unit in "单位\t年度\r\n".utf16 { bytes += [UInt8(unit & 0xFF), UInt8(unit >> 8)] }
        let doc = try reader.read(bytes: bytes)
        #expect(doc.rows == [["单位", "年度"]])
        #expect(doc.separator == "\t")
    }

    struct Failure: Sendable, CustomTestStringConvertible {
        let name: String
        let bytes: [UInt8]
        let kind: CSVError.Kind
        let row: Int
        let column: Int
        var testDescription: String { name }
    }

    static let failures: [Failure] = [
        Failure(name: "empty", bytes: [], kind: .emptyFile, row: 1, column: 1),
        Failure(name: "only a BOM", bytes: [0xEF, 0xBB, 0xBF], kind: .emptyFile, row: 1, column: 1),
        Failure(name: "unterminated quote", bytes: Array("a,b\nc,\"d\ne".utf8), kind: .unterminatedQuote, row: 2, column: 2),
        Failure(name: "invalid bytes in third cell", bytes: Array("甲,乙\n丙,".utf8) + [0xFF, 0xFE] + Array("\n".utf8),
                kind: .invalidEncoding, row: 2, column: 2),
        Failure(name: "invalid UTF-8 after a BOM", bytes: [0xEF, 0xBB, 0xBF] + Array("a,b\n".utf8) + [0xC3, 0x28],
                kind: .invalidEncoding, row: 2, column: 1),
        Failure(name: "NUL byte", bytes: Array("a,b\nc,d".utf8) + [0] + Array("x\n".utf8), kind: .nulByte, row: 2, column: 2),
    ]

    @Test(arguments: failures)
    func failsWithPlace(_ f: Failure) {
        do {
            _ = try reader.read(bytes: f.bytes, file: "f.csv")
            Issue.record("expected \(f.kind)")
        } catch {
            #expect(error.kind == f.kind)
            #expect(error.location == SourceLocation(file: "f.csv", row: f.row, column: f.column))
            #expect(error.description.hasPrefix("f.csv:\(f.row):\(SourceLocation.letter(forColumn: f.column)): error: [\(f.kind.rawValue)]"))
        }
    }

    @Test func limitsNameTheirLimit() {
        let small = CSVReader(limits: CSVLimits(maxBytes: 1000, maxRows: 3, maxColumns: 4, maxCellCharacters: 5))
        #expect(throws: CSVError.self) { _ = try small.read(bytes: Array(repeating: UInt8(ascii: "a"), count: 1001)) }
        do {
            _ = try small.read(bytes: Array("a\nb\nc\nd\n".utf8))
        } catch {
            #expect(error.kind == .tooManyRows)
            #expect(error.message.contains("max-rows"))
        }
        do {
            _ = try small.read(bytes: Array("a,b,c,d,e\n".utf8))
        } catch {
            #expect(error.kind == .tooManyColumns)
            #expect(error.location.column == 5)
        }
        do {
            _ = try small.read(bytes: Array("a,123456\n".utf8))
        } catch {
            #expect(error.kind == .cellTooLong)
            #expect(error.location.column == 2)
        }
    }

    @Test func largeFileIsRefusedBeforeReading() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = dir.appendingPathComponent("big.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: nil))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 100 << 20)  // a sparse 100 MB file: reading it would take 100 MB
        try handle.close()
        do {
            _ = try CSVReader().read(contentsOf: path)
            Issue.record("expected file-too-large")
        } catch {
            #expect(error.kind == .fileTooLarge)
        }
    }

    @Test("files: at the size limit read, one byte over refused, a folder, a FIFO and a missing file unreadable")
    func filesAtTheirLimits() throws {
        let dir = try FixturePaths.temporaryDirectory()
        let text = Array("单位,2023\n指标,值\n".utf8)
        let path = dir.appendingPathComponent("form.csv").path
        #expect(FileManager.default.createFile(atPath: path, contents: Data(text)))
        let exact = CSVReader(limits: CSVLimits(maxBytes: text.count))
        #expect(try exact.read(contentsOf: path).rows.count == 2)
        #expect(try CSVReader().read(contentsOf: path) == CSVReader().read(bytes: text, file: path))
        let under = CSVReader(limits: CSVLimits(maxBytes: text.count - 1))
        #expect(throws: CSVError.self) { try under.read(contentsOf: path) }
        do { _ = try under.read(contentsOf: path) } catch { #expect(error.kind == .fileTooLarge) }
        do { _ = try CSVReader().read(contentsOf: dir.path); Issue.record("a folder was read") } catch {
            #expect(error.kind == .unreadable)
            #expect(error.location.row == 1 && error.location.column == 1)
        }
        do { _ = try CSVReader().read(contentsOf: dir.appendingPathComponent("missing.csv").path); Issue.record("read") } catch {
            #expect(error.kind == .unreadable)
        }
        let fifo = dir.appendingPathComponent("pipe.csv").path
        #expect(mkfifo(fifo, 0o600) == 0)
        do { _ = try CSVReader().read(contentsOf: fifo); Issue.record("a FIFO was read") } catch {
            #expect(error.kind == .unreadable)
            #expect(error.message.contains("不是普通文件"))
        }
        let empty = dir.appendingPathComponent("empty.csv").path
        #expect(FileManager.default.createFile(atPath: empty, contents: Data()))
        do { _ = try CSVReader().read(contentsOf: empty); Issue.record("read") } catch { #expect(error.kind == .emptyFile) }
    }

    @Test func columnLetters() {
        #expect(SourceLocation.letter(forColumn: 1) == "A")
        #expect(SourceLocation.letter(forColumn: 9) == "I")
        #expect(SourceLocation.letter(forColumn: 26) == "Z")
        #expect(SourceLocation.letter(forColumn: 27) == "AA")
        #expect(SourceLocation.letter(forColumn: 703) == "AAA")
    }
}
