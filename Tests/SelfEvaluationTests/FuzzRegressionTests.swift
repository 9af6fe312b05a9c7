import CSV
import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// Inputs the template and values fuzzers found (Fuzz/, scripts/fuzz.sh), kept in
/// Fixtures/fuzz-regressions/{template,values}/ and run through the same path as the harness.
@Suite("SelfEvaluation fuzz regressions")
struct FuzzRegressionTests {
    static func files(_ harness: String) -> [String] {
        let folder = FixturePaths.fixture("fuzz-regressions/\(harness)")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { "fuzz-regressions/\(harness)/\($0)" }
    }

    /// Read, then scored with every template and rule set: a form or a thrown `FormError`.
    @Test(arguments: files("template"))
    func templateInputScoresOrFailsCleanly(_ name: String) throws {
        let bytes = try FixturePaths.bytes(name)
        guard let document = try? CSVReader().read(bytes: bytes, file: name) else { return }
        for template in [nil, TemplateKind.department, TemplateKind.project] as [TemplateKind?] {
            guard let (form, _) = try? TemplateReader(template: template).read(document) else { continue }
            for rules in [nil, RuleSet.legacy, RuleSet.v2020] as [RuleSet?] {
                if let scored = try? Scorer.score(form, rules: rules) {
                    _ = try ScoreReport(scored).jsonData()
                }
            }
        }
    }

    /// Parsed as a value, a number and a split target without a trap.
    @Test(arguments: files("values"))
    func valueInputParses(_ name: String) throws {
        let text = String(decoding: try FixturePaths.bytes(name), as: UTF8.self)
        _ = ValueParser.parse(text)
        _ = ValueParser.unit(text)
        _ = ValueParser.comparator(text)
        _ = ValueParser.parse(text, operator: text, unit: text)
        do {
            _ = try ValueParser.number(text)
        } catch {
            #expect(error.offset >= 0 && error.offset <= text.count)
        }
    }
}
