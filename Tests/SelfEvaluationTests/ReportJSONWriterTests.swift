import CSV
import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

extension ScoreReport {
    /// The report as Foundation's `JSONEncoder` writes it (pretty-printed, keys sorted, slashes
    /// unescaped): the oracle of the one JSON writer, here and in the other suites.
    func jsonData() throws -> Data {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        return try encoder.encode(self)
    }
}

/// `ScoreReport.jsonBytes()` (the one JSON writer) against the golden files and `jsonData()`
/// (JSONEncoder, the oracle): byte-identical on the goldens, on every fixture form and on
/// generated reports; a NaN, which `JSONEncoder` would write as the non-JSON `NaN`, is null.
@Suite("ScoreReport JSON writer")
struct ReportJSONWriterTests {
    /// Every Decimal member of a report, set to NaN in turn, is written as null and the report
    /// stays valid JSON; with the NaN put back to 1 it is JSONEncoder's bytes again.
    @Test(arguments: ["budget.weight", "budget.executionRate", "budget.score", "budget.rows[0].executed",
                      "indicators[0].score", "indicators[0].weight", "sections[0].score", "total.score"])
    func aNaNIsWrittenAsNull(_ member: String) throws {
        func set(_ r: inout ScoreReport, _ d: Decimal) {
            switch member {
            case "budget.weight": r.budget?.weight = d
            case "budget.executionRate": r.budget?.executionRate = d
            case "budget.score": r.budget?.score = d
            case "budget.rows[0].executed": r.budget?.rows[0].executed = d
            case "indicators[0].score": r.indicators[0].score = d
            case "indicators[0].weight": r.indicators[0].weight = d
            case "sections[0].score": r.sections[0].score = d
            default: r.total?.score = d
            }
        }
        let data = try Data(contentsOf: URL(fileURLWithPath: FixturePaths.fixture("golden/qiannan-guangzhou-2023.report.json")))
        var report = try JSONDecoder().decode(ScoreReport.self, from: data)
        try #require(report.budget?.rows.isEmpty == false && !report.indicators.isEmpty && !report.sections.isEmpty && report.total != nil)
        set(&report, .nan)
        let text = String(decoding: report.jsonBytes(), as: UTF8.self)
        #expect(!text.contains("NaN"), "\(member)")
        #expect(text.components(separatedBy: " : null").count == String(decoding: data, as: UTF8.self).components(separatedBy: " : null").count + 1, "\(member)")
        #expect((try? JSONSerialization.jsonObject(with: Data(text.utf8))) != nil, "\(member)")
        set(&report, 1)
        #expect(report.jsonBytes() == [UInt8](try report.jsonData()), "\(member)")
    }

    @Test func goldenReportsAreWrittenByteForByte() throws {
        let golden = FixturePaths.root.appendingPathComponent("Fixtures/golden")
        let names = try FileManager.default.contentsOfDirectory(atPath: golden.path)
            .filter { $0.hasSuffix(".report.json") }.sorted()
        #expect(names.count >= 6)
        for name in names {
            let data = try Data(contentsOf: golden.appendingPathComponent(name))
            let report = try JSONDecoder().decode(ScoreReport.self, from: data)
            let bytes = report.jsonBytes()
            #expect(bytes == [UInt8](try report.jsonData()), "\(name)")
            #expect(bytes + [0x0A] == [UInt8](data), "\(name)")
        }
    }

    @Test func everyFixtureFormIsWrittenAsJSONEncoderWritesIt() throws {
        let fixtures = FixturePaths.root.appendingPathComponent("Fixtures")
        let paths = (FileManager.default.enumerator(atPath: fixtures.path)?.compactMap { $0 as? String } ?? [])
            .filter { $0.hasSuffix(".csv") }.sorted()
        var compared = 0
        for path in paths {
            let full = fixtures.appendingPathComponent(path).path
            guard let document = try? CSVReader().read(contentsOf: full),
                  let (form, warnings) = try? TemplateReader().read(document),
                  let scored = try? Scorer.score(form) else { continue }
            let report = ScoreReport(scored, diagnostics: warnings + scored.diagnostics)
            #expect(report.jsonBytes() == [UInt8](try report.jsonData()), "\(path)")
            compared += 1
        }
        #expect(compared >= 5)
    }

