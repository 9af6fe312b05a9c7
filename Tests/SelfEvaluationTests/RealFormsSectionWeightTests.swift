import CSV
import Foundation
import TestSupport
import Testing
@testable import SelfEvaluation

/// Section weights the form states ("产出指标(50分)", "年度绩效目标1(40分)") against the rule set's
/// defaults, and the value marks and phrasings the real forms of round 4 showed.
struct RealFormsSectionWeightTests {
    // MARK: Label spellings

    /// Every spelling of a section label's points seen on published forms, and near misses.
    @Test(arguments: [
        ("产出指标(50分)", "产出指标", "50"),
        ("产出指标（50分）", "产出指标", "50"),
        ("产出指标\n(50分)", "产出指标", "50"),
        ("产出指标(50)", "产出指标", "50"),
        ("产出指标\n(50)", "产出指标", "50"),
        ("效益指标\n30分)", "效益指标", "30"),
        ("效益指标30分)", "效益指标", "30"),
        ("满意度指标 10分", "满意度指标", "10"),
        ("满意度指标10分", "满意度指标", "10"),
        ("满意度指标:10分", "满意度指标", "10"),
        ("满意度指标（10.5分）", "满意度指标", "10.5"),
        ("项目决策(10分)", "项目决策", "10"),
        ("年度目标1:(80分)", "年度目标1", "80"),
        ("(50分)", "", "50"),  // 天长: the 一级 cell holds only its points
        ("（30分）", "", "30"),
        ("(50)", "", "50"),
        ("50分)", "", "50"),
        ("50分", "", "50"),
        ("50", "50", ""),
        // Not points: a name the table does not know without 分, no number, a placeholder, words.
        ("数量指标(10)", "数量指标(10)", ""),
        ("数量指标10分", "数量指标10分", ""),
        ("产出指标", "产出指标", ""),
        ("满意度指标10", "满意度指标10", ""),
        ("指标1", "指标1", ""),
        ("产出指标(五十分)", "产出指标(五十分)", ""),
        ("产出指标(.5分)", "产出指标(.5分)", ""),
    ])
    func sectionLabelPoints(_ label: String, _ name: String, _ points: String) {
        let split = LabelTable.sectionPoints(label)
        #expect(split.name == name)
        #expect(split.points == (points.isEmpty ? nil : exactDecimal(points)))
    }

    // MARK: Stated weights against the rule set

    static func score(_ file: String, rules: RuleSet? = nil) throws -> ScoredForm {
        let doc = try CSVReader().read(bytes: FixturePaths.bytes("real/" + file), file: "Fixtures/real/" + file)
        let (form, _) = try TemplateReader().read(doc)
        return try Scorer.score(form, rules: rules)
    }

