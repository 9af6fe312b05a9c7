import CSV

/// Why a workbook could not be read, with the place it happened (`FILE.xlsx:1:A` for the
/// archive, `FILE.xlsx[sheet]:ROW:COL` for a cell). The code is the stable diagnostic code.
public struct SpreadsheetError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The diagnostic code (`xlsx-corrupt`, `zip-bomb`, `encrypted-workbook`, `too-many-rows` …).
    public var code: String
    public var location: SourceLocation
    /// What the user reads (Chinese).
    public var message: String

    public init(_ code: String, at location: SourceLocation, _ message: String) {
        self.code = code
        self.location = location
        self.message = message
    }

    /// An error at the start of `file` (the archive as a whole).
    init(_ code: String, file: String, _ message: String) {
        self.init(code, at: SourceLocation(file: file, row: 1, column: 1), message)
    }

    /// `file:row:col: error: [code] message`.
    public var description: String { "\(location): error: [\(code)] \(message)" }
}
