import CSV
import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// Random forms — the reference fixture with its target, actual, weight, score and budget cells
/// replaced by seeded random texts — are scored twice and give the same JSON report, and
/// scoring never crashes: every form is scored or refused with a `FormError`.
@Suite("Scoring determinism (seeded)")
struct ScoringDeterminismTests {
    static let seeds: [UInt64] = [1, 2, 3, 11, 42, 2023, 0xBADC_0FFE, 0xDEAD_BEEF]
    static let formsPerSeed = 40

    /// Texts a target or actual cell may hold: quantities with comparators and units, times,
    /// grades, not-given marks, texts, and hostile ones (huge, negative, exponent, full-width).
    static let valueTexts: [String] = [
        "", "—", "/", "无", "10家以上", "39家", "≥99%", "99%", "100%", "0%", "≤5%", "3%", "12月底前", "12月底全部完成",
        "按时完成", "优秀", "良好", "合格", "不合格", "达到预期", "圆满完成", "235.11万元", "0万元", "0", "-3",
        "1e9", "99999999999999999999999999999999999999", "0.000000001", "１０", "≥", "%", "四", "=1+1", "\"",
        "10-20个", "±10%", "2023年", "PM2.5≤35", "不低于95%", "控制在5%以内", "评定等级为“优秀”", "\u{3000}",
    ]
    /// Texts a weight or score cell may hold.
    static let numberTexts: [String] = [
        "", "0", "1", "2", "3", "4", "5", "10", "15", "4.5", "0.01", "-1", "100", "1000", "四", "—", "4分",
        "１０", "1,000", "1e3", "99999999999999999999999999999999999999", "NaN", "inf", "10%", " 3 ",
    ]
    /// Texts a budget money cell may hold.
    static let moneyTexts: [String] = [
        "", "0", "0.00", "702.71", "734.78", "1", "-5", "1,234.56", "—", "一百", "1e308", "0.0001",
        "99999999999999999999999999999999999999",
    ]

    static func referenceDocument() throws -> CSVDocument {
        try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
    }

    /// The reference document with cells replaced: indicator rows 13–28 columns E–H, the budget
    /// rows 6–9 columns D–I, the total row 29 columns G–H, sometimes a level-1 label.
    static func randomForm(_ base: CSVDocument, _ rng: inout SeededGenerator) -> CSVDocument {
        var document = base
        func set(_ row: Int, _ column: Int, _ text: String) {
            guard row >= 1, row <= document.rows.count else { return }
            while document.rows[row - 1].count < column { document.rows[row - 1].append("") }
            document.rows[row - 1][column - 1] = text
        }
        let changes = Int.random(in: 1...24, using: &rng)
        for _ in 0..<changes {
            switch Int.random(in: 0..<10, using: &rng) {
            case 0...3:
                set(Int.random(in: 13...28, using: &rng), Int.random(in: 5...6, using: &rng),
                    valueTexts.randomElement(using: &rng) ?? "")
            case 4...6:
                set(Int.random(in: 13...28, using: &rng), Int.random(in: 7...8, using: &rng),
                    numberTexts.randomElement(using: &rng) ?? "")
            case 7:
                set(Int.random(in: 6...9, using: &rng), Int.random(in: 4...6, using: &rng),
                    moneyTexts.randomElement(using: &rng) ?? "")
            case 8:
                set(Int.random(in: 6...9, using: &rng), [7, 9].randomElement(using: &rng) ?? 7,
                    numberTexts.randomElement(using: &rng) ?? "")
            default:
                if Bool.random(using: &rng) {
                    set(29, Int.random(in: 7...8, using: &rng), numberTexts.randomElement(using: &rng) ?? "")
                } else {
                    let points = numberTexts.randomElement(using: &rng) ?? ""
                    set([13, 26, 28].randomElement(using: &rng) ?? 13, 2, "产出指标(\(points)分)")
                }
            }
        }
        return document
    }

    /// The JSON report, or the error's diagnostic as text.
    static func outcome(_ document: CSVDocument, rules: RuleSet?) -> String {
        do {
            let (form, warnings) = try TemplateReader().read(document)
            let scored = try Scorer.score(form, rules: rules)
            let json = try ScoreReport(scored, diagnostics: warnings + scored.diagnostics).jsonData()
            return String(decoding: json, as: UTF8.self)
        } catch let error as FormError {
            return "error: \(error)"
        } catch {
            return "unexpected error: \(error)"
        }
    }

    @Test(arguments: seeds)
    func randomFormsScoreTheSameTwice(seed: UInt64) throws {
        let base = try Self.referenceDocument()
        var rng = SeededGenerator(seed: seed)
        for n in 0..<Self.formsPerSeed {
            let document = Self.randomForm(base, &rng)
            let rules: RuleSet? = [nil, RuleSet.legacy, RuleSet.v2020].randomElement(using: &rng) ?? nil
            let first = Self.outcome(document, rules: rules)
            let second = Self.outcome(document, rules: rules)
            #expect(first == second, "seed \(seed) form \(n)")
            #expect(!first.hasPrefix("unexpected error"), "seed \(seed) form \(n): \(first)")
        }
    }

    /// The same form written to CSV in each encoding, read and scored, gives the same report.
    @Test(arguments: seeds.prefix(3))
    func reportDoesNotDependOnTheEncoding(seed: UInt64) throws {
        let base = try Self.referenceDocument()
        var rng = SeededGenerator(seed: seed)
        for n in 0..<10 {
            let document = Self.randomForm(base, &rng)
            var reports: Set<String> = []
            for encoding in CSVWriter.Encoding.allCases {
                let bytes = CSVWriter(encoding: encoding).bytes(document.rows)
                let again = try CSVReader().read(bytes: bytes, file: base.file)
                reports.insert(Self.outcome(again, rules: nil))
            }
            #expect(reports.count == 1, "seed \(seed) form \(n)")
        }
    }

    /// The unchanged reference form gives one report, with its known total.
    @Test func referenceFormIsStable() throws {
        let document = try Self.referenceDocument()
        let reports = (0..<3).map { _ in Self.outcome(document, rules: nil) }
        #expect(Set(reports).count == 1)
        #expect(reports[0].contains("\"score\" : 99"))
    }
}
