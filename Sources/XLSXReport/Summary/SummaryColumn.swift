import Foundation

/// The columns of the 汇总 sheet, in order, with their titles and widths (in Excel's character
/// units). A bureau's table: who, what, by which rules, out of how many points, where the points
/// went, what needs a look, and which files.
enum SummaryColumn: Int, CaseIterable {
    case number, unit, project, year, filledOn, contact, phone, rules, totalWeight, total, grade, executionRate,
         budgetScore, outputScore, benefitScore, satisfactionScore, lostPoints, needsReview, warnings, duplicates,
         source, output

    /// Title and width of each column, in the order of the cases.
    private static let table: [(title: String, width: Double)] = [
        ("序号", 5), ("单位", 22), ("项目名称", 22), ("年度", 6), ("填报日期", 14), ("联系人", 8), ("电话", 13),
        ("评分规则", 15), ("总分值", 7), ("总分", 7), ("等级", 5), ("预算执行率", 9), ("预算执行得分", 8),
        ("产出指标得分", 8), ("效益指标得分", 8), ("满意度指标得分", 8), ("失分", 7), ("需复核", 7), ("提示", 56),
        ("重复", 24), ("源文件", 28), ("输出文件", 28),
    ]

    var title: String { Self.table[rawValue].title }

    /// Width in character units (a CJK character counts two).
    var width: Double { Self.table[rawValue].width }

    /// Before the other files of a duplicate.
    static let duplicatePrefix = "同一单位、年度、项目另见:"
}
