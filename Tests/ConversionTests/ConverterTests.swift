import CSV
import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing

struct ConverterTests {
    let converter = Converter()
    static let fixtures = ["qiannan-guangzhou-2023.csv", "qiannan-guangzhou-2023.gbk.csv", "qiannan-guangzhou-2023.unscored.csv",
                           "project/national.csv", "project/nature-unit.csv", "project/two-row-header.csv"]

    @Test(arguments: fixtures)
    func csvRoundTripGivesTheSameScoredForm(_ name: String) throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("scored.csv").path
        let (first, _) = try converter.convert(input: FixturePaths.fixture(name), output: out, format: .csv)
        let second = try converter.score(path: out)
        let a = ScoreReport(first.scored).withoutSource()
        let b = ScoreReport(second.scored).withoutSource()
        #expect(a.total == b.total)
        #expect(a.indicators.map(\.score) == b.indicators.map(\.score))
        #expect(a.indicators.map(\.reason) == b.indicators.map(\.reason))
        #expect(a.budget == b.budget)
        #expect(a.grade == b.grade)
        // The scored CSV keeps the template's 9-column layout and every input cell.
        let doc = try CSVReader().read(contentsOf: out)
        #expect(doc.rows.allSatisfy { $0.count >= 9 })
        let input = try CSVReader().read(contentsOf: FixturePaths.fixture(name))
        let computed = ScoredGrid(first.scored).computed.keys
        for (r, row) in input.rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                let cell = CellAddress(row: r + 1, column: c + 1)
                if computed.contains(cell) { continue }
                #expect(doc[r + 1, c + 1] == text, "cell \(cell) lost")
            }
        }
    }

    @Test func gb18030CSVOutput() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("scored.csv").path
        let gb = Converter(csvEncoding: .gb18030)
        try gb.convert(input: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), output: out, format: .csv)
        let doc = try CSVReader().read(contentsOf: out)
        #expect(doc.encoding == .gb18030)
        #expect(try gb.score(path: out).scored.totalScore == 99)
    }

    @Test func neverWritesOverItsInput() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("form.csv").path
        try FileManager.default.copyItem(atPath: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), toPath: input)
        let before = try Data(contentsOf: URL(fileURLWithPath: input))
        for format in OutputFormat.allCases {
            #expect(throws: ConversionError.self) { try converter.convert(input: input, output: input, format: format) }
        }
        // Through a symbolic link too.
        let link = dir.appendingPathComponent("link.csv").path
        try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: input)
        #expect(throws: ConversionError.self) { try converter.convert(input: input, output: link, format: .csv) }
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
        // The default CSV output is a new name beside the input.
        let (_, out) = try converter.convert(input: input, format: .csv)
        #expect(out.hasSuffix("form.scored.csv"))
        #expect(try Data(contentsOf: URL(fileURLWithPath: input)) == before)
    }

    @Test func aFailedWriteLeavesNoFile() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let missing = dir.appendingPathComponent("no/such/folder/out.xlsx").path
        #expect(throws: ConversionError.self) {
            try converter.convert(input: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), output: missing)
        }
        // A form that fails to read writes nothing at all.
        let out = dir.appendingPathComponent("bad.xlsx").path
        #expect(throws: ConversionError.self) {
            try converter.convert(input: FixturePaths.fixture("malformed/unterminated-quote.csv"), output: out)
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    @Test func xlsxHoldsTheScores() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("a.xlsx").path
        try converter.convert(input: FixturePaths.fixture("qiannan-guangzhou-2023.unscored.csv"), output: out)
        let x = XLSXInspector(path: out)
        #expect(try x.sheetNames() == ["自评表", "评分明细"])
        let total = try #require(try x.cell(sheet: "自评表", ref: "H29"))
        #expect(total.formula != nil)
        #expect(total.value == "100")
        #expect(try x.cell(sheet: "自评表", ref: "B30")?.text == "自评等级“优”")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["a.xlsx"])
    }
}

extension ScoreReport {
    /// The report without its source path, to compare two files of the same form.
    func withoutSource() -> ScoreReport {
        var copy = self
        copy.source = ""
        copy.warnings = []
        return copy
    }
}
