import Foundation

extension ValueParser {
    /// How many numbers in `text` can be a value (years, months, days, "PM2.5" and "±" bands left out).
    public static func valueNumberCount(_ text: String) -> Int {
        let value = ValueText(text)
        return NumberToken.scan(value.scalars).filter { $0.role == .value }.count
    }
}

/// `ValueReading.unread`: the part of a target or actual that `ValueParser.parse(_:)` reads as a
/// quantity but drops and cannot place, or nil when the reading leaves nothing doubtful. Only a
/// quantity read around `QuantityReader`'s one number can leave a doubt (`ValueParser.read(_:)`
/// hands over that number's token).
///
/// A quantity reading keeps a comparator, one number, its unit and a trailing 以上/以内; the
/// label words around them ("满意率达", "按合同") are dropped, as they should be. What is
/// dropped and could only be part of the value makes the reading a doubt:
/// - before the number (no comparator between): text holding a "/" ("件/件2万元" → "件/件"), or
///   a listed, money or percent unit right before the number ("元2万元" → "元");
/// - after the unit: text holding a "/", or starting with a listed, money or percent unit (a
///   second unit: "2万元万元" → "万元", "95%%" → "%").
///
/// A lone ideograph before the number ("约100人", "共50个") is not a doubt: it is a word as often
/// as a unit. Texts with two numbers are not quantities at all (`ValueParser.valueNumberCount(_:)`).
enum UnreadValueText {
    static func find(_ text: ValueScalars, token: NumberToken) -> String? {
        let start = token.range.lowerBound
        let glued = text.skippingSpaces(backFrom: start)
        let comparator = QuantityReader.strongPrefixComparator(text, before: start) != nil
            || text.longestWord(of: ValueMarks.weakComparatorPrefixWords, endingAt: glued) != nil
        if !comparator, glued > 0 {
            let before = text.items[0..<glued]
            if before.contains("/") { return piece(text, 0, glued) }
            if let unit = unitEnding(text, at: glued) { return unit }
        }

        let (_, unitEnd) = QuantityReader.readUnit(text, at: text.skippingSpaces(from: token.range.upperBound))
        var rest = text.skippingSpaces(from: unitEnd)
        if let word = text.longestWord(of: ValueMarks.comparatorSuffixWords, at: rest) {
            rest = text.skippingSpaces(from: rest + word.length)
        }
        guard rest < text.count else { return nil }
        if text.items[rest...].contains("/") || unitStarting(text, at: rest) { return piece(text, rest, text.count) }
        return nil
    }

    private static func piece(_ text: ValueScalars, _ start: Int, _ end: Int) -> String {
        text.string(start..<end).trimmingCharacters(in: .whitespaces)
    }

    /// A listed, money or percent unit ending at `end`.
    private static func unitEnding(_ text: ValueScalars, at end: Int) -> String? {
        (text.longestWord(of: ValueMarks.knownUnits, endingAt: end)
            ?? text.longestWord(of: ValueMarks.moneyUnits, endingAt: end)
            ?? text.longestWord(of: ValueMarks.percentUnits, endingAt: end))?.word
    }

    /// Whether a listed, money or percent unit starts at `index`.
    private static func unitStarting(_ text: ValueScalars, at index: Int) -> Bool {
        text.longestWord(of: ValueMarks.knownUnits, at: index) != nil
            || text.firstWord(of: ValueMarks.moneyUnits, at: index) != nil
            || text.longestWord(of: ValueMarks.percentUnits, at: index) != nil
    }
}
