/// Words of the conversion layer: output names, and messages that are not about outputs (those
/// are in `OutputMessage`).
public enum ConversionWords {
    /// 〈单位〉-〈年度〉-部门整体支出绩效自评表.xlsx: the suffix of output names.
    public static let departmentOutputSuffix = "部门整体支出绩效自评表"
    /// 〈单位〉-〈年度〉-项目支出绩效自评表.xlsx.
    public static let projectOutputSuffix = "项目支出绩效自评表"
    static let unknownUnit = "未知单位"
    static let unknownYear = "未知年度"
    /// The batch's summary workbook.
    public static let summaryWorkbookName = "汇总表.xlsx"
    static let noSuchPath = "找不到这个文件或文件夹"
    static let unreadableFolder = "无法读取这个文件夹"
    /// A folder given where a form's file is read (`unreadable-file`).
    static let folderGiven = "这是一个文件夹,不是 CSV 文件"
    static let cannotCreateFolder = "无法创建输出文件夹"
    /// Header words that only the 评分明细 sheet has (as its writer in XLSXReport/Layout prints them).
    static let detailSheetHeader: Set<String> = ["A 解析为", "B 解析为", "计算方法"]
    static let noTitleUnitYear =
        "这不是绩效自评表:没有标题“…自评表”,也找不到单位和年度。若是其他工作表(如评分明细)导出的 CSV,请导出“自评表”那一页"
    static let detailSheet =
        "这是 selfeval 写出的“评分明细”表,不是自评表本身:请导出工作簿中的“自评表”那一页"
    static func noFormSheet(_ sheets: [String]) -> String {
        "工作簿中没有自评表:没有哪一张工作表有标题“…自评表”或“一级指标/二级指标/三级指标”表头;现有工作表: "
            + sheets.map { "“\($0)”" }.joined(separator: "、")
    }
    static func severalForms(_ sheets: [String]) -> String {
        "工作簿中有 \(sheets.count) 张自评表("
            + sheets.map { "“\($0)”" }.joined(separator: "、")
            + "),一次只能输出一张:" + FormLoader.severalFormsChoice
    }
    static func earlierRun(_ folder: String, _ count: Int) -> String {
        "输出文件夹 \(folder) 里有上次运行的结果(其 report.json 列出 \(count) 个文件):"
            + "加 --replace 先删除这些文件(只删 report.json 列出的),或换一个输出文件夹"
    }
    static func earlierRunKept(_ path: String) -> String {
        "上次运行的 \(path) 在那次运行之后被改动过(或已不是普通文件):没有删除它"
    }
}
