import CSV
import Foundation
@testable import SelfEvaluation
import TestSupport
import Testing

/// The families of layouts published by units of several provinces, built from the labels as
/// printed on those forms (issue #11): each is read into the same form and scored exactly.
struct LayoutTests {
    /// The white-space test of label normalisation answers exactly as Unicode's White_Space
    /// property, for every scalar of the Basic Multilingual Plane and a sample beyond it.
    @Test func whitespaceIsUnicodesWhiteSpace() {
        for value in Array(UInt32(0)...0xFFFF) + [0x1_0000, 0x1_F600, 0x2_0000, 0xE_0020, 0x10_FFFF] {
            guard let scalar = Unicode.Scalar(value) else { continue }
            if LabelText.isWhitespace(scalar) != scalar.properties.isWhitespace {
                Issue.record("U+\(String(value, radix: 16))")
            }
        }
    }

    // MARK: Building forms

    /// A rectangular grid, as Excel and WPS export it: every row padded to the widest.
    static func grid(_ rows: [[String]]) -> CSVDocument {
        let width = rows.map(\.count).max() ?? 0
        return CSVDocument(file: "layout.csv", rows: rows.map { $0 + Array(repeating: "", count: width - $0.count) })
    }

    /// A department form: title, year, unit, then `budget` rows, the goals, the indicator `header`
    /// and `indicators`, then `trailer` rows.
    static func form(budget: [[String]], header: [String], indicators: [[String]],
                     trailer: [[String]] = [], above: [[String]] = []) -> CSVDocument {
        grid(above + [["部门整体支出绩效目标自评表"], ["(2023年度)"], ["单位(盖章):某某局"]] + budget
             + [["年度总体目标", "预期目标", "", "实际完成情况"], ["", "完成年度工作", "", "已完成"]]
             + [header] + indicators + trailer)
    }

