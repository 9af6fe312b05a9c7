import Foundation
import Testing
@testable import SelfEvaluation

@Suite("GradeRule")
struct GradeRuleTests {
    static let bounds: [(String, EvaluationGrade)] = [
        ("100", .excellent), ("90.00", .excellent), ("89.99", .good), ("80.00", .good), ("79.99", .fair),
        ("60.00", .fair), ("59.99", .poor), ("0", .poor),
    ]

    @Test(arguments: bounds)
    func standardBands(_ row: (String, EvaluationGrade)) {
        #expect(GradeRule(rules: .v2020).grade(exactDecimal(row.0)) == row.1)
        #expect(GradeRule(rules: .legacy).grade(exactDecimal(row.0)) == row.1)
    }

    @Test(arguments: [("80", EvaluationGrade.excellent), ("79.99", .good), ("70", .good), ("69.99", .fair),
                      ("60", .fair), ("59.99", .poor)])
    func localBands(_ row: (String, EvaluationGrade)) {
        var rules = RuleSet.v2020
        rules.gradeBands = GradeBands(excellent: 80, good: 70, fair: 60)
        #expect(GradeRule(rules: rules).grade(exactDecimal(row.0)) == row.1)
    }

    @Test func labelsAndConclusion() {
        #expect(EvaluationGrade.allCases.map(\.label) == ["优", "良", "中", "差"])
        #expect(EvaluationGrade.excellent.conclusion == "自评等级“优”")
        #expect(PrintedTotalsLint.printedGrade("自评等级“优”") == .excellent)
        #expect(PrintedTotalsLint.printedGrade("自评等级:良") == .good)
        #expect(PrintedTotalsLint.printedGrade("") == nil)
    }
}

@Suite("TotalsRule")
struct TotalsRuleTests {
    @Test func totalIsTheSumOfRoundedScores() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "200", executed: "83", weight: "10")
        // three indicators of 30 at 1/3: each 10.00 (rounded from 9.999…), total 4.15 + 30 = 34.15
        for name in ["甲", "乙", "丙"] {
            builder.indicator(name, target: "≥3", actual: "1", weight: "30", reason: "原因")
        }
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(scored.budget?.score == exactDecimal("4.15"))
        #expect(scored.indicators.map(\.score) == [10, 10, 10])
        #expect(scored.totalScore == exactDecimal("34.15"))
        #expect(scored.totalWeight == 100)
        #expect(scored.grade == .poor)
    }

    @Test func labelPointsMismatchAtTheLabel() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("甲", target: "≥1", actual: "1", weight: "25", level1: "产出指标(60分)")
        builder.indicator("乙", target: "≥1", actual: "1", weight: "25", level1: "产出指标(60分)")
        builder.indicator("丙", target: "≥1", actual: "1", weight: "30", level1: "效益指标(30分)", level2: "社会效益")
        builder.indicator("丁", target: "≥1", actual: "1", weight: "10", level1: "满意度指标(10分)", level2: "服务对象满意度")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let mismatches = scored.diagnostics.filter { $0.code == .labelPointsMismatch }
        #expect(mismatches.count == 1)
        #expect(mismatches.first?.location.row == 13)
        #expect(mismatches.first?.location.columnLetter == "B")
        #expect(mismatches.first?.message.contains("60") == true)
        #expect(mismatches.first?.message.contains("50") == true)
        #expect(!scored.diagnostics.contains { $0.code == .weightsNot100 })
        #expect(scored.totalScore == 100)
    }

    @Test func weightsMustAddUpTo100() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("甲", target: "≥1", actual: "1", weight: "80")
        builder.total(weight: "90", score: "90")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(scored.diagnostics.contains { $0.code == .weightsNot100 })
        #expect(!scored.diagnostics.contains { $0.code == .printedTotalMismatch })
    }

    @Test func printedTotalDifferingIsWarned() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("甲", target: "≥10", actual: "8", weight: "90", reason: "原因")
        builder.total(weight: "100", score: "100")
        builder.conclusion("自评等级“优”")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(scored.totalScore == 82)
        #expect(scored.grade == .good)
        let codes = scored.diagnostics.map(\.code)
        #expect(codes.contains(.printedTotalMismatch))
        #expect(codes.contains(.printedGradeMismatch))
        #expect(codes.contains(.scoreReplaced) == false)
    }

    @Test func placeholdersAreKeptButNotScored() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("甲", target: "≥1", actual: "1", weight: "90")
        builder.indicator("指标2", target: "", actual: "", weight: "", placeholder: true)
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(scored.indicators.count == 2)
        #expect(scored.indicators[1].kind == .notScored)
        #expect(scored.totalWeight == 100)
        #expect(!scored.diagnostics.contains { $0.code == .missingWeight })
    }

    @Test func indicatorWithoutWeightIsWarnedAndNotScored() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("甲", target: "≥1", actual: "1", weight: "90")
        builder.indicator("乙", target: "≥1", actual: "1", weight: "")
        builder.indicator("丙", target: "≥1", actual: "1", weight: "四")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(scored.indicators.map(\.kind) == [.quantitative, .notScored, .notScored])
        #expect(scored.diagnostics.contains { $0.code == .missingWeight && $0.location.row == 14 })
        #expect(scored.diagnostics.contains { $0.code == .weightInvalid && $0.location.row == 15 })
        #expect(scored.needsReview)
    }
}
