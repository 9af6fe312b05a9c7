/// A decoded CSV file: its rows of cells as a spreadsheet would show them, and how it was written.
public struct CSVDocument: Sendable, Equatable {
    /// The file's path as given (used in every location).
    public var file: String
    /// Rows of cells; `rows[0]` is spreadsheet row 1. Blank lines are kept as `[""]`.
    public var rows: [[String]]
    /// The encoding the bytes were decoded from.
    public var encoding: TextEncoding
    /// Whether the input began with a byte-order mark.
    public var hadByteOrderMark: Bool
    /// The field separator (comma or tab).
    public var separator: Character
    /// The first line ending seen ("\r\n", "\n" or "\r"); "\r\n" when there is none.
    public var lineEnding: String
    /// The sheet of a workbook (.xlsx, .xls) the grid was read from; nil for CSV text.
    public var sheet: String?

    public init(file: String, rows: [[String]], encoding: TextEncoding = .utf8, hadByteOrderMark: Bool = false,
                separator: Character = ",", lineEnding: String = "\r\n") {
        self.file = file
        self.rows = rows
        self.encoding = encoding
        self.hadByteOrderMark = hadByteOrderMark
        self.separator = separator
        self.lineEnding = lineEnding
    }

    /// The text at a 1-based row and column; empty outside the ragged grid.
    public subscript(row: Int, column: Int) -> String {
        guard row >= 1, row <= rows.count else { return "" }
        let r = rows[row - 1]
        guard column >= 1, column <= r.count else { return "" }
        return r[column - 1]
    }

    /// The widest row's number of cells.
    public var width: Int { rows.map(\.count).max() ?? 0 }

    /// The location of a 1-based row and column in this file.
    public func location(row: Int, column: Int) -> SourceLocation {
        SourceLocation(file: file, row: row, column: column)
    }
}