    static let nationalBudget: [[String]] = [
        ["资金来源", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率", "得分"],
        ["年度资金总额:", "100", "100", "90", "10", "90%", "9"],
    ]

    static let levelsHeader = ["一级指标", "二级指标", "三级指标", "年度指标值(A)", "实际完成值(B)", "分值", "得分"]

    /// Three indicators worth 90 (40 + 40 + 10), all met but the second (8 of 10 → 32).
    static let levelRows: [[String]] = [
        ["产出指标(80分)", "数量指标", "培训人次", "≥100人次", "120人次", "40", "40"],
        ["", "质量指标", "合格率", "≥90%", "72%", "40", "32"],
        ["满意度指标(10分)", "服务对象满意度", "满意度", "≥90%", "95%", "10", "10"],
    ]

    static func read(_ doc: CSVDocument, labels: LabelTable = .builtIn) throws(FormError) -> (Form, [Diagnostic]) {
        try TemplateReader(labels: labels).read(doc)
    }

    // MARK: Indicator columns

    struct ColumnCase: Sendable, CustomTestStringConvertible {
        let header: [String]
        let target: Int, actual: Int, weight: Int, score: Int
        var testDescription: String { header.joined(separator: "|") }
    }

    static let columnCases: [ColumnCase] = [
        // 年度指标值(A) / 全年实际值(B) with a 得分计算方法 column, before and after 得分.
        ColumnCase(header: ["一级指标", "二级指标", "三级指标", "年度指标值(A)", "全年实际值(B)", "分值", "得分计算方法", "得分"],
                   target: 4, actual: 5, weight: 6, score: 8),
        ColumnCase(header: ["一级指标", "二级指标", "三级指标", "年度指标值(A)", "全年实际值(B)", "分值", "得分", "得分计算方法"],
                   target: 4, actual: 5, weight: 6, score: 7),
        // 指标值 and 年初目标值(A) for 年度指标值; 权重 for 分值; 分值 before the values.
        ColumnCase(header: ["一级指标", "二级指标", "三级指标", "指标值", "实际完成值", "权重", "得分"],
                   target: 4, actual: 5, weight: 6, score: 7),
        ColumnCase(header: ["一级指标", "二级指标", "三级指标", "分值", "年初目标值(A)", "实际完成值(B)", "得分"],
                   target: 5, actual: 6, weight: 4, score: 7),
        // Line breaks, full-width brackets and letters, ideographic spaces inside header cells.
        ColumnCase(header: ["一级\n指标", "二级指标", "三级　指标", "年度\n指标值（Ａ）", "实际完成值\r\n(B)", "分 值", "得分"],
                   target: 4, actual: 5, weight: 6, score: 7),
        // 【】 and 〔〕 brackets; units in brackets.
        ColumnCase(header: ["一级指标", "二级指标", "三级指标", "年度指标值【A】", "实际完成值〔B〕", "分值(分)", "得分(分)"],
                   target: 4, actual: 5, weight: 6, score: 7),
    ]

    @Test(arguments: columnCases)
    func indicatorColumnsByLabel(_ c: ColumnCase) throws {
        let rows = Self.levelRows.map { row -> [String] in
            // Put each value under its column of this header.
            var out = Array(repeating: "", count: c.header.count)
            out[0] = row[0]; out[1] = row[1]; out[2] = row[2]
            out[c.target - 1] = row[3]; out[c.actual - 1] = row[4]; out[c.weight - 1] = row[5]; out[c.score - 1] = row[6]
            return out
        }
        let (form, diagnostics) = try Self.read(Self.form(budget: Self.nationalBudget, header: c.header, indicators: rows))
        let columns = try #require(form.indicatorHeader)
        #expect(columns.target == c.target && columns.actual == c.actual)
        #expect(columns.weight == c.weight && columns.score == c.score)
        #expect(!diagnostics.contains { $0.code == .cellNotRecognised }, "\(diagnostics.map(\.message))")
        let scored = try Scorer.score(form)
        // 9 (execution) + 40 + 40 × 72/90 = 32 + 10.
        #expect(scored.totalScore == 91)
        #expect(scored.totalWeight == 100)
        #expect(form.layout == "department/levels")
    }

    @Test func aMissingColumnNamesTheLabelsFound() throws {
        let header = ["一级指标", "二级指标", "三级指标", "实际完成值(B)", "分值", "得分"]
        let doc = Self.form(budget: Self.nationalBudget, header: header,
                            indicators: [["产出指标", "数量指标", "培训人次", "120人次", "90", "90"]])
        do {
            _ = try Self.read(doc)
            Issue.record("expected missing-column")
        } catch {
            #expect(error.diagnostic.code == .missingColumn)
            #expect(error.diagnostic.message.contains("年度指标值"))
            #expect(error.diagnostic.message.contains("“实际完成值(B)”、“分值”、“得分”"))
        }
    }

    // MARK: Flat layout

    @Test func flatDepartmentLayoutWithoutTheLevelTrio() throws {
        let header = ["指标名称", "指标值", "实际完成值", "权重", "得分系数", "得分"]
        let rows = [
            ["培训人次", "≥100人次", "120人次", "40", "100%", "40"],
            ["合格率", "≥90%", "72%", "40", "80%", "32"],
            ["满意度", "≥90%", "95%", "10", "100%", "10"],
        ]
        let doc = Self.form(budget: Self.nationalBudget, header: header, indicators: rows,
                            trailer: [["合计", "", "", "100", "", "91"]])
        let (form, diagnostics) = try Self.read(doc)
        #expect(form.layout == "department/flat")
        #expect(form.scoredIndicators.map(\.name.value) == ["培训人次", "合格率", "满意度"])
        #expect(!diagnostics.contains { [.cellNotRecognised, .indicatorWithoutLevel].contains($0.code) },
                "\(diagnostics.map(\.code))")
        let scored = try Scorer.score(form)
        #expect(scored.totalScore == 91)
        #expect(scored.totalWeight == 100)
        #expect(form.total?.score?.value == "91")
    }

    @Test func noHeaderAtAllListsTheClosestRow() throws {
        let doc = Self.form(budget: Self.nationalBudget, header: ["名称", "目标", "完成"], indicators: [["a", "1", "1"]])
        do {
            _ = try Self.read(doc)
            Issue.record("expected missing-indicator-header")
        } catch {
            #expect(error.diagnostic.code == .missingIndicatorHeader)
        }
    }

    // MARK: Budget families

    struct BudgetCase: Sendable, CustomTestStringConvertible {
        let name: String
        let rows: [[String]]
        /// 执行率 and the weight it is scored out of.
        let rate: Decimal
        let weight: Decimal
        let source: WeightSource
        var testDescription: String { name }
    }

