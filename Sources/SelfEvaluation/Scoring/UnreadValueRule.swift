import Foundation

/// A target or actual whose text holds what the value reader drops or cannot place ("件/件2万元",
/// "2万元万元", or two numbers against a numeric other side) is a doubt: the row is not recomputed
/// from the part that was read. `IndicatorEvaluator` keeps the unit's printed score (clamped to the
/// row's 分值) with a `value-unread` warning at the cell naming the text; with no printed score the
/// row is scored on what was read, with the same warning. Never silent either way.
enum UnreadValueRule {
    /// The doubtful cell: its located text, the field's name, and the part that could not be read
    /// (the whole text when it holds more than one number).
    struct Doubt: Sendable {
        var cell: Located<String>
        var field: String
        var unread: String
    }

    /// The first doubtful cell of the row, target before actual; nil when both read cleanly.
    static func find(_ indicator: Indicator, target: ParsedValue, actual: ParsedValue) -> Doubt? {
        let sides: [(Located<String>, String?, ParsedValue, ParsedValue, String)] = [
            (indicator.target, indicator.targetUnread, target, actual, Vocabulary.ScoringMessage.targetFieldName),
            (indicator.actual, indicator.actualUnread, actual, target, Vocabulary.ScoringMessage.actualFieldName),
        ]
        for (cell, unread, own, other, field) in sides {
            switch own {
            case .quantity:
                // The row's reading of the cell found it (`ValueReading.unread`): nothing read again.
                if let unread { return Doubt(cell: cell, field: field, unread: unread) }
            case .text:
                let text = cell.value.trimmed
                if case .quantity = other, ValueParser.valueNumberCount(text) >= 2 {
                    return Doubt(cell: cell, field: field, unread: text)
                }
            default:
                break
            }
        }
        return nil
    }

    static let name = "UnreadValueRule"
}
