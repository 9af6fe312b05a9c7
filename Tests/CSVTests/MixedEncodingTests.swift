import CSV
import Foundation
import TestSupport
import Testing

/// Files whose rows are in two encodings: reported at the first odd row (`mixed-encoding`),
/// never decoded whole into mojibake, never blamed on the last cell.
struct MixedEncodingTests {
    /// The Chinese characters of the reference form: realistic text for random rows.
    static let pool: [Character] = {
        let text = (try? String(contentsOfFile: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), encoding: .utf8)) ?? ""
        return Array(Set(text.filter { $0.unicodeScalars.allSatisfy { (0x4E00...0x9FFF).contains($0.value) } })).sorted()
    }()

    enum Encoding { case utf8, gbk }

    static func bytes(_ rows: [(String, Encoding)], bom: Bool = false) -> [UInt8] {
        var out: [UInt8] = bom ? [0xEF, 0xBB, 0xBF] : []
        for (text, encoding) in rows {
            let line = text + "\r\n"
            out += encoding == .utf8 ? Array(line.utf8) : (TextEncoding.encodeGB18030(line) ?? [])
        }
        return out
    }

    /// (rows, expected code, row, column) — nil code: reads without error.
    static let cases: [([(String, Encoding)], String?, Int, Int)] = [
        // A GBK file with one UTF-8 row (the issue's case): the UTF-8 row is named.
        ([("单位,黔南州", .gbk), ("年度,2023", .gbk), ("指标,完成情况", .utf8), ("分值,得分", .gbk)],
         "mixed-encoding", 3, 1),
        // A UTF-8 file with one GBK row: that row, not the last cell.
        ([("单位,黔南州", .utf8), ("年度,二〇二三", .utf8), ("1,指标名称", .gbk), ("分值,得分", .utf8)],
         "mixed-encoding", 3, 2),
        // The odd row's first non-ASCII cell is the column.
        ([("单位,黔南州", .gbk), ("1,2,3,完成", .utf8), ("分值,得分", .gbk), ("预算,执行", .gbk)],
         "mixed-encoding", 2, 4),
        // Symbols of forms (≥, ℃, ①, ×) count as Chinese text in a UTF-8 row.
        ([("单位,≥95%", .utf8), ("温度,≤26℃", .utf8), ("①,指标名称", .gbk), ("分值,→", .utf8)],
         "mixed-encoding", 3, 1),
        // A lone GBK 路 (C2 B7) is valid UTF-8 (·) but not Chinese text: no false mix.
        ([("路", .gbk), ("单位,黔南州", .gbk), ("分值,得分", .gbk)], nil, 0, 0),
        // ASCII rows are in both encodings: no mix.
        ([("a,b", .utf8), ("单位,黔南州", .gbk), ("1,2", .utf8)], nil, 0, 0),
        // Only GBK, only UTF-8: no mix.
        ([("单位,黔南州", .gbk), ("分值,得分", .gbk)], nil, 0, 0),
        ([("单位,黔南州", .utf8), ("分值,得分", .utf8)], nil, 0, 0),
    ]

    @Test(arguments: cases.indices)
    func mixedRowsAreNamed(_ index: Int) throws {
        let (rows, code, row, column) = Self.cases[index]
        let input = Self.bytes(rows)
        do {
            let doc = try CSVReader().read(bytes: input, file: "m.csv")
            #expect(code == nil, "read without error: \(doc.rows)")
            // Read as a whole in one encoding, every row comes out as written.
            #expect(doc.rows.map { $0.joined(separator: ",") } == rows.map(\.0))
        } catch {
            #expect(error.kind.rawValue == code, "\(error)")
            #expect(error.location.row == row && error.location.column == column, "\(error)")
            #expect(error.message.contains("UTF-8") && error.message.contains("GB18030"), "\(error.message)")
        }
    }

    /// With a BOM the encoding is known: the GBK row's cell is named as not UTF-8.
    @Test func bomNamesTheGBKCell() throws {
        let input = Self.bytes([("单位,黔南州", .utf8), ("1,指标名称", .gbk), ("分值,得分", .utf8)], bom: true)
        #expect(throws: CSVError.self) { _ = try CSVReader().read(bytes: input) }
        do { _ = try CSVReader().read(bytes: input) } catch {
            #expect(error.kind == .invalidEncoding)
            #expect(error.location.row == 2 && error.location.column == 2)
        }
    }

    /// Forcing GB18030 does not turn the UTF-8 rows into mojibake either: they are named; a
    /// file all in GBK reads as before.
    @Test func forcedGB18030NamesTheUTF8Rows() throws {
        let input = Self.bytes([("单位,黔南州", .gbk), ("指标,完成", .utf8), ("分值,得分", .gbk)])
        #expect(throws: CSVError.self) { _ = try CSVReader(encoding: .gb18030).read(bytes: input) }
        do { _ = try CSVReader(encoding: .gb18030).read(bytes: input) } catch {
            #expect(error.kind == .mixedEncoding && error.location.row == 2)
        }
        let pure = Self.bytes([("单位,黔南州", .gbk), ("分值,得分", .gbk)])
        let doc = try CSVReader(encoding: .gb18030).read(bytes: pure)
        #expect(doc.rows == [["单位", "黔南州"], ["分值", "得分"]])
        #expect(doc.encoding == .gb18030)
    }

    static func randomRow(_ g: inout SeededGenerator, maxCharacters: Int) -> String {
        (0..<Int.random(in: 1...3, using: &g)).map { _ in
            String((0..<Int.random(in: 1...maxCharacters, using: &g)).map { _ in pool[Int.random(in: 0..<pool.count, using: &g)] })
        }.joined(separator: ",")
    }

    /// Property: one row in the other encoding, anywhere in a random file of either encoding,
    /// is named by its row; with several, the first and their number.
    @Test(arguments: 0..<60)
    func oneOddRowIsFoundWhereverItIs(_ seed: Int) throws {
        var g = SeededGenerator(seed: UInt64(seed) &* 7919 &+ 11)
        try #require(Self.pool.count > 50)
        let count = Int.random(in: 4...30, using: &g)
        let base: Encoding = seed % 2 == 0 ? .gbk : .utf8
        let odd = Set((0..<Int.random(in: 1...min(3, count / 2 - 1), using: &g)).map { _ in Int.random(in: 0..<count, using: &g) })
        let rows = (0..<count).map { i -> (String, Encoding) in
            (Self.randomRow(&g, maxCharacters: 8), odd.contains(i) ? (base == .gbk ? .utf8 : .gbk) : base)
        }
        do {
            _ = try CSVReader().read(bytes: Self.bytes(rows), file: "p.csv")
            Issue.record("seed \(seed): a mixed file was read")
        } catch {
            #expect(error.kind == .mixedEncoding, "seed \(seed): \(error)")
            #expect(error.location.row == (odd.min() ?? 0) + 1, "seed \(seed): \(error)")
            #expect(error.location.column == 1, "seed \(seed): \(error)")
            if odd.count > 1 { #expect(error.message.contains("共 \(odd.count) 行"), "seed \(seed): \(error.message)") }
        }
    }

    /// Property: a file all in GBK, of short rows (where chance UTF-8 is likeliest), is never
    /// taken for a mix, and reads back as written.
    @Test(arguments: 0..<100)
    func pureGBKIsNeverAMix(_ seed: Int) throws {
        var g = SeededGenerator(seed: UInt64(seed) &+ 1000)
        let rows = (0..<40).map { _ in (Self.randomRow(&g, maxCharacters: 4), Encoding.gbk) }
        let doc = try CSVReader().read(bytes: Self.bytes(rows))
        #expect(doc.encoding == .gb18030)
        #expect(doc.rows.map { $0.joined(separator: ",") } == rows.map(\.0))
    }

    /// Every GB18030 fixture reads as before.
    @Test(arguments: ["qiannan-guangzhou-2023.gbk.csv", "variants/gb18030-lf.csv", "project/nature-unit.csv"])
    func gbFixturesAreNoMix(_ name: String) throws {
        let doc = try CSVReader().read(bytes: try FixturePaths.bytes(name), file: name)
        #expect(doc.encoding == .gb18030)
    }
}
