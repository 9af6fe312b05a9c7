/// The byte layer: splits bytes into records of byte fields. It is total: every input
/// has a parse. Quoting follows RFC 4180 (a field may be quoted; `""` inside quotes is a
/// quote; separators, CR and LF inside quotes are data); a record ends at LF, CRLF or a
/// lone CR. A quote inside an unquoted field is kept as data, as Excel and Python do.
///
/// Comma, tab, quote, CR and LF never occur inside UTF-8 or GB18030 multi-byte sequences,
/// so splitting before decoding is safe.
public struct CSVTokenizer: Sendable {
    /// One record (one spreadsheet row) as byte fields.
    public struct Record: Sendable, Equatable {
        public var fields: [[UInt8]]
    }

    /// The result of a tokenization: the records, and where an unterminated quote opened.
    public struct Output: Sendable, Equatable {
        public var records: [Record]
        /// 1-based row and column of the opening quote of a field that never closed.
        public var unterminatedQuote: (row: Int, column: Int)?

        public static func == (lhs: Output, rhs: Output) -> Bool {
            lhs.records == rhs.records && lhs.unterminatedQuote?.row == rhs.unterminatedQuote?.row
                && lhs.unterminatedQuote?.column == rhs.unterminatedQuote?.column
        }
    }

    public let separator: UInt8

    public init(separator: UInt8 = UInt8(ascii: ",")) {
        self.separator = separator
    }

    private enum State { case fieldStart, unquoted, quoted, quoteInQuoted }

    /// Tokenizes `bytes` (already without BOM).
    public func tokenize(_ bytes: [UInt8]) -> Output {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        var records: [Record] = []
        var fields: [[UInt8]] = []
        var field: [UInt8] = []
        var state = State.fieldStart
        var quoteOpen: (row: Int, column: Int)? = nil
        var i = 0
        let n = bytes.count

        func endField() {
            fields.append(field)
            field = []
        }
        func endRecord() {
            fields.append(field)
            field = []
            records.append(Record(fields: fields))
            fields = []
        }

        while i < n {
            let b = bytes[i]
            switch state {
            case .fieldStart, .unquoted:
                if b == separator {
                    endField()
                    state = .fieldStart
                } else if b == cr || b == lf {
                    endRecord()
                    state = .fieldStart
                    if b == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                } else if b == quote && state == .fieldStart {
                    quoteOpen = (records.count + 1, fields.count + 1)
                    state = .quoted
                } else {
                    field.append(b)
                    state = .unquoted
                }
            case .quoted:
                if b == quote { state = .quoteInQuoted } else { field.append(b) }
            case .quoteInQuoted:
                if b == quote {
                    field.append(quote)
                    state = .quoted
                } else if b == separator {
                    endField()
                    state = .fieldStart
                } else if b == cr || b == lf {
                    endRecord()
                    state = .fieldStart
                    if b == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                } else {
                    // `"ab"c`: text after the closing quote is kept, as Excel does.
                    field.append(b)
                    state = .unquoted
                }
            }
            i += 1
        }
        var unterminated: (row: Int, column: Int)? = nil
        if state == .quoted {
            unterminated = quoteOpen
        }
        // A final record without a line end; a file ending in a line end adds no empty record.
        if state != .fieldStart || !fields.isEmpty || !field.isEmpty || state == .quoted {
            endRecord()
        }
        return Output(records: records, unterminatedQuote: unterminated)
    }

    /// Guesses the separator: tab when tabs outside quotes outnumber commas in the
    /// first records, else comma.
    public static func detectSeparator(_ bytes: [UInt8], sample: Int = 65_536) -> UInt8 {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), tab = UInt8(ascii: "\t")
        var inQuotes = false
        var commas = 0, tabs = 0
        for b in bytes.prefix(sample) {
            if b == quote { inQuotes.toggle(); continue }
            if inQuotes { continue }
            if b == comma { commas += 1 } else if b == tab { tabs += 1 }
        }
        return tabs > commas ? tab : comma
    }
}
