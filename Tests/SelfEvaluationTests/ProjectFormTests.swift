import CSV
import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// The project-level form 项目支出绩效自评表 in three layouts (Fixtures/project/, authored after
/// domain.md §2.1): read, scored, and written back as the scored grid. Every expected score is
/// worked out by hand in the comments; no notes on these forms, so the rules are 2020
/// (tiers 100–80 % / 80–60 % / 60–0 %, negative A/B, over-achievement at 130 %), 2 decimals, half up.
@Suite("Project form (项目支出绩效自评表)")
struct ProjectFormTests {
    static func read(_ name: String) throws -> (Form, [Diagnostic]) {
        let document = try CSVReader().read(contentsOf: FixturePaths.fixture("project/\(name)"))
        return try TemplateReader().read(document)
    }

    static func scored(_ name: String) throws -> ScoredForm {
        let (form, _) = try read(name)
        return try Scorer.score(form)
    }

    /// (row, score) of every scored indicator, in order.
    static func scores(_ scored: ScoredForm) -> [Int: Decimal] {
        Dictionary(uniqueKeysWithValues: scored.indicators.filter(\.isScored).map { ($0.indicator.row, $0.score) })
    }

    /// "code@B12" for every diagnostic, in order.
    static func places(_ diagnostics: [Diagnostic]) -> [String] {
        diagnostics.map { "\($0.code)@\($0.location.columnLetter)\($0.location.row)" }
    }

    // MARK: - (a) national.csv: the 10号 layout, 9 columns A..I

    @Test func nationalHeaderAndBudget() throws {
        let (form, diagnostics) = try Self.read("national.csv")
        #expect(diagnostics.isEmpty, "\(Self.places(diagnostics))")
        #expect(form.template == .project)
        #expect(form.title?.value == "项目支出绩效自评表")
        #expect(form.year?.value == 2023)
        #expect(form.projectName?.value == "青山县2023年农村供水保障工程")
        #expect(form.projectName?.cell.description == "C3")
        #expect(form.supervisor?.value == "青山县水利局")
        #expect(form.headerValue("实施单位")?.cell.description == "H4")
        // unit = 实施单位 on project forms
        #expect(form.unit?.value == "青山县农村供水管理站")
        #expect(form.headerFields.map(\.label.value) == ["项目名称", "主管部门", "实施单位"])

        let budget = try #require(form.budget)
        #expect(budget.headerRow == 5)
        // No 资金来源 label: the names' column is where 年度资金总额 is written (B, merged B:C).
        #expect(budget.columns == BudgetColumns(name: 2, initial: 4, adjusted: 5, executed: 6, weight: 7, rate: 8, score: 9))
        #expect(budget.rows.map(\.name.value) == ["年度资金总额", "其中：当年财政拨款", "上年结转资金", "其他资金"])
        #expect(budget.rows.map(\.displayName) == ["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"])
        #expect(budget.totalRow?.adjusted?.value == "150.00")
        // 执行率 on the sub-rows is read too (95.00 % = 114/120).
        #expect(budget.partRows.map { $0.rate?.value } == ["95.00%", "80.00%", "80.00%"])
        #expect(budget.partRows.first?.rate?.cell.description == "H7")

        #expect(form.goals?.cell.description == "B11")
        #expect(form.achievements?.cell.description == "F11")
    }

