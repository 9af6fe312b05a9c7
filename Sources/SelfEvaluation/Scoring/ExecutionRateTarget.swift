import Foundation

/// An indicator that measures the budget's execution (预算执行率, 资金执行率, 执行率) and prints no
/// target ("一", "—", "/" or nothing, as 银川's forms do) is scored as the execution rate is:
/// against 100%, more is better, 分值 × min(B, 100%). Any other indicator without a target is
/// not given a target (it is scored by its tiers).
enum ExecutionRateTarget {
    /// The names, normalised: the money table's 执行率 labels (`LabelTable` data).
    static var names: [NormalizedText] { LabelTable.builtIn.budgetColumns[.rate] ?? [] }

    /// The implied target (≥100%) when the indicator is an execution rate, its target is not
    /// given and its actual is a percentage; nil otherwise.
    static func implied(name: String, target: ParsedValue, actual: ParsedValue) -> Quantity? {
        guard target == .notGiven, case .quantity(let b) = actual, b.unit == .percent else { return nil }
        let stem = NormalizedText(name).stem
        guard names.contains(stem) else { return nil }
        return Quantity(comparator: .atLeast, number: 100, unit: .percent)
    }

    /// Whether a money row's 分值 is the whole form's points (100 or more) on a form that scores the
    /// execution rate as one of its indicators (鄂州: 预算执行率 under 数量指标, 分值 20): the money
    /// row then holds the form's totals, and 执行率 is not scored apart.
    static func isTotalInMoneyRow(_ written: Decimal, form: Form) -> Bool {
        guard written >= 100 else { return false }
        return form.indicators.contains { indicator in
            !indicator.isPlaceholder && names.contains(NormalizedText(indicator.name.value).stem)
        }
    }
}
