import Foundation

/// Decides the direction of a quantitative indicator, in this order: the target's comparator
/// (≥/以上 positive, ≤/以内 negative, = equal); a direction in the project form's 指标性质/计算符号
/// column (正向, 反向, ≥, ≤ …); a lower-is-better name (`DirectionInference`: 预算调整率, 结余率 …,
/// warned `direction-inferred`); a bare amount under 成本 is negative (spending held under its target);
/// else positive. A direction word contradicting the comparator is warned about (`direction-contradiction`)
/// and the comparator wins.
///
/// Split cells: `target` is parsed with the 指标性质/计算符号 column as its operator, which wins over
/// the value's own words ("≥" | "2%以下" is ≥); when the two contradict, `operator-contradiction`.
struct DirectionRule: Sendable {
    static let name = "DirectionRule"
    private static let negativeWords = WordList(Vocabulary.ScoringWords.negativeDirectionWords)
    private static let positiveWords = WordList(Vocabulary.ScoringWords.positiveDirectionWords)
    private static let costWords = WordList([Vocabulary.ScoringWords.costLevel2])

    struct Decision: Sendable, Equatable {
        var direction: Direction
        var warning: Diagnostic?
    }

    func decide(_ indicator: Indicator, target: Quantity, in form: Form) -> Decision {
        if let conflict = operatorConflict(indicator, target: target, in: form) {
            return Decision(direction: target.comparator?.direction ?? .positive, warning: conflict)
        }
        let stated = statedDirection(indicator)
        if let comparator = target.comparator {
            let direction = comparator.direction
            if let stated, stated.direction != .equal, direction != .equal, stated.direction != direction {
                let cell = indicator.nature?.cell ?? indicator.target.cell
                let message = Message.directionContradiction(
                    word: stated.word, target: indicator.target.value.trimmed)
                return Decision(direction: direction,
                                warning: Diagnostic(.directionContradiction, at: form.location(cell), message))
            }
            return Decision(direction: direction, warning: nil)
        }
        if let stated { return Decision(direction: stated.direction, warning: nil) }
        if let word = DirectionInference.lowerIsBetterWord(in: indicator.name.value) {
            let message = Message.directionInferred(word: word, target: indicator.targetText)
            return Decision(direction: .negative,
                            warning: Diagnostic(.directionInferred, at: form.location(indicator.name.cell),
                                                message))
        }
        if Self.costWords.first(in: SearchedText(indicator.level2.value)) != nil, isAmount(target.unit) {
            return Decision(direction: .negative, warning: nil)
        }
        return Decision(direction: .positive, warning: nil)
    }

    /// A direction written in the 指标性质 column (or, failing that, a direction word in the target text).
    func statedDirection(_ indicator: Indicator) -> (direction: Direction, word: String)? {
        var texts: [String] = []
        if let nature = indicator.nature?.value { texts.append(nature) }
        texts.append(indicator.target.value)
        for text in texts {
            let searched = SearchedText(text)
            if let word = Self.negativeWords.first(in: searched) { return (.negative, word) }
            if let word = Self.positiveWords.first(in: searched) { return (.positive, word) }
        }
        if let nature = indicator.nature?.value, let comparator = ValueParser.comparator(nature) {
            return (comparator.direction, nature.trimmed)
        }
        return nil
    }

    /// The operator column against the comparator written in the value itself: a warning when one
    /// is negative and the other is not (= counts as positive, as it is scored).
    private func operatorConflict(_ indicator: Indicator, target: Quantity, in form: Form) -> Diagnostic? {
        guard let nature = indicator.nature, let explicit = ValueParser.comparator(nature.value),
              target.comparator == explicit,
              case .quantity(let own) = indicator.writtenTarget,
              let written = own.comparator,
              (explicit.direction == .negative) != (written.direction == .negative) else { return nil }
        let message = Message.operatorContradiction(
            operator: nature.value.trimmed, target: indicator.target.value.trimmed)
        return Diagnostic(.operatorContradiction, at: form.location(nature.cell), message)
    }

    private func isAmount(_ unit: MeasureUnit?) -> Bool {
        switch unit {
        case nil, .money?: true
        case .other(let written)?: MeasureUnit.bareMagnitudes[written] != nil  // 200万 under 成本
        default: false
        }
    }
}

extension String {
    /// Without leading and trailing white space (characters that are `isWhitespace`).
    var trimmed: String {
        // Most cells have nothing to trim: the first character is not white space when its first
        // scalar is not (a `Character`'s `isWhitespace` is its first scalar's), and the last
        // character is the last scalar alone when that scalar is one no later scalar joins
        // (ASCII, a CJK ideograph or full-width form, `standsAlone`). Such a text is itself.
        if let first = unicodeScalars.first, let last = unicodeScalars.last,
           Self.standsAlone(first) || !first.properties.isWhitespace, Self.standsAlone(last) {
            return self
        }
        guard let first = firstIndex(where: { !$0.isWhitespace }), let last = lastIndex(where: { !$0.isWhitespace }) else {
            return ""
        }
        return String(self[first...last])
    }

    /// A scalar that is not white space and is a character on its own at the end of a text: ASCII
    /// from "!" to "~", a CJK ideograph (U+4E00–U+9FFF) or a full-width form (U+FF01–U+FF5E). None
    /// is a combining mark, a joiner or half of CR LF, so nothing before it joins it into one character.
    static func standsAlone(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x21...0x7E, 0x4E00...0x9FFF, 0xFF01...0xFF5E: true
        default: false
        }
    }
}

extension DirectionRule {
    enum Message {
        static func directionContradiction(word: String, target: String) -> String {
            "指标方向“\(word)”与年度指标值“\(target)”的比较符相反,按比较符评分。"
        }
        static func operatorContradiction(operator: String, target: String) -> String {
            "指标性质(计算符号)列为“\(`operator`)”,与年度指标值“\(target)”自身的比较符相反,按该列的“\(`operator`)”评分。"
        }
        static func directionInferred(word: String, target: String) -> String {
            "年度指标值“\(target)”未写比较符,指标名称含“\(word)”,按越低越好(反向指标)评分,请核实。"
        }
    }
}
