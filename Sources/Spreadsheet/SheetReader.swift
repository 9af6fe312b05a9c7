import CSV

/// One worksheet's XML → rows of displayed cell text at their addresses. Limits are checked as
/// cells arrive (a cell in row 1,048,576 is refused at once, nothing is allocated for the rows
/// between); the `<dimension>` element is never trusted.
struct SheetReader {
    let file: String
    let sharedStrings: [String]
    let formats: [NumberFormat?]
    let date1904: Bool
    var cells: SheetCells

    init(file: String, limits: CSVLimits, sharedStrings: [String], formats: [NumberFormat?], date1904: Bool) {
        self.file = file
        self.sharedStrings = sharedStrings
        self.formats = formats
        self.date1904 = date1904
        cells = SheetCells(file: file, limits: limits)
    }

    /// Reads the sheet part.
    mutating func read(_ data: [UInt8], part: String) throws(SpreadsheetError) {
        var cells = self.cells
        var row = 0, nextRow = 1, column = 0, nextColumn = 1
        var type = "n", style = 0
        var value: String?
        var inline = ""
        var inInline = false, phonetic = 0
        let xml = XMLStream()
        let me = self
        xml.onStart = { [unowned xml] name, attrs in
            switch name {
            case "row":
                row = attrs["r"].flatMap(Int.init) ?? nextRow
                nextRow = row + 1
                nextColumn = 1
                if row < 1 || row > 1 << 24 {
                    xml.abort = me.error("xlsx-corrupt", row: 1, column: 1, SpreadsheetMessage.badReference(attrs["r"] ?? ""))
                }
            case "c":
                type = attrs["t"] ?? "n"
                style = attrs["s"].flatMap(Int.init) ?? 0
                value = nil
                inline = ""
                if let ref = attrs["r"] {
                    guard let (c, r) = SheetReader.parseReference(ref) else {
                        xml.abort = me.error("xlsx-corrupt", row: max(row, 1), column: nextColumn, SpreadsheetMessage.badReference(ref))
                        return
                    }
                    column = c
                    if r != row {
                        row = r
                        nextRow = r + 1
                    }
                } else {
                    column = nextColumn
                }
                if row == 0 { row = nextRow; nextRow += 1 }
                nextColumn = column + 1
            case "v":
                xml.collecting = true
            case "is":
                inInline = true
            case "rPh":
                phonetic += 1
            case "t":
                xml.collecting = inInline && phonetic == 0
            default: break
            }
        }
        xml.onEnd = { [unowned xml] name in
            switch name {
            case "v":
                value = xml.takeText()
                xml.collecting = false
            case "t":
                if xml.collecting { inline += XLSXWorkbook.unescape(xml.takeText()) }
                xml.collecting = false
            case "rPh": phonetic -= 1
            case "is": inInline = false
            case "c":
                do throws(SpreadsheetError) {
                    let text = try me.display(type: type, style: style, value: value, inline: inline, row: row, column: column)
                    if !text.isEmpty { try cells.put(text, row: row, column: column) }
                } catch {
                    xml.abort = error
                }
            default: break
            }
        }
        try xml.parse(data, part: part, file: file)
        self.cells = cells
    }

    /// The text a cell shows.
    func display(type: String, style: Int, value: String?, inline: String, row: Int, column: Int) throws(SpreadsheetError) -> String {
        switch type {
        case "s":
            guard let v = value, let index = Int(v.trimmingSpaces), index >= 0, index < sharedStrings.count else {
                throw error("shared-string-out-of-range", row: row, column: column,
                            SpreadsheetMessage.sharedStringOutOfRange(value ?? "", sharedStrings.count))
            }
            return sharedStrings[index]
        case "inlineStr":
            return inline
        case "str", "e":
            return XLSXWorkbook.unescape(value ?? "")
        case "b":
            guard let v = value else { return "" }
            return v.trimmingSpaces == "1" || v.trimmingSpaces == "true" ? "TRUE" : "FALSE"
        case "d":
            return value ?? ""
        default:
            guard let v = value?.trimmingSpaces, !v.isEmpty else { return "" }
            guard let number = Double(v) else { return v }
            let format = style >= 0 && style < formats.count ? formats[style] : nil
            return (format ?? NumberFormat(code: "General")).display(number, date1904: date1904)
        }
    }

    func error(_ code: String, row: Int, column: Int, _ message: String) -> SpreadsheetError {
        SpreadsheetError(code, at: SourceLocation(file: file, row: row, column: column), message)
    }

    /// `AB12` → (column 28, row 12); nil for anything else.
    static func parseReference(_ ref: String) -> (Int, Int)? {
        var column = 0, row = 0
        var sawDigit = false
        for b in ref.utf8 {
            switch b {
            case _ where !sawDigit && (UInt8(ascii: "a")...UInt8(ascii: "z")).contains(b | 0x20):  // either case
                column = column * 26 + Int((b | 0x20) - UInt8(ascii: "a")) + 1
                if column > 1 << 20 { return nil }
            case UInt8(ascii: "$"): continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                sawDigit = true
                row = row * 10 + Int(b - UInt8(ascii: "0"))
                if row > 1 << 24 { return nil }
            default: return nil
            }
        }
        return column > 0 && row > 0 ? (column, row) : nil
    }
}

/// A sheet's cells with text as they arrive (.xlsx and .xls alike), each checked against the
/// limits at once: an empty styled cell far away costs nothing.
struct SheetCells {
    let file: String
    let limits: CSVLimits
    /// Cells by row index (0-based), each row's cells by column index (0-based).
    private var cells: [Int: [Int: String]] = [:]

    init(file: String, limits: CSVLimits) {
        self.file = file
        self.limits = limits
    }

    /// Puts non-empty `text` at 1-based `row`, `column`; throws when it passes a limit.
    mutating func put(_ text: String, row: Int, column: Int) throws(SpreadsheetError) {
        func refused(_ code: String, _ message: String) -> SpreadsheetError {
            SpreadsheetError(code, at: SourceLocation(file: file, row: row, column: column), message)
        }
        if row > limits.maxRows { throw refused("too-many-rows", SpreadsheetMessage.tooManyRows(limits.maxRows)) }
        if column > limits.maxColumns { throw refused("too-many-columns", SpreadsheetMessage.tooManyColumns(limits.maxColumns)) }
        if text.utf16.count > limits.maxCellCharacters {
            throw refused("cell-too-long", SpreadsheetMessage.cellTooLong(text.utf16.count, limits.maxCellCharacters))
        }
        cells[row - 1, default: [:]][column - 1] = text
    }

    /// The grid of sheet `sheet`: rows 1 … the last row holding text, each up to its last cell
    /// with text; a row without any is `[""]`, as a blank CSV line reads.
    func document(sheet: String) -> CSVDocument {
        var rows: [[String]] = []
        if let last = cells.keys.max() {
            rows.reserveCapacity(last + 1)
            for r in 0...last {
                guard let row = cells[r], let width = row.keys.max() else { rows.append([""]); continue }
                var line = [String](repeating: "", count: width + 1)
                for (c, text) in row { line[c] = text }
                rows.append(line)
            }
        }
        var document = CSVDocument(file: file, rows: rows)
        document.sheet = sheet
        return document
    }
}

extension String {
    var trimmingSpaces: String {
        var s = Substring(self)
        while s.first?.isWhitespace == true { s.removeFirst() }
        while s.last?.isWhitespace == true { s.removeLast() }
        return String(s)
    }
}
