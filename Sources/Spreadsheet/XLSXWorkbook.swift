import CSV

/// An Office Open XML workbook (.xlsx, .xlsm as Excel and WPS write it) read into grids: each
/// sheet's cells as a CSV export holds them — shared and inline strings (rich-text runs joined,
/// phonetic runs left out, `_x000D_` escapes decoded), numbers as displayed by their number
/// format, formulas by their cached value (never evaluated), booleans TRUE/FALSE, errors as
/// shown (#DIV/0!), every cell at its own address. Macros (.xlsm) are never looked at.
struct XLSXWorkbook {
    let archive: ZipArchive
    let file: String
    let limits: CSVLimits
    /// The sheets in workbook order: name and part path.
    private(set) var sheets: [(name: String, part: String)] = []
    private var sharedStrings: [String] = []
    private var formats: [NumberFormat?] = []  // by cell style index; nil: General
    private var date1904 = false

    init(bytes: [UInt8], file: String, limits: CSVLimits) throws(SpreadsheetError) {
        self.file = file
        self.limits = limits
        archive = try ZipArchive(bytes: bytes, file: file)
        let workbookPart = try officeDocumentPath()
        guard let workbook = try archive.data(workbookPart) else { throw notAWorkbook() }
        let folder = XLSXWorkbook.folder(of: workbookPart)
        let relations = try self.relations(of: workbookPart)
        try readWorkbook(workbook, part: workbookPart, folder: folder, relations: relations)
        let sharedPart = relations.values.first { $0.type.hasSuffix("/sharedStrings") }?.target ?? folder + "sharedStrings.xml"
        if let data = try archive.data(sharedPart) { try readSharedStrings(data, part: sharedPart) }
        let stylesPart = relations.values.first { $0.type.hasSuffix("/styles") }?.target ?? folder + "styles.xml"
        if let data = try archive.data(stylesPart) { try readStyles(data, part: stylesPart) }
    }

    /// What a ZIP without a workbook is, for its message.
    private func notAWorkbook() -> SpreadsheetError {
        let message = if archive.contains("word/document.xml") { SpreadsheetMessage.wordDocument }
            else if archive.contains("ppt/presentation.xml") { SpreadsheetMessage.presentation }
            else if archive.contains("content.xml") && archive.contains("mimetype") { SpreadsheetMessage.openDocument }
            else { SpreadsheetMessage.notAWorkbook }
        return SpreadsheetError("not-a-spreadsheet", file: file, message)
    }

    // MARK: Parts and relationships

    struct Relation { var target: String; var type: String }

    static func folder(of part: String) -> String {
        guard let slash = part.lastIndex(of: "/") else { return "" }
        return String(part[...slash])
    }

    /// A relationship target resolved against the folder of its source part.
    static func resolve(_ target: String, from folder: String) -> String {
        var parts: [Substring] = target.hasPrefix("/") ? [] : folder.split(separator: "/")
        for piece in target.split(separator: "/") {
            if piece == ".." { if !parts.isEmpty { parts.removeLast() } } else if piece != "." { parts.append(piece) }
        }
        return parts.joined(separator: "/")
    }

    private func officeDocumentPath() throws(SpreadsheetError) -> String {
        guard let rels = try archive.data("_rels/.rels") else { return "xl/workbook.xml" }
        var found: String?
        let xml = XMLStream()
        xml.onStart = { name, attrs in
            if name == "Relationship", found == nil, let type = attrs["Type"], type.hasSuffix("/officeDocument"),
               let target = attrs["Target"] {
                found = XLSXWorkbook.resolve(target, from: "")
            }
        }
        try xml.parse(rels, part: "_rels/.rels", file: file)
        return found ?? "xl/workbook.xml"
    }

    private func relations(of part: String) throws(SpreadsheetError) -> [String: Relation] {
        let folder = XLSXWorkbook.folder(of: part)
        let relsPart = folder + "_rels/" + String(part.dropFirst(folder.count)) + ".rels"
        guard let data = try archive.data(relsPart) else { return [:] }
        var out: [String: Relation] = [:]
        let xml = XMLStream()
        xml.onStart = { name, attrs in
            if name == "Relationship", let id = attrs["Id"], let target = attrs["Target"], attrs["TargetMode"] != "External" {
                out[id] = Relation(target: XLSXWorkbook.resolve(target, from: folder), type: attrs["Type"] ?? "")
            }
        }
        try xml.parse(data, part: relsPart, file: file)
        return out
    }

