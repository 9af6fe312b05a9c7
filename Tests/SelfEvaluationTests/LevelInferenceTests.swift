import Foundation
import TestSupport
import Testing
@testable import SelfEvaluation

/// A blank 一级 cell where a new 二级 group begins (issue 12, item 5).
@Suite("LevelInference")
struct LevelInferenceTests {
    /// (二级, its 一级 family)
    static let families: [(String, String?)] = [
        ("数量指标", "产出指标"), ("质量指标", "产出指标"), ("时效指标", "产出指标"), ("成本指标", "产出指标"),
        ("经济效益指标", "效益指标"), ("社会效益指标", "效益指标"), ("生态效益指标", "效益指标"),
        ("环境效益指标", "效益指标"), ("可持续影响指标", "效益指标"), ("服务对象满意度指标", "满意度指标"),
        ("经济成本指标", "产出指标"), ("项目管理", nil), ("", nil),
    ]

    @Test(arguments: families)
    func familyOfTheSecondLevel(_ row: (String, String?)) {
        #expect(LevelInference.family(ofLevel2: row.0) == row.1)
    }

    /// Rows as (一级 as the builder carries it, 二级), and the 一级 each row ends under.
    static let forms: [([(String, String)], [String], Int)] = [
        // 社会效益 after the last 产出 row, its 一级 cell blank: filed under 效益指标, one warning.
        ([("产出指标(50分)", "数量指标"), ("产出指标(50分)", "质量指标"), ("产出指标(50分)", "社会效益指标"),
          ("满意度指标(10分)", "服务对象满意度指标")],
         ["产出指标", "产出指标", "效益指标", "满意度指标"], 1),
        // Two rows in the inferred group: both follow, still one warning.
        ([("产出指标", "数量指标"), ("产出指标", "社会效益指标"), ("产出指标", "社会效益指标"), ("产出指标", "满意度指标")],
         ["产出指标", "效益指标", "效益指标", "满意度指标"], 2),
        // A merged 一级 over groups of its own family: unchanged.
        ([("产出指标", "数量指标"), ("产出指标", "质量指标"), ("产出指标", "时效指标"), ("产出指标", "成本指标")],
         ["产出指标", "产出指标", "产出指标", "产出指标"], 0),
        ([("效益指标", "经济效益指标"), ("效益指标", "社会效益指标"), ("效益指标", "可持续影响指标")],
         ["效益指标", "效益指标", "效益指标"], 0),
        // 满意度 under a carried 效益 一级 (银川's 项目效益 holds 服务对象满意度): left alone.
        ([("项目效益(35分)", "社会效益指标"), ("项目效益(35分)", "服务对象满意度指标(10分)")],
         ["项目效益", "项目效益"], 0),
        // A 一级 of no known family: left alone.
        ([("项目管理", "数量指标"), ("项目管理", "社会效益指标")], ["项目管理", "项目管理"], 0),
    ]

    @Test(arguments: forms)
    func blankFirstLevelFollowsTheFamily(_ row: ([(String, String)], [String], Int)) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        for (level1, level2) in row.0 {
            builder.indicator("指标", target: "≥10家", actual: "10家", weight: "10", level1: level1, level2: level2)
        }
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(scored.indicators.map(\.indicator.level1.value) == row.1)
        let warnings = scored.diagnostics.filter { $0.code == .level1Inferred }
        #expect(warnings.count == row.2)
        #expect(warnings.allSatisfy { $0.location.columnLetter == "C" })
    }

    @Test func theLabelPointsNoLongerCountTheRefiledRow() throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("a", target: "≥10家", actual: "10家", weight: "30", level1: "产出指标(50分)", level2: "数量指标")
        builder.indicator("b", target: "≥10家", actual: "10家", weight: "20", level1: "产出指标(50分)", level2: "质量指标")
        builder.indicator("c", target: "≥10家", actual: "10家", weight: "40", level1: "产出指标(50分)", level2: "社会效益指标")
        let scored = try Scorer.score(builder.form, rules: .v2020)
        #expect(!scored.diagnostics.contains { $0.code == .labelPointsMismatch })
        let warning = try #require(scored.diagnostics.first { $0.code == .level1Inferred })
        #expect(warning.location.row == 15)
    }

    /// The family words are found in a text's NFC scalars (`WordList`); Foundation's `range(of:)`
    /// (what `contains` called before) is the oracle, on texts mixing the words, their pieces,
    /// compatibility ideographs that decompose to them (U+F97E → 量, U+FA01 → 度, U+FA17 → 益 …), combining
    /// marks, joiners, variation selectors, prepended and spacing marks, Hangul jamo, regional indicators,
    /// white space, full-width forms and the family words of the first level.
    static let pieces: [String] = [
        "数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "环境效益", "可持续影响", "满意度",
        "满意", "效益", "产出", "数", "量", "\u{F97E}", "质", "效", "益", "\u{FA17}", "\u{FAA6}", "满", "度", "\u{FA01}", "\u{FA4C}会", "\u{2F8B2}本",
        "产", "出", "指标", "(50分)", "（", "）", " ", "\u{3000}", "\n", "\u{301}", "\u{308}", "e", "Ａ", "时", "效\u{301}",
        "经济", "\u{200D}", "\u{FE00}", "项目", "\u{0600}", "\u{0903}", "\r", "\u{1F1E8}", "\u{1100}", "\u{1161}", "\u{20DD}", "\u{1AB0}",
        "\u{0B3E}", "\u{E0100}", "\u{3099}", "\u{200C}",
    ]

    @Test func familyWordsAreFoundAsFoundationFindsThem() {
        var g = SeededGenerator(seed: 0x5EED_1E7E)
        for _ in 0..<8000 {
            let text = (0..<Int.random(in: 0...6, using: &g)).map { _ in Self.pieces.randomElement(using: &g) ?? "" }.joined()
            let level2 = LevelInference.families.first { text.range(of: $0.level2) != nil }?.level1
            let level1 = LevelInference.familyWords.first { text.range(of: $0.word) != nil }?.level1
            #expect(LevelInference.family(ofLevel2: text) == level2, "\(text.debugDescription)")
            #expect(LevelInference.family(ofLevel1: text) == level1, "\(text.debugDescription)")
        }
    }
}
