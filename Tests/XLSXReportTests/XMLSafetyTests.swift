import CSV
import Foundation
import SelfEvaluation
import Testing
import TestSupport
@testable import XLSXReport

/// Issue #15, classes 1 and 5 in the writer: every string that reaches an XML part is valid XML
/// 1.0 text (forbidden characters become U+FFFD) and no text overflows Excel's 32,767 UTF-16 units
/// (it is cut with "…"). Every workbook written here is opened by `XLSXInspector`, which parses
/// every part strictly (`XMLWellFormedness`).
@Suite("XML safety of everything the writer writes")
struct XMLSafetyTests {
    /// Every scalar XML 1.0 forbids that a Swift string can hold, but NUL (refused, C cannot carry it).
    static let forbidden: [Unicode.Scalar] = {
        let values: [UInt32] = Array(1..<0x20).filter { $0 != 0x09 && $0 != 0x0A && $0 != 0x0D } + [0xFFFE, 0xFFFF]
        return values.compactMap(Unicode.Scalar.init)
    }()

    /// Scalars at the edges of what XML allows (noncharacters other than U+FFFE/U+FFFF are allowed).
    static let allowed: [Unicode.Scalar] = {
        let values: [UInt32] = [0x09, 0x0A, 0x0D, 0x20, 0x61, 0x7F, 0x85, 0x9F, 0xD7FF, 0xE000, 0xFFFD, 0xFEFF,
                                0xFDD0, 0x10000, 0x1FFFE, 0x10FFFF, 0x4E2D, 0x301]
        return values.compactMap(Unicode.Scalar.init)
    }()

    @Test("XMLText: forbidden scalars are refused and replaced by U+FFFD, allowed ones kept", arguments: forbidden)
    func forbiddenScalar(_ scalar: Unicode.Scalar) {
        let text = "前" + String(Character(scalar)) + "后"
        #expect(!XMLText.isAllowed(scalar))
        #expect(!XMLText.isAllowed(text))
        #expect(XMLText.forbiddenScalars(in: text) == [scalar])
        #expect(XMLText.safe(text) == "前\u{FFFD}后")
        #expect(XMLText.safe(text).utf16.count == text.utf16.count)
        #expect(!XMLWellFormedness.isChar(scalar.value))
    }

    @Test("XMLText: allowed scalars pass unchanged", arguments: allowed)
    func allowedScalar(_ scalar: Unicode.Scalar) {
        let text = "x" + String(Character(scalar)) + "y"
        #expect(XMLText.isAllowed(scalar))
        #expect(XMLText.isAllowed(text))
        #expect(XMLText.safe(text) == text)
        #expect(XMLWellFormedness.isChar(scalar.value))
    }

    /// A random text of hostile and ordinary scalars.
    static func randomText(_ rng: inout SeededGenerator, maxLength: Int = 40) -> String {
        let pool: [Unicode.Scalar] = forbidden + allowed + ["<", ">", "&", "\"", "'", "=", "中", "文", "e", "\u{1F600}"]
        var scalars = String.UnicodeScalarView()
        for _ in 0..<Int.random(in: 0...maxLength, using: &rng) {
            scalars.append(pool[Int.random(in: 0..<pool.count, using: &rng)])
        }
        return String(scalars)
    }

    @Test("XMLText.safe: only allowed scalars, same UTF-16 length, allowed text unchanged (property)")
    func safeProperty() {
        for seed in UInt64(1)...300 {
            var rng = SeededGenerator(seed: seed)
            let text = Self.randomText(&rng)
            let safe = XMLText.safe(text)
            #expect(safe.unicodeScalars.allSatisfy(XMLText.isAllowed), "seed \(seed)")
            #expect(safe.utf16.count == text.utf16.count, "seed \(seed)")
            #expect(XMLText.isAllowed(text) == (safe == text), "seed \(seed)")
            #expect(XMLText.isAllowed(text) == text.unicodeScalars.allSatisfy(XMLText.isAllowed), "seed \(seed)")
        }
    }

