import CSV
import Foundation
import SelfEvaluation
import TestSupport
import Testing

/// The real published forms of `Fixtures/real/` (README there: source, layout, hand arithmetic),
/// each read and scored against its hand-worked total, with a golden report.
struct RealFormsTests {
    struct Case: Sendable, CustomTestStringConvertible {
        let file: String
        let layout: String
        /// 预算执行率: its weight and score, by hand.
        let budgetWeight: Decimal
        let budgetScore: Decimal
        /// The hand total and the sum of the weights (执行率 included).
        let total: Decimal
        let weight: Decimal
        /// The arithmetic, as the README works it.
        let arithmetic: String
        /// Why the engine does not reach the hand total yet (nil: it does).
        let knownIssue: String?
        var testDescription: String { file }
    }

    static func d(_ text: String) -> Decimal { Decimal(string: text) ?? -1 }

    static let cases: [Case] = [
        Case(file: "hainan-nongkenshiyan-2023-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: d("2.5"),
             total: d("46.35"), weight: 100,
             arithmetic: "30000/120000 = 25% → 2.50; 20 × 10/52 = 3.85; 0; 30; 10 → 46.35", knownIssue: nil),
        Case(file: "hainan-nongkenshiyan-2023-project.gbk.csv", layout: "project/levels", budgetWeight: 10,
             budgetScore: d("2.5"), total: d("46.35"), weight: 100, arithmetic: "as the UTF-8 copy", knownIssue: nil),
        Case(file: "hebei-langfangshipin-2019-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: d("8.62"),
             total: d("97.24"), weight: 100,
             arithmetic: "37.24/43.2 = 86.20% → 8.62; 10 × 37.24/43.2 = 8.62; 8 × 10 = 80 → 97.24", knownIssue: nil),
        Case(file: "sichuan-qingshenfagai-2023-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 10, weight: 100, arithmetic: "251.89/251.89 = 100% → 10; no 完成值: 0 + 0 → 10", knownIssue: nil),
        Case(file: "sichuan-dayingsifa-2023-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 10, weight: 10, arithmetic: "3.36/3.36 = 100% → 10; the indicator is cut before its 完成值", knownIssue: nil),
        Case(file: "sichuan-zhongjiangshuili-2022-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 110, weight: 110, arithmetic: "20/20 → 10; 70 + 20 + 10 met → 110 (weights add to 110)", knownIssue: nil),
        Case(file: "anhui-tangxizhen-2022-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 90, weight: 100,
             arithmetic: "年度资金总额 0: from the 其中 row 89.974/89.974 → 10; 80; 满意度 empty → 0 → 90", knownIssue: nil),
        Case(file: "anhui-tangxizhen-2022-project.gbk.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 90, weight: 100, arithmetic: "as the UTF-8 copy", knownIssue: nil),
        Case(file: "anhui-tangxizhen-cunji-2022-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 80, weight: 80, arithmetic: "from the 其中 row 132.912/132.912 → 10; 70 as printed → 80", knownIssue: nil),
        Case(file: "anhui-tianchangshuili-2022-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 100, weight: 100, arithmetic: "880/880 → 10; 10 + 10 + 60 kept + 10 → 100", knownIssue: nil),
        Case(file: "beijing-xueyuanlu-2016-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: d("4.99"),
             total: d("17.49"), weight: d("22.5"),
             arithmetic: "年初预算数(A)/全年执行数(B): 154.74/310.2 = 49.88% → 4.99; 12.5 (cut after) → 17.49", knownIssue: nil),
        Case(file: "hubei-qushangwu-2020-project.csv", layout: "project/levels", budgetWeight: 20, budgetScore: 20,
             total: 120, weight: 120,
             arithmetic: "预算执行情况(万元)(20分): 285.84/285.84 → 20; 10 × 6 + 20 + 20 → 120", knownIssue: nil),
        Case(file: "hubei-qushangwu-2020-project.gbk.csv", layout: "project/levels", budgetWeight: 20, budgetScore: 20,
             total: 120, weight: 120, arithmetic: "as the UTF-8 copy", knownIssue: nil),
        Case(file: "hubei-tanghuzhen-2020-department.csv", layout: "department/levels", budgetWeight: 20, budgetScore: 20,
             total: 100, weight: 100,
             arithmetic: "执行数 not printed, printed 100% → 20; 10 + 20 + 10 + 10 + 10 + 20 → 100", knownIssue: nil),
        Case(file: "hubei-huanggangshuibao-2020-project.csv", layout: "project/levels", budgetWeight: 20, budgetScore: 20,
             total: 100, weight: 100,
             arithmetic: "10/10 → 20; 目标1(40分): 10 + 10 + (40 − 20 = 20, 98% → 98% met: 20, printed 19.6); 目标2: 20 + 20 → 100",
             knownIssue: nil),  // fixed: the block's stated points give the row's 分值 (SectionPointsWeight)
        Case(file: "ningxia-yinchuanliuzhong-2021-project.csv", layout: "project/levels", budgetWeight: 0, budgetScore: 0,
             total: 85, weight: 100,
             arithmetic: "执行率 not scored apart; 预算执行率 indicator, target “一” (none): 10 × min(100%, 1) = 10; … → 85 + 0",
             knownIssue: nil),  // fixed: “一” read as blank, an execution-rate indicator scored against 100%
        Case(file: "chongqing-kexuechengrongmeiti-2021-department.csv", layout: "department/flat", budgetWeight: 10,
             budgetScore: d("7.6"), total: d("74.36"), weight: 80,
             arithmetic: "printed 76% × 10 = 7.6; 控制率/调整率/结余率 lower-is-better … → 74.36",
             knownIssue: nil),  // fixed by DirectionInference (issue 12)
        Case(file: "anhui-suiximinzheng-2019-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: d("88.93"), weight: 100,
             arithmetic: "30/30 → 10; 5 + 5 + 5 + 4.84 + 10 + 5 + 5 + 9.09 + 30 = 78.93; 满意度 cut → 0 → 88.93", knownIssue: nil),
        Case(file: "hubei-huangshizhujian-2022-project.csv", layout: "project/levels", budgetWeight: 20, budgetScore: d("19.55"),
             total: d("99.55"), weight: 100, arithmetic: "预算执行情况(20分) → 19.55; 80 → 99.55", knownIssue: nil),
        Case(file: "hubei-huangshitushuguan-2022-project.csv", layout: "project/levels", budgetWeight: 20, budgetScore: 20,
             total: 90, weight: 90,
             arithmetic: "5/5 → 20; 数量 10, 质量 10, 时效 10, 成本 10, 经济 10, 社会 none printed, 环境 10, 可持续 10 → 90 "
                 + "(the README's earlier 80 was a slip in its own sum; satisfaction cut)",
             knownIssue: nil),
        Case(file: "hubei-xinzhouchujutuan-2020-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: 10,
             total: 108, weight: 110,
             arithmetic: "30/30 → 10; 20 + 20 + 20 + 18 (target “件/件2万元” not readable: printed 18 kept) + 20 → 108",
             knownIssue: nil),  // fixed: text the value reader cannot place keeps the printed score (UnreadValueRule)
        Case(file: "shanghai-putuotiyu-2022-project.csv", layout: "project/levels", budgetWeight: 10, budgetScore: d("8.62"),
             total: d("98.62"), weight: 100, arithmetic: "proportional execution 8.62; 90 → 98.62", knownIssue: nil),
        Case(file: "shanghai-putuotiyu-2022-project.gbk.csv", layout: "project/levels", budgetWeight: 10,
             budgetScore: d("8.62"), total: d("98.62"), weight: 100, arithmetic: "as the UTF-8 copy", knownIssue: nil),
        Case(file: "yunnan-lijiangguchengziran-2020-project.csv", layout: "project/two-row-header", budgetWeight: 10,
             budgetScore: 10, total: 100, weight: 100, arithmetic: "指标性质/指标值/度量单位 with ﹦ and ≥, all met → 100",
             knownIssue: nil),
        Case(file: "yunnan-linxiangmalukeng-2023-project.csv", layout: "project/levels", budgetWeight: 10,
             budgetScore: d("9.78"), total: d("89.78"), weight: 90, arithmetic: "9.78 + 80 + 满意度 cut → 89.78", knownIssue: nil),
        Case(file: "yunnan-yongdemingzhong-2022-project.csv", layout: "project/two-row-header", budgetWeight: 10,
             budgetScore: 10, total: d("99.8"), weight: 100, arithmetic: "money in 元; ≧ and ═ → 99.8", knownIssue: nil),
        Case(file: "yunnan-yongdemingzhong-2022-project.gbk.csv", layout: "project/two-row-header", budgetWeight: 10,
             budgetScore: 10, total: d("99.8"), weight: 100, arithmetic: "as the UTF-8 copy", knownIssue: nil),
        // Held out in round 4 (README "Held-out check (round 4)").
        Case(file: "hunan-linglinglinye-2021-department.csv", layout: "department/levels", budgetWeight: 10,
             budgetScore: d("8.04"), total: d("75.65"), weight: 78,
             arithmetic: "3824.26/4753.66 = 80.45% → 8.04 (printed 10); 产出 50; 6 × 1093/1100 = 5.96; 6 × 2.45/2.6 = 5.65; 6 → 75.65",
             knownIssue: nil),
        Case(file: "hubei-xiangyangzhongxinyiyuan-2021-project.csv", layout: "project/levels", budgetWeight: 20,
             budgetScore: 20, total: 70, weight: 70, arithmetic: "1000/1000 → 20; 5 × 10 (no 分值 column, all met) → 70",
             knownIssue: nil),
        Case(file: "yunnan-changninggongxiao-2022-project.csv", layout: "project/levels", budgetWeight: 20,
             budgetScore: 4, total: 33, weight: 49, arithmetic: "10/50 = 20% → 20 × 0.2 = 4; 18 rows met, scores kept: 29 → 33",
             knownIssue: nil),
        // Held out in round 4, second batch.
        Case(file: "hubei-ezhoushenpi-2021-project.csv", layout: "project/levels", budgetWeight: 0, budgetScore: 0,
             total: d("66.7"), weight: 70,
             arithmetic: "money row 分值 100 / 得分 98 are the form's totals: 执行率 not scored apart; "
                 + "预算执行率 indicator 20 × 83.5/100 = 16.70 (printed 18); 10 × 5 → 66.70",
             knownIssue: nil),
        Case(file: "shandong-lichengwenhuaguan-2019-project.csv", layout: "project/levels", budgetWeight: 10,
             budgetScore: 10, total: 70, weight: 70,
             arithmetic: "年初预算数(A)/全年执行数(B) 45/45 → 10; 12.5 × 4 + 10 → 70", knownIssue: nil),
        // Held out in round 5 (README "Held-out check (round 5)").
        Case(file: "sichuan-nanchonglinye-2023-project.csv", layout: "project/levels", budgetWeight: 10,
             budgetScore: 10, total: 10, weight: 10,
             arithmetic: "调整后预算数 5.00 / 预算执行数 5.00 = 100% → 10 (得分 not printed); the one indicator is cut "
                 + "after its 完成值 (no 权重): 0 → 10",
             knownIssue: nil),
    ]

    static func score(_ file: String) throws -> (ScoredForm, [Diagnostic]) {
        // Read under the path relative to the repository, so that the golden reports name the
        // source as every other golden does, wherever the repository is cloned.
        let doc = try CSVReader().read(bytes: FixturePaths.bytes("real/" + file), file: "Fixtures/real/" + file)
        let (form, diagnostics) = try TemplateReader().read(doc)
        let scored = try Scorer.score(form)
        return (scored, diagnostics + scored.diagnostics)
    }

    @Test(arguments: cases)
    func scoresToTheHandArithmetic(_ c: Case) throws {
        let (scored, diagnostics) = try Self.score(c.file)
        #expect(scored.form.layout == c.layout)
        #expect(scored.budget?.weight == c.budgetWeight, "\(c.arithmetic)")
        #expect(scored.budget?.score == c.budgetScore, "\(c.arithmetic)")
        if let known = c.knownIssue {
            withKnownIssue(Comment(rawValue: known)) {
                #expect(scored.totalScore == c.total, "\(c.arithmetic)")
            }
        } else {
            #expect(scored.totalScore == c.total, "\(c.arithmetic)")
            #expect(scored.totalWeight == c.weight, "\(c.arithmetic)")
        }
        // Nothing filled in (every 完成值 empty): the budget is scored, the form not graded (issue 12).
        #expect(scored.isGraded == !["sichuan-qingshenfagai-2023-project.csv", "sichuan-dayingsifa-2023-project.csv"]
            .contains(c.file))
        let report = ScoreReport(scored, diagnostics: diagnostics)
        let name = c.file.replacingOccurrences(of: ".csv", with: "")
        try Golden.check(String(decoding: report.jsonBytes(), as: UTF8.self), against: "real/\(name).report.json")
    }

    /// Slips the units printed are warned about at their cell.
    @Test(arguments: [
        ("sichuan-zhongjiangshuili-2022-project.csv", "printed-total-mismatch", "H23"),
        ("hubei-qushangwu-2020-project.csv", "printed-total-mismatch", "G19"),
        ("hebei-langfangshipin-2019-project.csv", "budget-score-replaced", "H7"),
        ("hubei-tanghuzhen-2020-department.csv", "rate-from-print", "D5"),
        ("hubei-qushangwu-2020-project.csv", "weight-from-score", "G10"),
        ("hubei-huanggangshuibao-2020-project.csv", "weight-from-section", "G14"),
        ("hubei-huanggangshuibao-2020-project.csv", "score-replaced", "G14"),
        ("hunan-linglinglinye-2021-department.csv", "printed-rate-mismatch", "G5"),
        ("hunan-linglinglinye-2021-department.csv", "budget-score-replaced", "H5"),
        ("hunan-linglinglinye-2021-department.csv", "score-replaced", "G23"),
        ("hunan-linglinglinye-2021-department.csv", "score-replaced", "G24"),
        ("ningxia-yinchuanliuzhong-2021-project.csv", "value-not-given", "E13"),
        ("ningxia-yinchuanliuzhong-2021-project.csv", "target-implied", "E13"),
        ("hubei-ezhoushenpi-2021-project.csv", "execution-weight-is-total", "F6"),
        ("hubei-ezhoushenpi-2021-project.csv", "score-replaced", "H13"),
    ])
    func printedSlipsAreWarnedAtTheirCell(_ file: String, _ code: String, _ cell: String) throws {
        let (_, diagnostics) = try Self.score(file)
        let places = diagnostics.filter { $0.code.rawValue == code }.map { "\($0.location.columnLetter)\($0.location.row)" }
        #expect(places.contains(cell), "\(places)")
    }

    /// The 湖南 form prints no 分值 and no 得分 anywhere: refused, naming what it found.
    @Test func aFormWithoutWeightsOrScoresIsRefused() throws {
        let doc = try CSVReader().read(contentsOf: FixturePaths.fixture("real/hunan-hengshanchubeiliang-2020-project.csv"))
        do {
            _ = try TemplateReader().read(doc)
            Issue.record("expected missing-column")
        } catch {
            #expect(error.diagnostic.code == .missingColumn)
            #expect(error.diagnostic.message.contains("得分"))
        }
    }

    /// The 衡山 贯塘乡 and 零陵疾控 forms (held out) are cut in their goals: refused, naming the money
    /// header they found.
    @Test(arguments: ["hunan-guantangxiang-2023-department.csv", "hunan-linglingjikong-2021-department.csv"])
    func aDepartmentFormCutBeforeItsIndicatorsIsRefused(_ file: String) throws {
        let doc = try CSVReader().read(contentsOf: FixturePaths.fixture("real/" + file))
        do {
            _ = try TemplateReader().read(doc)
            Issue.record("expected missing-indicator-header")
        } catch {
            #expect(error.diagnostic.code == .missingIndicatorHeader)
            #expect(error.diagnostic.message.contains("年度预算申请"))
        }
    }

    /// The 湖南 money block's breakdown notes (按收入性质分 / 按支出性质分) are text, not amounts.
    @Test func budgetBreakdownNotesAreNotReadAsMoney() throws {
        let (scored, diagnostics) = try Self.score("hunan-linglinglinye-2021-department.csv")
        #expect(!diagnostics.contains { $0.code == .budgetAmountInvalid })
        #expect(!diagnostics.contains { $0.code == .cellNotRecognised && (6...10).contains($0.location.row) })
        #expect(scored.form.budget?.rows.count == 1)
        #expect(!diagnostics.contains { $0.code == .unknownLevel1 })
    }

    /// 历城: "( 2019 年度)" is the year; the template's "-" rows are placeholders, not indicators.
    @Test func aSpacedYearAndDashRowsAreRead() throws {
        let (scored, diagnostics) = try Self.score("shandong-lichengwenhuaguan-2019-project.csv")
        #expect(scored.form.year?.value == 2019)
        #expect(!diagnostics.contains { [.missingYear, .missingWeight, .duplicateIndicator, .unknownLevel2].contains($0.code) })
        #expect(scored.indicators.filter { !$0.indicator.isPlaceholder }.count == 5)
    }

    /// The 贵州 form is cut at its indicator header, before 得分: the error names what it found.
    @Test func aFormCutAtItsHeaderNamesTheMissingColumn() throws {
        let doc = try CSVReader().read(contentsOf: FixturePaths.fixture("real/guizhou-taibaizhen-2021-department.csv"))
        do {
            _ = try TemplateReader().read(doc)
            Issue.record("expected missing-column")
        } catch {
            #expect(error.diagnostic.code == .missingColumn)
            #expect(error.diagnostic.message.contains("“得分计算方法”"))
        }
    }
}
