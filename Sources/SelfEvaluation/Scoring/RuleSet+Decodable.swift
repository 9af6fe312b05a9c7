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
/// - `overAchievementThreshold`: B ≥ threshold × A flags over-achievement (1 … 10).
///
/// Every field is checked when the file is read (``validationProblem``): `name` is not blank, at
/// most 255 UTF-16 units (Excel's limit of the custom property 规则 it is written to) and holds no
/// control character (U+0000 … U+001F, U+007F … U+009F) or noncharacter (U+FFFE, U+FFFF …);
/// `gradeBands` lie in 0 … 100; a key that is not one of the above, at any level, is an error
/// naming it.
extension RuleSet: Decodable {
    enum CodingKeys: String, CodingKey, CaseIterable {
        case name, base, tiers, negativeFormula, gradeBands, executionRateWeight, decimals
        case overAchievementThreshold, overAchievementNeedsExplanation
    }

    /// Any key of a JSON object, to find the unknown ones.
    struct AnyKey: CodingKey {
        var stringValue: String
        var intValue: Int? { nil }
        init(stringValue: String) { self.stringValue = stringValue }
        init?(intValue: Int) { nil }
    }

    /// The keys of `tiers` and `gradeBands`.
    static let nestedKeys: [CodingKeys: Set<String>] = [
        .tiers: ["achieved", "partial"], .gradeBands: ["excellent", "good", "fair"],
    ]

    /// Throws for the first key of the object that the format does not know, naming it.
    static func rejectUnknownKeys(_ decoder: any Decoder) throws {
        let all = try decoder.container(keyedBy: AnyKey.self)
        let known = Set(CodingKeys.allCases.map(\.rawValue))
        for key in all.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !known.contains(key.stringValue) {
            throw DecodingError.dataCorruptedError(
                forKey: key, in: all, debugDescription: Vocabulary.RulesFileMessage.unknownKey(key.stringValue))
        }
        for (field, keys) in nestedKeys.sorted(by: { $0.key.rawValue < $1.key.rawValue }) {
            let name = AnyKey(stringValue: field.rawValue)
            guard all.contains(name), (try? all.decodeNil(forKey: name)) == false,
                  let nested = try? all.nestedContainer(keyedBy: AnyKey.self, forKey: name) else { continue }
            for key in nested.allKeys.sorted(by: { $0.stringValue < $1.stringValue }) where !keys.contains(key.stringValue) {
                throw DecodingError.dataCorruptedError(
                    forKey: key, in: nested,
                    debugDescription: Vocabulary.RulesFileMessage.unknownKey("\(field.rawValue).\(key.stringValue)"))
            }
        }
    }

    public init(from decoder: any Decoder) throws {
        try Self.rejectUnknownKeys(decoder)
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let baseName = try c.decodeIfPresent(String.self, forKey: .base) ?? RuleSet.v2020.name
        guard let base = RuleSet.builtIn(named: baseName) else {
            throw DecodingError.dataCorruptedError(
                forKey: .base, in: c, debugDescription: Vocabulary.RulesFileMessage.unknownBase(baseName))
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

    /// The longest rule-set name, in UTF-16 units: Excel's limit of a custom property value
    /// (the name is written to the workbook's custom property 规则).
    public static let maxNameLength = 255

    /// The highest `overAchievementThreshold` (B ≥ 10 × A).
    public static let maxOverAchievementThreshold: Decimal = 10

    /// Why the settings cannot be used (naming the field, in Chinese), or nil when they are
    /// consistent.
    public var validationProblem: String? {
        typealias M = Vocabulary.RulesFileMessage
        if name.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty { return M.nameEmpty }
        if name.utf16.count > Self.maxNameLength { return M.nameTooLong(name.utf16.count, Self.maxNameLength) }
        if let bad = name.unicodeScalars.first(where: {
            $0.properties.generalCategory == .control || $0.properties.isNoncharacterCodePoint
        }) {
            return M.nameCharacter(XMLText.name(bad))
        }
        if !(tiers.partial > 0 && tiers.partial < tiers.achieved && tiers.achieved <= 1) { return M.tiers }
        if !(gradeBands.excellent <= 100 && gradeBands.excellent > gradeBands.good && gradeBands.good > gradeBands.fair
             && gradeBands.fair >= 0) {
            return M.gradeBands
        }
        if executionRateWeight < 0 || executionRateWeight > 100 || executionRateWeight.isNaN { return M.executionRateWeight }
        if !(0...2).contains(decimals) { return M.decimals }
        if overAchievementThreshold < 1 || overAchievementThreshold > Self.maxOverAchievementThreshold
            || overAchievementThreshold.isNaN {
            return M.overAchievementThreshold(Self.maxOverAchievementThreshold)
        }
        return nil
    }
}

/// A rules file that cannot be read or used.
public struct RuleSetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The file's path.
    public var path: String
    /// What is wrong, in Chinese, naming the file's key.
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
            throw RuleSetError(path: path, message: Vocabulary.RulesFileMessage.unreadable(error.localizedDescription))
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
            throw RuleSetError(path: path, message: Vocabulary.RulesFileMessage.notRules("\(error)"))
        }
        if let problem = rules.validationProblem { throw RuleSetError(path: path, message: problem) }
        return rules
    }

    private static func describe(_ error: DecodingError) -> String {
        func keyPath(_ path: [any CodingKey]) -> String {
            path.map(\.stringValue).joined(separator: ".")
        }
        typealias M = Vocabulary.RulesFileMessage
        switch error {
        case .keyNotFound(let key, let context):
            return M.missingKey(keyPath(context.codingPath + [key]))
        case .typeMismatch(_, let context), .valueNotFound(_, let context):
            return M.wrongType(keyPath(context.codingPath), context.debugDescription)
        case .dataCorrupted(let context):
            let at = keyPath(context.codingPath)
            return at.isEmpty ? M.notJSON(context.debugDescription) : "“\(at)”: \(context.debugDescription)"
        @unknown default: return "\(error)"
        }
    }
}
