import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// The scalar-by-scalar preparation of simple texts must give what the `Character` path gives.
@Suite("Value text preparation")
struct ValueTextTests {
    /// Characters forms hold, folded ones, white space, trailing marks, and a few that are not
    /// simple (combining marks, CR, a compatibility ideograph).
    static let pool: [String] = [
        "1", "0", "9", ".", "%", "-", "+", ",", ">", "<", "=", "/", ":", " ", "\t", "\n", "\r\n", "\u{3000}",
        "０", "９", "．", "％", "＋", "－", "﹣", "，", "＞", "＜", "＝", "﹦", "≧", "⩾", "≦", "⩽", "／", "：",
        "。", ";", "；", "、", "≥", "≤", "—", "…", "无", "暂", "不", "适", "用", "优", "秀", "万", "元", "以", "上",
        "年", "月", "日", "底", "前", "完", "成", "“", "”", "a", "Z", "é", "e\u{301}", "\u{F900}", "±",
    ]

    @Test("seeded: simple texts prepare as the Character path does", arguments: [UInt64(1), 2, 3, 99])
    func sameAsCharacterPath(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var simpleCount = 0
        for _ in 0..<3_000 {
            var text = ""
            for _ in 0..<Int.random(in: 0...12, using: &rng) { text += Self.pool.randomElement(using: &rng) ?? "" }
            let slow = ValueText(characterwise: text)
            guard let fast = ValueText(simple: text) else {
                #expect(!SimpleScalar.isSimple(text), "\(text.debugDescription)")
                continue
            }
            simpleCount += 1
            #expect(fast.original == slow.original, "\(text.debugDescription)")
            #expect(fast.folded == slow.folded, "\(text.debugDescription)")
            #expect(fast.range == slow.range, "\(text.debugDescription)")
            #expect(fast.isNotGiven == slow.isNotGiven, "\(text.debugDescription)")
            #expect(fast.characters.items == slow.characters.items, "\(text.debugDescription)")
            #expect(ValueParser.parse(prepared: fast) == ValueParser.parse(prepared: slow), "\(text.debugDescription)")
        }
        #expect(simpleCount > 500)
    }

    @Test("not-given words are recognised on both paths", arguments: ["无", "暂无", "不适用", " 无 ", "—", "——", "无。"])
    func notGiven(text: String) throws {
        let fast = try #require(ValueText(simple: text))
        #expect(fast.isNotGiven)
        #expect(ValueText(characterwise: text).isNotGiven)
    }
}
