import Conversion
import CSV
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import WebPages

/// The one escaping function, by table and by seeded random strings read back by html.parser.
struct HTMLTextTests {
    @Test(arguments: [
        ("", ""),
        ("plain 中文", "plain 中文"),
        ("<", "&lt;"),
        (">", "&gt;"),
        ("&", "&amp;"),
        ("\"", "&quot;"),
        ("'", "&#39;"),
        ("&amp;", "&amp;amp;"),
        ("<script>alert('x')</script>", "&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"),
        ("\" onmouseover=\"x", "&quot; onmouseover=&quot;x"),
        ("a\tb\nc\r\nd", "a\tb\nc\r\nd"),
        ("\u{0}", "\u{FFFD}"),
        ("\u{1}\u{8}\u{B}\u{C}\u{E}\u{1F}", String(repeating: "\u{FFFD}", count: 6)),
        ("\u{1B}[2J", "\u{FFFD}[2J"),
        ("\u{7F}\u{80}\u{9F}", String(repeating: "\u{FFFD}", count: 3)),
        ("\u{A0}", "\u{A0}"),
        (HTMLTextTests.scalars(0xFDD0, 0xFDEF) + "\u{FFFE}\u{FFFF}\u{1FFFE}\u{10FFFF}", String(repeating: "\u{FFFD}", count: 6)),
        ("\u{FDCF}\u{FDF0}\u{FFFD}\u{1F600}", "\u{FDCF}\u{FDF0}\u{FFFD}\u{1F600}"),
        ("e\u{301}", "e\u{301}"),
        ("\u{202E}abc", "\u{202E}abc"),
    ] as [(String, String)])
    func escapes(_ input: String, _ expected: String) {
        #expect(HTMLText.escape(input) == expected)
    }

    /// A string of the scalars `values` (Swift refuses some noncharacters in literals).
    static func scalars(_ values: UInt32...) -> String {
        String(String.UnicodeScalarView(values.compactMap(Unicode.Scalar.init)))
    }

    /// What a string reads back as after escaping: forbidden characters as U+FFFD, the rest as is.
    static func cleaned(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let v = scalar.value
            let forbidden = (v < 0x20 && v != 0x9 && v != 0xA && v != 0xD) || (0x7F...0x9F).contains(v)
                || (0xFDD0...0xFDEF).contains(v) || v & 0xFFFE == 0xFFFE
            out.append(forbidden ? "\u{FFFD}" : scalar)
        }
        return String(out)
    }

    /// Random strings of the characters that matter: markup, quotes, entities, controls, CJK,
    /// noncharacters, astral characters.
    static func randomString(_ generator: inout SeededGenerator, maxLength: Int = 40) -> String {
        let pieces: [String] = [
            "<", ">", "&", "\"", "'", "=", "/", "!", "-", "<script>", "</td>", "<img src=x onerror=alert(1)>",
            "&amp;", "&#39;", "&lt;", "<!--", "-->", "<![CDATA[", "]]>", "\u{0}", "\u{1}", "\u{1B}", "\u{7F}",
            "\u{85}", "\u{9F}", "\t", "\n", " ", "a", "Z", "中", "文", "\u{3000}", "\u{FFFE}", "\u{FFFF}",
            scalars(0xFDD0), "\u{1F600}", "\u{10FFFF}", "\u{202E}", "e\u{301}", "\u{FFFD}", "\u{A0}",
        ]
        let count = Int.random(in: 0...maxLength, using: &generator)
        return (0..<count).map { _ in pieces.randomElement(using: &generator) ?? "" }.joined()
    }

    @Test func randomStringsReadBackAsTheyWereInTextAndAttributes() throws {
        var generator = SeededGenerator(seed: 0x5EED_0017)
        var inputs: [String] = []
        var pages: [String] = []
        for _ in 0..<300 {
            let text = Self.randomString(&generator)
            inputs.append(text)
            let e = HTMLText.escape(text)
            pages.append("<div id=\"x\" title=\"\(e)\"><span class=\"sev-text\">\(e)</span></div>")
        }
        let structures = try HTMLStructure.parse(pages)
        #expect(structures.count == inputs.count)
        for (text, structure) in zip(inputs, structures) {
            #expect(structure.tags == ["div", "span"], "seed input \(text.debugDescription)")
            #expect(structure.attributes.sorted() == ["class", "id", "title"], "\(text.debugDescription)")
            #expect(structure.ids["x"]?.attrs["title"] == Self.cleaned(text), "\(text.debugDescription)")
            #expect(structure.ids["x"]?.own == Self.cleaned(text), "\(text.debugDescription)")
        }
        #expect(try Self.xmlProblem(pages) == nil)
    }

    /// The first page that is not well-formed XML, with why (one expat process for all).
    static func xmlProblem(_ pages: [String]) throws -> String? {
        let folder = try FixturePaths.temporaryDirectory("webgrid-xml")
        defer { try? FileManager.default.removeItem(at: folder) }
        var parts: [String] = []
        for (index, page) in pages.enumerated() {
            parts.append("page\(index).xml")
            try Data(page.utf8).write(to: folder.appendingPathComponent("page\(index).xml"))
        }
        return try XMLWellFormedness.firstProblem(in: folder.path, parts: parts).map { "\($0.part): \($0.message)" }
    }

    /// Random strings in the cells of a real form (unit, goals, actuals, reasons) and as the
    /// file name: the page has no element or attribute the renderer did not write, and every
    /// cell's text reads back whole.
    @Test func randomCellsAddNoElement() throws {
        var generator = SeededGenerator(seed: 0xF0_0017)
        let document = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        let scored = try Converter().score(path: FixturePaths.fixture("qiannan-guangzhou-2023.csv")).scored
        let form = scored.form
        // Cells whose text the scorer only quotes: the unit, the goals, each reason.
        var cells: [CellAddress] = [form.unit?.cell, form.goals?.cell, form.achievements?.cell].compactMap { $0 }
        cells += form.indicators.compactMap { $0.reason?.cell }
        #expect(cells.count >= 10)
        let folder = try FixturePaths.temporaryDirectory("webgrid-random")
        defer { try? FileManager.default.removeItem(at: folder) }
        var pages: [String] = []
        var expected: [[String: String]] = []
        for round in 0..<12 {
            var rows = document.rows
            var texts: [String: String] = [:]
            for cell in cells {
                // Never empty (an empty reason is generated), never blank-edged (cells are trimmed).
                let text = "x" + Self.randomString(&generator, maxLength: 30).replacingOccurrences(of: "\0", with: "") + "x"
                rows[cell.row - 1][cell.column - 1] = text
                texts["sev-" + cell.description] = Self.cleaned(text)
            }
            let path = folder.appendingPathComponent("form\(round).csv").path
            try Data(CSVWriter(encoding: .utf8BOM, protectFormulas: false).bytes(rows)).write(to: URL(fileURLWithPath: path))
            let random = try Converter().score(path: path)
            pages.append(FormGridHTML.render(random, sourceName: Self.randomString(&generator)))
            expected.append(texts)
        }
        #expect(try Self.xmlProblem(pages) == nil)
        for (structure, texts) in zip(try HTMLStructure.parse(pages), expected) {
            #expect(Set(structure.tags).isSubset(of: HTMLStructure.renderedTags))
            #expect(Set(structure.attributes).isSubset(of: HTMLStructure.renderedAttributes))
            for (id, text) in texts {
                #expect(structure.ids[id]?.own == text, "\(id): \(text.debugDescription)")
            }
        }
    }
}