    @Test func nationalIndicators() throws {
        let (form, _) = try Self.read("national.csv")
        let columns = try #require(form.indicatorHeader)
        #expect(columns.headerRow == 12)
        #expect(columns.headerRows == 12...12)
        #expect(columns.targetGroup == nil)
        #expect(columns.sectionLabel?.description == "A12")
        let found: [Int] = [columns.level1, columns.level2, columns.name, columns.target, columns.actual,
                            columns.weight, columns.score]
        #expect(found == [2, 3, 4, 5, 6, 7, 8])
        #expect(columns.reason == 9)  // 偏差原因分析及改进措施
        #expect(columns.nature == nil)
        #expect(columns.unit == nil)

        // 11 rows, of which "……" (row 15) is a placeholder: kept, not scored.
        #expect(form.indicators.count == 11)
        #expect(form.indicators.filter(\.isPlaceholder).map(\.row) == [15])
        let scored = form.scoredIndicators
        #expect(scored.count == 10)
        #expect(scored.first?.name.value == "指标1：新建集中供水工程")  // the "指标1：" prefix is kept as written
        // Levels carried down from merged cells, with the cell they were written in.
        #expect(scored[1].level2.value == "数量指标")
        #expect(scored[1].level2.cell.description == "C13")
        #expect(scored[5].level1.value == "产出指标")  // row 19, 成本指标
        #expect(scored[5].level1.cell.description == "B13")
        #expect(scored[7].level2.value == "社会效益指标")  // row 21
        #expect(scored[9].level1.value == "满意度指标")

        #expect(form.total?.weight?.cell.description == "G24")
        #expect(form.total?.score?.value == "94.53")
        // 评价结论 on a project form is the unit's narrative: a trailer row, not the grade cell.
        #expect(form.conclusion == nil)
        let trailer = form.trailer.map { "\($0.cell)=\($0.value)" }
        #expect(trailer.first == "A25=评价结论")
        #expect(form.trailer.map(\.value).contains("存在问题"))
        #expect(form.trailer.map(\.value).contains("改进措施"))
        #expect(trailer.suffix(4) == ["A28=项目负责人", "C28=王建国", "F28=财务负责人", "H28=李敏"])
        #expect(form.notes.isEmpty)
        #expect(form.unrecognisedCells.isEmpty)
    }