    static let budgetCases: [BudgetCase] = [
        BudgetCase(name: "年初预算数(A)/全年执行数(B) without 全年预算数",
                   rows: [["资金来源", "年初预算数(A)", "全年执行数(B)", "分值", "执行率", "得分"],
                          ["年度资金总额", "200", "150", "10", "75%", "7.5"]],
                   rate: Decimal(string: "0.75") ?? 0, weight: 10, source: .formCell),
        BudgetCase(name: "预算数/执行数",
                   rows: [["资金来源", "预算数", "执行数", "分值", "得分"], ["年度资金总额", "80", "60", "10", "7.5"]],
                   rate: Decimal(string: "0.75") ?? 0, weight: 10, source: .formCell),
        BudgetCase(name: "年度预算数(万元) heading, adjusted budget",
                   rows: [["年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "预算执行率", "权重", "得分", "原因"],
                          ["总额", "100", "120", "90", "75%", "10", "7.5", "项目调整"],
                          ["其中:财政资金", "100", "120", "90", "75%", "/", "/", ""]],
                   rate: Decimal(string: "0.75") ?? 0, weight: 10, source: .formCell),
        BudgetCase(name: "预算执行率(20分) in the header, no weight cell",
                   rows: [["资金来源", "预算数(A)", "执行数(B)", "预算执行率(20分)", "得分"], ["年度资金总额", "100", "50", "50%", "10"]],
                   rate: Decimal(string: "0.5") ?? 0, weight: 20, source: .formLabel),
        BudgetCase(name: "得分(20分*执行率) with a heading (万元)(20分)",
                   rows: [["预算执行情况(万元)(20分)", "", "预算数(A)", "执行数(B)", "执行率(B/A)", "得分(20分*执行率)"],
                          ["", "年度财政资金总额", "100", "100", "100%", "20"]],
                   rate: 1, weight: 20, source: .formLabel),
        BudgetCase(name: "an unlabelled money row under the header",
                   rows: [["年度预算数(万元)", "年初预算", "调整后预算数", "预算执行数", "权重", "得分"],
                          ["", "100", "100", "80", "10", "8"]],
                   rate: Decimal(string: "0.8") ?? 0, weight: 10, source: .formCell),
    ]

    @Test(arguments: budgetCases)
    func budgetFamilies(_ c: BudgetCase) throws {
        let rows = Self.levelRows.enumerated().map { i, row -> [String] in
            // Indicators weigh 100 − the budget's weight: scale the first one.
            var r = row
            if i == 0 { r[5] = c.weight == 20 ? "30" : "40"; r[6] = r[5] }
            return r
        }
        let (form, diagnostics) = try Self.read(Self.form(budget: c.rows, header: Self.levelsHeader, indicators: rows))
        #expect(!diagnostics.contains { $0.code == .cellNotRecognised }, "\(diagnostics.map(\.message))")
        let scored = try Scorer.score(form)
        let budget = try #require(scored.budget, "budget dropped")
        #expect(budget.executionRate == c.rate)
        #expect(budget.weight == c.weight)
        #expect(budget.weightSource == c.source)
        #expect(budget.score == c.weight * c.rate)
        #expect(!scored.diagnostics.contains { $0.code == .budgetMissing || $0.code == .executionRateWeight })
        #expect(scored.totalWeight == 100)
    }

    @Test func rulesGivenForceTheExecutionWeight() throws {
        let c = Self.budgetCases[3]
        let (form, _) = try Self.read(Self.form(budget: c.rows, header: Self.levelsHeader, indicators: Self.levelRows))
        let forced = try Scorer.score(form, rules: .v2020)
        #expect(forced.budget?.weight == 10)
        #expect(forced.budget?.weightSource == .rulesGiven)
        let report = ScoreReport(forced)
        #expect(report.budget?.weightSource == "rulesGiven")
        #expect(forced.audit.first?.note.contains("--rules") == true)
    }

    @Test func aBudgetThatCannotBeReadIsAnError() throws {
        // A money table is there (项目资金 heading, 年初预算数) but no 执行数 column can be found.
        let rows = [["项目资金(万元)", "年初预算数", "支付数", "分值"], ["年度资金总额", "100", "90", "10"]]
        do {
            _ = try Self.read(Self.form(budget: rows, header: Self.levelsHeader, indicators: Self.levelRows))
            Issue.record("expected budget-unreadable")
        } catch {
            #expect(error.diagnostic.code == .budgetUnreadable)
            #expect(error.diagnostic.message.contains("全年执行数"))
            #expect(error.diagnostic.message.contains("“支付数”"))
        }
    }

    // MARK: Trailer rows and goals

    static let trailerLabels = ["总分", "合计", "总计", "评价结论", "存在问题", "改进措施", "项目负责人:张三", "财务负责人:李四",
                                "联系人:王五", "填表人:赵六", "审核人:钱七", "存在问题及改进措施"]

    @Test(arguments: trailerLabels)
    func trailerRowsAreNeverIndicators(_ label: String) throws {
        let trailer = [[label, "", "", "", "", "100", "91"], ["填表人:某某", "", "审核人:某某"]]
        let (form, _) = try Self.read(Self.form(budget: Self.nationalBudget, header: Self.levelsHeader,
                                                indicators: Self.levelRows, trailer: trailer))
        #expect(form.scoredIndicators.count == 3)
        let scored = try Scorer.score(form)
        #expect(scored.totalWeight == 100)
        #expect(scored.totalScore == 91)
    }

    @Test func aSecondGoalsBlockAfterTheTableIsKept() throws {
        let trailer = [["年度总体目标", "目标1", "完成培训"], ["", "目标2", "提升质量"], ["总分", "", "", "", "", "100", "91"]]
        let (form, _) = try Self.read(Self.form(budget: Self.nationalBudget, header: Self.levelsHeader,
                                                indicators: Self.levelRows, trailer: trailer))
        #expect(form.scoredIndicators.count == 3)
        #expect(form.trailer.contains { $0.value == "目标2" })
        #expect(try Scorer.score(form).totalWeight == 100)
    }

    // MARK: Unit labels and the preamble

    struct UnitCase: Sendable, CustomTestStringConvertible {
        let rows: [[String]]
        var testDescription: String { rows.map { $0.joined(separator: "|") }.joined(separator: " / ") }
    }

    static let unitCases: [UnitCase] = [
        UnitCase(rows: [["项目实施单位", "某某局"]]),
        UnitCase(rows: [["实施单位（盖章）:某某局"]]),
        UnitCase(rows: [["单位名称：某某局", "", "填报日期:2024年3月1日"]]),
        UnitCase(rows: [["单位名称:某某局"]]),
    ]

    @Test(arguments: unitCases)
    func unitLabels(_ c: UnitCase) throws {
        let doc = Self.grid([["附件："], ["部门整体支出绩效目标自评表"], ["(2023年度)"]] + c.rows + Self.nationalBudget
                            + [Self.levelsHeader] + Self.levelRows)
        let (form, diagnostics) = try Self.read(doc)
        #expect(form.unit?.value == "某某局")
        #expect(!diagnostics.contains { $0.code == .cellNotRecognised || $0.code == .missingUnit },
                "\(diagnostics.map(\.message))")
    }

