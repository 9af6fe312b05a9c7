import Foundation
import Testing
@testable import SelfEvaluation

/// An actual that repeats the target (issue 12, item 4) is 达成.
@Suite("TargetEchoRule")
struct TargetEchoRuleTests {
    /// (target, actual, tier, placed)
    static let cases: [(String, String, Tier, Bool)] = [
        ("高", "高", .achieved, true),
        ("好", "好", .achieved, true),
        ("达标", "达标", .achieved, true),
        ("达标", "达标。", .achieved, true),
        ("较好", " 较好 ", .achieved, true),
        ("效果明显", "项目效果明显", .achieved, true),
        ("公益性事业", "公益性事业", .achieved, true),
        ("高", "较高", .achieved, false),        // a one-character target must be equal
        ("达标", "未达标", .notAchieved, true),   // negations first
        ("效果明显", "效果不明显", .achieved, false),
        ("效果明显", "基本完成", .partial, true),
    ]

    @Test(arguments: cases)
    func echoIsAchieved(_ row: (String, String, Tier, Bool)) {
        let reading = TierReader().read(actual: ValueParser.parse(row.1), actualText: row.1,
                                        target: ValueParser.parse(row.0))
        #expect(reading.tier == row.2)
        #expect(reading.placed == row.3)
    }

    @Test func noUnplaceableWarningForAnEcho() throws {
        let form = FormBuilder.single(target: "高", actual: "高", weight: "10", level2: "质量指标")
        let scored = try Scorer.score(form, rules: .v2020)
        #expect(scored.indicators.first?.score == 10)
        #expect(!scored.diagnostics.contains { $0.code == .tierUnplaceable })
    }
}