    @Test(arguments: 0..<8)
    func generatedReportsMatchJSONEncoder(seed: UInt64) throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: FixturePaths.fixture("golden/qiannan-guangzhou-2023.report.json")))
        let base = try JSONDecoder().decode(ScoreReport.self, from: data)
        var generator = ReportGenerator(seed: seed)
        for _ in 0..<60 {
            let report = generator.report(from: base)
            let bytes = report.jsonBytes()
            let oracle = [UInt8](try report.jsonData())
            #expect(bytes == oracle, "\(String(decoding: bytes, as: UTF8.self))")
            if bytes != oracle { return }
        }
    }
}

/// Random reports: strings with quotes, backslashes, slashes, control characters, CJK, emoji
/// and combining marks; Decimals of every sign and scale; nils and empty arrays.
private struct ReportGenerator {
    var state: UInt64

    init(seed: UInt64) { state = seed &* 0x9E37_79B9_7F4A_7C15 &+ 0x1234_5678 }

    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    mutating func below(_ n: Int) -> Int { Int(next() % UInt64(n)) }
    mutating func chance(_ percent: Int) -> Bool { below(100) < percent }

    static let pieces: [String] = [
        "a", "Z", "0", "9", " ", "\"", "\\", "/", "\n", "\r", "\t", "\u{08}", "\u{0C}", "\u{00}", "\u{01}",
        "\u{1F}", "\u{7F}", "\u{80}", "\u{A0}", "é", "e\u{301}", "中", "指标", "≥", "％", "—", "“", "”",
        "\u{2028}", "\u{2029}", "\u{FEFF}", "😀", "👩‍👩‍👧", "\r\n", "<", ">", "&", "'", "{", "}", "[", "]", ":", ",",
    ]

    mutating func string() -> String {
        var text = ""
        for _ in 0..<below(12) { text += Self.pieces[below(Self.pieces.count)] }
        return text
    }

    mutating func optionalString() -> String? { chance(20) ? nil : string() }

    mutating func decimal() -> Decimal {
        let mantissa = Int64(bitPattern: next()) % (chance(50) ? 1_000 : 1_000_000_000_000)
        let exponent = below(chance(80) ? 6 : 30) - (chance(80) ? 4 : 15)
        var value = Decimal(mantissa)
        if exponent != 0 { value = Decimal(sign: value.sign, exponent: exponent, significand: value.magnitude) }
        return value
    }

    mutating func optionalDecimal() -> Decimal? { chance(25) ? nil : decimal() }

    /// Every field of `base` is replaced (ScoreReport has no memberwise initializer).
    mutating func report(from base: ScoreReport) -> ScoreReport {
        let budget: ScoreReport.Budget? = chance(20) ? nil : ScoreReport.Budget(
            rows: (0..<below(5)).map { _ in
                ScoreReport.Budget.Row(name: string(), initial: optionalDecimal(), adjusted: optionalDecimal(),
                                       executed: optionalDecimal())
            },
            weight: decimal(), executionRate: decimal(), score: decimal())
        let indicators = (0..<below(6)).map { _ in
            ScoreReport.IndicatorEntry(
                row: below(1000) - 10, level1: string(), level2: string(), name: string(), target: string(),
                actual: string(), kind: string(), direction: optionalString(), tier: optionalString(),
                weight: optionalDecimal(), filledScore: optionalDecimal(), score: decimal(), reason: string(),
                reasonGenerated: chance(50))
        }
        let warnings = (0..<below(4)).map { _ in
            ScoreReport.Warning(code: DiagnosticCode.allCases[below(DiagnosticCode.allCases.count)], row: below(100_000), column: string(), message: string())
        }
        var report = base
        report.source = string()
        report.title = optionalString()
        report.year = chance(30) ? nil : below(3000) - 100
        report.unit = optionalString()
        report.filledOn = optionalString()
        report.budget = budget
        report.indicators = indicators
        report.total = ScoreReport.Total(weight: decimal(), score: decimal())
        report.grade = string()
        report.warnings = warnings
        report.needsReview = chance(50)
        report.rules = string()
        return report
    }
}
