import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// Issue #15, class 9: every field of a rules file is checked when it is read, and the error
/// names the field; nothing that passes can fail later in a workbook.
@Suite("Rules file validation")
struct RuleSetValidationTests {
    /// (rules-file JSON, the field its error must name).
    static let hostile: [(String, String)] = [
        (#"{"name": "\#(String(repeating: "n", count: 256))"}"#, "“name”"),
        (#"{"name": "\#(String(repeating: "规", count: 256))"}"#, "“name”"),
        (#"{"name": "\#(String(repeating: "😀", count: 128))"}"#, "“name”"),  // 256 UTF-16 units
        (#"{"name": "a\u0000b"}"#, "U+0000"),
        (#"{"name": "a\u0001b"}"#, "U+0001"),
        (#"{"name": "a\nb"}"#, "U+000A"),
        (#"{"name": "a\tb"}"#, "U+0009"),
        (#"{"name": "a\u007Fb"}"#, "U+007F"),
        (#"{"name": "a\u0085b"}"#, "U+0085"),
        (#"{"name": "a\uFFFEb"}"#, "U+FFFE"),
        (#"{"name": "a\uFFFFb"}"#, "U+FFFF"),
        (#"{"name": "   "}"#, "“name”"),
        (#"{"name": ""}"#, "“name”"),
        (#"{"name": "x", "colour": "red"}"#, "“colour”"),
        (#"{"name": "x", "tiers": {"achieved": 0.9, "partial": 0.5, "zero": 0}}"#, "“tiers.zero”"),
        (#"{"name": "x", "gradeBands": {"excellent": 90, "good": 80, "fair": 60, "poor": 0}}"#, "“gradeBands.poor”"),
        (#"{"name": "x", "gradeBands": {"excellent": 190, "good": 80, "fair": 60}}"#, "“gradeBands”"),
        (#"{"name": "x", "gradeBands": {"excellent": 90, "good": 80, "fair": -1}}"#, "“gradeBands”"),
        (#"{"name": "x", "tiers": {"achieved": 1.5, "partial": 0.5}}"#, "“tiers”"),
        (#"{"name": "x", "tiers": {"achieved": 0.8, "partial": 0}}"#, "“tiers”"),
        (#"{"name": "x", "executionRateWeight": 101}"#, "“executionRateWeight”"),
        (#"{"name": "x", "executionRateWeight": -1}"#, "“executionRateWeight”"),
        (#"{"name": "x", "decimals": -1}"#, "“decimals”"),
        (#"{"name": "x", "decimals": 3}"#, "“decimals”"),
        (#"{"name": "x", "overAchievementThreshold": 0.99}"#, "“overAchievementThreshold”"),
        (#"{"name": "x", "overAchievementThreshold": 11}"#, "“overAchievementThreshold”"),
        (#"{"name": "x", "decimals": "1"}"#, "“decimals”"),
        (#"{"name": "x", "tiers": {"achieved": 0.9}}"#, "“tiers.partial”"),
        (#"{"name": 7}"#, "“name”"),
        (#"{"name": "x", "base": "1999"}"#, "“base”"),
        (#"{"name": "x", "negativeFormula": "quadratic"}"#, "“negativeFormula”"),
        (#"{"base": "2020"}"#, "“name”"),
    ]

    @Test(arguments: hostile)
    func hostileFieldIsRefusedByName(_ json: String, _ field: String) throws {
        let error = try #require(throws: RuleSetError.self) { try RuleSet.decode(Data(json.utf8), path: "r.json") }
        #expect(error.message.contains(field), "\(error.message)")
        #expect(error.description.hasPrefix("r.json: error: [rules-file] "))
    }

    /// The edges that are allowed: a name of exactly 255 UTF-16 units, CJK, inner spaces; bands at 100 and 0.
    @Test(arguments: [
        #"{"name": "\#(String(repeating: "n", count: 255))"}"#,
        #"{"name": "\#(String(repeating: "规", count: 255))"}"#,
        #"{"name": "\#(String(repeating: "😀", count: 127))a"}"#,
        #"{"name": "黔南 本地规则 v2"}"#,
        #"{"name": "x", "gradeBands": {"excellent": 100, "good": 1, "fair": 0}, "overAchievementThreshold": 10}"#,
        #"{"name": "x", "tiers": {"achieved": 1, "partial": 0.01}, "executionRateWeight": 0, "decimals": 0}"#,
    ])
    func edgesAreAccepted(_ json: String) throws {
        let rules = try RuleSet.decode(Data(json.utf8), path: "r.json")
        #expect(rules.validationProblem == nil)
        #expect(rules.name.utf16.count <= RuleSet.maxNameLength)
    }

    /// The bundled example still reads.
    @Test func bundledExampleReads() throws {
        let rules = try RuleSet.load(path: FixturePaths.fixture("rules/local-linear.json"))
        #expect(rules.name == "local-linear")
    }
}
