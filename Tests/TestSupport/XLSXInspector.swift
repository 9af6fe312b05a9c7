import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif

/// Reads an XLSX file independently of the writer that made it: entries are
/// extracted with `/usr/bin/unzip` and parsed with Foundation's `XMLParser`.
///
/// Sheets are named by their sheet name (as in `xl/workbook.xml`), cells by `A1` refs.
/// Entries are cached per instance; use one instance per file from one task.
///
/// **Every XML part is checked when the workbook is opened**: the first read of any entry
/// extracts the whole archive and checks each `.xml`, `.rels` and `.vml` part with
/// ``XMLWellFormedness`` (strict XML 1.0), throwing ``XLSXInspectorError/badXML(entry:message:)``
/// for the first that is not well-formed. So every test that looks at a workbook also proves that
/// Excel, LibreOffice and openpyxl can open it.
public final class XLSXInspector {
    /// The XLSX file.
    public let path: String
    private var cache: [String: Data] = [:]
    private var loaded = false

    /// An inspector for the file at `path` (nothing is read yet).
    public init(path: String) {
        self.path = path
    }

    // MARK: Raw access

    /// The zip entry names, in archive order (`unzip -Z1`); opening checks every XML part.
    public func entries() throws -> [String] {
        try open()
        return entryList
    }

    private var entryList: [String] = []

    /// The bytes of one entry (the whole archive is extracted and checked on first use).
    public func data(_ entry: String) throws -> Data {
        try open()
        guard let cached = cache[entry] else { throw XLSXInspectorError.missingEntry(path: path, entry: entry) }
        return cached
    }