    /// Texts at Excel's limit, counted in UTF-16 units: (text, whether it fits as it is).
    static let limitCases: [(String, String, Bool)] = [
        ("32,767 ASCII", String(repeating: "a", count: 32_767), true),
        ("32,768 ASCII", String(repeating: "a", count: 32_768), false),
        ("32,767 CJK", String(repeating: "中", count: 32_767), true),
        ("a + 20,000 CRLF", "a" + String(repeating: "\r\n", count: 20_000), false),
        ("32,767 e + U+0301", String(repeating: "e\u{301}", count: 32_767), false),
        ("16,383 emoji + a", String(repeating: "\u{1F600}", count: 16_383) + "a", true),
        ("16,384 emoji", String(repeating: "\u{1F600}", count: 16_384), false),
    ]

    @Test("XMLText.fitted: cut to 32,767 UTF-16 units at a Character boundary with …",
          arguments: limitCases.map(\.0))
    func fittedAtTheLimit(_ name: String) throws {
        let (_, text, fits) = try #require(Self.limitCases.first { $0.0 == name })
        let fitted = XMLText.fitted(text)
        #expect(fitted.utf16.count <= XMLText.cellLimit, "\(name)")
        if fits {
            #expect(fitted == text, "\(name)")
        } else {
            #expect(fitted.hasSuffix("…"), "\(name)")
            let kept = String(fitted.dropLast())
            #expect(text.hasPrefix(kept), "\(name)")
            // Whole characters: the kept part is a prefix by Character, the next one did not fit.
            #expect(Array(text.prefix(kept.count)) == Array(kept), "\(name)")
            let next = text.dropFirst(kept.count).first.map { String($0).utf16.count } ?? 0
            #expect(kept.utf16.count + next + 1 > XMLText.cellLimit, "\(name)")
        }
    }

    @Test("XMLText.fitted: within the limit, a Character prefix plus … (property over limits and texts)")
    func fittedProperty() {
        for seed in UInt64(1)...300 {
            var rng = SeededGenerator(seed: seed)
            let text = Self.randomText(&rng, maxLength: 60)
            let limit = Int.random(in: 2...70, using: &rng)
            let fitted = XMLText.fitted(text, limit: limit)
            #expect(fitted.utf16.count <= limit, "seed \(seed)")
            if text.utf16.count <= limit {
                #expect(fitted == text, "seed \(seed)")
            } else {
                let kept = fitted.dropLast()
                #expect(fitted.last == "…" && Array(text.prefix(kept.count)) == Array(kept), "seed \(seed)")
            }
        }
    }