    /// 中江 states 产出(70分) / 效益(20分) / 满意度(10分), not the defaults 50/30/10: the form's
    /// weights stand, the lint is quiet, and the report says where each came from.
    @Test func aStatedSectionWeightWinsOverTheDefault() throws {
        let scored = try Self.score("sichuan-zhongjiangshuili-2022-project.csv")
        #expect(scored.sections.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(scored.sections.map(\.weight) == [70, 20, 10])
        #expect(scored.sections.map(\.source) == [.formLabel, .formLabel, .formLabel])
        #expect(scored.sections.map(\.indicatorsWeight) == [70, 20, 10])
        #expect(!scored.diagnostics.contains { $0.code == .labelPointsMismatch })
        #expect(scored.sectionWeightsText
            == "产出指标 70分(分值取自表头标注);效益指标 20分(分值取自表头标注);满意度指标 10分(分值取自表头标注)")
        let json = String(decoding: ScoreReport(scored).jsonBytes(), as: UTF8.self)
        #expect(json.contains("\"weightSource\" : \"formLabel\""))
        #expect(json.contains("\"stated\" : 70"))
    }

    /// `--rules` forces the rule set's section weights: the report says so, a note names each label it
    /// overrides; the labels still check their own indicators (they add up here: no warning).
    @Test func aGivenRuleSetForcesItsSectionWeights() throws {
        let scored = try Self.score("sichuan-zhongjiangshuili-2022-project.csv", rules: .v2020)
        #expect(scored.sections.map(\.weight) == [50, 30, 10])
        #expect(scored.sections.map(\.source) == [.rulesGiven, .rulesGiven, .rulesGiven])
        #expect(!scored.diagnostics.contains { $0.code == .labelPointsMismatch })
        let notes = scored.diagnostics.filter { $0.code == .sectionWeightOverridden }
        #expect(notes.map(\.message) == [
            "一级指标“产出指标”表头标注70分,按指定的评分规则(--rules)计为50分。",
            "一级指标“效益指标”表头标注20分,按指定的评分规则(--rules)计为30分。",
        ])
        #expect(notes.allSatisfy { $0.severity == .note })
        #expect(scored.sectionWeightsText.hasPrefix("产出指标 50分(分值取自指定的评分规则(--rules))"))
    }

    /// A label whose indicators do not add up to it is warned about at the label, rules given or not.
    @Test(arguments: [nil, RuleSet.v2020])
    func aLabelThatDoesNotAddUpIsWarned(_ rules: RuleSet?) throws {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator("甲", target: "≥1", actual: "1", weight: "40", level1: "产出指标\n(60)")
        builder.indicator("乙", target: "≥1", actual: "1", weight: "50", level1: "效益指标", level2: "社会效益")
        let scored = try Scorer.score(builder.form, rules: rules)
        let lint = scored.diagnostics.filter { $0.code == .labelPointsMismatch }
        #expect(lint.count == 1)
        #expect(lint.first?.location.row == 13)
        #expect(lint.first?.message == "一级指标“产出指标(60)”标注60分,其下三级指标分值合计40分。")
    }

    /// A form stating no section points takes the rule set's defaults, said so, and is not linted
    /// against them (a form may set its own split).
    @Test func unstatedSectionsTakeTheDefaults() throws {
        let scored = try Self.score("hubei-huangshizhujian-2022-project.csv")
        #expect(scored.sections.map(\.weight) == [50, 30, 10])
        #expect(scored.sections.map(\.source) == [.rulesDefault, .rulesDefault, .rulesDefault])
        #expect(!scored.diagnostics.contains { $0.code == .labelPointsMismatch })
        #expect(scored.sectionWeightsText.contains("产出指标 50分(分值取自评分规则默认值)"))
    }

    /// A section the rule set has no default for (银川's 项目决策) keeps the weight its label states.
    @Test func aSectionWithoutDefaultKeepsItsLabel() throws {
        let scored = try Self.score("ningxia-yinchuanliuzhong-2021-project.csv", rules: .v2020)
        let decision = scored.sections.first { $0.name == "项目决策" }
        #expect(decision?.weight == 10)
        #expect(decision?.source == .formLabel)
    }

    /// A label printed again after a page break (廊坊's 效益指标) is still one section: its rows add up
    /// to its points together, with no warning.
    @Test func aLabelPrintedAgainIsOneSection() throws {
        let text = ["项目支出绩效自评表", "(2023年度)", "项目名称,测试项目",
                    "项目资金(万元),年初预算数,全年预算数,全年执行数,分值,执行率,得分",
                    "年度资金总额,10,10,10,10,100%,10",
                    "一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施",
                    "产出指标(50分),数量指标,甲,≥1,1,50,50,",
                    "效益指标(30分),社会效益指标,乙,≥1,1,10,10,",
                    ",,丙,≥1,1,10,10,",
                    "效益指标(30分),可持续影响指标,丁,≥1,1,10,10,",
                    "满意度指标(10分),服务对象满意度指标,戊,≥90%,95%,10,10,",
                    "总分,,,,,100,100,"].joined(separator: "\r\n")
        let scored = try Self.scoreText(text)
        #expect(scored.sections.map(\.name) == ["产出指标", "效益指标", "满意度指标"])
        #expect(scored.sections.map(\.indicatorsWeight) == [50, 30, 10])
        #expect(!scored.diagnostics.contains { $0.code == .labelPointsMismatch })
        #expect(scored.totalScore == 100)
    }

    // MARK: A block's stated points and a form without 分值

    static func hubeiForm(_ scores: [String], block: String = "年度绩效目标1(40分)") -> String {
        let rows = zip(["甲", "乙", "丙"], scores).map { ",产出指标,质量指标,\($0.0),98%,98%,\($0.1)" }
        return (["2021年度财政项目绩效自评表", "单位名称:测试单位,,,,填报日期:2022年3月18日", "项目名称,测试项目",
                 "预算执行情况(万元)(20分),预算数(A),执行数(B),执行率(B/A),得分(20分*执行率)",
                 "年度财政资金总额,10,10,100%,20",
                 "\"\(block)\",一级指标,二级指标,三级指标,年初目标值(A),实际完成值(B),得分"] + rows + ["总分,,,,,,"])
            .joined(separator: "\r\n")
    }

    static func scoreText(_ text: String) throws -> ScoredForm {
        let doc = try CSVReader().read(bytes: Array(text.utf8), file: "t.csv")
        let (form, _) = try TemplateReader().read(doc)
        return try Scorer.score(form)
    }

    /// The shortfall of a block goes to its one row with a fractional score; otherwise nothing moves.
    @Test(arguments: [
        (["10", "10", "19.6"], "年度绩效目标1(40分)", ["10", "10", "20"], "60"),
        (["10", "10", "19.6"], "年度绩效目标1\n(40分)", ["10", "10", "20"], "60"),
        (["10", "10", "20"], "年度绩效目标1(40分)", ["10", "10", "20"], "60"),     // adds up
        (["10", "9.5", "19.6"], "年度绩效目标1(40分)", ["10", "9.5", "19.6"], "59.1"),  // two rows could carry it
        (["10", "10", "19"], "年度绩效目标1(40分)", ["10", "10", "19"], "59"),     // no fractional row
        (["10", "10", "19.6"], "年度绩效目标1", ["10", "10", "19.6"], "59.6"),        // no points stated
    ])
    func blockPointsGiveTheMarkedDownRowItsWeight(_ scores: [String], _ block: String, _ weights: [String],
                                                  _ total: String) throws {
        let scored = try Self.scoreText(Self.hubeiForm(scores, block: block))
        #expect(scored.indicators.map { $0.weight } == weights.map(exactDecimal))
        #expect(scored.totalScore == exactDecimal(total))
        let moved = weights != scores
        #expect(scored.diagnostics.contains { $0.code == .weightFromSection } == moved)
        #expect(scored.diagnostics.contains { $0.code == .scoreReplaced } == moved)
    }

    // MARK: Lone marks in a value cell

    /// Every lone mark reads as blank, with a note at its cell, and scores as a blank cell does.
    @Test(arguments: ["一", "一一", "—", "——", "-", "－", "/", "／", "无"])
    func aLoneMarkIsBlank(_ mark: String) throws {
        let marked = try Scorer.score(FormBuilder.single(target: mark, actual: "全面完成", weight: "10", score: "9"))
        let blank = try Scorer.score(FormBuilder.single(target: "", actual: "全面完成", weight: "10", score: "9"))
        #expect(marked.indicators[0].score == blank.indicators[0].score)
        #expect(marked.indicators[0].target == .notGiven)
        let notes = marked.diagnostics.filter { $0.code == .valueNotGiven }
        #expect(notes.count == 1)
        #expect(notes.first?.severity == .note)
        #expect(notes.first?.location.row == 13)
        #expect(notes.first?.location.column == 5)
        #expect(!blank.diagnostics.contains { $0.code == .valueNotGiven })
    }

    /// The note is said exactly where the row read a written cell as blank, in the target cell or
    /// the actual cell: a mark with white space around it is a mark; a mark with a combining accent,
    /// a word, or white space alone is not (the first two are text, the last is blank unwritten).
    @Test(arguments: [("—", true), (" — ", true), ("\u{3000}无\u{3000}", true), ("/\t", true),
                      ("—\u{301}", false), ("无效", false), (" ", false), ("", false)])
    func theNoteFollowsTheReading(_ row: (text: String, noted: Bool)) throws {
        for inTarget in [true, false] {
            let form = FormBuilder.single(target: inTarget ? row.text : "全面完成", actual: inTarget ? "全面完成" : row.text,
                                          weight: "10", score: "9")
            let scored = try Scorer.score(form)
            let notes = scored.diagnostics.filter { $0.code == .valueNotGiven }
            #expect(notes.count == (row.noted ? 1 : 0), "\(row.text) in the \(inTarget ? "target" : "actual")")
            #expect(notes.first.map { $0.location.column } == (row.noted ? (inTarget ? 5 : 6) : nil))
            let read = inTarget ? form.indicators[0].writtenTarget : form.indicators[0].parsedActual
            #expect((read == .notGiven) == (row.noted || row.text.trimmed.isEmpty))
        }
    }

    /// "一" with anything else in the cell is text, not a mark.
    @Test(arguments: ["一次", "一流", "统一"])
    func oneInAWordIsText(_ text: String) throws {
        let scored = try Scorer.score(FormBuilder.single(target: text, actual: text, weight: "10", score: "10"))
        #expect(!scored.diagnostics.contains { $0.code == .valueNotGiven })
        #expect(scored.indicators[0].score == 10)
    }

    // MARK: An execution-rate indicator without a target

    static func rateForm(name: String, target: String, actual: String) -> Form {
        var builder = FormBuilder()
        builder.budget(adjusted: "100", executed: "100")
        builder.indicator(name, target: target, actual: actual, weight: "10", score: "9", level1: "项目管理(10分)",
                          level2: "投入管理")
        return builder.form
    }

    /// 预算执行率 / 资金执行率 / 执行率 without a target: 分值 × min(B, 100%).
    @Test(arguments: [
        ("预算执行率", "一", "100%", "10"), ("预算执行率", "", "95%", "9.5"), ("资金执行率", "—", "80%", "8"),
        ("执行率(%)", "/", "120%", "10"), ("预算执行率", "100%", "95%", "9.5"),
    ])
    func anExecutionRateWithoutTargetIsScoredAgainstAHundredPercent(_ name: String, _ target: String, _ actual: String,
                                                                    _ score: String) throws {
        let scored = try Scorer.score(Self.rateForm(name: name, target: target, actual: actual))
        #expect(scored.indicators[0].score == exactDecimal(score))
        #expect(scored.indicators[0].kind == .quantitative)
        let implied = scored.diagnostics.contains { $0.code == .targetImplied }
        #expect(implied == (target != "100%"))
    }

    /// Another indicator without a target, or a rate printed as text, is not given one.
    @Test(arguments: [("公用经费完成率", "一", "100%"), ("预算执行率", "一", "全部执行")])
    func otherIndicatorsWithoutTargetAreNotGivenOne(_ name: String, _ target: String, _ actual: String) throws {
        let scored = try Scorer.score(Self.rateForm(name: name, target: target, actual: actual))
        #expect(!scored.diagnostics.contains { $0.code == .targetImplied })
        #expect(scored.indicators[0].kind == .qualitative)
    }

    // MARK: Phrasings of round 4's second batch

    /// Amounts with 万 and no 元 (鄂州 "150万"), as 万元 are.
    @Test(arguments: [("150万", "150"), ("125.25万", "125.25"), ("150万元", "150"), ("1,500万", "1500")])
    func anAmountInWanIsANumber(_ text: String, _ value: String) throws {
        #expect(try ValueParser.number(text) == exactDecimal(value))
    }

    /// A year with spaces before its suffix.
    @Test(arguments: [("( 2019 年度)", 2019), ("(2019年度)", 2019), ("（　2021　年度）", 2021), ("2019 12年度", nil)])
    func aSpacedYearIsRead(_ text: String, _ year: Int?) {
        #expect(YearText.yearBefore("年度", in: text) == year)
    }

    /// A lone mark as the 三级 name of an empty row is a placeholder, as "指标2" and "……" are.
    @Test(arguments: [("-", true), ("—", true), ("/", true), ("……", true), ("指标2", true), ("指标", false), ("-1", false)])
    func aLoneMarkNamesAPlaceholder(_ name: String, _ placeholder: Bool) {
        #expect(TemplateReader.isPlaceholderName(name) == placeholder)
    }
}