    /// Extracts every entry (one `unzip -d`) and checks that each XML part is well-formed; runs once.
    public func open() throws {
        guard !loaded else { return }
        let folder = FileManager.default.temporaryDirectory
            .appendingPathComponent("xlsx-inspector-\(UUID().uuidString)", isDirectory: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let listing = try Self.run(["-Z1", path])
        entryList = String(decoding: listing, as: UTF8.self).split(separator: "\n").map(String.init)
        _ = try Self.run(["-qq", "-o", path, "-d", folder.path])
        for entry in entryList where !entry.hasSuffix("/") {
            cache[entry] = try Data(contentsOf: folder.appendingPathComponent(entry))
        }
        loaded = true
        if let (part, problem) = try XMLWellFormedness.firstProblem(in: folder.path, parts: try xmlParts()) {
            throw XLSXInspectorError.badXML(entry: "\(path): \(part)", message: problem)
        }
    }

    /// Opens every `.xlsx` under `folder` (recursively), which checks each XML part; returns how
    /// many workbooks were checked. End-to-end tests call it on every folder they write into.
    @discardableResult
    public static func checkEveryWorkbook(under folder: String) throws -> Int {
        guard let paths = FileManager.default.enumerator(atPath: folder)?.allObjects as? [String] else { return 0 }
        let workbooks = paths.filter { $0.hasSuffix(".xlsx") }.sorted()
        for relative in workbooks {
            try XLSXInspector(path: (folder as NSString).appendingPathComponent(relative)).open()
        }
        return workbooks.count
    }

    /// The XML parts of the archive (`.xml`, `.rels`, `.vml`), in archive order.
    public func xmlParts() throws -> [String] {
        try entries().filter { $0.hasSuffix(".xml") || $0.hasSuffix(".rels") || $0.hasSuffix(".vml") }
    }


    /// The text of one entry, e.g. `xml("xl/worksheets/sheet1.xml")`.
    public func xml(_ entry: String) throws -> String {
        String(decoding: try data(entry), as: UTF8.self)
    }

    /// The parsed root element of an entry.
    public func document(_ entry: String) throws -> XMLNode {
        try XMLNode.parse(try data(entry), entry: entry)
    }

    /// Every element named `name` (qualified as written, e.g. `"mergeCell"`, `"dc:title"`) in an entry.
    public func elements(_ name: String, in entry: String) throws -> [XMLNode] {
        try document(entry).descendants(named: name)
    }

    // MARK: Workbook structure

    /// Sheet names in workbook order.
    public func sheetNames() throws -> [String] {
        try elements("sheet", in: "xl/workbook.xml").compactMap { $0.attributes["name"] }
    }

    /// The entry holding a sheet (`xl/worksheets/sheet1.xml`), resolved through the workbook's relationships.
    public func sheetEntry(_ sheet: String) throws -> String {
        guard let node = try elements("sheet", in: "xl/workbook.xml").first(where: { $0.attributes["name"] == sheet }),
              let id = node.attributes["r:id"]
        else { throw XLSXInspectorError.missingSheet(path: path, sheet: sheet) }
        let rels = try elements("Relationship", in: "xl/_rels/workbook.xml.rels")
        guard let target = rels.first(where: { $0.attributes["Id"] == id })?.attributes["Target"] else {
            throw XLSXInspectorError.missingSheet(path: path, sheet: sheet)
        }
        return Self.resolve(target, relativeTo: "xl/")
    }

    /// Defined names (`_xlnm.Print_Area`, `_xlnm.Print_Titles`, …) with their formulas, in file order.
    public func definedNames() throws -> [(name: String, localSheetId: Int?, formula: String)] {
        guard try entries().contains("xl/workbook.xml") else { return [] }
        return try elements("definedName", in: "xl/workbook.xml").map {
            ($0.attributes["name"] ?? "", $0.attributes["localSheetId"].flatMap { Int($0) }, $0.text)
        }
    }

    /// A core document property from `docProps/core.xml`, e.g. `"dc:title"`, `"dcterms:created"`.
    public func coreProperty(_ name: String) throws -> String? {
        try elements(name, in: "docProps/core.xml").first?.text
    }

    /// Custom document properties from `docProps/custom.xml` (name → value text).
    public func customProperties() throws -> [String: String] {
        guard try entries().contains("docProps/custom.xml") else { return [:] }
        var result: [String: String] = [:]
        for property in try elements("property", in: "docProps/custom.xml") {
            if let name = property.attributes["name"] { result[name] = property.text }
        }
        return result
    }

    // MARK: Cells

    /// The shared-string table, in index order (rich runs concatenated).
    public func sharedStrings() throws -> [String] {
        guard try entries().contains("xl/sharedStrings.xml") else { return [] }
        return try elements("si", in: "xl/sharedStrings.xml").map { si in
            XLSXInspector.unescapeOOXML(si.descendants(named: "t").filter { !$0.isInside("rPh", of: si) }.map(\.text).joined())
        }
    }

    /// Decodes OOXML's `_xHHHH_` escapes (how a CR or other control character is stored in a
    /// string), as Excel does when it reads the file.
    public static func unescapeOOXML(_ text: String) -> String {
        guard text.contains("_x") else { return text }
        var out = ""
        var rest = Substring(text)
        while let range = rest.range(of: "_x") {
            out += rest[..<range.lowerBound]
            let after = rest[range.upperBound...]
            let hex = after.prefix(4)
            if hex.count == 4, after.dropFirst(4).first == "_", let code = UInt32(hex, radix: 16),
               let scalar = Unicode.Scalar(code) {
                out.unicodeScalars.append(scalar)
                rest = after.dropFirst(5)
            } else {
                out += "_x"
                rest = after
            }
        }
        return out + rest
    }

    /// One cell of a sheet, or nil when the sheet XML has no `<c r="ref">`.
    public func cell(sheet: String, ref: String) throws -> InspectedCell? {
        guard let c = try elements("c", in: try sheetEntry(sheet)).first(where: { $0.attributes["r"] == ref }) else {
            return nil
        }
        let type = c.attributes["t"]
        let raw = c.children.first(where: { $0.name == "v" })?.text
        var text: String?
        switch type {
        case "s":
            if let raw, let index = Int(raw) {
                let strings = try sharedStrings()
                text = strings.indices.contains(index) ? strings[index] : nil
            }
        case "inlineStr":
            text = c.descendants(named: "t").map(\.text).joined()
        case "str":
            text = raw
        default:
            text = nil
        }
        return InspectedCell(
            ref: ref, type: type, value: raw, text: text,
            formula: c.children.first(where: { $0.name == "f" })?.text,
            styleIndex: c.attributes["s"].flatMap { Int($0) })
    }

    /// The merged ranges of a sheet (`<mergeCell ref=…>`), in file order.
    public func mergedRanges(sheet: String) throws -> [String] {
        try elements("mergeCell", in: try sheetEntry(sheet)).compactMap { $0.attributes["ref"] }
    }

    /// Custom row heights of a sheet: 1-based row number (as in the XML) → points.
    public func rowHeights(sheet: String) throws -> [Int: Double] {
        var result: [Int: Double] = [:]
        for row in try elements("row", in: try sheetEntry(sheet)) {
            if let r = row.attributes["r"].flatMap({ Int($0) }), let ht = row.attributes["ht"].flatMap({ Double($0) }) {
                result[r] = ht
            }
        }
        return result
    }

    /// The attributes of the first element `name` in a sheet (e.g. `"pageSetup"`, `"pageMargins"`,
    /// `"printOptions"`, `"pageSetUpPr"`), or nil when absent.
    public func sheetElement(_ name: String, sheet: String) throws -> [String: String]? {
        try elements(name, in: try sheetEntry(sheet)).first?.attributes
    }

    // MARK: Styles

    /// Custom number formats from `xl/styles.xml`: id → format code.
    public func numberFormats() throws -> [Int: String] {
        var result: [Int: String] = [:]
        for format in try elements("numFmt", in: "xl/styles.xml") {
            if let id = format.attributes["numFmtId"].flatMap({ Int($0) }), let code = format.attributes["formatCode"] {
                result[id] = code
            }
        }
        return result
    }

    /// The `<xf>` entries of `cellXfs`, in index order (a cell's `s` indexes this list).
    public func cellFormats() throws -> [XMLNode] {
        guard let cellXfs = try elements("cellXfs", in: "xl/styles.xml").first else { return [] }
        return cellXfs.children.filter { $0.name == "xf" }
    }

    /// The number format code of a cell style index (custom codes, or the common
    /// built-ins: 0 `General`, 2 `0.00`, 4 `#,##0.00`, 9 `0%`, 10 `0.00%`).
    public func numberFormat(styleIndex: Int) throws -> String? {
        let xfs = try cellFormats()
        guard xfs.indices.contains(styleIndex), let id = xfs[styleIndex].attributes["numFmtId"].flatMap({ Int($0) })
        else { return nil }
        let builtIn = [0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%", 49: "@"]
        return try numberFormats()[id] ?? builtIn[id]
    }

    /// The font of a cell style index: name, size, bold.
    public func font(styleIndex: Int) throws -> (name: String?, size: Double?, bold: Bool)? {
        let xfs = try cellFormats()
        guard xfs.indices.contains(styleIndex), let fontId = xfs[styleIndex].attributes["fontId"].flatMap({ Int($0) }),
              let fontsNode = try elements("fonts", in: "xl/styles.xml").first
        else { return nil }
        let fonts = fontsNode.children.filter { $0.name == "font" }
        guard fonts.indices.contains(fontId) else { return nil }
        let font = fonts[fontId]
        return (font.children.first { $0.name == "name" }?.attributes["val"],
                font.children.first { $0.name == "sz" }?.attributes["val"].flatMap { Double($0) },
                font.children.contains { $0.name == "b" })
    }

    /// The solid fill colour (`RRGGBB`, upper case) of a cell style index; nil when it has none.
    public func fillColor(styleIndex: Int) throws -> String? {
        let xfs = try cellFormats()
        guard xfs.indices.contains(styleIndex), let fillId = xfs[styleIndex].attributes["fillId"].flatMap({ Int($0) }),
              let fillsNode = try elements("fills", in: "xl/styles.xml").first
        else { return nil }
        let fills = fillsNode.children.filter { $0.name == "fill" }
        guard fills.indices.contains(fillId),
              let pattern = fills[fillId].children.first(where: { $0.name == "patternFill" }),
              pattern.attributes["patternType"] == "solid",
              let rgb = pattern.children.first(where: { $0.name == "fgColor" })?.attributes["rgb"]
        else { return nil }
        return String(rgb.uppercased().suffix(6))
    }

    // MARK: Comments

    /// The comments of a sheet: `A1` ref → text (found through the sheet's relationships).
    public func comments(sheet: String) throws -> [String: String] {
        let entry = try sheetEntry(sheet)
        let folder = (entry as NSString).deletingLastPathComponent
        let relsEntry = folder + "/_rels/" + (entry as NSString).lastPathComponent + ".rels"
        guard try entries().contains(relsEntry) else { return [:] }
        let rels = try elements("Relationship", in: relsEntry)
        guard let target = rels.first(where: { ($0.attributes["Type"] ?? "").hasSuffix("/comments") })?.attributes["Target"]
        else { return [:] }
        let commentsEntry = Self.resolve(target, relativeTo: folder + "/")
        var result: [String: String] = [:]
        for comment in try elements("comment", in: commentsEntry) {
            if let ref = comment.attributes["ref"] {
                // A comment's text is OOXML ST_Xstring like a cell's: Excel decodes _xHHHH_ there too.
                result[ref] = Self.unescapeOOXML(comment.descendants(named: "t").map(\.text).joined())
            }
        }
        return result
    }

    // MARK: Helpers

    static func resolve(_ target: String, relativeTo base: String) -> String {
        if target.hasPrefix("/") { return String(target.dropFirst()) }
        var parts = base.split(separator: "/").map(String.init)
        for part in target.split(separator: "/") {
            if part == ".." { _ = parts.popLast() } else if part != "." { parts.append(String(part)) }
        }
        return parts.joined(separator: "/")
    }

    static func run(_ arguments: [String]) throws -> Data {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/unzip")
        process.arguments = arguments
        let out = Pipe()
        let err = Pipe()
        process.standardOutput = out
        process.standardError = err
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        let errorData = err.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw XLSXInspectorError.unzipFailed(
                arguments: arguments, status: process.terminationStatus,
                message: String(decoding: errorData + data.prefix(500), as: UTF8.self))
        }
        return data
    }
}

/// A cell as stored in the sheet XML.
public struct InspectedCell: Hashable, Sendable {
    /// The `A1` ref.
    public let ref: String
    /// The `t` attribute: `"s"` shared string, `"str"` formula text, `"b"`, `"e"`, nil for numbers.
    public let type: String?
    /// The raw `<v>` text (a shared-string index for `t="s"`, the cached result for formulas).
    public let value: String?
    /// The text of a string cell (shared string resolved), or a formula's cached text.
    public let text: String?
    /// The `<f>` formula (without `=`), nil if none.
    public let formula: String?
    /// The `s` style index, nil if none.
    public let styleIndex: Int?
}

/// Why the inspector could not read something.
public enum XLSXInspectorError: Error, CustomStringConvertible {
    /// `unzip` failed.
    case unzipFailed(arguments: [String], status: Int32, message: String)
    /// The entry is not in the archive.
    case missingEntry(path: String, entry: String)
    /// No sheet with that name.
    case missingSheet(path: String, sheet: String)
    /// The entry is not well-formed XML.
    case badXML(entry: String, message: String)

