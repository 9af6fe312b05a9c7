/// Why a CSV input could not be read, with the place it happened.
public struct CSVError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What went wrong; the raw value is the stable diagnostic code.
    public enum Kind: String, Sendable, Equatable {
        case unterminatedQuote = "unterminated-quote"
        case invalidEncoding = "invalid-encoding"
        /// Rows in UTF-8 and rows in GB18030 in one file (`MixedEncoding`).
        case mixedEncoding = "mixed-encoding"
        case nulByte = "nul-byte"
        case emptyFile = "empty-file"
        case fileTooLarge = "file-too-large"
        case tooManyRows = "too-many-rows"
        case tooManyColumns = "too-many-columns"
        case cellTooLong = "cell-too-long"
        case unreadable = "unreadable-file"
    }

    public var kind: Kind
    public var location: SourceLocation
    public var message: String

    public init(_ kind: Kind, at location: SourceLocation, _ message: String) {
        self.kind = kind
        self.location = location
        self.message = message
    }

    /// `file:row:col: error: [code] message`.
    public var description: String { "\(location): error: [\(kind.rawValue)] \(message)" }
}
