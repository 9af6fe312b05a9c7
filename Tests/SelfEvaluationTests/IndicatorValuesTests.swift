import SelfEvaluation
import TestSupport
import Testing

/// An indicator row reads its target and actual once, when it is made; what it carries is what
/// the value parser gives for the cells (checked on random split cells: operator, number, unit).
@Suite("Indicator values read once (seeded)")
struct IndicatorValuesTests {
    static let values = ["95", "≥95%", "2%以下", "不低于90", "100万元", "优", "按时完成", "12月底前", "—", "", " 98.5 ",
                         "１００％", "较好", "10家", "≤5", "达到80%以上", "无", "3,000", "以上", "正向",
                         "件/件2万元", "2万元万元", " ≥95%% ", "100人次/", "1件/2万元", "元2万元"]
    static let operators: [String?] = [nil, "≥", "≤", "大于等于", "正向", "反向", "定量", "", "=", "以内"]
    static let units: [String?] = [nil, "%", "万元", "家", "", "百分比", "人次", "12"]

    /// The joined text as the row computed it before it carried its values: parse the trimmed
    /// text again when the operator or unit cell names one.
    static func joined(_ text: String, operator operatorText: String?, unit unitText: String?) -> String {
        let written = LabelText.trim(text)
        let hasOperator = operatorText.map { ValueParser.comparator($0) != nil } ?? false
        let hasUnit = unitText.map { ValueParser.unit($0) != nil } ?? false
        guard hasOperator || hasUnit, case .quantity(let quantity) = ValueParser.parse(written) else { return written }
        var out = written
        if quantity.comparator == nil, hasOperator, let operatorText { out = LabelText.trim(operatorText) + out }
        if quantity.unit == nil, hasUnit, let unitText { out += LabelText.trim(unitText) }
        return out
    }

    @Test func theRowCarriesWhatTheParserReads() {
        var g = SeededGenerator(seed: 0x5EED_0017)
        let at = CellAddress(row: 5, column: 4)
        for _ in 0..<400 {
            let target = Self.values.randomElement(using: &g) ?? "", actual = Self.values.randomElement(using: &g) ?? ""
            let op = Self.operators.randomElement(using: &g) ?? nil, unit = Self.units.randomElement(using: &g) ?? nil
            let none = Located("", at: at)
            let row = Indicator(row: 5, level1: none, level1Label: "", level1Points: nil, level2: none,
                                name: Located("指标", at: at), target: Located(target, at: at),
                                actual: Located(actual, at: at), weight: Located("10", at: at), score: none,
                                reason: nil, nature: op.map { Located($0, at: at) }, measureUnit: unit.map { Located($0, at: at) })
            #expect(row.writtenTarget == ValueParser.parse(target))
            #expect(row.parsedTarget == Self.split(target, operator: op, unit: unit))
            #expect(row.parsedActual == Self.split(actual, operator: nil, unit: unit))
            #expect(row.targetText == Self.joined(target, operator: op, unit: unit), "\(target) \(op ?? "nil") \(unit ?? "nil")")
            #expect(row.actualText == Self.joined(actual, operator: nil, unit: unit))
            // What the reading left doubtful travels with the row: the same as reading the
            // trimmed cell alone, and only ever for a quantity.
            #expect(row.targetUnread == ValueParser.reading(LabelText.trim(target)).unread, "\(target)")
            #expect(row.actualUnread == ValueParser.reading(LabelText.trim(actual)).unread, "\(actual)")
            if row.targetUnread != nil, case .quantity = row.writtenTarget {} else { #expect(row.targetUnread == nil) }
            // A cell changed afterwards (the blank template blanks them) is read again.
            var changed = row
            let other = Self.values.randomElement(using: &g) ?? ""
            changed.target = Located(other, at: at)
            changed.measureUnit = nil
            #expect(changed.parsedTarget == Self.split(other, operator: op, unit: nil))
            #expect(changed.targetText == Self.joined(other, operator: op, unit: nil))
            #expect(changed.parsedActual == ValueParser.parse(actual))
            #expect(changed.targetUnread == ValueParser.reading(other).unread)
        }
    }

    /// A value read over its operator, value and unit cells, as the row reads it.
    static func split(_ text: String, operator operatorText: String?, unit unitText: String?) -> ParsedValue {
        ValueParser.overlay(ValueParser.parse(text), comparator: operatorText.flatMap(ValueParser.comparator),
                            unit: unitText.flatMap(ValueParser.unit))
    }
}