    @Test func nationalScores() throws {
        let scored = try Self.scored("national.csv")
        #expect(scored.ruleSet == .v2020)
        // 预算执行率: 138.00/150.00 = 92.00 % → 10 × 0.92 = 9.20 (printed 9.20, kept)
        let budget = try #require(scored.budget)
        #expect(budget.executionRate == exactDecimal("0.92"))
        #expect(budget.score == exactDecimal("9.20"))
        #expect(!budget.scoreChanged)
        #expect(budget.rows.map(\.name) == ["年度资金总额", "当年财政拨款", "上年结转资金", "其他资金"])

        let scores = Self.scores(scored)
        #expect(scores == [
            13: exactDecimal("8.33"),  // ≥12处, 10处: 10/12 × 10 = 8.333… → 8.33 (printed 8.33, kept)
            14: 8,                     // ≥45公里, 60公里: min(60/45, 1) × 8 = 8; 133.33 % ≥ 130 % → over-achievement
            16: 8,                     // 100%, 100%: 100/100 × 8 = 8
            17: 8,                     // ≥95%, 97.5%: min(97.5/95, 1) × 8 = 8
            18: 8,                     // 11月底前, 11月28日: on time → 达成, printed 8 within [6.40, 8] → kept
            19: 8,                     // ≤150万元, 138万元: negative, B ≤ A → 8
            20: 10,                    // ≥26000人, 27500人: min(1.0577, 1) × 10 = 10
            21: exactDecimal("9.78"),  // ≥90%, 88%: 88/90 × 10 = 9.777… → 9.78 (printed 10 → replaced)
            22: 7,                     // 基本实现/部分 → 部分达成 [6.00, 7.99]; printed 7 inside → kept
            23: 10,                    // ≥90%, 93.6%: min(1.04, 1) × 10 = 10
        ])
        let byRow = Dictionary(uniqueKeysWithValues: scored.indicators.map { ($0.indicator.row, $0) })
        #expect(byRow[14]?.overAchieved == true)
        #expect(byRow[19]?.direction == .negative)
        #expect(byRow[18]?.kind == .qualitative)
        #expect(byRow[22]?.tier == .partial)
        #expect(byRow[15]?.kind == .notScored)  // the "……" placeholder
        // Missing reason on row 21: generated, stating the fact.
        #expect(byRow[21]?.reasonGenerated == true)
        #expect(byRow[21]?.reason == "实际完成88%,低于年度指标值≥90%,完成率97.78%,扣0.22分。")
        #expect(byRow[13]?.reasonGenerated == false)

        // 9.20 + 8.33 + 8 + 8 + 8 + 8 + 8 + 10 + 9.78 + 7 + 10 = 94.31 (printed 94.53: the unit's 10 for row 21)
        #expect(scored.totalWeight == 100)  // 10 + (10+8+8+8+8+8) + (10+10+10) + 10
        #expect(scored.totalScore == exactDecimal("94.31"))
        #expect(scored.grade == .excellent)  // ≥ 90
        #expect(Self.places(scored.diagnostics) == [
            "over-achievement@F14", "score-replaced@H21", "reason-generated@I21", "printed-total-mismatch@H24",
            "stated-total-mismatch@B25",  // 评价结论 says 自评得分94.53分
        ])
        #expect(scored.needsReview)
    }

    // MARK: - (b) nature-unit.csv: 指标性质 and 度量单位 columns, 权重, values split over cells; GB18030

    @Test func natureUnitReading() throws {
        let document = try CSVReader().read(contentsOf: FixturePaths.fixture("project/nature-unit.csv"))
        #expect(document.encoding == .gb18030)
        let (form, diagnostics) = try TemplateReader().read(document)
        #expect(diagnostics.isEmpty, "\(Self.places(diagnostics))")
        #expect(form.template == .project)
        #expect(form.title?.value == "2023年度项目支出绩效自评表")
        #expect(form.year?.value == 2023)  // from the title
        #expect(form.unit?.value == "青山县学生资助管理中心")
        #expect(form.headerFields.map(\.label.value) == ["项目名称", "主管部门", "实施单位", "项目负责人", "联系电话"])
        #expect(form.headerValue("项目负责人")?.value == "张丽")
        #expect(form.headerValue("联系电话")?.value == "0771-5120000")

        let budget = try #require(form.budget)
        // The names are in C (merged C:D), the section label in A (merged A:B).
        #expect(budget.columns == BudgetColumns(name: 3, initial: 5, adjusted: 6, executed: 7, weight: 8, rate: 9, score: 10))
        #expect(budget.rows.map(\.displayName) == ["年度资金总额", "财政拨款", "其他资金"])
        #expect(form.goals?.cell.description == "C10")
        #expect(form.achievements?.cell.description == "G10")

        let columns = try #require(form.indicatorHeader)
        #expect(columns.headerRow == 11)
        #expect(columns.sectionLabel == nil)
        #expect(columns.nature == 4)  // 指标性质
        #expect(columns.target == 5)
        #expect(columns.unit == 6)    // 度量单位
        #expect(columns.actual == 7)
        #expect(columns.weight == 8)  // 权重
        #expect(columns.score == 9)
        #expect(columns.reason == 10)

        #expect(form.indicators.count == 11)
        #expect(form.indicators.last?.isPlaceholder == true)  // "……" on row 22
        let first = try #require(form.scoredIndicators.first)
        #expect(first.nature?.value == "≥")
        #expect(first.target.value == "12000")
        #expect(first.measureUnit?.value == "人")
        #expect(first.measureUnit?.cell.description == "F12")
        #expect(first.targetText == "≥12000人")
        #expect(first.actualText == "11400人")
        let rows = form.scoredIndicators
        #expect(rows[6].nature?.value == "正向")
        #expect(rows[6].targetText == "≥5%")  // its own comparator: no prefix
        #expect(rows[7].targetText == "3%")  // 反向 is a direction, not an operator
        #expect(rows[3].level2.value == "质量指标")
        #expect(rows[3].level2.cell.description == "B14")
        #expect(rows[9].level1.value == "满意度指标")
        #expect(form.total?.weight?.cell.description == "H23")
        #expect(form.unrecognisedCells.isEmpty)
    }

    @Test func natureUnitScores() throws {
        let scored = try Self.scored("nature-unit.csv")
        // 预算执行率: 68.50/80.00 = 85.625 % → 10 × 0.85625 = 8.5625 → 8.56 (printed 85.63 %, 8.56: kept)
        let budget = try #require(scored.budget)
        #expect(budget.executionRate == exactDecimal("0.8563"))  // rounded to 4 places for the report
        #expect(budget.score == exactDecimal("8.56"))

        let scores = Self.scores(scored)
        #expect(scores == [
            12: exactDecimal("14.25"),  // ≥ | 12000 | 人, 11400: 11400/12000 = 0.95 × 15 = 14.25 (printed, kept)
            13: 10,                     // ＝ | 200 | 天, 200: equal, 200/200 × 10 = 10
            14: 10,                     // ＝ | 0 | 次, 0: equal with A = 0, B = 0 → full 10
            15: 5,                      // ≥ | 98 | %, 99.2: min(99.2/98, 1) × 5 = 5
            16: 5,                      // ≥ | 95 | %, 100: min(100/95, 1) × 5 = 5
            17: 5,                      // ≤ | 5 | 元, 5: negative, B ≤ A → 5
            18: 10,                     // 正向 | ≥5 | %, 6.2: 6.2/5 = 1.24 (< 1.3, no flag) → 10
            19: exactDecimal("8.33"),   // 反向 | 3 | %, 3.6: negative, A/B = 3/3.6 = 0.8333… × 10 = 8.33
            20: 10,                     // 正向 | ≤3 | 天, 2: ≤ wins (warned), B ≤ A → 10
            21: 10,                     // ≥ | 90 | %, 92: min(92/90, 1) × 10 = 10
        ])
        let byRow = Dictionary(uniqueKeysWithValues: scored.indicators.map { ($0.indicator.row, $0) })
        #expect(byRow[13]?.direction == .equal)
        #expect(byRow[14]?.direction == .equal)
        #expect(byRow[17]?.direction == .negative)
        #expect(byRow[19]?.direction == .negative)
        #expect(byRow[20]?.direction == .negative)
        // Split cells parse as one quantity: the operator from 指标性质, the unit from 度量单位.
        #expect(byRow[12]?.target == .quantity(Quantity(comparator: .atLeast, number: 12000, unit: .other("人"))))
        #expect(byRow[15]?.actual == .quantity(Quantity(comparator: nil, number: exactDecimal("99.2"), unit: .percent)))
        #expect(byRow[19]?.reason == "实际完成3.6%,高于年度指标值3%,完成率83.33%,扣1.67分。")

        // 8.56 + (14.25 + 10 + 10 + 5 + 5 + 5) + (10 + 8.33 + 10) + 10 = 8.56 + 49.25 + 28.33 + 10 = 96.14
        #expect(scored.totalWeight == 100)  // 10 + (15+10+10+5+5+5) + (10+10+10) + 10
        #expect(scored.totalScore == exactDecimal("96.14"))
        #expect(scored.grade == .excellent)
        // The contradiction 正向 with ≤ is warned at the 指标性质 cell (D20); the comparator decides.
        #expect(Self.places(scored.diagnostics) == [
            "score-replaced@I19", "reason-generated@J19", "direction-contradiction@D20", "printed-total-mismatch@I23",
        ])
    }

    // MARK: - (c) two-row-header.csv: 年度指标值 over 指标性质 / 指标值 / 度量单位

    @Test func twoRowHeaderReading() throws {
        let (form, diagnostics) = try Self.read("two-row-header.csv")
        #expect(diagnostics.isEmpty, "\(Self.places(diagnostics))")
        #expect(form.template == .project)
        #expect(form.unit?.value == "古城区农村人居环境整治办公室")
        #expect(form.projectName?.value == "古城区农村人居环境整治提升项目")
        #expect(form.budget?.rows.map(\.displayName) == ["年度资金总额", "本年财政拨款", "上年结转资金", "其他资金"])
        #expect(form.budget?.columns.name == 2)

        let columns = try #require(form.indicatorHeader)
        #expect(columns.headerRow == 13)        // the row with 一级/二级/三级
        #expect(columns.headerRows == 12...13)  // 年度指标值, 实际完成值 … on the row above
        #expect(columns.targetGroup?.description == "D12")
        #expect(columns.sectionLabel?.description == "A12")
        let levels: [Int] = [columns.level1, columns.level2, columns.name]
        #expect(levels == [1, 2, 3])
        #expect(columns.nature == 4)
        #expect(columns.target == 5)  // the 指标值 sub-column, not 年度指标值 (D)
        #expect(columns.unit == 6)
        let merged: [Int] = [columns.actual, columns.weight, columns.score]
        #expect(merged == [7, 8, 9])  // merged down two rows: the text is on row 12
        #expect(columns.reason == 10)

        #expect(form.indicators.first?.row == 14)
        #expect(form.indicators.count == 11)
        #expect(form.indicators.filter(\.isPlaceholder).map(\.name.value) == ["指标2："])
        let rows = form.scoredIndicators
        #expect(rows.first?.level1Label == "产出指标(50分)")
        #expect(rows.first?.level1Points == 50)
        #expect(rows[4].level2.value == "时效指标")
        #expect(rows[4].nature?.value == "—")
        #expect(rows[4].targetText == "2023年12月31日前")
        #expect(rows[3].targetText == "2%以下")  // its own comparator: written as is
        #expect(form.total?.score?.cell.description == "I25")
        #expect(form.conclusion == nil)
        #expect(form.trailer.first?.value == "评价结论")
        #expect(form.unrecognisedCells.isEmpty)
    }

    @Test func twoRowHeaderScores() throws {
        let scored = try Self.scored("two-row-header.csv")
        // 预算执行率: 360/480 = 75.00 % → 10 × 0.75 = 7.50
        #expect(scored.budget?.score == exactDecimal("7.50"))
        let scores = Self.scores(scored)
        #expect(scores == [
            14: exactDecimal("8.50"),  // ≥ | 1200 | 座, 1020: 1020/1200 = 0.85 × 10 = 8.50 (printed 8.5, kept)
            15: 8,                     // ≥ | 80 | 个, 86: min(1.075, 1) × 8 = 8
            16: exactDecimal("7.66"),  // ≥ | 95 | %, 91: 91/95 × 8 = 7.663… → 7.66 (printed, kept)
            17: 6,                     // ≥ | 2%以下 | %, 1.5: a contradiction; the value's own ≤2% gives 6 = printed 6, kept
            18: 8,                     // 12月31日前, 12月20日: on time → 达成, printed 8 kept
            19: exactDecimal("9.21"),  // ≤ | 3500 | 元, 3800: 3500/3800 × 10 = 9.2105… → 9.21 (printed 10 → replaced)
            20: 10,                    // ≥ | 85 | %, 86.5: 10
            21: 7,                     // 基本达到 → 部分达成 [6.00, 7.99]; empty → middle 70 % × 10 = 7.00
            22: 10,                    // 已建立 → 达成, printed 10 kept
            23: exactDecimal("9.44"),  // ≥ | 90 | %, 85: 85/90 × 10 = 9.444… → 9.44 (printed, kept)
        ])
        let byRow = Dictionary(uniqueKeysWithValues: scored.indicators.map { ($0.indicator.row, $0) })
        #expect(byRow[17]?.direction == .negative)
        #expect(byRow[19]?.direction == .negative)
        #expect(byRow[21]?.tier == .partial)
        #expect(byRow[21]?.reasonGenerated == false)
        #expect(byRow[17]?.reason == "")
        #expect(byRow[17]?.reasonGenerated == false)

        // 7.50 + (8.50 + 8 + 7.66 + 6 + 8 + 9.21) + (10 + 7 + 10) + 9.44 = 7.50 + 47.37 + 27 + 9.44 = 91.31
        #expect(scored.totalWeight == 100)
        #expect(scored.totalScore == exactDecimal("91.31"))
        #expect(scored.grade == .excellent)  // 91.31 ≥ 90 (89.81, 良, when the contradiction went against the unit)
        #expect(Self.places(scored.diagnostics) == [
            "operator-contradiction@D17", "score-replaced@I19", "printed-total-mismatch@I25",
        ])
        #expect(!scored.diagnostics.contains { $0.code == .labelPointsMismatch })  // 50 / 30 / 10 add up
    }

    // MARK: - Writing: the scored grid

    @Test(arguments: ["national.csv", "nature-unit.csv", "two-row-header.csv"])
    func scoredGridKeepsEveryCell(_ name: String) throws {
        let scored = try Self.scored(name)
        let grid = ScoredGrid(scored)
        let input = scored.form.document
        // Every input cell is in the output; only engine-computed cells differ.
        for (r, row) in input.rows.enumerated() {
            for (c, text) in row.enumerated() {
                let cell = CellAddress(row: r + 1, column: c + 1)
                if grid.computed[cell] == nil { #expect(grid[cell] == text, "\(cell)") }
            }
        }
        // No grade is written over a project form's 评价结论 narrative.
        #expect(!grid.computed.values.contains { $0.role == .conclusion })
        let total = try #require(scored.form.total?.score?.cell)
        #expect(grid[total] == scored.totalScore.fixed(2))
    }

    @Test func scoredGridOfTheTwoRowHeader() throws {
        let grid = ScoredGrid(try Self.scored("two-row-header.csv"))
        #expect(grid[CellAddress(row: 17, column: 9)] == "6.00")  // I17, the unit's 6 kept
        #expect(grid[CellAddress(row: 21, column: 9)] == "7.00")  // I21, filled
        #expect(grid[CellAddress(row: 17, column: 10)] == "")  // no reason quoting the contradiction
        #expect(grid[CellAddress(row: 25, column: 9)] == "91.31")
        #expect(grid[CellAddress(row: 6, column: 9)] == "75.00%")
    }

    // MARK: - Scoring: the operator column

    /// (operator cell, target, actual, expected direction, warning code or nil).
    @Test(arguments: [
        // A contradiction: the value's own words (ContradictionRule), flagged for review.
        ("≥", "5%以内", "4%", Direction.negative, "operator-contradiction"),  // B ≤ A → 90
        ("≤", "5%以上", "4%", Direction.positive, "operator-contradiction"),  // 4/5 × 90 = 72
        ("≤", "≤5%", "4%", Direction.negative, nil),
        ("＝", "≥95%", "95%", Direction.equal, nil),                          // = is scored as positive: no conflict
        ("＝", "≤5%", "4%", Direction.negative, "operator-contradiction"),
        ("正向", "≤5%", "4%", Direction.negative, "direction-contradiction"),  // a direction word: the comparator wins
        ("大于等于", "95%", "90%", Direction.positive, nil),
    ] as [(String, String, String, Direction, String?)])
    func operatorColumnAgainstTheValue(_ op: String, _ target: String, _ actual: String, _ direction: Direction, _ code: String?) throws {
        let scored = try Scorer.score(FormBuilder.single(target: target, actual: actual, weight: "90", reason: "原因",
                                                         nature: op), rules: .v2020)
        let result = try #require(scored.indicators.first)
        #expect(result.direction == direction)
        let conflicts = scored.diagnostics.filter { $0.code.rawValue.hasSuffix("-contradiction") }
        #expect(conflicts.map(\.code.rawValue) == (code.map { [$0] } ?? []))
        #expect(conflicts.allSatisfy { $0.location.column == 10 })  // the operator cell
        if op == "≥", target == "5%以内" { #expect(result.score == 90) }
        if op == "≤", target == "5%以上" { #expect(result.score == 72) }  // 90 × 4/5
        if code == "operator-contradiction" { #expect(result.needsReview) }
    }

    // MARK: - Reader details

    /// 一级/二级/三级 on the first header row, 年度指标值 above sub-columns on the row below.
    @Test func subLabelsOnTheRowBelowTheLevels() throws {
        var document = try CSVReader().read(contentsOf: FixturePaths.fixture("project/two-row-header.csv"))
        document.rows[11] = ["一级指标", "二级指标", "三级指标", "年度指标值", "", "", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
        document.rows[12] = ["", "", "", "指标性质", "指标值", "度量单位", "", "", "", ""]
        let (form, diagnostics) = try TemplateReader().read(document)
        #expect(diagnostics.isEmpty, "\(Self.places(diagnostics))")
        let columns = try #require(form.indicatorHeader)
        #expect(columns.headerRow == 12)
        #expect(columns.headerRows == 12...13)
        #expect(columns.targetGroup?.description == "D12")
        let split: [Int?] = [columns.nature, columns.target, columns.unit]
        #expect(split == [4, 5, 6])
        #expect(form.indicators.first?.row == 14)
        #expect(try Scorer.score(form).totalScore == exactDecimal("91.31"))
    }

    @Test func templateIsRecognisedFromTheProjectNameLabel() throws {
        var document = try CSVReader().read(contentsOf: FixturePaths.fixture("project/national.csv"))
        document.rows[0] = ["绩效自评表", "", "", "", "", "", "", "", ""]
        let (form, _) = try TemplateReader().read(document)
        #expect(form.template == .project)
        let (forced, _) = try TemplateReader(template: .department).read(document)
        #expect(forced.template == .department)
    }

    @Test func anEmptyHeaderValueDoesNotTakeTheNextLabel() throws {
        var document = try CSVReader().read(contentsOf: FixturePaths.fixture("project/national.csv"))
        document.rows[3][2] = ""  // 主管部门 left empty
        let (form, _) = try TemplateReader().read(document)
        #expect(form.supervisor == nil)
        #expect(form.unit?.value == "青山县农村供水管理站")
    }

    @Test(arguments: [
        ("其中：当年财政拨款", "当年财政拨款"), ("其中:本年财政拨款", "本年财政拨款"), ("其中 ： 财政拨款", "财政拨款"),
        ("年度资金总额：", "年度资金总额"), ("年度资金总额:", "年度资金总额"), ("其他资金", "其他资金"),
        ("其中央资金", "其中央资金"),
    ])
    func budgetRowDisplayNames(_ written: String, _ expected: String) {
        #expect(BudgetRow.displayName(written) == expected)
    }

    @Test(arguments: [
        ("≥", "95", "%", "≥95%"), ("＝", "0", "次", "＝0次"), ("正向", "95", "%", "95%"), ("≤", "≤3", "天", "≤3天"),
        ("≥", "2%以下", "%", "2%以下"), ("—", "按时完成", "—", "按时完成"), (nil, "10家以上", nil, "10家以上"),
    ] as [(String?, String, String?, String)])
    func targetTextJoinsSplitCells(_ op: String?, _ value: String, _ unit: String?, _ expected: String) {
        let at = CellAddress(row: 1, column: 1)
        let indicator = Indicator(row: 1, level1: Located("产出指标", at: at), level1Label: "产出指标", level1Points: nil,
                                  level2: Located("数量指标", at: at), name: Located("指标", at: at),
                                  target: Located(value, at: at), actual: Located("", at: at),
                                  weight: Located("10", at: at), score: Located("", at: at), reason: nil,
                                  nature: op.map { Located($0, at: at) }, measureUnit: unit.map { Located($0, at: at) })
        #expect(indicator.targetText == expected)
    }
}
