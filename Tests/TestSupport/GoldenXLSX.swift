import Foundation
import Testing

extension Golden {
    /// Compares the workbook at `path` with `Fixtures/golden/NAME` part by part, through
    /// `check(_:against:)`: the golden file is the workbook's text (`xlsxText(path)`), so a
    /// difference is shown as the first differing line of the first differing part, and the
    /// comparison does not depend on how zlib compressed the zip.
    public static func checkXLSX(_ path: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        try check(try xlsxText(path), against: name, sourceLocation: sourceLocation)
    }

    /// A workbook as text: every part (sorted by name) under a `== name ==` line, each XML element
    /// on a line of its own, after a short list of normalisations (as rust_xlsxwriter's test
    /// suite compares workbooks):
    /// - the order of the zip's entries is not compared (parts are sorted by name);
    /// - the zip's own bytes (compression, timestamps, header fields) are not compared;
    /// - the document's created and modified dates (`docProps/core.xml`) are replaced by `DATE`:
    ///   the tests pin them, and the date tests check them separately.
    /// Everything else, every attribute and text of every part, is compared as written.
    public static func xlsxText(_ path: String) throws -> String {
        let inspector = XLSXInspector(path: path)
        var out = ""
        for entry in try inspector.entries().sorted() where !entry.hasSuffix("/") {
            var text = try inspector.xml(entry)
            if entry == "docProps/core.xml" { text = datesReplaced(text) }
            out += "== \(entry) ==\n"
            out += text.replacingOccurrences(of: "><", with: ">\n<")
            if !out.hasSuffix("\n") { out += "\n" }
        }
        return out
    }

    /// `<dcterms:created …>2023-11-14T22:13:20Z</dcterms:created>` → `…>DATE</…`, likewise modified.
    static func datesReplaced(_ xml: String) -> String {
        var text = xml
        for element in ["dcterms:created", "dcterms:modified"] {
            guard let open = text.range(of: "<\(element)"),
                  let openEnd = text.range(of: ">", range: open.upperBound..<text.endIndex),
                  let close = text.range(of: "</\(element)>", range: openEnd.upperBound..<text.endIndex) else { continue }
            text.replaceSubrange(openEnd.upperBound..<close.lowerBound, with: "DATE")
        }
        return text
    }
}
