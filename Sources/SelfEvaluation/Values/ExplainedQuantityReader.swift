import Foundation

/// A single quantity with a comparator inside explanatory text, whatever the text's length:
/// "结余率(计算方法为:结余数/预算数)≤5%", "按规定,年度预算调整率不超过3%(调整数/年初预算数)".
///
/// Read only where `QuantityReader` gives up on a text for its length: the text holds no date and
/// no band, and exactly one of its numbers carries a strong comparator (other numbers, such as the
/// "×100%" of a formula, are explanation) — a symbol or explicit word right before it (≥, ≤, 不超过, 不低于 …) or a word right
/// after its unit (以上, 以内, 以下). A weak word (达到, 控制在) or none keeps the text a text:
/// narrative that merely mentions a number is not a target.
enum ExplainedQuantityReader {
    static func read(_ text: ValueScalars) -> Quantity? {
        guard text.count > QuantityReader.maxLength else { return nil }
        let tokens = NumberToken.scan(text)
        guard !tokens.contains(where: { $0.role == .band || $0.role == .month || $0.role == .day }) else {
            return nil
        }
        // Exactly one number carries a strong comparator; others ("×100%" in a formula) are explanation.
        var found: (token: NumberToken, comparator: ValueComparator, unit: MeasureUnit?)?
        for token in tokens where token.role == .value {
            let (unit, unitEnd) = QuantityReader.readUnit(text, at: text.skippingSpaces(from: token.range.upperBound))
            guard let comparator = QuantityReader.strongPrefixComparator(text, before: token.range.lowerBound)
                ?? QuantityReader.suffixComparator(text, at: text.skippingSpaces(from: unitEnd)) else { continue }
            guard found == nil else { return nil }
            found = (token, comparator, unit)
        }
        guard let (token, comparator, unit) = found, let number = token.value else { return nil }
        return Quantity(comparator: comparator, number: number, unit: unit)
    }
}
