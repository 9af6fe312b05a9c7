import CSV
import Foundation
import TestSupport
import Testing
@testable import SelfEvaluation

/// The real-form gaps of round 5: a value holding text the reader cannot place (新洲's "件/件2万元"),
/// a 一级 cell that states only its points (天长, 历城), a unit label cut at its start (零陵).
struct RealFormsRound5Tests {
    // MARK: Text the value reader cannot place

    /// Every way a quantity reading drops text that could only be part of the value, and the
    /// readings that drop label words (which is right) and must stay quiet.
    @Test(arguments: [
        ("件/件2万元", "件/件"),  // 新洲: a unit and a slash before the number
        ("/2万元", "/"),
        ("元2万元", "元"),  // a money unit right before the number
        ("人次100人次", "人次"),  // a listed unit right before the number
        ("2万元万元", "万元"),  // a second unit after the first
        ("≥95%%", "%"),
        ("≤2万元/件/件", "/件"),  // a slash left after the unit
        ("100人次/", "/"),
        ("2万元 元", "元"),
        // Quiet: label words, comparators, compound units, tails.
        ("2万元", ""),
        ("≥95%", ""),
        ("满意率达95%以上", ""),
        ("按合同10.5万元", ""),
        ("科目调整次数≤10次", ""),
        ("培训人次≥100人次", ""),
        ("每亩300", ""),
        ("10次/年", ""),
        ("约100人", ""),
        ("已完成100%", ""),
        ("100%完成", ""),
        ("≥50个", ""),
        ("5个工作日", ""),
        ("=8个", ""),
        // Not quantities: nothing to leave over (two numbers, a time, a grade, words).
        ("1件/2万元", ""),
        ("2023年12月底前", ""),
        ("合格", ""),
        ("", ""),
        ("—", ""),
    ])
    func unreadText(_ text: String, _ unread: String) {
        #expect(ValueParser.reading(text).unread == (unread.isEmpty ? nil : unread))
        // One reading gives the value and the doubt.
        #expect(ValueParser.reading(text) == ValueReading(value: ValueParser.parse(text), unread: unread.isEmpty ? nil : unread))
    }

    /// Seeded: a clean quantity (label, comparator, number, unit, 以上/以内) leaves nothing unread; the
    /// same text with a second money or percent unit after it always does, and names that unit.
    @Test(arguments: [UInt64(11), 12, 13, 14, 15])
    func secondUnitsAreAlwaysFoundAndCleanTextsNever(_ seed: UInt64) {
        var random = SeededGenerator(seed: seed)
        let labels = ["", "满意率", "完成", "按合同", "约", "培训人次"]
        let comparators = ["", "≥", "≤", ">=", "<=", "不低于", "不超过", "达到"]
        let units = ["%", "万元", "元", "人次", "个", "件", "次", "户", "工作日", "公里"]
        let tails = ["", "以上", "以内"]
        let seconds = ["万元", "元", "%", "百分比", "亿元"]
        for _ in 0..<200 {
            let label = labels.randomElement(using: &random) ?? ""
            var comparator = comparators.randomElement(using: &random) ?? ""
            // A label ending in a unit glued to the number is itself a doubt: keep a comparator between.
            if label == "培训人次", comparator.isEmpty { comparator = "≥" }
            let number = random.next() % 2 == 0 ? "\(Int.random(in: 1...9999, using: &random))"
                : "\(Int.random(in: 0...999, using: &random)).\(Int.random(in: 1...99, using: &random))"
            let unit = units.randomElement(using: &random) ?? "%"
            let tail = tails.randomElement(using: &random) ?? ""
            let clean = label + comparator + number + unit + tail
            guard clean.count <= 20 else { continue }
            #expect(ValueParser.reading(clean).unread == nil, "\(clean)")
            let second = seconds.randomElement(using: &random) ?? "元"
            let doubled = clean + second
            guard doubled.count <= 20 else { continue }
            #expect(ValueParser.reading(doubled).unread == second, "\(doubled)")
        }
    }

    @Test(arguments: [("1件/2万元", 2), ("95%", 1), ("2023年12月", 0), ("PM2.5≤35", 1), ("90%-95%", 2), ("", 0)])
    func valueNumberCount(_ text: String, _ count: Int) {
        #expect(ValueParser.valueNumberCount(text) == count)
    }

    struct ScoringCase: Sendable, CustomTestStringConvertible {
        let target: String
        let actual: String
        let weight: String
        let printed: String
        /// The row's score, and the column of the `value-unread` warning ("" when none is due).
        let score: String
        let column: String
        var testDescription: String { "\(target) | \(actual) | \(printed)" }
    }