    /// A readable message.
    public var description: String {
        switch self {
        case .unzipFailed(let arguments, let status, let message): "unzip \(arguments) exited \(status): \(message)"
        case .missingEntry(let path, let entry): "\(path): no entry \(entry)"
        case .missingSheet(let path, let sheet): "\(path): no sheet \(sheet)"
        case .badXML(let entry, let message): "\(entry): \(message)"
        }
    }
}

/// A parsed XML element: qualified name, attributes, children and its text
/// (the concatenated character data of the element and its descendants).
public final class XMLNode {
    /// The qualified name as written (`"c"`, `"dc:title"`).
    public let name: String
    /// The attributes as written.
    public let attributes: [String: String]
    /// Child elements, in order.
    public fileprivate(set) var children: [XMLNode] = []
    fileprivate weak var parent: XMLNode?
    fileprivate var ownText = ""

    init(name: String, attributes: [String: String]) {
        self.name = name
        self.attributes = attributes
    }

    /// The text of this element and its descendants.
    public var text: String {
        children.isEmpty ? ownText : ownText + children.map(\.text).joined()
    }

    /// All descendants (depth first, document order) named `name`.
    public func descendants(named name: String) -> [XMLNode] {
        var result: [XMLNode] = []
        for child in children {
            if child.name == name { result.append(child) }
            result += child.descendants(named: name)
        }
        return result
    }

