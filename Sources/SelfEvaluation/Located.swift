import CSV

/// A cell address inside one form: 1-based row and column (1 = A).
public struct CellAddress: Sendable, Hashable, Comparable, CustomStringConvertible, Codable {
    public var row: Int
    public var column: Int

    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// "E13".
    public var description: String { SourceLocation.letter(forColumn: column) + String(row) }
    /// The column letter ("E").
    public var columnLetter: String { SourceLocation.letter(forColumn: column) }

    public static func < (lhs: CellAddress, rhs: CellAddress) -> Bool {
        (lhs.row, lhs.column) < (rhs.row, rhs.column)
    }
}

/// A value together with the cell it was read from.
public struct Located<Value: Sendable>: Sendable {
    public var value: Value
    public var cell: CellAddress

    public init(_ value: Value, at cell: CellAddress) {
        self.value = value
        self.cell = cell
    }
}

extension Located: Equatable where Value: Equatable {}
extension Located: Hashable where Value: Hashable {}
