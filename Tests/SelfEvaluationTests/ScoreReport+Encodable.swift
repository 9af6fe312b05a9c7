import Foundation
@testable import SelfEvaluation

/// The report's members for Foundation's `JSONEncoder`: the oracle of the one JSON writer
/// (`ScoreReport.jsonBytes`), kept with the tests. Every member is encoded, a nil one as null,
/// except a budget's nil `weightSource`, which is left out (as the writer leaves it out).
extension ScoreReport: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(source, forKey: "source")
        try c.encode(title, forKey: "title")
        try c.encode(year, forKey: "year")
        try c.encode(unit, forKey: "unit")
        try c.encode(filledOn, forKey: "filledOn")
        try c.encode(budget, forKey: "budget")
        try c.encode(indicators, forKey: "indicators")
        try c.encode(total, forKey: "total")
        try c.encode(grade, forKey: "grade")
        try c.encode(warnings, forKey: "warnings")
        try c.encode(needsReview, forKey: "needsReview")
        try c.encode(rules, forKey: "rules")
        try c.encode(layout, forKey: "layout")
        try c.encode(sections, forKey: "sections")
    }
}

extension ScoreReport.Section: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(name, forKey: "name")
        try c.encode(stated, forKey: "stated")
        try c.encode(weight, forKey: "weight")
        try c.encode(weightSource, forKey: "weightSource")
        try c.encode(indicatorsWeight, forKey: "indicatorsWeight")
        try c.encode(score, forKey: "score")
    }
}

extension ScoreReport.Budget: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(rows, forKey: "rows")
        try c.encode(weight, forKey: "weight")
        try c.encode(executionRate, forKey: "executionRate")
        try c.encode(score, forKey: "score")
        try c.encodeIfPresent(weightSource, forKey: "weightSource")
    }
}

extension ScoreReport.Budget.Row: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(name, forKey: "name")
        try c.encode(initial, forKey: "initial")
        try c.encode(adjusted, forKey: "adjusted")
        try c.encode(executed, forKey: "executed")
    }
}

extension ScoreReport.IndicatorEntry: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(row, forKey: "row")
        try c.encode(level1, forKey: "level1")
        try c.encode(level2, forKey: "level2")
        try c.encode(name, forKey: "name")
        try c.encode(target, forKey: "target")
        try c.encode(actual, forKey: "actual")
        try c.encode(kind, forKey: "kind")
        try c.encode(direction, forKey: "direction")
        try c.encode(tier, forKey: "tier")
        try c.encode(weight, forKey: "weight")
        try c.encode(filledScore, forKey: "filledScore")
        try c.encode(score, forKey: "score")
        try c.encode(reason, forKey: "reason")
        try c.encode(reasonGenerated, forKey: "reasonGenerated")
    }
}

extension ScoreReport.Total: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(weight, forKey: "weight")
        try c.encode(score, forKey: "score")
    }
}

extension ScoreReport.Warning: Encodable {
    public func encode(to encoder: any Encoder) throws {
        var c = encoder.container(keyedBy: JSONKey.self)
        try c.encode(code, forKey: "code")
        try c.encode(row, forKey: "row")
        try c.encode(column, forKey: "column")
        try c.encode(message, forKey: "message")
    }
}

/// A JSON member's name.
struct JSONKey: CodingKey, ExpressibleByStringLiteral {
    var stringValue: String
    var intValue: Int? { nil }
    init(stringValue: String) { self.stringValue = stringValue }
    init?(intValue: Int) { nil }
    init(stringLiteral value: String) { stringValue = value }
}