    func isInside(_ ancestorName: String, of root: XMLNode) -> Bool {
        var node = parent
        while let current = node, current !== root {
            if current.name == ancestorName { return true }
            node = current.parent
        }
        return false
    }

    static func parse(_ data: Data, entry: String) throws -> XMLNode {
        let builder = TreeBuilder()
        let parser = XMLParser(data: data)
        parser.delegate = builder
        guard parser.parse(), let root = builder.root else {
            throw XLSXInspectorError.badXML(entry: entry, message: parser.parserError.map { "\($0)" } ?? "no root element")
        }
        return root
    }
}

private final class TreeBuilder: NSObject, XMLParserDelegate {
    var root: XMLNode?
    private var stack: [XMLNode] = []

    func parser(_ parser: XMLParser, didStartElement elementName: String, namespaceURI: String?,
                qualifiedName qName: String?, attributes attributeDict: [String: String] = [:]) {
        let node = XMLNode(name: elementName, attributes: attributeDict)
        if let parent = stack.last {
            node.parent = parent
            parent.children.append(node)
        } else {
            root = node
        }
        stack.append(node)
    }

    func parser(_ parser: XMLParser, didEndElement elementName: String, namespaceURI: String?, qualifiedName qName: String?) {
        _ = stack.popLast()
    }

    func parser(_ parser: XMLParser, foundCharacters string: String) {
        stack.last?.ownText += string
    }
}

extension XLSXInspector {
    /// Every cell of a sheet at once, by A1 ref (one parse of the sheet, for whole-sheet checks).
    public func allCells(sheet: String) throws -> [String: InspectedCell] {
        let strings = try sharedStrings()
        var out: [String: InspectedCell] = [:]
        for c in try elements("c", in: try sheetEntry(sheet)) {
            guard let ref = c.attributes["r"] else { continue }
            let type = c.attributes["t"]
            let raw = c.children.first(where: { $0.name == "v" })?.text
            var text: String?
            switch type {
            case "s": text = raw.flatMap(Int.init).flatMap { strings.indices.contains($0) ? strings[$0] : nil }
            case "inlineStr": text = c.descendants(named: "t").map(\.text).joined()
            case "str": text = raw
            default: text = nil
            }
            out[ref] = InspectedCell(ref: ref, type: type, value: raw, text: text,
                                     formula: c.children.first(where: { $0.name == "f" })?.text,
                                     styleIndex: c.attributes["s"].flatMap { Int($0) })
        }
        return out
    }
}