    @Test("the strict check refuses raw and referenced forbidden characters and broken markup")
    func strictCheck() {
        let bad: [String] = ["<a>\u{1}</a>", "<a>\u{FFFF}</a>", "<a>\u{FFFE}</a>", "<a>&#1;</a>", "<a>&#xFFFF;</a>",
                             "<a><b></a>", "<a x=\"1\" x=\"2\"/>", "<a>&bogus;</a>", "<a>\u{1B}[0m</a>"]
        for xml in bad { #expect(XMLWellFormedness.problem(in: Data(xml.utf8)) != nil, "\(xml.debugDescription)") }
        #expect(XMLWellFormedness.problem(in: Data([0x3C, 0x61, 0x3E, 0xFF, 0x3C, 0x2F, 0x61, 0x3E])) != nil)
        let good = ["<a>\t\n\r中\u{FFFD}\u{10000}&amp;&#9;&#x4E2D;</a>", "<?xml version=\"1.0\"?><a b=\"&lt;\"/>"]
        for xml in good { #expect(XMLWellFormedness.problem(in: Data(xml.utf8)) == nil, "\(xml.debugDescription)") }
    }

    /// Every string entry point of the writer with one hostile text.
    static func writeEverywhere(_ text: String, to folder: URL) throws -> String {
        try writeWorkbook(named: "everywhere.xlsx", in: folder) { wb in
            let ws = try wb.addWorksheet(name: "表" + String(text.prefix(8)).replacingOccurrences(of: "'", with: ""))
            try ws.writeString(text, row: 0, column: 0)
            try ws.mergeRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 2, text: text)
            try ws.writeFormula("=\"x\"", cachedValue: .text(text), row: 2, column: 0)
            try ws.writeNumber(1, row: 3, column: 0)
            try ws.writeComment(text, row: 0, column: 0, author: text)
            try ws.applyPrintSetup(PrintSetup(footer: "&C" + String(text.prefix(20))))
            try wb.setProperties(title: text, subject: text, author: text, company: text, comments: text, keywords: text)
            try wb.setCustomProperty("规则" + String(text.prefix(20)), .text(text))
            let chart = try wb.addChart(.column)
            try chart.setTitle(text)
            try chart.addSeries(values: SheetRange(sheet: ws.name, firstRow: 3, firstColumn: 0, lastRow: 3, lastColumn: 0),
                                name: text)
            try ws.insertChart(chart, row: 5, column: 0)
        }
    }

    /// Text a unit typed that looks like OOXML's `_xHHHH_` escape reaches the cell as typed
    /// (Excel would otherwise show "_x0041_" as "A"): nothing typed is lost or changed.
    @Test("a literal _xHHHH_ in a cell, merged cell or comment reads back as typed",
          arguments: ["_x0041_", "单位_x000D_名称", "_x0041__x0042_", "__x0041_", "_X00e9_", "_x004_", "_xZZZZ_", "a_x0041_b_x_"])
    func literalEscapesAreProtected(_ typed: String) throws {
        #expect(XLSXInspector.unescapeOOXML(XMLText.protectingEscapes(typed)) == typed)
        let folder = try FixturePaths.temporaryDirectory("xml-safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try writeWorkbook(named: "escapes.xlsx", in: folder) { wb in
            let ws = try wb.addWorksheet(name: "表")
            try ws.writeString(typed, row: 0, column: 0)
            try ws.mergeRange(firstRow: 1, firstColumn: 0, lastRow: 1, lastColumn: 2, text: typed)
            try ws.writeComment(typed, row: 0, column: 0)
        }
        let x = XLSXInspector(path: path)
        #expect(try x.cell(sheet: "表", ref: "A1")?.text == typed)
        #expect(try x.cell(sheet: "表", ref: "A2")?.text == typed)
        #expect(try x.comments(sheet: "表")["A1"] == typed)
    }

    /// The byte scan of `protectingEscapes` against a plain reading of the rule, scalar by
    /// scalar, over random texts made of the pieces an escape is built from (and Chinese, and
    /// a combining mark after an underscore).
    @Test("protectingEscapes equals the scalar-by-scalar rule on random texts (property)")
    func protectingEscapesProperty() {
        func reference(_ text: String) -> String {
            let s = Array(text.unicodeScalars)
            func isHex(_ c: Unicode.Scalar) -> Bool {
                ("0"..."9").contains(c) || ("a"..."f").contains(c) || ("A"..."F").contains(c)
            }
            var out = String.UnicodeScalarView()
            for i in s.indices {
                if s[i] == "_", i + 6 < s.count, s[i + 1] == "x" || s[i + 1] == "X",
                   s[(i + 2)...(i + 5)].allSatisfy(isHex), s[i + 6] == "_" {
                    out.append(contentsOf: "_x005F_".unicodeScalars)
                } else {
                    out.append(s[i])
                }
            }
            return String(out)
        }
        let pieces = ["_", "x", "X", "0", "9", "a", "f", "F", "g", "G", "单", "\u{301}", "_x00", "41_", "é"]
        var random = SeededGenerator(seed: 14)
        var protectedSome = 0
        for _ in 0..<3_000 {
            let length = Int.random(in: 0...24, using: &random)
            let text = (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let expected = reference(text)
            #expect(XMLText.protectingEscapes(text) == expected, "\(text.debugDescription)")
            #expect(XLSXInspector.unescapeOOXML(expected) == text)
            if expected != text { protectedSome += 1 }
        }
        #expect(protectedSome > 100)
    }

    /// Protecting escapes never makes a cell overflow: the text is cut first, leaving room.
    @Test("a cell of escapes at the limit stays within 32,767 characters as stored")
    func protectedTextFitsTheLimit() {
        let typed = String(repeating: "_x0041_", count: 32_767 / 7 + 1)
        let stored = XMLText.cellText(typed)
        #expect(stored.unicodeScalars.count <= XMLText.cellLimit)
        #expect(XLSXInspector.unescapeOOXML(stored).hasSuffix("…"))
    }

    @Test("every writer entry point: forbidden characters reach no part raw", arguments: forbidden)
    func everyEntryPoint(_ scalar: Unicode.Scalar) throws {
        let folder = try FixturePaths.temporaryDirectory("xml-safety")
        defer { try? FileManager.default.removeItem(at: folder) }
        let text = "单位" + String(Character(scalar)) + "<&>"
        let path = try Self.writeEverywhere(text, to: folder)  // opened and checked by writeWorkbook
        let x = XLSXInspector(path: path)
        let sheet = try #require(try x.sheetNames().first)
        #expect(sheet == "表单位\u{FFFD}<&>")
        #expect(try x.cell(sheet: sheet, ref: "A1")?.text == "单位\u{FFFD}<&>")
        #expect(try x.cell(sheet: sheet, ref: "A2")?.text == "单位\u{FFFD}<&>")
        #expect(try x.cell(sheet: sheet, ref: "A3")?.text == "单位\u{FFFD}<&>")
        #expect(try x.comments(sheet: sheet)["A1"] == "单位\u{FFFD}<&>")
        #expect(try x.coreProperty("dc:title") == "单位\u{FFFD}<&>")
        #expect(try x.customProperties()["规则单位\u{FFFD}<&>"] == "单位\u{FFFD}<&>")
        for part in try x.xmlParts() {
            #expect(!(try x.xml(part).unicodeScalars.contains(scalar)), "\(part)")
        }
    }

    @Test("random hostile texts in every entry point give well-formed workbooks (property)")
    func everyEntryPointProperty() throws {
        let folder = try FixturePaths.temporaryDirectory("xml-safety-random")
        defer { try? FileManager.default.removeItem(at: folder) }
        for seed in UInt64(1)...25 {
            var rng = SeededGenerator(seed: seed)
            // No underscore in the pool: "_xHHHH_" would be read back as an OOXML escape.
            let text = "t" + Self.randomText(&rng)
            let path = try Self.writeEverywhere(text, to: folder)
            let x = XLSXInspector(path: path)
            let sheet = try #require(try x.sheetNames().first)
            #expect(try x.cell(sheet: sheet, ref: "A1")?.text == XMLText.safe(text), "seed \(seed)")
            // An XML parser reads a raw CR in the comment part as LF (libxlsxwriter escapes it only in cells).
            let lines = { (t: String) in t.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n") }
            #expect(try x.comments(sheet: sheet)["A1"].map(lines) == lines(XMLText.safe(text)), "seed \(seed)")
            try FileManager.default.removeItem(atPath: path)
        }
    }

    @Test("texts over the limit are cut with …: cells, merged cells, cached text, comments, properties")
    func longTextsAreCut() throws {
        let folder = try FixturePaths.temporaryDirectory("xml-long")
        defer { try? FileManager.default.removeItem(at: folder) }
        let long = "a" + String(repeating: "\r\n", count: 20_000)
        let combining = String(repeating: "e\u{301}", count: 32_767)
        let path = try writeWorkbook(named: "long.xlsx", in: folder) { wb in
            let ws = try wb.addWorksheet(name: "S")
            try ws.writeString(long, row: 0, column: 0)
            try ws.writeString(combining, row: 1, column: 0)
            try ws.mergeRange(firstRow: 2, firstColumn: 0, lastRow: 2, lastColumn: 1, text: combining)
            try ws.writeFormula("=\"x\"", cachedValue: .text(combining), row: 3, column: 0)
            try ws.writeComment(combining, row: 0, column: 0)
            try wb.setCustomProperty(String(repeating: "名", count: 300), .text(String(repeating: "值", count: 300)))
        }
        let x = XLSXInspector(path: path)
        for ref in ["A1", "A2", "A3", "A4"] {
            let text = try #require(try x.cell(sheet: "S", ref: ref)?.text, "\(ref)")
            #expect(text.utf16.count <= XMLText.cellLimit && text.utf16.count >= XMLText.cellLimit - 2, "\(ref)")
            #expect(text.hasSuffix("…"), "\(ref)")
        }
        #expect(try x.cell(sheet: "S", ref: "A2")?.text == XMLText.fitted(combining))
        #expect(try x.comments(sheet: "S")["A1"] == XMLText.fitted(combining))
        let custom = try x.customProperties()
        #expect(custom == [String(repeating: "名", count: 254) + "…": String(repeating: "值", count: 254) + "…"])
    }

    @Test("a form with hostile cells: warnings at their cells, a well-formed workbook showing U+FFFD")
    func hostileForm() throws {
        var document = try LayoutFixture.document()
        document = LayoutFixture.setting(document, row: 4, column: 3, "黔南州\u{1}办事处")
        document = LayoutFixture.setting(document, row: 17, column: 6, "圆满\u{FFFF}完成\u{FFFE}")
        document = LayoutFixture.setting(document, row: 28, column: 4, "满意度\u{2}\u{B}")
        let (form, diagnostics) = try TemplateReader().read(document)
        let warnings = diagnostics.filter { $0.code == .xmlInvalidCharacter }
        #expect(warnings.map { "\($0.location.row):\($0.location.column)" } == ["4:3", "17:6", "28:4"])
        #expect(warnings.allSatisfy { $0.severity == .warning })
        #expect(warnings[1].message.contains("U+FFFF U+FFFE"))
        let scored = try Scorer.score(form)
        let folder = try FixturePaths.temporaryDirectory("xml-form")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = try LayoutFixture.write(scored, in: folder)  // opened and checked
        let x = XLSXInspector(path: path)
        #expect(try x.coreProperty("dc:subject")?.contains("黔南州\u{FFFD}办事处") == true)
        #expect(try x.cell(sheet: "自评表", ref: "F17")?.text == "圆满\u{FFFD}完成\u{FFFD}")
    }

    @Test("random hostile texts in random cells of the form: warnings exactly there, a well-formed workbook (property)")
    func hostileFormProperty() throws {
        let folder = try FixturePaths.temporaryDirectory("xml-form-random")
        defer { try? FileManager.default.removeItem(at: folder) }
        let reference = try LayoutFixture.document()
        for seed in UInt64(1)...12 {
            var rng = SeededGenerator(seed: seed)
            var document = reference
            var hostile: Set<String> = []
            for _ in 0..<6 {
                // Text cells of the header, goals and indicator rows (never the figures, so the form still scores).
                let row = [3, 4, 11, 13, 14, 17, 20, 26, 27][Int.random(in: 0..<9, using: &rng)]
                let column = row <= 4 ? 3 : (row == 11 ? 2 : [4, 6, 9][Int.random(in: 0..<3, using: &rng)])
                let text = "文" + Self.randomText(&rng, maxLength: 12)
                document = LayoutFixture.setting(document, row: row, column: column, text)
                if XMLText.isAllowed(text) { hostile.remove("\(row):\(column)") } else { hostile.insert("\(row):\(column)") }
            }
            let (form, diagnostics) = try TemplateReader().read(document)
            let warned = Set(diagnostics.filter { $0.code == .xmlInvalidCharacter }.map { "\($0.location.row):\($0.location.column)" })
            #expect(warned == hostile, "seed \(seed)")
            let scored = try Scorer.score(form)
            let path = try LayoutFixture.write(scored, name: "random-\(seed).xlsx", in: folder)  // opened and checked
            try FileManager.default.removeItem(atPath: path)
        }
    }

    @Test("汇总表 with hostile units, sources and messages keeps every row and is well-formed")
    func hostileSummary() throws {
        let folder = try FixturePaths.temporaryDirectory("xml-summary")
        defer { try? FileManager.default.removeItem(at: folder) }
        let units = ["好单位", "坏\u{1}单位", "坏\u{FFFF}单位", "又\u{1B}一个"]
        let rows = units.enumerated().map { i, unit in
            SummaryRow(source: "in/\(unit).csv", templateLabel: "部门", unit: unit, year: 2023, total: 90, grade: "优",
                       succeeded: true, output: "\(unit)-2023.xlsx")
        }
        let errors = [SummaryError(source: "in/坏\u{2}.csv", place: "1:A", code: .notAForm, message: "消息\u{FFFE}")]
        let path = folder.appendingPathComponent("汇总表.xlsx").path
        try SummaryWorkbook(options: pinnedOptions()).write(rows: rows, errors: errors, to: path)
        let x = XLSXInspector(path: path)
        try x.open()
        let cells = try x.allCells(sheet: "汇总").values.compactMap(\.text)
        for unit in units { #expect(cells.contains(XMLText.safe(unit)), "\(unit.debugDescription)") }
        #expect(try x.allCells(sheet: "错误").values.contains { $0.text == "消息\u{FFFD}" })
    }
}
