import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

@Suite("RuleSet")
struct RuleSetTests {
    @Test func builtIns() {
        #expect(RuleSet.legacy.tiers == TierBounds(achieved: exactDecimal("0.8"), partial: exactDecimal("0.5")))
        #expect(RuleSet.v2020.tiers == TierBounds(achieved: exactDecimal("0.8"), partial: exactDecimal("0.6")))
        #expect(RuleSet.builtIn(named: "2020") == .v2020)
        #expect(RuleSet.builtIn(named: "legacy") == .legacy)
        #expect(RuleSet.builtIn(named: "v2020") == .v2020)
        #expect(RuleSet.builtIn(named: "x") == nil)
        #expect(RuleSet.builtIns.allSatisfy { $0.validationProblem == nil })
    }

    /// (notes, chosen rule set, from the notes)
    static let notes: [([String], String, Bool)] = [
        (["4.定性指标……分别按照该指标对应分值权重区间100-80%(含80%)、80-50%(含50%)、50-0%合理选择权重确定得分。"], "legacy", true),
        (["定性指标……100-80%(含)、80-60%(含)、60-0%"], "2020", true),
        (["区间 100%－80%、80%－50%、50%－0%"], "legacy", true),
        (["注:1.满分为100分。", "2.未完成原因分析"], "2020", false),
        ([], "2020", false),
    ]

    @Test(arguments: notes + notes.map { row in (row.0.map { "e\u{301} " + $0 }, row.1, row.2) })
    func chosenFromNotes(_ row: ([String], String, Bool)) {
        // The second half of the cases holds a combining mark: the general (not simple) path.
        var builder = FormBuilder()
        builder.notes(row.0)
        let detection = RuleSetDetection.detect(in: builder.form)
        #expect(detection.ruleSet.name == row.1)
        if row.2 {
            guard case .fromNotes = detection.choice else { Issue.record("not from notes"); return }
        } else {
            #expect(detection.choice == .defaulted)
        }
    }

    @Test func rulesFileOverridesItsBase() throws {
        let json = #"{"name": "local", "base": "legacy", "negativeFormula": "linear", "decimals": 1, "executionRateWeight": 20}"#
        let rules = try RuleSet.decode(Data(json.utf8))
        #expect(rules.name == "local")
        #expect(rules.tiers == RuleSet.legacy.tiers)
        #expect(rules.negativeFormula == .linear)
        #expect(rules.decimals == 1)
        #expect(rules.executionRateWeight == 20)
        #expect(rules.overAchievementThreshold == exactDecimal("1.3"))
    }

    @Test func exampleFileLoads() throws {
        let rules = try RuleSet.load(path: FixturePaths.fixture("rules/local-linear.json"))
        #expect(rules.name == "local-linear")
        #expect(rules.negativeFormula == .linear)
        #expect(rules.gradeBands == GradeBands(excellent: 80, good: 70, fair: 60))
        #expect(rules.executionRateWeight == 20)
        #expect(rules.tiers.partial == exactDecimal("0.6"))
    }

    @Test func roundTrip() throws {
        let data = try JSONEncoder().encode(RuleSet.legacy)
        #expect(try RuleSet.decode(data) == .legacy)
    }

    @Test(arguments: [
        #"{"base": "2020"}"#,
        #"{"name": "x", "base": "1999"}"#,
        #"{"name": "x", "decimals": 3}"#,
        #"{"name": "x", "tiers": {"achieved": 0.5, "partial": 0.6}}"#,
        #"{"name": "x", "gradeBands": {"excellent": 60, "good": 70, "fair": 80}}"#,
        #"{"name": "x", "negativeFormula": "quadratic"}"#,
        #"{"name": "x", "overAchievementThreshold": 0.9}"#,
        "not json",
    ])
    func invalidFilesAreRejected(_ json: String) {
        #expect(throws: RuleSetError.self) { try RuleSet.decode(Data(json.utf8), path: "rules.json") }
    }

    @Test func missingFile() {
        #expect(throws: RuleSetError.self) { try RuleSet.load(path: "/nonexistent/rules.json") }
    }

    @Test func decimalsSetting() throws {
        var rules = RuleSet.v2020
        rules.decimals = 0
        let form = FormBuilder.single(target: "≥200", actual: "83", weight: "5")
        let scored = try Scorer.score(form, rules: rules)
        #expect(scored.indicators.first?.score == 2)
        rules.decimals = 1
        #expect(try Scorer.score(form, rules: rules).indicators.first?.score == exactDecimal("2.1"))
    }
}
