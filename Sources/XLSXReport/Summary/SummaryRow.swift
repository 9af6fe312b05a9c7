import Foundation
import SelfEvaluation

/// One form's line in the batch summary workbook (汇总表.xlsx).
public struct SummaryRow: Sendable, Equatable, Codable {
    /// The input file, as given.
    public var source: String
    /// 部门整体 / 项目支出.
    public var templateLabel: String
    public var unit: String
    /// Project forms: 项目名称 and 主管部门.
    public var project: String
    public var supervisor: String
    public var year: Int?
    /// 填报日期 as written on the form.
    public var filledOn: String = ""
    /// 联系人 (or 填报人 / 项目负责人) and 联系电话, as written.
    public var contact: String = ""
    public var phone: String = ""
    /// 评分规则 as a bureau names it (财预〔2020〕10号, 2017–2019 口径, a rules file's name).
    public var rules: String = ""
    /// 总分值: the points the form's indicators and budget are worth (not always 100).
    public var totalWeight: Decimal?
    /// 全年预算数 (万元).
    public var budget: Decimal?
    /// 执行率 as a ratio (1 = 100%).
    public var executionRate: Decimal?
    /// 预算执行率得分.
    public var budgetScore: Decimal?
    /// Subtotals of 产出 / 效益 / 满意度 indicators (nil when the form has none of that kind).
    public var outputScore: Decimal?
    public var benefitScore: Decimal?
    public var satisfactionScore: Decimal?
    public var total: Decimal?
    public var grade: String
    public var warnings: Int
    /// The warning (and, for a failed form, error) texts, in order.
    public var warningTexts: [String] = []
    public var needsReview: Bool
    /// Other sources of the same unit, year and project in this batch (empty: no duplicate).
    public var duplicates: [String] = []
    /// Whether the form was converted.
    public var succeeded: Bool
    /// The output file name (empty when it failed).
    public var output: String

    /// 失分: 总分值 − 总分, when both are known.
    public var lostPoints: Decimal? {
        guard let totalWeight, let total else { return nil }
        return totalWeight - total
    }

    public init(source: String, templateLabel: String = "", unit: String = "", project: String = "", supervisor: String = "",
                year: Int? = nil, budget: Decimal? = nil, executionRate: Decimal? = nil, total: Decimal? = nil,
                grade: String = "", warnings: Int = 0, needsReview: Bool = false, succeeded: Bool, output: String = "") {
        self.source = source
        self.templateLabel = templateLabel
        self.unit = unit
        self.project = project
        self.supervisor = supervisor
        self.year = year
        self.budget = budget
        self.executionRate = executionRate
        self.total = total
        self.grade = grade
        self.warnings = warnings
        self.needsReview = needsReview
        self.succeeded = succeeded
        self.output = output
    }
}

/// One error of a batch: the file, the place inside it, the code and the message.
public struct SummaryError: Sendable, Equatable {
    public var source: String
    /// "row:col" as a spreadsheet shows it ("35:A").
    public var place: String
    public var code: DiagnosticCode
    public var message: String

    public init(source: String, place: String, code: DiagnosticCode, message: String) {
        self.source = source
        self.place = place
        self.code = code
        self.message = message
    }
}
