import Foundation

/// 自评等级: 优, 良, 中, 差.
public enum EvaluationGrade: String, Sendable, Equatable, Hashable, Codable, CaseIterable {
    case excellent
    case good
    case fair
    case poor

    /// 优 / 良 / 中 / 差.
    public var label: String {
        switch self {
        case .excellent: Vocabulary.ScoringWords.gradeExcellent
        case .good: Vocabulary.ScoringWords.gradeGood
        case .fair: Vocabulary.ScoringWords.gradeFair
        case .poor: Vocabulary.ScoringWords.gradePoor
        }
    }

    /// The 自评结论 cell: 自评等级“优”.
    public var conclusion: String { Vocabulary.ScoringWords.conclusion(label) }

    /// The grade whose label is `label` (优 → .excellent).
    public init?(label: String) {
        guard let grade = EvaluationGrade.allCases.first(where: { $0.label == label }) else { return nil }
        self = grade
    }
}