    // MARK: Realignment only on text documents

    /// Issue #8: a project form with 指标性质 and 指标方向, its last row (满意度) with its merged
    /// cells exported empty. It must read as written and total 89.17, never be realigned.
    static let natureAndDirection: [[String]] = [
        ["项目支出绩效自评表"], ["(2023年度)"], ["项目名称", "", "某项目"], ["实施单位", "", "某某局"],
        ["项目资金(万元)", "", "年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"],
        ["", "年度资金总额", "100", "100", "100", "10", "100%", "10"],
        ["一级指标", "二级指标", "三级指标", "指标性质", "指标方向", "年度指标值", "实际完成值", "分值", "得分"],
        ["产出指标", "数量指标", "培训人次", "正向", "大于等于", "120", "100", "50", "41.67"],
        ["效益指标", "社会效益指标", "覆盖率", "正向", "大于等于", "90", "90", "30", "30"],
        ["满意度指标", "服务对象满意度指标", "满意度", "正向", "大于等于", "90", "", "10", "7.5"],
    ]

    @Test func aSpreadsheetExportIsNeverRealigned() throws {
        let doc = Self.grid(Self.natureAndDirection)
        let (form, diagnostics) = try Self.read(doc)
        #expect(!diagnostics.contains { $0.code == .rowRealigned || $0.code == .cellNotRecognised },
                "\(diagnostics.map(\.message))")
        #expect(form.document.rows == doc.rows)
        let last = try #require(form.scoredIndicators.last)
        #expect(last.name.value == "满意度")
        #expect(last.weight.value == "10")
        // 指标方向 (the operators) is the operator column, 指标性质 is kept as written.
        #expect(form.indicatorHeader?.nature == 5)
        #expect(form.indicatorHeader?.extra == [4])
        let scored = try Scorer.score(form)
        #expect(scored.totalWeight == 100)
        // 10 + 50 × 100/120 = 41.67 + 30 + 7.5 (no actual: the unit's score kept).
        #expect(scored.totalScore == Decimal(string: "89.17"))
    }

    @Test func aRectangularOrTrimmedGridIsNotATextDocument() throws {
        let seed = try CSVReader().read(contentsOf: FixturePaths.fixture("seed-qiannan-guangzhou-2023.txt"))
        #expect(ShiftedRowRepair.isTextDocument(seed))
        for name in ["qiannan-guangzhou-2023.csv", "variants/trimmed-columns.csv", "variants/extra-column.csv",
                     "variants/blank-rows.csv", "project/two-row-header.csv"] {
            let doc = try CSVReader().read(contentsOf: FixturePaths.fixture(name))
            #expect(!ShiftedRowRepair.isTextDocument(doc), "\(name)")
        }
    }

    // MARK: One normalisation

    @Test("seeded: label normalisation is idempotent, leaves no space or full-width form, and folds variants",
          arguments: [UInt64(11), 12])
    func normalisation(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        let pieces = ["年度", "指标值", "(", ")", "（", "）", "【", "】", "〔", "〕", " ", "\u{3000}", "\n", "\r\n", "\t", ":", "：",
                      "Ａ", "A", "１", "1", "分", "e\u{301}", "é"]
        for _ in 0..<2_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...8, using: &rng) { text += pieces[Int.random(in: 0..<pieces.count, using: &rng)] }
            let n = LabelText.normalize(text)
            #expect(LabelText.normalize(n) == n, "\(text.debugDescription)")
            #expect(!n.unicodeScalars.contains { $0.properties.isWhitespace }, "\(text.debugDescription)")
            #expect(!n.unicodeScalars.contains { $0.value >= 0xFF01 && $0.value <= 0xFF5E }, "\(text.debugDescription)")
            #expect(!n.contains("【") && !n.contains("〔") && !n.hasSuffix(":"), "\(text.debugDescription)")
            // The full-width spelling of the same label normalises the same.
            let wide = text.replacingOccurrences(of: "(", with: "（").replacingOccurrences(of: ")", with: "）")
                .replacingOccurrences(of: "A", with: "Ａ").replacingOccurrences(of: "1", with: "１")
            #expect(LabelText.normalize(wide) == n, "\(text.debugDescription)")
        }
    }

    @Test(arguments: [
        ("年度\n指标值（A）", "年度指标值(A)"), ("项目资金\r\n(万元)", "项目资金(万元)"), ("单位名称：", "单位名称"),
        ("三级\u{3000}指标", "三级指标"), ("【A】", "(A)"), ("e\u{301}", "é"),
    ])
    func normalisationTable(_ text: String, _ expected: String) {
        #expect(LabelText.normalize(text) == expected)
        #expect(LabelText.normalize(text).unicodeScalars.elementsEqual(expected.precomposedStringWithCanonicalMapping.unicodeScalars))
    }

    @Test(arguments: [("预算执行率(20分)", Decimal(20)), ("得分(20分*执行率)", 20), ("产出指标（50分）", 50),
                      ("分值(10分)", 10), ("分值", nil), ("执行率(B/A)", nil), ("得分(分)", nil)] as [(String, Decimal?)])
    func statedPoints(_ label: String, _ points: Decimal?) {
        #expect(LabelTable.statedPoints(NormalizedText(label)) == points)
    }

    // MARK: --layout FILE.json

    @Test func aLabelTableFileAddsLabels() throws {
        let json = #"{"name": "local", "indicatorColumns": {"target": ["年度计划值"], "actual": ["年度完成值"]}, "budgetColumns": {"executed": ["支付数"]}}"#
        let table = try LabelTable.load(json: Data(json.utf8))
        #expect(table.name == "local")
        let header = ["一级指标", "二级指标", "三级指标", "年度计划值", "年度完成值", "分值", "得分"]
        let budget = [["项目资金(万元)", "年初预算数", "支付数", "分值"], ["年度资金总额", "100", "90", "10"]]
        let doc = Self.form(budget: budget, header: header, indicators: Self.levelRows)
        #expect(throws: FormError.self) { try Self.read(doc) }
        let (form, _) = try Self.read(doc, labels: table)
        #expect(form.layout == "local:department/levels")
        #expect(try Scorer.score(form).totalScore == 91)
    }

    @Test func aBadLabelTableFileIsRefused() {
        #expect(throws: LabelTableError.self) { try LabelTable.load(json: Data("{".utf8)) }
        #expect(throws: LabelTableError.self) {
            try LabelTable.load(json: Data(#"{"name": "x", "indicatorColumns": {"goal": ["目标"]}}"#.utf8))
        }
    }

    @Test func theExampleLayoutFileLoads() throws {
        let data = try Data(contentsOf: URL(fileURLWithPath: FixturePaths.fixture("layouts/example.json")))
        let table = try LabelTable.load(json: data)
        #expect(table.name != LabelTable.builtIn.name)
    }
}
