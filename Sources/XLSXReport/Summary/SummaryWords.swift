/// Words of 汇总表.xlsx (the batch summary workbook): its sheets, headings and charts.
public enum SummaryWords {
    public static let title = "绩效自评表汇总"
    public static let author = "selfeval"
    public static let font = "宋体"
    public static let formsSheet = "汇总"
    public static let errorsSheet = "错误"
    public static let statsSheet = "统计"
    public static let errorsHeader = ["源文件", "位置(行:列)", "代码", "说明"]
    public static let gradeColumn = "自评等级"
    public static let countColumn = "表数"
    public static let totalBinColumn = "总分区间"
    public static let formsCount = "表格总数"
    public static let failedCount = "失败"
    public static let gradeChartTitle = "自评等级分布"
    public static let totalsChartTitle = "总分分布"
    public static let yes = "是"
    public static let no = "否"
    public static let statusFailed = "失败"
    public static let departmentTemplate = "部门整体"
    public static let projectTemplate = "项目支出"
}
