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
        // Bytes gathered in one buffer, one String made: cheaper than interpolation or appends,
        // on every located message.
        var bytes: [UInt8] = []
        bytes.reserveCapacity(file.utf8.count + 24)
        bytes.append(contentsOf: file.utf8)
        if !file.isEmpty { bytes.append(UInt8(ascii: ":")) }
        let digits = bytes.count
        var n = row.magnitude
        repeat {
            bytes.append(UInt8(ascii: "0") + UInt8(n % 10))
            n /= 10
        } while n > 0
        bytes[digits...].reverse()
        if row < 0 { bytes.insert(UInt8(ascii: "-"), at: digits) }
        bytes.append(UInt8(ascii: ":"))
        if column > 0 { Self.appendLetter(forColumn: column, to: &bytes) } else { bytes.append(UInt8(ascii: "A")) }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The spreadsheet letter of a 1-based column number (1 → A, 27 → AA); empty for 0 or less.
    public static func letter(forColumn column: Int) -> String {
        guard column > 0 else { return "" }
        var letters: [UInt8] = []
        appendLetter(forColumn: column, to: &letters)
        return String(decoding: letters, as: UTF8.self)
    }

    /// Appends the letter of a column above 0 to `bytes`.
    private static func appendLetter(forColumn column: Int, to bytes: inout [UInt8]) {
        let start = bytes.count
        var n = column
        while n > 0 {
            bytes.append(UInt8(65 + (n - 1) % 26))
            n = (n - 1) / 26
        }
        bytes[start...].reverse()
    }

    public static func < (lhs: SourceLocation, rhs: SourceLocation) -> Bool {
        (lhs.file, lhs.row, lhs.column) < (rhs.file, rhs.row, rhs.column)
    }
}
