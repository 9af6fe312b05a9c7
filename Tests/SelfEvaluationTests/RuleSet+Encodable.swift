@testable import SelfEvaluation

/// A rule set written back as a rules file (every key, no `base`): the round trip of the tests.
extension RuleSet: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(name, forKey: .name)
        try c.encode(tiers, forKey: .tiers)
        try c.encode(negativeFormula, forKey: .negativeFormula)
        try c.encode(gradeBands, forKey: .gradeBands)
        try c.encode(executionRateWeight, forKey: .executionRateWeight)
        try c.encode(decimals, forKey: .decimals)
        try c.encode(overAchievementThreshold, forKey: .overAchievementThreshold)
        try c.encode(overAchievementNeedsExplanation, forKey: .overAchievementNeedsExplanation)
    }
}
