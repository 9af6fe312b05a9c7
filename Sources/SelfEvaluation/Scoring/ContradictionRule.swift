import Foundation

/// A contradiction inside the form is never resolved against the unit silently.
///
/// Two readings of a quantitative target can disagree: the 指标性质/计算符号 column ("≥") against
/// the value's own words ("2%以下"), or a direction word (正向/反向) against the value's comparator.
/// The unit's filled score is kept when either reading gives it (after rounding); otherwise the row
/// is scored by the value's own words (written beside the number) and flagged for review. Either
/// way the contradiction is reported at the column's cell, saying which reading was used.
struct ContradictionRule: Sendable {
    static let name = "ContradictionRule"
    var rules: RuleSet

    struct Choice: Sendable {
        /// The target as scored.
        var target: Quantity
        var direction: Direction
        /// True when the unit's filled score was kept by the other reading.
        var keptByOtherReading: Bool
        var needsReview: Bool
        var warning: Diagnostic
    }

    /// The two readings, when they disagree: the value's own and the column's (or direction word's).
    static func readings(_ indicator: Indicator, target: Quantity) -> (own: Quantity, other: Quantity, cell: CellAddress, word: String)? {
        guard case .quantity(let written) = indicator.writtenTarget,
              let ownComparator = written.comparator else { return nil }
        var own = target
        own.comparator = ownComparator
        if let nature = indicator.nature {
            if let explicit = ValueParser.comparator(nature.value),
               (explicit.direction == .negative) != (ownComparator.direction == .negative) {
                var other = target
                other.comparator = explicit
                return (own, other, nature.cell, nature.value.trimmed)
            }
        }
        if let stated = DirectionRule().statedDirection(indicator), stated.direction != .equal,
           ownComparator.direction != .equal, stated.direction != ownComparator.direction {
            var other = target
            other.comparator = stated.direction == .negative ? .atMost : .atLeast
            return (own, other, indicator.nature?.cell ?? indicator.target.cell, stated.word)
        }
        return nil
    }

    /// Whether the indicator's target contradicts itself (a generated reason then quotes the
    /// reading used, never the contradicting text).
    static func contradicts(_ indicator: Indicator) -> Bool {
        guard case .quantity(let target) = indicator.writtenTarget else { return false }
        return readings(indicator, target: target) != nil
    }

    /// The reading to score by, or nil when the target does not contradict itself.
    func resolve(_ indicator: Indicator, target: Quantity, actual: Quantity, weight: Decimal, filled: Decimal?,
                 in form: Form) -> Choice? {
        guard let readings = Self.readings(indicator, target: target) else { return nil }
        let rule = QuantitativeIndicatorRule(rules: rules)
        func score(_ quantity: Quantity) -> Decimal? {
            guard let direction = quantity.comparator?.direction,
                  case .scored(let computation) = rule.evaluate(target: quantity, actual: actual, direction: direction,
                                                               weight: weight) else { return nil }
            return rules.round(computation.score).clamped(0, weight)
        }
        let ownScore = score(readings.own)
        let otherScore = score(readings.other)
        let filledRounded = filled.map { rules.round($0) }
        let chosen: Quantity
        let kept: Bool
        let review: Bool
        if let filledRounded, filledRounded == ownScore {
            (chosen, kept, review) = (readings.own, false, false)
        } else if let filledRounded, filledRounded == otherScore {
            (chosen, kept, review) = (readings.other, true, false)
        } else if ownScore == otherScore {
            (chosen, kept, review) = (readings.own, false, false)
        } else {
            (chosen, kept, review) = (readings.own, false, true)
        }
        let direction = chosen.comparator?.direction ?? .positive
        let isOperator = indicator.nature.flatMap { ValueParser.comparator($0.value) } != nil
        let message = Message.contradictionResolved(
            column: readings.word, isOperator: isOperator, target: indicator.target.value.trimmed,
            used: Self.shown(chosen), keptFilled: kept || (filledRounded != nil && filledRounded == ownScore),
            review: review)
        let code: DiagnosticCode = isOperator ? .operatorContradiction : .directionContradiction
        return Choice(target: chosen, direction: direction, keptByOtherReading: kept, needsReview: review,
                      warning: Diagnostic(.warning, code, at: form.location(readings.cell), message))
    }

    /// A quantity as one reads it: "≤2%", "≥95", "10家".
    static func shown(_ quantity: Quantity) -> String {
        let comparator: String = switch quantity.comparator {
        case .atLeast?: "≥"
        case .greaterThan?: ">"
        case .atMost?: "≤"
        case .lessThan?: "<"
        case .equal?: "="
        case nil: ""
        }
        return comparator + quantity.number.plainText + (quantity.unit?.description ?? "")
    }
}

extension ContradictionRule {
    enum Message {
        static func contradictionResolved(column: String, isOperator: Bool, target: String, used: String,
                                                 keptFilled: Bool, review: Bool) -> String {
            let said = isOperator ? "指标性质(计算符号)列为“\(column)”" : "指标方向“\(column)”"
            let head = "\(said),与年度指标值“\(target)”自身的比较符相反"
            if keptFilled { return "\(head):单位所填得分与按“\(used)”计算的一致,予以保留。" }
            if review { return "\(head):按年度指标值自身的写法“\(used)”评分,请单位核实后复核。" }
            return "\(head):两种理解得分相同,按年度指标值自身的写法“\(used)”评分。"
        }
    }
}
