import Foundation

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
    /// 全年预算数 (万元).
    public var budget: Decimal?
    /// 执行率 as a ratio (1 = 100%).
    public var executionRate: Decimal?
    public var total: Decimal?
    public var grade: String
    public var warnings: Int
    public var needsReview: Bool
    /// Whether the form was converted.
    public var succeeded: Bool
    /// The output file name (empty when it failed).
    public var output: String

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
    public var code: String
    public var message: String

    public init(source: String, place: String, code: String, message: String) {
        self.source = source
        self.place = place
        self.code = code
        self.message = message
    }
}
