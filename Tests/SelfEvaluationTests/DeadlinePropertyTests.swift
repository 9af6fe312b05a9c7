import Foundation
import TestSupport
import Testing
@testable import SelfEvaluation

/// Random deadlines and completion dates, written as units write them (with or without the year,
/// bare years, 年底前), scored with and without a filled score: done late is never in 达成 and
/// never above done on time; a filled score under 达成 is kept when late.
@Suite("Deadline properties")
struct DeadlinePropertyTests {
    @Test(arguments: [UInt64(1), 7, 42, 2023, 0xBEEF])
    func lateIsNeverAchieved(seed: UInt64) throws {
        var rng = SeededGenerator(seed: seed)
        for round in 0..<80 {
            let formYear = Int.random(in: 2019...2024, using: &rng)
            let dueYear = formYear + Int.random(in: -1...1, using: &rng)
            let dueMonth = Int.random(in: 1...12, using: &rng)
            let doneYear = dueYear + Int.random(in: -1...1, using: &rng)
            let doneMonth = Int.random(in: 1...12, using: &rng)
            let doneDay = Int.random(in: 1...28, using: &rng)
            let dueLast = TimeReader.lastDay(ofMonth: dueMonth, year: dueYear)
            // The deadline as written: with its year, without it (the form's year), or a bare year.
            let style = Int.random(in: 0...2, using: &rng)
            let due: String
            let dueDate: (Int, Int, Int)
            switch style {
            case 0: due = "\(dueYear)年\(dueMonth)月底前"; dueDate = (dueYear, dueMonth, dueLast)
            case 1: due = "\(dueMonth)月底前"; dueDate = (formYear, dueMonth, TimeReader.lastDay(ofMonth: dueMonth, year: formYear))
            default: due = "\(dueYear)年"; dueDate = (dueYear, 12, 31)
            }
            let done = "\(doneYear)年\(doneMonth)月\(doneDay)日"
            let late = (doneYear, doneMonth, doneDay) > dueDate
            let filled = Bool.random(using: &rng) ? "" : "\(Int.random(in: 0...10, using: &rng))"
            var builder = FormBuilder(year: formYear)
            builder.budget(adjusted: "100", executed: "100")
            builder.indicator("完成时间", target: due, actual: done, weight: "10", score: filled, level1: "产出指标",
                              level2: "时效指标")
            let scored = try Scorer.score(builder.form, rules: .v2020)
            let result = try #require(scored.indicators.first)
            let context = "seed \(seed) round \(round): \(due) / \(done) filled \(filled)"
            if late {
                #expect(result.score < 8, "\(context)")
                #expect(result.tier == .partial, "\(context)")
                if let kept = Decimal(string: filled), kept < 8 { #expect(result.score == kept, "\(context)") }
                #expect(result.reason.contains("晚于") || !result.reasonGenerated, "\(context)")
            } else {
                #expect(result.tier == .achieved, "\(context)")
                #expect(result.score >= 8, "\(context)")
            }
        }
    }
}
