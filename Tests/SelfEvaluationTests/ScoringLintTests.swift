import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

@Suite("Scoring lints")
struct ScoringLintTests {
    @Test(arguments: [("2022年,办事处围绕…", [2022]), ("2023年度目标,2024年计划", [2023, 2024]),
                      ("２０２２年", [2022]), ("国发2号文件", []), ("12023年", []), ("1850年", []),
                      ("2022\u{F98E}", [2022]), ("1234567890123456789012345678902022年", []), ("2021年2021年", [2021])])
    func yearsInText(_ row: (String, [Int])) {
        #expect(YearLint.years(in: row.0) == row.1)
        // A text that is not simple (a combining mark) is read in NFC: the same years.
        #expect(YearLint.years(in: "e\u{301} " + row.0) == row.1)
    }

    /// (form year, filled-on year, warned)
    @Test(arguments: [(2023, 2024, false), (2023, 2023, false), (2023, 2025, true), (2023, 2022, true)])
    func filledOnYear(_ row: (Int, Int, Bool)) {
        let builder = FormBuilder(year: row.0, filledOn: CalendarDate(year: row.1, month: 2, day: 18))
        let warned = YearLint().check(builder.form).contains { $0.code == .filledOnYear }
        #expect(warned == row.2)
    }

    @Test func yearsInGoalsAndAchievements() {
        var builder = FormBuilder(year: 2023)
        builder.goals("做好2023年各项工作", achievements: "2022年,办事处围绕州委、州政府的重点工作")
        let warnings = YearLint().check(builder.form)
        #expect(warnings.count == 1)
        #expect(warnings.first?.code == .yearInText)
        #expect(warnings.first?.location.row == 11)
        #expect(warnings.first?.location.columnLetter == "E")
        #expect(warnings.first?.message.contains("2022") == true)
    }

    @Test func duplicateNames() {
        var builder = FormBuilder()
        builder.indicator("完成率", target: "≥1", actual: "1", weight: "10")
        builder.indicator("其他", target: "≥1", actual: "1", weight: "10")
        builder.indicator("完成 率", target: "≥1", actual: "1", weight: "10")
        let warnings = DuplicateIndicatorLint().check(builder.form)
        #expect(warnings.map(\.code) == [.duplicateIndicator])
        #expect(warnings.first?.location.row == 15)
        #expect(warnings.first?.message.contains("13") == true)
    }

    @Test func duplicateNamesCompareAsStrings() {
        // é written precomposed and as e + combining acute: the same name (the string path).
        var builder = FormBuilder()
        builder.indicator("caf\u{E9}满意度", target: "≥1", actual: "1", weight: "10")
        builder.indicator("cafe\u{301}满意度", target: "≥1", actual: "1", weight: "10")
        #expect(DuplicateIndicatorLint().check(builder.form).map(\.code) == [.duplicateIndicator])
        // White space inside a name does not tell names apart.
        var spaced = FormBuilder()
        spaced.indicator("完成 率", target: "≥1", actual: "1", weight: "10")
        spaced.indicator("完成率", target: "≥1", actual: "1", weight: "10")
        #expect(DuplicateIndicatorLint().check(spaced.form).map(\.code) == [.duplicateIndicator])
        // Full-width letters, square brackets and a trailing colon read as a label's do.
        for (first, second) in [("指标Ａ", "指标A"), ("指标[一]", "指标(一)"), ("完成率：", "完成率")] {
            var folded = FormBuilder()
            folded.indicator(first, target: "≥1", actual: "1", weight: "10")
            folded.indicator(second, target: "≥1", actual: "1", weight: "10")
            #expect(DuplicateIndicatorLint().check(folded.form).map(\.code) == [.duplicateIndicator], "\(first)")
        }
    }

    @Test("seeded: duplicate names are found as by the names' scalars without white space, full-width folded, in NFC")
    func duplicateNamesSeeded() {
        // Precomposed and decomposed letters, white space of several kinds, CJK, full-width forms.
        let pieces = ["完成", "率", "caf\u{E9}", "cafe\u{301}", " ", "\u{3000}", "\t", "\u{A0}", "Ａ", "A", "\u{301}", "满意度", "e"]
        var random = SeededGenerator(seed: 1215)
        for _ in 0..<300 {
            var builder = FormBuilder()
            for _ in 0..<Int.random(in: 1...8, using: &random) {
                let name = (0..<Int.random(in: 0...3, using: &random))
                    .map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
                builder.indicator(name, target: "≥1", actual: "1", weight: "10")
            }
            let form = builder.form
            // The oracle: the names' scalars, white space left out, full-width forms folded, then
            // composed (NFC), as arrays of scalars.
            var firstRow: [[Unicode.Scalar]: Int] = [:]
            var expected: [Int] = []
            for indicator in form.indicators where !indicator.isPlaceholder {
                let folded = indicator.name.value.unicodeScalars.filter { !$0.properties.isWhitespace }.map {
                    (0xFF01...0xFF5E).contains($0.value) ? Unicode.Scalar($0.value - 0xFEE0) ?? $0 : $0
                }
                let key = Array(String(String.UnicodeScalarView(folded)).precomposedStringWithCanonicalMapping.unicodeScalars)
                guard !key.isEmpty else { continue }
                if firstRow[key] != nil { expected.append(indicator.row) } else { firstRow[key] = indicator.row }
            }
            #expect(DuplicateIndicatorLint().check(form).map(\.location.row) == expected,
                    "\(form.indicators.map(\.name.value))")
        }
    }

    @Test(arguments: [("正向", "≤5%", true), ("反向", "≤5%", false), ("正向", "≥95%", false), ("反向指标", "≥95%", true)])
    func directionWords(_ row: (String, String, Bool)) throws {
        let form = FormBuilder.single(target: row.1, actual: row.1.dropFirst() + "", weight: "90", nature: row.0)
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(scored.diagnostics.contains { $0.code == .directionContradiction } == row.2)
        // the operator decides
        let expected: Direction = row.1.hasPrefix("≤") ? .negative : .positive
        #expect(scored.indicators.first?.direction == expected)
    }

    /// A bare amount under a 二级 naming 成本 anywhere in it is spending held under its target
    /// (negative); the word is found as every vocabulary word is (`WordList`), not across white space.
    @Test(arguments: [("成本", Direction.negative), ("成本指标", .negative), ("经济成本指标", .negative),
                      ("数量指标", .positive), ("成 本", .positive)])
    func costLevel2(_ row: (String, Direction)) throws {
        let form = FormBuilder.single(target: "200万元", actual: "180万元", weight: "10", level2: row.0)
        #expect(try Scorer.score(form, rules: .v2020).indicators.first?.direction == row.1)
    }

    @Test func directionWordDecidesABareNumber() throws {
        let form = FormBuilder.single(target: "5%", actual: "8%", weight: "5", nature: "反向")
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(scored.indicators.first?.direction == .negative)
        #expect(scored.indicators.first?.score == exactDecimal("3.13"))
    }

    @Test func warningsCarryFileRowAndColumn() throws {
        var builder = FormBuilder(source: "forms/a.csv")
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("甲", target: "≥10", actual: "8", weight: "90", score: "90", reason: "原因")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        let warning = try #require(scored.diagnostics.first { $0.code == .scoreReplaced })
        #expect(warning.description.hasPrefix("forms/a.csv:13:H: warning: [score-replaced] "))
    }
}