    /// The promise: a doubtful value is never recomputed from the part that was read and never
    /// accepted silently. The printed score is kept (clamped to 分值) with a warning at the cell.
    @Test(arguments: [
        ScoringCase(target: "件/件2万元", actual: "2万元", weight: "20", printed: "18", score: "18", column: "E"),
        ScoringCase(target: "2万元", actual: "件/件2万元", weight: "20", printed: "18", score: "18", column: "F"),
        ScoringCase(target: "元2万元", actual: "2万元", weight: "20", printed: "18", score: "18", column: "E"),
        ScoringCase(target: "≤2万元万元", actual: "2万元", weight: "20", printed: "15", score: "15", column: "E"),
        ScoringCase(target: "≥95%%", actual: "96%", weight: "10", printed: "8", score: "8", column: "E"),
        ScoringCase(target: "≥50件", actual: "50件件/", weight: "10", printed: "7", score: "7", column: "F"),
        // Two numbers against a numeric other side.
        ScoringCase(target: "1件/2万元", actual: "2万元", weight: "20", printed: "18", score: "18", column: "E"),
        ScoringCase(target: "≥90%", actual: "95%/98%", weight: "10", printed: "9", score: "9", column: "F"),
        // A printed score above 分值 is clamped; none printed: scored on what was read, still warned.
        ScoringCase(target: "件/件2万元", actual: "2万元", weight: "20", printed: "25", score: "20", column: "E"),
        ScoringCase(target: "件/件2万元", actual: "2万元", weight: "20", printed: "", score: "20", column: "E"),
        // Clean values: recomputed by the rules, no warning.
        ScoringCase(target: "≤2万元", actual: "2万元", weight: "20", printed: "18", score: "20", column: ""),
        ScoringCase(target: "满意率达95%以上", actual: "96%", weight: "10", printed: "9", score: "10", column: ""),
        ScoringCase(target: "按合同10万元", actual: "5万元", weight: "10", printed: "5", score: "5", column: ""),
    ])
    func aDoubtfulValueKeepsThePrintedScore(_ c: ScoringCase) throws {
        let form = FormBuilder.single(target: c.target, actual: c.actual, weight: c.weight, score: c.printed)
        let scored = try Scorer.score(form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.score == exactDecimal(c.score))
        let warnings = scored.diagnostics.filter { $0.code == .valueUnread }
        if c.column.isEmpty {
            #expect(warnings.isEmpty)
        } else {
            #expect(warnings.count == 1)
            #expect(warnings.first?.location.columnLetter == c.column)
            #expect(warnings.first?.severity == .warning)
            #expect(result.needsReview)
            #expect(!scored.diagnostics.contains { $0.code == .scoreReplaced })
        }
    }

