import Foundation

/// An actual that states the target's own words is 达成: "高" / "高", "达标" / "达标",
/// "效果明显" / "项目效果明显". Read only when the actual's words name no tier (negations and
/// partial words are read first, by `TierReader`).
enum TargetEchoRule {
    /// Shortest target text that an actual may contain rather than equal.
    static let minimumContainedLength = 2

    static func reading(actual: ParsedValue, target: ParsedValue) -> TierReader.Reading? {
        guard case .text(let actualText) = actual, case .text(let targetText) = target else { return nil }
        guard echoes(actual: actualText, target: targetText) else { return nil }
        return TierReader.Reading(tier: .achieved, placed: true,
                                  basis: Message.targetEchoed(LabelText.trim(targetText)))
    }

    /// Whether `actual` is `target`, or contains it (a target of at least two characters),
    /// compared without white space and closing punctuation.
    static func echoes(actual: String, target: String) -> Bool {
        let a = folded(actual)
        let t = folded(target)
        guard !t.isEmpty else { return false }
        if a == t { return true }
        return t.count >= minimumContainedLength && WordList.find(t, in: a, from: 0) != nil
    }

    /// The text's folded scalars (`ValueText`) without white space and closing punctuation.
    private static func folded(_ text: String) -> [Unicode.Scalar] {
        var scalars = ValueText(text).scalars.items.filter { $0 != " " }
        while let last = scalars.last, closing.contains(last) { scalars.removeLast() }
        return scalars
    }

    private static let closing: Set<Unicode.Scalar> = ["。", ".", ";", "；", ",", "，", "、", "!", "！"]
}

extension TargetEchoRule {
    enum Message {
        static func targetEchoed(_ target: String) -> String { "实际完成值写明了年度指标值“\(target)”" }
    }
}
