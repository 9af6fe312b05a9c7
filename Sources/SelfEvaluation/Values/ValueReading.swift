/// A target or actual as `ValueParser` read it: the value, and the part of a quantity text the
/// reading dropped and could not place (`UnreadValueText`), found in the same pass so
/// that no rule reads the text again.
public struct ValueReading: Sendable, Equatable {
    /// The parsed value (`ValueParser.parse(_:)`).
    public var value: ParsedValue
    /// The doubtful part of a quantity text ("件/件2万元" → "件/件"); nil when nothing is doubtful
    /// or the value is not a quantity read around one number.
    public var unread: String?
}