    @Test func theWarningNamesTheTextAndTheKeptScore() throws {
        let form = FormBuilder.single(target: "件/件2万元", actual: "2万元", weight: "20", score: "18")
        let scored = try Scorer.score(form, rules: .v2020)
        let warning = try #require(scored.diagnostics.first { $0.code == .valueUnread })
        #expect(warning.message == "年度指标值“件/件2万元”中的“件/件”无法读出(多余的单位或文字),未按公式重算,保留表中得分18.00,请核实。")
        // The generated 原因 says what happened, with no completion rate computed from the part read.
        let result = try #require(scored.indicators.first)
        #expect(result.reasonGenerated)
        #expect(result.reason == "年度指标值“件/件2万元”无法读出,按表中得分18.00计,扣2.00分。")
        let two = try Scorer.score(FormBuilder.single(target: "1件/2万元", actual: "2万元", weight: "20", score: "18"),
                                   rules: .v2020)
        #expect(two.diagnostics.first { $0.code == .valueUnread }?.message
            == "年度指标值“1件/2万元”含不止一个数,无法读作一个值,未按公式重算,保留表中得分18.00,请核实。")
    }

    /// A unit that contradicts the other side's: not converted, not recomputed; a warning at the cell.
    @Test func contradictingUnitsAreNotRecomputed() throws {
        let form = FormBuilder.single(target: "≥2万元", actual: "2件", weight: "20", score: "18")
        let scored = try Scorer.score(form, rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(scored.diagnostics.contains { $0.code == .unitMismatch && $0.location.columnLetter == "F" })
        #expect(!scored.diagnostics.contains { $0.code == .scoreReplaced })
        #expect(result.score == 18)
    }

    // MARK: A 一级 cell with only its points

    static func tianchang(_ edit: (inout [[String]]) -> Void) throws -> (Form, [Diagnostic]) {
        var doc = try CSVReader().read(bytes: FixturePaths.bytes("real/anhui-tianchangshuili-2022-project.csv"),
                                       file: "t.csv")
        edit(&doc.rows)
        return try TemplateReader().read(doc)
    }

    /// Spellings of a points-only 一级 cell: named from the row's 二级, the stated points kept.
    @Test(arguments: [
        ("(50分)", "数量指标", "产出指标", "50"),
        ("（50分）", "数量指标", "产出指标", "50"),
        ("\n\n(50分)", "数量指标", "产出指标", "50"),
        ("(50)", "质量指标", "产出指标", "50"),
        ("50分)", "时效指标", "产出指标", "50"),
        ("50分", "成本指标", "产出指标", "50"),
        ("(10分)", "服务对象满意度指标", "满意度指标", "10"),
        ("(30分)", "社会效益\n指标", "效益指标", "30"),
        // No 二级 family: the national order (the first section is 产出).
        ("(50分)", "其他指标", "产出指标", "50"),
    ])
    func aPointsOnlyLevel1IsNamedFromItsSection(_ label: String, _ level2: String, _ name: String, _ points: String) throws {
        let (form, diagnostics) = try Self.tianchang { rows in
            rows[12][1] = label
            rows[12][2] = level2
        }
        let first = try #require(form.indicators.first)
        #expect(first.level1.value == name)
        #expect(first.level1Points == exactDecimal(points))
        #expect(!diagnostics.contains { $0.code == .unknownLevel1 })
        let note = try #require(diagnostics.first { $0.code == .level1FromSection })
        #expect(note.location.row == 13 && note.location.columnLetter == "B")
        #expect(note.severity == .note)
    }

    /// The second section of 天长 ("(30分)"): by its 二级 (经济效益), else next in the national order.
    @Test func theSecondSectionFollowsItsLevel2OrTheNationalOrder() throws {
        let (form, _) = try Self.tianchang { _ in }
        #expect(Set(form.indicators.map(\.level1.value)) == ["产出指标", "效益指标", "满意度指标"])
        let (reordered, _) = try Self.tianchang { rows in rows[24][2] = "其他指标" }
        #expect(reordered.indicators.first { $0.row == 25 }?.level1.value == "效益指标")
    }

    /// Neither the 二级 nor the order places it: a located warning naming the cell, the label kept as
    /// the name, its points used.
    @Test func anUnplaceablePointsOnlyLevel1IsWarnedAtItsCell() throws {
        let (form, diagnostics) = try Self.tianchang { rows in
            rows[12][1] = "项目管理(20分)"
            rows[12][2] = "管理指标"
            rows[24][2] = "其他指标"
        }
        let warning = try #require(diagnostics.first { $0.code == .level1Unnamed })
        #expect(warning.location.row == 25 && warning.location.columnLetter == "B")
        #expect(warning.message.contains("“(30分)”"))
        let row = try #require(form.indicators.first { $0.row == 25 })
        #expect(row.level1.value == "(30分)")
        #expect(row.level1Points == 30)
    }

    /// 天长 and 历城 now state their sections: the stated points are used as section weights.
    @Test func theStatedPointsBecomeSectionWeights() throws {
        let scored = try RealFormsSectionWeightTests.score("anhui-tianchangshuili-2022-project.csv")
        #expect(scored.sections.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(scored.sections.map(\.weight) == [50, 30, 10])
        #expect(scored.sections.map(\.source) == [.formLabel, .formLabel, .formLabel])
        #expect(scored.totalScore == 100)
    }

    // MARK: Unit labels known by their ending

    @Test(arguments: [
        ("级预算单位名称", true),  // 零陵: the first character lost on the page
        ("一级预算单位名称", true),
        ("(二级)预算单位名称", true),
        ("预算部门、单位名称", true),
        ("填报部门名称", true),
        ("项目单位", true),
        ("单位名称:某某局", true),
        ("度量单位", false),
        ("计量单位", false),
        ("金额单位:万元", false),
        ("单位:万元", false),
        ("单位", false),
        ("主管单位", false),
        ("主管部门", false),
        ("项目名称", false),
        ("2021年度预算单位名称", false),
        ("本表由各预算单位名称及其下属单位", false),
    ])
    func unitLabelByEnding(_ label: String, _ isUnit: Bool) {
        #expect(UnitLabelSuffix.isUnitLabel(NormalizedText(label)) == isUnit)
    }

    /// 零陵林业局: the label "级预算单位名称" (cut on the published page) finds " 陵区林业局".
    @Test func linglingFindsItsUnit() throws {
        let doc = try CSVReader().read(bytes: FixturePaths.bytes("real/hunan-linglinglinye-2021-department.csv"),
                                       file: "l.csv")
        let (form, diagnostics) = try TemplateReader().read(doc)
        #expect(form.unit?.value.trimmingCharacters(in: .whitespaces) == "陵区林业局")
        #expect(form.unit?.cell == CellAddress(row: 3, column: 2))
        #expect(!diagnostics.contains { $0.code == .missingUnit })
    }

    /// A unit after a measure label is not a unit name: "金额单位 | 万元" leaves the unit unfound.
    @Test func aMeasureAfterAUnitLabelIsNotAName() throws {
        let doc = try CSVReader().read(bytes: FixturePaths.bytes("real/hunan-linglinglinye-2021-department.csv"),
                                       file: "l.csv")
        var edited = doc
        edited.rows[2][0] = "一级预算单位名称"
        edited.rows[2][1] = "万元"
        let (form, _) = try TemplateReader().read(edited)
        #expect(form.unit == nil)
    }
}
