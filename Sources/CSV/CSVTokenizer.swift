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

    /// A field found by `tokenizeSpans`: a range of the input when its content is contiguous
    /// there (unquoted, or quoted without `""` and without text after the closing quote), else
    /// its content bytes.
    enum Field: Equatable {
        case span(Range<Int>)
        case bytes([UInt8])
    }

    /// What `tokenizeSpans` finds: records of fields, and where an unterminated quote opened.
    struct Spans {
        var records: [[Field]]
        var unterminatedQuote: (row: Int, column: Int)?
    }

    /// Tokenizes `bytes` (already without BOM).
    public func tokenize(_ bytes: [UInt8]) -> Output {
        let spans = bytes.withUnsafeBufferPointer { tokenizeSpans($0) }
        let records = spans.records.map { fields in
            Record(fields: fields.map { field in
                switch field {
                case .span(let range): Array(bytes[range])
                case .bytes(let content): content
                }
            })
        }
        return Output(records: records, unterminatedQuote: spans.unterminatedQuote)
    }

    /// The state machine of `tokenize`, giving fields as ranges of the input where it can (no
    /// copy of their bytes).
    func tokenizeSpans(_ bytes: UnsafeBufferPointer<UInt8>) -> Spans {
        let quote = UInt8(ascii: "\""), cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n")
        let separator = self.separator
        var records: [[Field]] = []
        var fields: [Field] = []
        // The field being read: bytes[spanStart..<spanEnd] while contiguous, else `owned`.
        var spanStart = 0
        var spanEnd = 0
        var owned: [UInt8]?
        var state = State.fieldStart
        var quoteOpen: (row: Int, column: Int)? = nil
        var i = 0
        let n = bytes.count

        func take() -> Field {
            defer {
                owned = nil
                spanStart = 0
                spanEnd = 0
            }
            if let owned { return .bytes(owned) }
            return .span(spanStart..<spanEnd)
        }
        /// Appends `bytes[from..<to]` to the field.
        func append(from: Int, to: Int) {
            guard from < to else { return }
            if owned != nil {
                owned?.append(contentsOf: bytes[from..<to])
            } else if spanStart == spanEnd {
                spanStart = from
                spanEnd = to
            } else if spanEnd == from {
                spanEnd = to
            } else {
                var content = Array(bytes[spanStart..<spanEnd])
                content.append(contentsOf: bytes[from..<to])
                owned = content
            }
        }
        func endRecord() {
            fields.append(take())
            records.append(fields)
            let width = fields.count
            fields = []
            fields.reserveCapacity(width)
        }

        while i < n {
            let b = bytes[i]
            switch state {
            case .fieldStart, .unquoted:
                if b == separator {
                    fields.append(take())
                    state = .fieldStart
                } else if b == cr || b == lf {
                    endRecord()
                    state = .fieldStart
                    if b == cr, i + 1 < n, bytes[i + 1] == lf { i += 1 }
                } else if b == quote && state == .fieldStart {
                    quoteOpen = (records.count + 1, fields.count + 1)
                    state = .quoted
                } else {
                    // An unquoted run: every byte up to a separator or line end is content.
                    var j = i + 1
                    while j < n {
                        let c = bytes[j]
                        if c == separator || c == cr || c == lf { break }
                        j += 1
                    }
                    append(from: i, to: j)
                    state = .unquoted
                    i = j
                    continue
                }
            case .quoted:
                if b == quote {
                    state = .quoteInQuoted
                } else {
                    // A quoted run: every byte up to the next quote is content.
                    var j = i + 1
                    while j < n, bytes[j] != quote { j += 1 }
                    append(from: i, to: j)
                    i = j
                    continue
                }
            case .quoteInQuoted:
                guard b == quote else {
                    // After a closing quote the field goes on as unquoted: a separator or line end
                    // ends it, and text (`"ab"c`) is kept, as Excel does.
                    state = .unquoted
                    continue
                }
                append(from: i, to: i + 1)
                state = .quoted
            }
            i += 1
        }
        // A final record without a line end; a file ending in a line end adds no empty record.
        let fieldIsEmpty = owned.map(\.isEmpty) ?? (spanStart == spanEnd)
        if state != .fieldStart || !fields.isEmpty || !fieldIsEmpty {
            endRecord()
        }
        return Spans(records: records, unterminatedQuote: state == .quoted ? quoteOpen : nil)
    }

    /// Guesses the separator: tab when tabs outside quotes outnumber commas in the
    /// first records, else comma.
    public static func detectSeparator(_ bytes: [UInt8], sample: Int = 65_536) -> UInt8 {
        let quote = UInt8(ascii: "\""), comma = UInt8(ascii: ","), tab = UInt8(ascii: "\t")
        var inQuotes = false
        var commas = 0, tabs = 0
        bytes.prefix(sample).withUnsafeBufferPointer { buffer in
            for b in buffer {
                if b == quote { inQuotes.toggle(); continue }
                if inQuotes { continue }
                if b == comma { commas += 1 } else if b == tab { tabs += 1 }
            }
        }
        return tabs > commas ? tab : comma
    }
}
