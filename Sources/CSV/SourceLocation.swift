/// A place in an input file as a spreadsheet shows it: 1-based row, column letter.
public struct SourceLocation: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The file's path as the user gave it (may be empty for in-memory input).
    public var file: String
    /// 1-based spreadsheet row (a CSV record, however many physical lines it spans).
    public var row: Int
    /// 1-based column (1 = A); 0 when the location names a whole row.
    public var column: Int

    public init(file: String, row: Int, column: Int) {
        self.file = file
        self.row = row
        self.column = column
    }

    /// The column as a spreadsheet letter ("A", "I", "AA"); empty for a whole-row location.
    public var columnLetter: String { SourceLocation.letter(forColumn: column) }

    /// `file:row:col`, as compilers print places.
    public var description: String {
        // Appended piece by piece: cheaper than interpolation, on every located message.
        var text = file
        if !file.isEmpty { text += ":" }
        text += String(row)
        text += ":"
        text += column > 0 ? columnLetter : "A"
        return text
    }

    /// The spreadsheet letter of a 1-based column number (1 → A, 27 → AA); empty for 0 or less.
    public static func letter(forColumn column: Int) -> String {
        guard column > 0 else { return "" }
        var n = column
        var letters: [UInt8] = []
        while n > 0 {
            letters.append(UInt8(65 + (n - 1) % 26))
            n = (n - 1) / 26
        }
        letters.reverse()
        return String(decoding: letters, as: UTF8.self)
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.row, lhs.column) < (rhs.file, rhs.row, rhs.column)
    }
}
