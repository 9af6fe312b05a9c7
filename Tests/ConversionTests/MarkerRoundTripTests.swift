import CSV
@testable import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing

/// Issue #16: the scored CSV keeps what selfeval changed (【自动生成】 before a generated reason,
/// `8.62【原表为9】` in a replaced value, `【原表未填】` in a value filled where the form was blank),
/// so reading it back gives the same findings and the same 需复核 as the first reading.
struct MarkerRoundTripTests {
    /// Every fixture form that reads: the sample, its variants, the project forms, the real forms.
    static let forms: [String] = {
        var names: [String] = []
        for folder in ["", "variants", "project", "real", "phrasing"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture(folder))) ?? []
            for file in files.sorted() where file.hasSuffix(".csv") || file.hasSuffix(".tsv") {
                names.append(folder.isEmpty ? file : folder + "/" + file)
            }
        }
        return names
    }()

    struct Finding: Equatable, CustomStringConvertible {
        var severity: Severity, code: DiagnosticCode, row: Int, column: Int, message: String
        var description: String { "\(severity) \(code)@\(row):\(column) \(message)" }
    }

    static func findings(_ scored: Converter.Scored) -> [Finding] {
        scored.diagnostics.map {
            Finding(severity: $0.severity, code: $0.code, row: $0.location.row, column: $0.location.column, message: $0.message)
        }
    }

    @Test func everyKindOfFixtureIsCovered() {
        #expect(Self.forms.count >= 40)
        #expect(Self.forms.contains("real/yunnan-lijiangguchengziran-2020-project.csv"))
    }

    @Test("score → CSV → read → same findings, total, grade and 需复核", arguments: forms)
    func scoredCSVReadsBackIntoTheSameFindings(_ name: String) throws {
        let converter = Converter()
        guard let first = try? converter.score(path: FixturePaths.fixture(name)) else { return }  // a form that fails has no CSV
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("scored.csv").path
        try converter.write(first, to: out, format: .csv)
        let second = try converter.score(path: out)
        #expect(Self.findings(second) == Self.findings(first))
        #expect(second.scored.needsReview == first.scored.needsReview)
        #expect(second.scored.totalScore == first.scored.totalScore)
        #expect(second.scored.gradeLabel == first.scored.gradeLabel)
        #expect(second.scored.indicators.map(\.score) == first.scored.indicators.map(\.score))
        // Twice round: the CSV of the CSV is the same CSV (markers are not stacked).
        let again = dir.appendingPathComponent("again.csv").path
        try converter.write(second, to: again, format: .csv)
        #expect(FileManager.default.contents(atPath: again) == FileManager.default.contents(atPath: out))
    }

    @Test func aReplacedScoreKeepsTheFormsValueAndItsWarning() throws {
        let converter = Converter()
        let name = "real/yunnan-lijiangguchengziran-2020-project.csv"
        let first = try converter.score(path: FixturePaths.fixture(name))
        #expect(first.diagnostics.contains { $0.code == .scoreReplaced })
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("scored.csv").path
        try converter.write(first, to: out, format: .csv)
        let document = try CSVReader().read(contentsOf: out)
        let cells = document.rows.flatMap { $0 }
        #expect(cells.contains("20.00【原表为19】"))
        #expect(cells.contains("10.00【原表为9.00】"))
        let second = try converter.score(path: out)
        #expect(second.scored.needsReview)
        #expect(second.diagnostics.filter { $0.code == .scoreReplaced }.count == 4)
    }

    @Test(arguments: [
        ("8.62【原表为9】", "9"),
        ("8.62【原表为】", ""),
        ("4.00【原表未填】", ""),
        ("99.80【原表为96分】", "96分"),
        ("97.81%【原表为97.80%】", "97.80%"),
        ("1【原表为【原表为2】", "2"),
        ("自评等级“优”【原表为自评等级“良”】", "自评等级“良”"),
    ] as [(String, String)])
    func markedCellsGiveBackTheFormsValue(_ text: String, _ original: String) {
        #expect(ReplacedValueMarker.original(of: text) == original)
    }

    @Test(arguments: ["8.62", "", "【原表为9】 8.62", "8.62【原表为9", "原表为9】", "【自动生成】原因", "【原表未填】x"])
    func unmarkedCellsStayAsTheyAre(_ text: String) {
        #expect(ReplacedValueMarker.original(of: text) == nil)
        let document = CSVDocument(file: "x.csv", rows: [[text]])
        #expect(ReplacedValueMarker.restore(document).rows == [[text]])
    }

    @Test(arguments: [
        ("4", "4.00", Decimal(4), false), ("100%", "100.00%", Decimal(1), false), ("9", "8.62", Decimal(string: "8.62"), true),
        ("", "4.00", Decimal(4), true), ("优", "优", nil, false), ("良", "优", nil, true), ("97.80%", "97.81%", Decimal(string: "0.9781"), true),
    ] as [(String, String, Decimal?, Bool)])
    func onlyRealChangesAreMarked(_ old: String, _ new: String, _ number: Decimal?, _ changed: Bool) {
        #expect(LabelTextCompare.differ(old, new, number: number) == changed)
    }

    /// `original(of:)` rules a cell out by its last byte before any `String` comparison; on
    /// seeded texts built of the markers' pieces, look-alike brackets, combining marks and a
    /// prepended scalar (which joins the next bracket into one `Character`), it answers as the
    /// comparison by `Character`s alone does.
    @Test func lastByteGuardAnswersAsTheCharacterComparison() {
        func reference(_ text: String) -> String? {
            if text.hasSuffix("【原表未填】") { return "" }
            guard text.hasSuffix("】"), let start = text.range(of: "【原表为", options: .backwards) else { return nil }
            return String(text[start.upperBound..<text.index(text.endIndex, offsetBy: -1)])
        }
        let pieces = ["【原表为", "【原表未填】", "】", "【", "]", "）", "〕", "9", "8.62", "优", "\u{301}", "\u{0600}",
                      " ", "\u{3000}", "原表为", "\u{FE5E}", "】\u{301}", "e\u{301}", "\u{91}"]
        var generator = SeededGenerator(seed: 14)
        var marked = 0
        for _ in 0..<4000 {
            let text = (0..<Int.random(in: 0...6, using: &generator))
                .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &generator)] }.joined()
            let expected = reference(text)
            if expected != nil { marked += 1 }
            #expect(ReplacedValueMarker.original(of: text) == expected, "\(text.unicodeScalars.map { String($0.value, radix: 16) })")
        }
        #expect(marked > 200)
    }
}
