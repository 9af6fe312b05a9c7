import Foundation

/// A form with every score computed, checked and explained. Built by `Scorer.score(_:rules:)`.
public struct ScoredForm: Sendable {
    /// The form as read (every input cell).
    public var form: Form
    /// The rules applied, and how they were chosen.
    public var ruleSet: RuleSet
    public var ruleSetChoice: RuleSetChoice
    /// 预算执行率; nil when the form has no money table.
    public var budget: BudgetResult?
    /// One per form indicator, placeholders included, in form order.
    public var indicators: [IndicatorResult]
    /// Sum of the 分值: 预算执行率 and every scored indicator.
    public var totalWeight: Decimal
    /// 总分 = budget score + the sum of the (rounded) indicator scores.
    public var totalScore: Decimal
    /// 自评等级.
    public var grade: EvaluationGrade
    /// Warnings, each with file:row:col, sorted by place.
    public var diagnostics: [Diagnostic]
    /// Whether a person must review the result before it is filed.
    public var needsReview: Bool
    /// Every audit entry, in scoring order.
    public var audit: [AuditEntry]

    /// False for a form with nothing filled in (`NotFilledRule`): read and its budget scored, but
    /// neither 总分 nor 等级 stand; outputs show 未评定.
    public var isGraded = true
    /// The first-level sections and their 分值, and where each came from (`SectionWeightRule`).
    public var sections: [SectionWeight] = []
    /// 优 / 良 / 中 / 差, or 未评定.
    public var gradeLabel: String { isGraded ? grade.label : Message.notGraded }
    /// The 自评结论 text: 自评等级“优”, or 未评定.
    public var conclusion: String { isGraded ? grade.conclusion : Message.notGraded }
    /// Only the warnings.
    public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
}

extension ScoredForm {
    enum Message {
        /// Shown for 总分 and 等级 of a form with nothing filled in.
        static let notGraded = "未评定"
    }
}
