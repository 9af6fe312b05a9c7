import Foundation

/// Reads quantities: a number with an optional comparator and unit, possibly inside a short
/// label ("辖区企业满意率达95%以上", "科目调整次数≤10次", "按合同10.5万元", "已完成100%").
///
/// Heuristic (documented in `ValueParser`): the text is at most `maxLength` characters and has
/// exactly one number that can be a value — years ("2022年"), month/day numbers, numbers glued
/// to letters before them ("PM2.5") do not count; a number after "±" (a band) makes it text.
enum QuantityReader {
    /// Longest text read as a quantity; longer texts are narrative.
    static let maxLength = 20

    static func read(_ text: ValueCharacters) -> Quantity? {
        guard text.count <= maxLength else { return nil }
        let tokens = NumberToken.scan(text)
        guard !tokens.contains(where: { $0.role == .band || $0.role == .month || $0.role == .day }) else {
            return nil
        }
        let values = tokens.filter { $0.role == .value }
        guard values.count == 1, let token = values.first, let number = token.value else { return nil }

        let (unit, unitEnd) = readUnit(text, at: text.skippingSpaces(from: token.range.upperBound))
        let suffix = suffixComparator(text, at: text.skippingSpaces(from: unitEnd))
        let comparator = strongPrefixComparator(text, before: token.range.lowerBound)
            ?? suffix
            ?? weakPrefixComparator(text, before: token.range.lowerBound)
        return Quantity(comparator: comparator, number: number, unit: unit)
    }

    // MARK: Comparators

    /// A symbol (≥ ≤ > < = and >= <=) or an explicit word (不低于, 不超过, 大于等于 …) right before the number.
    static func strongPrefixComparator(_ text: ValueCharacters, before index: Int) -> ValueComparator? {
        let end = text.skippingSpaces(backFrom: index)
        if let symbol = text.firstWord(of: ValueWordLists.comparatorSymbols, endingAt: end) {
            return ValueWords.comparatorSymbols[symbol].comparator
        }
        guard let word = text.longestWord(of: ValueWordLists.comparatorPrefixWords, endingAt: end) else { return nil }
        return ValueWords.comparatorPrefixWords[word]
    }

    /// 达, 达到 (≥) and 控制在 (≤) right before the number.
    private static func weakPrefixComparator(_ text: ValueCharacters, before index: Int) -> ValueComparator? {
        let end = text.skippingSpaces(backFrom: index)
        guard let word = text.longestWord(of: ValueWordLists.weakComparatorPrefixWords, endingAt: end) else {
            return nil
        }
        return ValueWords.weakComparatorPrefixWords[word]
    }

    /// 以上 (≥), 以内/以下 (≤) … right after the number and unit.
    static func suffixComparator(_ text: ValueCharacters, at index: Int) -> ValueComparator? {
        guard let word = text.longestWord(of: ValueWordLists.comparatorSuffixWords, at: index) else { return nil }
        return ValueWords.comparatorSuffixWords[word]
    }

    // MARK: Units

    /// The unit starting at `index` and the index after it.
    ///
    /// Order: percent (%, 百分比), money (亿元, 万元, 元), listed units (人次, 个月 …), a magnitude
    /// plus one character (万人), one ideograph that does not start a word like 以上/完成, a run of
    /// ASCII letters (mg, km). A "/" or "每" plus a second unit makes a compound unit ("元/人"),
    /// kept as `.other`.
    static func readUnit(_ text: ValueCharacters, at index: Int) -> (MeasureUnit?, Int) {
        guard let (base, baseEnd) = baseUnit(text, at: index) else { return (nil, index) }
        if let separator = text.at(baseEnd), ValueWords.perUnitSeparators.contains(separator),
           let (_, secondEnd) = baseUnit(text, at: baseEnd + 1) {
            let written = String(text.items[index..<secondEnd])
            return (.other(written), secondEnd)
        }
        return (base, baseEnd)
    }

    private static func baseUnit(_ text: ValueCharacters, at index: Int) -> (MeasureUnit, Int)? {
        if let percent = text.longestWord(of: ValueWordLists.percentUnits, at: index) {
            return (.percent, index + percent.count)
        }
        let known = text.longestWord(of: ValueWordLists.knownUnits, at: index)
        let money = text.firstWord(of: ValueWordLists.moneyUnits, at: index).map { ValueWords.moneyUnits[$0] }
        if let money, money.unit.count >= (known?.count ?? 0) {
            return (.money(money.scale), index + money.unit.count)
        }
        if let known { return (.other(known), index + known.count) }
        guard let first = text.at(index) else { return nil }
        if ValueWords.magnitudeCharacters.contains(first) {
            if let next = text.at(index + 1), isUnitCharacter(next) {
                return (.other(String([first, next])), index + 2)
            }
            return (.other(String(first)), index + 1)
        }
        if isUnitCharacter(first) { return (.other(String(first)), index + 1) }
        if ValueCharacters.isLetter(first) {
            var end = index
            while let c = text.at(end), ValueCharacters.isLetter(c) { end += 1 }
            return (.other(String(text.items[index..<end])), end)
        }
        return nil
    }

    private static func isUnitCharacter(_ character: Character) -> Bool {
        ValueCharacters.isIdeograph(character) && !ValueWords.nonUnitCharacters.contains(character)
            && !ValueWords.magnitudeCharacters.contains(character)
    }
}
