import CSV
import Foundation
import TestSupport
import Testing
@testable import SelfEvaluation

@Suite("ScoreReport and ScoreSummary")
struct ScoringReportTests {
    static func sample() throws -> ScoredForm {
        var builder = FormBuilder(source: "sample.csv")
        builder.budget(initial: "180", adjusted: "200", executed: "83", weight: "10",
                       parts: [("基本支出", "80", "100", "40"), ("项目支出", "100", "100", "43")])
        builder.indicator("企业考察", target: "≥200家", actual: "83家", weight: "5")
        builder.indicator("差错率", target: "≤5%", actual: "8%", weight: "5", level2: "质量")
        builder.indicator("工作完成", target: "全面完成", actual: "基本完成", weight: "70", score: "50", level2: "质量")
        builder.indicator("指标2", target: "", actual: "", weight: "", placeholder: true)
        builder.indicator("满意度", target: "≥95%", actual: "96%", weight: "10", level1: "满意度指标(10分)",
                          level2: "服务对象满意度")
        builder.total(weight: "100", score: "")
        return try Scorer.score(builder.form, rules: .v2020)
    }

    @Test func jsonHasTheContractKeysAndExactNumbers() throws {
        let scored = try Self.sample()
        let data = try ScoreReport(scored).jsonData()
        let text = String(decoding: data, as: UTF8.self)
        #expect(text.contains("\"score\" : 2.08"))
        #expect(text.contains("\"executionRate\" : 0.415"))
        #expect(!text.contains("0000000"))
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect(Set(object.keys) == ["source", "title", "year", "unit", "filledOn", "budget", "indicators", "total",
                                     "grade", "warnings", "needsReview", "rules", "layout", "sections"])
        #expect(object["rules"] as? String == "2020")
        #expect(object["filledOn"] as? String == "2024-02-18")
        let budget = try #require(object["budget"] as? [String: Any])
        #expect(Set(budget.keys) == ["rows", "weight", "executionRate", "score", "weightSource"])
        let rows = try #require(budget["rows"] as? [[String: Any]])
        #expect(rows.first?["name"] as? String == "年度资金总额")
        let indicators = try #require(object["indicators"] as? [[String: Any]])
        #expect(indicators.count == 4)
        #expect(Set(indicators[0].keys) == ["row", "level1", "level2", "name", "target", "actual", "kind", "direction",
                                            "tier", "weight", "filledScore", "score", "reason", "reasonGenerated"])
        #expect(indicators[0]["tier"] is NSNull)
        #expect(indicators[0]["filledScore"] is NSNull)
        #expect(indicators[2]["tier"] as? String == "partial")
        let warnings = try #require(object["warnings"] as? [[String: Any]])
        #expect(warnings.allSatisfy { Set($0.keys) == ["code", "row", "column", "message"] })
        #expect(object["needsReview"] as? Bool == true)
    }

    @Test func jsonRoundTripsAndMatchesTheSummary() throws {
        let scored = try Self.sample()
        let report = ScoreReport(scored)
        let data = try report.jsonData()
        #expect(try JSONDecoder().decode(ScoreReport.self, from: data) == report)
        let object = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let summary = ScoreSummary.text(scored)
        let total = try #require(object["total"] as? [String: Any])
        let totalScore = try #require(total["score"] as? NSNumber)
        let totalText = exactDecimal(totalScore.stringValue).fixed(2)
        #expect(summary.contains("\(Vocabulary.ScoringWords.summaryTotal): \(totalText) / 100"))
        let lines = summary.split(separator: "\n").map(String.init)
        for entry in try #require(object["indicators"] as? [[String: Any]]) {
            let row = try #require(entry["row"] as? Int)
            let score = try #require(entry["score"] as? NSNumber)
            let start = try #require(lines.firstIndex { $0.hasPrefix("  [\(row)]") })
            let detail = lines[start + 1]
            #expect(detail.hasSuffix("\(Vocabulary.ScoringWords.summaryScore) \(exactDecimal(score.stringValue).fixed(2))"),
                    "row \(row): \(detail)")
        }
        let budget = try #require(object["budget"] as? [String: Any])
        let budgetScore = try #require(budget["score"] as? NSNumber)
        #expect(summary.contains("\(Vocabulary.ScoringWords.summaryScore) \(exactDecimal(budgetScore.stringValue).fixed(2))"))
        for warning in scored.warnings { #expect(summary.contains(warning.description)) }
    }

    @Test func readerWarningsCanBeIncluded() throws {
        let scored = try Self.sample()
        let reading = Diagnostic(.unknownLevel2, at: SourceLocation(file: "sample.csv", row: 14, column: 3), "…")
        let report = ScoreReport(scored, diagnostics: [reading] + scored.diagnostics)
        #expect(report.warnings.first?.code == .unknownLevel2)
        #expect(report.warnings.first?.column == "C")
        #expect(report.warnings.count == scored.diagnostics.count + 1)
    }

    @Test func summaryNamesTheRulesAndGrade() throws {
        let summary = ScoreSummary.text(try Self.sample())
        #expect(summary.contains("2020"))
        #expect(summary.contains("自评等级“"))
        #expect(summary.contains("sample.csv:"))
        #expect(summary.contains(": warning: ["))
    }
}