    private mutating func readWorkbook(_ data: [UInt8], part: String, folder: String,
                                       relations: [String: Relation]) throws(SpreadsheetError) {
        var sheets: [(String, String)] = []
        var date1904 = false
        let xml = XMLStream()
        xml.onStart = { name, attrs in
            if name == "sheet", let sheetName = attrs["name"] {
                let target = attrs["id"].flatMap { relations[$0]?.target } ?? folder + "worksheets/sheet\(sheets.count + 1).xml"
                sheets.append((sheetName, target))
            } else if name == "workbookPr", let v = attrs["date1904"] {
                date1904 = v == "1" || v == "true"
            }
        }
        try xml.parse(data, part: part, file: file)
        guard !sheets.isEmpty else { throw SpreadsheetError("xlsx-corrupt", file: file, SpreadsheetMessage.noSheets) }
        self.sheets = sheets.map { (name: $0.0, part: $0.1) }
        self.date1904 = date1904
    }

    private mutating func readSharedStrings(_ data: [UInt8], part: String) throws(SpreadsheetError) {
        var strings: [String] = []
        var phonetic = 0
        var current = ""
        let xml = XMLStream()
        let limit = limits.maxCellCharacters
        let file = self.file
        xml.onStart = { [unowned xml] name, _ in
            switch name {
            case "si": current = ""
            case "rPh": phonetic += 1
            case "t": xml.collecting = phonetic == 0
            default: break
            }
        }
        xml.onEnd = { [unowned xml] name in
            switch name {
            case "t":
                if xml.collecting { current += XLSXWorkbook.unescape(xml.takeText()) }
                xml.collecting = false
            case "rPh": phonetic -= 1
            case "si":
                if current.utf16.count > limit {
                    xml.abort = SpreadsheetError("cell-too-long", file: file, SpreadsheetMessage.cellTooLong(current.utf16.count, limit))
                }
                strings.append(current)
            default: break
            }
        }
        try xml.parse(data, part: part, file: file)
        sharedStrings = strings
    }

    private mutating func readStyles(_ data: [UInt8], part: String) throws(SpreadsheetError) {
        var custom: [Int: String] = [:]
        var formatIds: [Int] = []
        var inCellXfs = false
        let xml = XMLStream()
        xml.onStart = { name, attrs in
            switch name {
            case "numFmt":
                if let id = attrs["numFmtId"].flatMap(Int.init), let code = attrs["formatCode"] { custom[id] = code }
            case "cellXfs": inCellXfs = true
            case "xf" where inCellXfs: formatIds.append(attrs["numFmtId"].flatMap(Int.init) ?? 0)
            default: break
            }
        }
        xml.onEnd = { name in if name == "cellXfs" { inCellXfs = false } }
        try xml.parse(data, part: part, file: file)
        formats = formatIds.map { id in
            guard id != 0, let code = custom[id] ?? NumberFormat.builtIn[id] else { return nil }
            return NumberFormat(code: code)
        }
    }

    /// `_xHHHH_` escapes (how OOXML stores control characters such as CR) decoded.
    static func unescape(_ s: String) -> String {
        guard s.contains("_x") else { return s }
        var out = ""
        var scalars = Array(s.unicodeScalars)[...]
        while let first = scalars.first {
            if first == "_", scalars.count >= 7, scalars[scalars.startIndex + 1] == "x",
               scalars[scalars.startIndex + 6] == "_",
               let code = UInt32(String(String.UnicodeScalarView(scalars[(scalars.startIndex + 2)..<(scalars.startIndex + 6)])), radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                scalars = scalars.dropFirst(7)
            } else {
                out.unicodeScalars.append(first)
                scalars = scalars.dropFirst()
            }
        }
        return out
    }

    // MARK: Sheets

    /// The grid of sheet `index`, with `file` as the name in its locations.
    func grid(sheet index: Int, file gridFile: String) throws(SpreadsheetError) -> CSVDocument {
        let sheet = sheets[index]
        guard let data = try archive.data(sheet.part) else {
            throw SpreadsheetError("xlsx-corrupt", file: file, SpreadsheetMessage.missingPart(sheet.part))
        }
        var reader = SheetReader(file: gridFile, limits: limits, sharedStrings: sharedStrings, formats: formats, date1904: date1904)
        try reader.read(data, part: sheet.part)
        return reader.cells.document(sheet: sheet.name)
    }
}
