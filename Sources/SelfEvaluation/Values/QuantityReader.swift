import Foundation

/// Reads quantities: a number with an optional comparator and unit, possibly inside a short
/// label ("辖区企业满意率达95%以上", "科目调整次数≤10次", "按合同10.5万元", "已完成100%").
///
/// Heuristic (documented in `ValueParser`): the text is at most `maxLength` scalars and has
/// exactly one number that can be a value — years ("2022年"), month/day numbers, numbers glued
/// to letters before them ("PM2.5") do not count; a number after "±" (a band) makes it text.
enum QuantityReader {
    /// Longest text (in scalars) read as a quantity; longer texts are narrative.
    static let maxLength = 20

    static func read(_ text: ValueScalars) -> Quantity? {
        guard let (token, number) = valueToken(text) else { return nil }
        return read(text, token: token, number: number)
    }

    /// The quantity around `valueToken(text)`'s token: its unit and comparator.
    static func read(_ text: ValueScalars, token: NumberToken, number: Decimal) -> Quantity {
        let (unit, unitEnd) = readUnit(text, at: text.skippingSpaces(from: token.range.upperBound))
        let suffix = suffixComparator(text, at: text.skippingSpaces(from: unitEnd))
        let comparator = strongPrefixComparator(text, before: token.range.lowerBound)
            ?? suffix
            ?? weakPrefixComparator(text, before: token.range.lowerBound)
        return Quantity(comparator: comparator, number: number, unit: unit)
    }

    /// The one number of a quantity text and its value: nil when the text is not a quantity (longer
    /// than `maxLength`, a band or a date part, not exactly one number that can be a value). `read`
    /// is this plus the unit and comparator around the number.
    static func valueToken(_ text: ValueScalars) -> (token: NumberToken, number: Decimal)? {
        guard text.count <= maxLength else { return nil }
        let tokens = NumberToken.scan(text)
        guard !tokens.contains(where: { $0.role == .band || $0.role == .month || $0.role == .day }) else {
            return nil
        }
        let values = tokens.filter { $0.role == .value }
        guard values.count == 1, let token = values.first, let number = token.value else { return nil }
        return (token, number)
    }

    // MARK: Comparators

    /// A symbol (≥ ≤ > < = and >= <=) or an explicit word (不低于, 不超过, 大于等于 …) right before the number.
    static func strongPrefixComparator(_ text: ValueScalars, before index: Int) -> ValueComparator? {
        let end = text.skippingSpaces(backFrom: index)
        if let symbol = text.firstWord(of: ValueMarks.comparatorSymbols, endingAt: end) {
            return ValueWords.comparatorSymbols[symbol.index].comparator
        }
        guard let found = text.longestWord(of: ValueMarks.comparatorPrefixWords, endingAt: end) else { return nil }
        return ValueWords.comparatorPrefixWords[found.word]
    }

    /// 达, 达到 (≥) and 控制在 (≤) right before the number.
    private static func weakPrefixComparator(_ text: ValueScalars, before index: Int) -> ValueComparator? {
        let end = text.skippingSpaces(backFrom: index)
        guard let found = text.longestWord(of: ValueMarks.weakComparatorPrefixWords, endingAt: end) else { return nil }
        return ValueWords.weakComparatorPrefixWords[found.word]
    }

    /// 以上 (≥), 以内/以下 (≤) … right after the number and unit.
    static func suffixComparator(_ text: ValueScalars, at index: Int) -> ValueComparator? {
        guard let found = text.longestWord(of: ValueMarks.comparatorSuffixWords, at: index) else { return nil }
        return ValueWords.comparatorSuffixWords[found.word]
    }

    // MARK: Units

    /// The unit starting at `index` and the index after it.
    ///
    /// Order: percent (%, 百分比), money (亿元, 万元, 元), listed units (人次, 个月 …), a magnitude
    /// plus one character (万人), one ideograph that does not start a word like 以上/完成, a run of
    /// ASCII letters (mg, km). A "/" or "每" plus a second unit makes a compound unit ("元/人"),
    /// kept as `.other`.
    static func readUnit(_ text: ValueScalars, at index: Int) -> (MeasureUnit?, Int) {
        guard let (base, baseEnd) = baseUnit(text, at: index) else { return (nil, index) }
        if let separator = text.at(baseEnd), ValueMarks.perUnitSeparators.contains(separator),
           let (_, secondEnd) = baseUnit(text, at: baseEnd + 1) {
            return (.other(text.string(index..<secondEnd)), secondEnd)
        }
        return (base, baseEnd)
    }

    private static func baseUnit(_ text: ValueScalars, at index: Int) -> (MeasureUnit, Int)? {
        if let percent = text.longestWord(of: ValueMarks.percentUnits, at: index) {
            return (.percent, index + percent.length)
        }
        let known = text.longestWord(of: ValueMarks.knownUnits, at: index)
        if let money = text.firstWord(of: ValueMarks.moneyUnits, at: index), money.length >= (known?.length ?? 0) {
            return (.money(ValueWords.moneyUnits[money.index].scale), index + money.length)
        }
        if let known { return (.other(known.word), index + known.length) }
        guard let first = text.at(index) else { return nil }
        var end = index + 1
        if ValueMarks.magnitudes.contains(first) {
            if let next = text.at(end), isUnitScalar(next) { end += 1 }
        } else if !isUnitScalar(first) {
            guard ValueScalars.isLetter(first) else { return nil }
            while let c = text.at(end), ValueScalars.isLetter(c) { end += 1 }
        }
        return (.other(text.string(index..<end)), end)
    }

    private static func isUnitScalar(_ scalar: Unicode.Scalar) -> Bool {
        ValueScalars.isIdeograph(scalar) && !ValueMarks.nonUnits.contains(scalar) && !ValueMarks.magnitudes.contains(scalar)
    }
}
