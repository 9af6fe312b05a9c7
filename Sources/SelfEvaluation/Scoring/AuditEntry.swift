import Foundation

/// One step of the scoring, kept so that a reviewer can retrace every number.
public struct AuditEntry: Sendable, Equatable {
    /// One input of a step: its name, its text, and the cell it came from.
    public struct Input: Sendable, Equatable {
        public var name: String
        public var value: String
        public var cell: CellAddress?

        public init(_ name: String, _ value: String, at cell: CellAddress? = nil) {
            self.name = name
            self.value = value
            self.cell = cell
        }
    }

    /// The rule that took the step ("QuantitativeIndicatorRule").
    public var rule: String
    /// What it read.
    public var inputs: [Input]
    /// The formula applied, with its numbers ("分值 × min(B/A, 1) = 4 × min(39/10, 1) = 4.00").
    public var formula: String
    /// Points awarded, of `possible`.
    public var awarded: Decimal
    public var possible: Decimal
    /// Why, in a few words (may be empty).
    public var note = ""
}
