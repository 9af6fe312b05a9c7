import Foundation

/// The columns of the 汇总 sheet, in order, with their widths (in Excel's character units) and
/// whether their text wraps. A bureau's table: who, what, by which rules, out of how many
/// points, where the points went, what needs a look, and which files.
enum SummaryColumn: Int, CaseIterable {
    case number, unit, project, year, filledOn, contact, phone, rules, totalWeight, total, grade, executionRate,
         budgetScore, outputScore, benefitScore, satisfactionScore, lostPoints, needsReview, warnings, duplicates,
         source, output

    var title: String {
        switch self {
        case .number: "序号"
        case .unit: "单位"
        case .project: "项目名称"
        case .year: "年度"
        case .filledOn: "填报日期"
        case .contact: "联系人"
        case .phone: "电话"
        case .rules: "评分规则"
        case .totalWeight: "总分值"
        case .total: "总分"
        case .grade: "等级"
        case .executionRate: "预算执行率"
        case .budgetScore: "预算执行得分"
        case .outputScore: "产出指标得分"
        case .benefitScore: "效益指标得分"
        case .satisfactionScore: "满意度指标得分"
        case .lostPoints: "失分"
        case .needsReview: "需复核"
        case .warnings: "提示"
        case .duplicates: "重复"
        case .source: "源文件"
        case .output: "输出文件"
        }
    }

    /// Before the other files of a duplicate.
    static let duplicatePrefix = "同一单位、年度、项目另见:"

    /// Width in character units (a CJK character counts two).
    var width: Double {
        switch self {
        case .number: 5
        case .unit: 22
        case .project: 22
        case .year: 6
        case .filledOn: 14
        case .contact: 8
        case .phone: 13
        case .rules: 15
        case .totalWeight, .total, .lostPoints: 7
        case .grade: 5
        case .executionRate: 9
        case .budgetScore, .outputScore, .benefitScore, .satisfactionScore: 8
        case .needsReview: 7
        case .warnings: 56
        case .duplicates: 24
        case .source: 28
        case .output: 28
        }
    }

    /// Whether the column's text wraps (the row grows to show it all).
    var wraps: Bool {
        switch self {
        case .unit, .project, .rules, .warnings, .duplicates, .source, .output, .filledOn: true
        default: false
        }
    }
}
