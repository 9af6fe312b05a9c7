/// Every Chinese word selfeval reads or writes, in one place. Identifiers stay English;
/// this file is the glossary the code consults.
public enum Vocabulary {
    // MARK: - Units
    public static let yuan = "元"
    public static let wanYuan = "万元"
    public static let yiYuan = "亿元"

    // MARK: - Template (owned by the template reader)
    /// Title words: a form's title contains this.
    public static let formTitleMarker = "自评表"
    public static let departmentTitle = "部门整体支出绩效目标自评表"
    public static let projectTitle = "项目支出绩效自评表"
    public static let projectMarker = "项目支出"
    /// "(2023年度)" → the year before this word.
    public static let yearSuffix = "年度"
    public static let unitSealLabel = "单位(盖章)"
    public static let unitNameLabels = ["部门(单位)名称", "单位名称", "部门名称", "预算单位", "实施单位"]
    public static let filledOnLabel = "填报日期"
    public static let projectHeaderLabels = ["项目名称", "主管部门", "实施单位", "项目负责人", "联系电话"]
    public static let projectNameLabel = "项目名称"
    public static let supervisorLabel = "主管部门"
    public static let budgetSectionLabels = ["部门(单位)总体资金(万元)", "项目资金(万元)", "总体资金(万元)"]
    public static let budgetSourceLabel = "资金来源"
    public static let budgetInitialLabel = "年初预算数"
    public static let budgetAdjustedLabel = "全年预算数"
    public static let budgetExecutedLabel = "全年执行数"
    public static let weightLabels = ["分值", "权重"]
    public static let rateLabel = "执行率"
    public static let scoreLabel = "得分"
    public static let budgetTotalLabel = "年度资金总额"
    public static let budgetPartPrefix = "其中"
    public static let goalsSectionLabel = "年度总体目标"
    public static let goalsExpectedLabel = "预期目标"
    public static let goalsActualLabel = "实际完成情况"
    public static let indicatorSectionLabel = "绩效指标"
    public static let level1Label = "一级指标"
    public static let level2Label = "二级指标"
    public static let level3Label = "三级指标"
    public static let targetLabel = "年度指标值"
    public static let actualLabel = "实际完成值"
    public static let reasonLabels = ["未完成原因分析", "偏差原因分析及改进措施", "偏差原因分析", "原因分析"]
    public static let natureLabels = ["指标性质", "指标方向", "计算符号"]
    public static let measureUnitLabels = ["度量单位", "计量单位"]
    public static let totalLabel = "总分"
    public static let conclusionLabels = ["自评结论", "评价结论"]
    public static let contactLabel = "联系人"
    public static let phoneLabel = "联系电话"
    public static let notesPrefix = "注"
    /// "(60分)" in a level-1 label.
    public static let pointsSuffix = "分"
    public static let placeholderNamePrefix = "指标"
    public static let ellipses = ["……", "…", "...", "。。。"]
    public static let level1Names = ["产出指标", "效益指标", "满意度指标"]
    public static let level2Names = ["数量", "质量", "时效", "成本", "经济效益", "社会效益", "生态效益", "可持续影响",
                                     "服务对象满意度", "进度", "可持续效益", "满意度"]
    /// Full-width → ASCII punctuation used when comparing labels.
    public static let labelPunctuation: [Character: Character] = ["（": "(", "）": ")", "：": ":", "，": ",", "　": " "]
    public static let dateYear = "年"
    public static let dateMonth = "月"
    public static let dateDay = "日"

    /// Messages of the template reader.
    public enum TemplateMessage {
        public static let notAForm = "这不是绩效自评表:找不到标题“…自评表”,也找不到含“一级指标”“二级指标”“三级指标”的指标表头"
        public static let missingIndicatorHeader = "找不到绩效指标表头(一行中同时有“一级指标”“二级指标”“三级指标”)"
        public static func missingColumn(_ label: String) -> String { "指标表头缺少“\(label)”列" }
        public static let missingBudget = "找不到资金表(“资金来源”“年初预算数”“全年预算数”“全年执行数”表头)"
        public static func missingBudgetColumn(_ label: String) -> String { "资金表表头缺少“\(label)”列" }
        public static let missingYear = "找不到年度(如“(2023年度)”)"
        public static let missingUnit = "找不到单位名称(“部门(单位)名称”或“单位(盖章):”)"
        public static let missingTotal = "找不到“总分”行"
        public static let noIndicators = "指标表中没有任何指标"
        public static func unknownLevel2(_ name: String) -> String { "二级指标“\(name)”不是常见名称(数量、质量、时效、成本、经济效益、社会效益、生态效益、可持续影响、服务对象满意度),照原样保留" }
        public static func unknownLevel1(_ name: String) -> String { "一级指标“\(name)”不是常见名称(产出指标、效益指标、满意度指标),照原样保留" }
        public static func unrecognisedCell(_ text: String) -> String { "这个单元格不属于模板的任何位置,已原样保留在输出中:“\(text)”" }
        public static let indicatorWithoutLevel = "这一行指标没有一级或二级指标(上方也没有可沿用的合并单元格)"
    }

    // MARK: - Values (owned by the value parser)

    // MARK: - Scoring (owned by the scoring engine)
}
