import Foundation

/// A single quantity with a comparator inside explanatory text, whatever the text's length:
/// "结余率(计算方法为:结余数/预算数)≤5%", "按规定,年度预算调整率不超过3%(调整数/年初预算数)".
///
/// Read only where `QuantityReader` gives up on a text for its length: the text must hold exactly
/// one number that can be a value (no date, no band), and that number must carry a strong
/// comparator — a symbol or explicit word right before it (≥, ≤, 不超过, 不低于 …) or a word right
/// after its unit (以上, 以内, 以下). A weak word (达到, 控制在) or none keeps the text a text:
/// narrative that merely mentions a number is not a target.
enum ExplainedQuantityReader {
    static func read(_ text: ValueCharacters) -> Quantity? {
        guard text.count > QuantityReader.maxLength else { return nil }
        let tokens = NumberToken.scan(text)
        guard !tokens.contains(where: { $0.role == .band || $0.role == .month || $0.role == .day }) else {
            return nil
        }
        let values = tokens.filter { $0.role == .value }
        guard values.count == 1, let token = values.first, let number = token.value else { return nil }
        let (unit, unitEnd) = QuantityReader.readUnit(text, at: text.skippingSpaces(from: token.range.upperBound))
        guard let comparator = QuantityReader.strongPrefixComparator(text, before: token.range.lowerBound)
            ?? QuantityReader.suffixComparator(text, at: text.skippingSpaces(from: unitEnd)) else { return nil }
        return Quantity(comparator: comparator, number: number, unit: unit)
    }
}
