import SelfEvaluation

/// The words of the workbooks selfeval writes — sheet names, fonts, footer, document
/// properties, comments, the 评分明细 headings and the blank template — owned by this layer
/// (the domain's words stay in `SelfEvaluation.Vocabulary`).
enum WorkbookWords {
    /// The first sheet: the printed form.
    static let formSheet = "自评表"
    /// The second sheet: one row per scored line.
    static let detailSheet = "评分明细"
    /// The title font (a bold CJK sans face) and the body font.
    static let titleFont = "黑体"
    static let bodyFont = "宋体"
    /// The CJK font of cell comments (the library's default, Tahoma, has no CJK glyphs).
    static let commentFont = "宋体"
    /// Centred footer "page P of N".
    static let pageFooter = "&C第 &P 页，共 &N 页"
    /// The form sheet's footer: its own page count, computed (`&N` would count the pages of every
    /// sheet printed with it, 评分明细's too).
    static func formFooter(pages: Int) -> String { "&C第 &P 页，共 \(pages) 页" }
    /// The 评分明细 sheet's footer: its own pages, numbered from 1.
    static let detailFooter = "&C评分明细 第 &P 页"
    /// Document keywords.
    static let keywords = "绩效自评,部门整体支出,selfeval"
    /// Document keywords of a project form (项目支出绩效自评表).
    static let projectKeywords = "绩效自评,项目支出,selfeval"
    /// The subject: 〈unit〉 〈year〉年度.
    static func subject(unit: String, year: Int?) -> String {
        guard let year else { return unit }
        return unit.isEmpty ? "\(year)年度" : "\(unit) \(year)年度"
    }
    /// Custom document properties.
    static let propertyTotal = "总分"
    static let propertyGrade = "自评等级"
    static let propertyRules = "规则"
    static let propertyNeedsReview = "需人工复核"
    /// Comments on cells the engine wrote.
    static func originalValue(_ text: String) -> String { "原表为“\(text)”。" }
    static let rateComputed = "执行率由程序按全年执行数/全年预算数计算。"
    static let rateFromParts = "年度资金总额一行为0:执行率按其下各行之和计算。"
    static let scoreComputed = "得分由程序计算。"
    static let totalComputed = "总分由程序按各项得分合计。"
    static let conclusionComputed = "自评结论由程序按总分判定。"
    /// The note under the printed table of a scored workbook (outside the print area).
    static let rescoreNote = "说明:执行率、得分、总分和自评等级为公式,只随表中数字重算;手工修改任何数字或文字后,请用 selfeval 重新评分(selfeval score 本文件),以评分规则的结果为准。"
    /// The legend of the marked style, under the note (when the form has marked cells).
    static let markedLegend = "图例:黄底斜体的格由程序填写——生成的未完成原因分析(请单位补充),或按规则改正的得分(表中原值见该格批注)。"
    static let weightComputed = "总分值由程序按各项分值合计。"
    static let formulaDropped = "此格的数据不全为数字,未写公式,只写程序算出的值。"
    // The 评分明细 sheet
    /// The headings of its columns (one per line field, in order).
    static let detailHeaders = [
        "行号", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "A 解析为", "实际完成值(B)", "B 解析为", "类型", "方向",
        "档次", "完成率", "计算方法", "分值", "得分", "原得分", "说明/警告",
    ]
    static let detailDiagnostics = "诊断信息"
    /// The headings of the diagnostics' columns.
    static let diagnosticHeaders = ["位置", "级别", "代码", "说明"]
    static let detailRules = "评分规则"
    static let detailTotal = "总分"
    static let detailGrade = "自评等级"
    /// The level of a finding as 评分明细 shows it (a note is no 警告: it needs no review).
    static func severity(_ severity: Severity) -> String {
        switch severity {
        case .error: "错误"
        case .warning: "警告"
        case .note: "提示"
        }
    }
    static let rulesFromNotes = "据表注判定"
    static let rulesDefaulted = "表注未说明,用默认规则"
    static let rulesGiven = "指定"
    static let noDiagnostics = "无"
    // The blank template
    static let blankYear = "(    年度)"
    static let blankUnitSeal = "单位(盖章):"
    static let blankFilledOn = "填报日期:"
    static let blankUnitName = "部门(单位)名称"
    static let blankBudgetSection = "部门(单位)总体资金(万元)"
    static let blankBudgetHeader = ["资金来源", "年初预算数", "全年预算数(A)", "全年执行数(B)", "分值", "执行率", "得分"]
    static let blankBudgetRows = ["年度资金总额:", "基本支出", "项目支出", "其他资金"]
    static let blankNotApplicable = "—"
    static let blankGoalsSection = "年度总体目标"
    static let blankGoalsExpected = "预期目标"
    static let blankGoalsActual = "实际完成情况"
    static let blankIndicatorSection = "绩效指标"
    static let blankIndicatorHeader = ["一级指标", "二级指标", "三级指标", "年度指标值(A)", "实际完成值(B)", "分值", "得分", "未完成原因分析"]
    /// Level-1 groups of the blank: label, then (level-2 name, rows).
    static let blankGroups: [(label: String, groups: [(name: String, rows: Int)])] = [
        ("产出指标(50分)", [("数量", 3), ("质量", 2), ("时效", 1), ("成本", 2)]),
        ("效益指标(30分)", [("经济效益", 1), ("社会效益", 2), ("生态效益", 1), ("可持续影响", 1)]),
        ("满意度指标(10分)", [("服务对象满意度", 3)]),
    ]
    static let blankTotal = "总分"
    static let blankConclusion = "自评结论"
    static let blankContact = "联系人:"
    static let blankPhone = "联系电话:"
    // The blank project form (项目支出绩效自评表)
    static let projectName = "项目名称"
    static let projectDepartment = "主管部门"
    static let projectUnit = "实施单位"
    static let projectBudgetSection = "项目资金(万元)"
    static let projectBudgetHeader = ["年初预算数", "全年预算数", "全年执行数", "分值", "执行率", "得分"]
    static let projectBudgetRows = ["年度资金总额", "其中:当年财政拨款", "上年结转资金", "其他资金"]
    static let projectBudgetWeight = "10"
    static let projectIndicatorHeader = ["一级指标", "二级指标", "三级指标", "年度指标值", "实际完成值", "分值", "得分", "偏差原因分析及改进措施"]
    static let projectGroups: [(label: String, groups: [String])] = [
        ("产出指标", ["数量指标", "质量指标", "时效指标", "成本指标"]),
        ("效益指标", ["经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标"]),
        ("满意度指标", ["服务对象满意度指标"]),
    ]
    static let projectPlaceholders = ["指标1:", "指标2:", "……"]
    static let projectTotalWeight = "100"
    /// The notes of the 2020 rules (财预〔2020〕10号): tiers 100–80%, 80–60%, 60–0%.
    static let blankNotes = [
        "注:1.绩效自评采取打分评价的形式,满分为100分,各部门(单位)可根据指标的重要程度确定各项三级指标的权重分值,各项指标得分加总得出该绩效自评的总分。原则上一级指标分值统一设置为:产出指标50分,效益指标30分、服务对象满意度10分、预算资金执行率10分。如有特殊情况,除预算资金执行率外,其他指标权重可适当调整,但总分应为100分。各三级指标得分最高不能超过该指标分值上限。",
        "2.未完成原因分析:说明偏离目标、不能完成目标的原因及拟采取的措施。",
        "3.定量指标若为正向指标(即指标值为≥*),则得分计算方法应用实际完成值(B)/年度指标值(A)*该指标分值;若定量指标为反向指标(即指标值为≤*),则得分计算方法应用年度指标值(A)/实际完成值(B)*该指标分值。",
        "4.定性指标根据指标完成情况分为:达成预期指标、部分达成预期指标并具有一定效果、未达成预期指标且效果较差三档,分别按照该指标对应分值区间100-80%(含80%)、80-60%(含60%)、60-0%合理确定分值。",
    ]
}
