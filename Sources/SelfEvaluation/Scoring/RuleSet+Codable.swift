import Foundation

/// The rules-file format (JSON). Every key but `name` is optional; a missing key takes the value of
/// `base` ("legacy" or "2020", default "2020"):
///
/// ```json
/// {
///   "name": "local-linear",
///   "base": "2020",
///   "tiers": {"achieved": 0.8, "partial": 0.6},
///   "negativeFormula": "linear",
///   "gradeBands": {"excellent": 80, "good": 70, "fair": 60},
///   "executionRateWeight": 20,
///   "decimals": 1,
///   "overAchievementThreshold": 1.3,
///   "overAchievementNeedsExplanation": true
/// }
/// ```
///
/// - `tiers`: lower bounds of 达成 and 部分达成 as fractions of 分值 (0 < partial < achieved ≤ 1).
/// - `negativeFormula`: "ratio" (A/B × 分值) or "linear" ((1 − (B − A)/A) × 分值, 0 from B ≥ 2A).
/// - `gradeBands`: lowest totals of 优, 良, 中 (descending); below `fair` is 差.
/// - `executionRateWeight`: the 分值 of 预算执行率 the rules fix.
/// - `decimals`: 0, 1 or 2.
/// - `overAchievementThreshold`: B ≥ threshold × A flags over-achievement (≥ 1).
extension RuleSet: Codable {
    enum CodingKeys: String, CodingKey {
        case name, base, tiers, negativeFormula, gradeBands, executionRateWeight, decimals
        case overAchievementThreshold, overAchievementNeedsExplanation
    }

    public init(from decoder: any Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let baseName = try c.decodeIfPresent(String.self, forKey: .base) ?? RuleSet.v2020.name
        guard let base = RuleSet.builtIn(named: baseName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .base, in: c, debugDescription: "unknown base rule set \"\(baseName)\" (legacy or 2020)")
        }
        self = base
        name = try c.decode(String.self, forKey: .name)
        tiers = try c.decodeIfPresent(TierBounds.self, forKey: .tiers) ?? base.tiers
        negativeFormula = try c.decodeIfPresent(NegativeFormula.self, forKey: .negativeFormula) ?? base.negativeFormula
        gradeBands = try c.decodeIfPresent(GradeBands.self, forKey: .gradeBands) ?? base.gradeBands
        executionRateWeight = try c.decodeIfPresent(Decimal.self, forKey: .executionRateWeight)
            ?? base.executionRateWeight
        decimals = try c.decodeIfPresent(Int.self, forKey: .decimals) ?? base.decimals
        overAchievementThreshold = try c.decodeIfPresent(Decimal.self, forKey: .overAchievementThreshold)
            ?? base.overAchievementThreshold
        overAchievementNeedsExplanation = try c.decodeIfPresent(Bool.self, forKey: .overAchievementNeedsExplanation)
            ?? base.overAchievementNeedsExplanation
    }

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

    /// Why the settings cannot be used, or nil when they are consistent.
    public var validationProblem: String? {
        if name.trimmingCharacters(in: .whitespaces).isEmpty { return "name is empty" }
        if !(tiers.partial > 0 && tiers.partial < tiers.achieved && tiers.achieved <= 1) {
            return "tiers must satisfy 0 < partial < achieved <= 1"
        }
        if !(gradeBands.excellent > gradeBands.good && gradeBands.good > gradeBands.fair && gradeBands.fair >= 0) {
            return "gradeBands must satisfy excellent > good > fair >= 0"
        }
        if executionRateWeight < 0 || executionRateWeight > 100 { return "executionRateWeight must be in 0...100" }
        if !(0...2).contains(decimals) { return "decimals must be 0, 1 or 2" }
        if overAchievementThreshold < 1 { return "overAchievementThreshold must be at least 1" }
        return nil
    }
}

/// A rules file that cannot be read or used.
public struct RuleSetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// What is wrong, in English (the file's keys are English).
    public var message: String

    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }

    public var description: String { "\(path): error: [rules-file] \(message)" }
}

extension RuleSet {
    /// Reads a rules file (JSON, format above) and checks its settings.
    public static func load(path: String) throws(RuleSetError) -> RuleSet {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw RuleSetError(path: path, message: "cannot read the file: \(error.localizedDescription)")
        }
        return try decode(data, path: path)
    }

    /// Decodes rules-file JSON; `path` names it in errors.
    public static func decode(_ data: Data, path: String = "") throws(RuleSetError) -> RuleSet {
        let rules: RuleSet
        do {
            rules = try JSONDecoder().decode(RuleSet.self, from: data)
        } catch let error as DecodingError {
            throw RuleSetError(path: path, message: describe(error))
        } catch {
            throw RuleSetError(path: path, message: "not a rules file: \(error)")
        }
        if let problem = rules.validationProblem { throw RuleSetError(path: path, message: problem) }
        return rules
    }

    private static func describe(_ error: DecodingError) -> String {
        func keyPath(_ path: [any CodingKey]) -> String {
            path.map(\.stringValue).joined(separator: ".")
        }
        switch error {
        case .keyNotFound(let key, _): return "missing key \"\(key.stringValue)\""
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return "wrong type at \"\(keyPath(context.codingPath))\": \(context.debugDescription)"
        case .dataCorrupted(let context):
            let at = keyPath(context.codingPath)
            return at.isEmpty ? "not valid JSON: \(context.debugDescription)" : "\"\(at)\": \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
