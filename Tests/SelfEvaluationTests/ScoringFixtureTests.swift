import CSV
import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// The reference form, read by the template reader and scored.
@Suite("Scoring the reference form")
struct ScoringFixtureTests {
    static func scored(_ name: String, rules: RuleSet? = nil) throws -> ScoredForm {
        let document = try CSVReader().read(contentsOf: FixturePaths.fixture(name))
        let (form, _) = try TemplateReader().read(document)
        return try Scorer.score(form, rules: rules)
    }

    @Test func scoredFixture() throws {
        let scored = try Self.scored("qiannan-guangzhou-2023.csv")
        #expect(scored.ruleSet == .legacy)
        guard case .fromNotes = scored.ruleSetChoice else {
            Issue.record("rules not read from the notes: \(scored.ruleSetChoice)")
            return
        }
        #expect(scored.totalScore == 99)
        #expect(scored.totalWeight == 100)
        #expect(scored.grade == .excellent)
        #expect(scored.conclusion == "自评等级“优”")
        let budget = try #require(scored.budget)
        #expect(budget.executionRate == 1)
        #expect(budget.score == 10)
        #expect(!budget.scoreChanged)
        #expect(!budget.scoredFromParts)

        let scoredRows = scored.indicators.filter(\.isScored)
        #expect(scoredRows.count == 16)
        let economic = try #require(scored.indicators.first { $0.indicator.level2.value == "经济效益" })
        #expect(economic.kind == .qualitative)
        #expect(economic.tier == .achieved)
        #expect(economic.score == 14)
        #expect(economic.weight == 15)
        #expect(!economic.scoreChanged)
        #expect(scored.indicators.allSatisfy { !$0.scoreChanged || !$0.isScored })

        let label = try #require(scored.diagnostics.first { $0.code == .labelPointsMismatch })
        #expect(label.location.row == 13)
        #expect(label.location.columnLetter == "B")
        #expect(label.message.contains("产出指标(60分)"))
        #expect(label.message.contains("50"))
        let year = try #require(scored.diagnostics.first { $0.code == .yearInText })
        #expect(year.message.contains("2022"))
        #expect(year.location.row == 11)
        #expect(!scored.diagnostics.contains { $0.code == .printedTotalMismatch })
        #expect(!scored.diagnostics.contains { $0.code == .scoreReplaced })
        #expect(!scored.diagnostics.contains { $0.code == .filledOnYear })
        #expect(!scored.diagnostics.contains { $0.code == .weightsNot100 })
    }

    @Test func unscoredFixtureIsFilledIn() throws {
        let scored = try Self.scored("qiannan-guangzhou-2023.unscored.csv")
        #expect(scored.totalScore == 100)
        #expect(scored.grade == .excellent)
        #expect(scored.budget?.score == 10)
        #expect(scored.budget?.scoreChanged == true)
        for result in scored.indicators where result.isScored {
            #expect(result.filledScore == nil)
            #expect(result.scoreChanged, "row \(result.indicator.row)")
            #expect(result.comment != nil, "row \(result.indicator.row)")
            #expect(result.score == result.weight, "row \(result.indicator.row)")
        }
    }

    @Test func fixtureJSONMatchesTheSummary() throws {
        let scored = try Self.scored("qiannan-guangzhou-2023.csv")
        let data = try ScoreReport(scored).jsonData()
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(object["grade"] as? String == "优")
        #expect(object["rules"] as? String == "legacy")
        #expect(object["year"] as? Int == 2023)
        let total = try #require(object["total"] as? [String: Any])
        #expect((total["score"] as? NSNumber)?.stringValue == "99")
        let budget = try #require(object["budget"] as? [String: Any])
        #expect((budget["executionRate"] as? NSNumber)?.stringValue == "1")
        let summary = ScoreSummary.text(scored)
        #expect(summary.contains("\(Vocabulary.ScoringWords.summaryTotal): 99.00 / 100"))
        #expect(summary.contains("100.00%"))
        let lines = summary.split(separator: "\n").map(String.init)
        for entry in try #require(object["indicators"] as? [[String: Any]]) {
            let row = try #require(entry["row"] as? Int)
            let score = try #require(entry["score"] as? NSNumber)
            let start = try #require(lines.firstIndex { $0.hasPrefix("  [\(row)]") })
            #expect(lines[start + 1].hasSuffix(" \(exactDecimal(score.stringValue).fixed(2))"))
        }
        #expect(try JSONDecoder().decode(ScoreReport.self, from: data) == ScoreReport(scored))
    }

    @Test func fixtureUnderOtherRuleSets() throws {
        let modern = try Self.scored("qiannan-guangzhou-2023.csv", rules: .v2020)
        #expect(modern.totalScore == 99)
        #expect(modern.ruleSetChoice == .given)
        // the 2020 rules ask over-achievement to be explained: three rows exceed 130% with no reason
        #expect(modern.indicators.filter(\.overAchieved).count == 3)
        #expect(modern.needsReview)
    }
}
