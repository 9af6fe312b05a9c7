import Foundation
import TestSupport
import Testing

/// Issue #15, classes 1, 5 and 9, through the built binary: workbooks stay well-formed XML
/// whatever characters the input holds, composed texts are cut to fit Excel's cell, and a rules
/// file is refused when it is read, naming the field.
@Suite(.serialized)
struct HostileInputTests {
    let runner = BinaryRunner()

    /// The reference form with `edits` ((1-based row, column) → text), as UTF-8 with BOM.
    static func form(_ edits: [(Int, Int, String)]) throws -> Data {
        let text = try String(contentsOfFile: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), encoding: .utf8)
        var rows = text.components(separatedBy: "\r\n").map { $0.components(separatedBy: ",") }
        for (row, column, value) in edits {
            // Only rows without quoted commas are edited (rows 3 to 9 and the indicator rows 13 to 28).
            rows[row - 1][column - 1] = "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
        }
        return Data(rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n").utf8)
    }

    /// One unit name with a forbidden character in a batch of four: every form is converted, every
    /// workbook (汇总表.xlsx included) is well-formed, and 汇总表 lists all four with their names shown.
    @Test func hostileUnitsInABatch() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-batch")
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let units = ["财政局", "教育\u{1}局", "卫生\u{FFFF}局", "交通\u{1B}[0m局"]
        for (i, unit) in units.enumerated() {
            var edits = [(4, 3, unit)]
            if i == 2 { edits.append((17, 6, "圆满\u{FFFE}完成")) }
            try Self.form(edits).write(to: input.appendingPathComponent("form\(i).csv"))
        }
        let out = dir.appendingPathComponent("out").path
        let r = try runner.run(["batch", input.path, "-o", out, "--jobs", "2"])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.contains("4 张转换成功,0 张失败"), "\(r.stdout)")
        // report.json: the warnings at their cells.
        let reportPath = (out as NSString).appendingPathComponent("report.json")
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: reportPath))) as? [String: Any])
        let forms = try #require(report["forms"] as? [[String: Any]])
        let places = forms.map { form in
            ((form["warnings"] as? [[String: Any]]) ?? []).filter { $0["code"] as? String == "xml-invalid-character" }
                .map { "\($0["row"] ?? ""):\($0["column"] ?? "")" }
        }
        #expect(places == [[], ["4:C"], ["4:C", "17:F"], ["4:C"]])
        #expect(try XLSXInspector.checkEveryWorkbook(under: out) == 5)
        let summary = XLSXInspector(path: (out as NSString).appendingPathComponent("汇总表.xlsx"))
        let texts = try summary.allCells(sheet: "汇总").values.compactMap(\.text)
        for unit in ["财政局", "教育\u{FFFD}局", "卫生\u{FFFD}局", "交通\u{FFFD}[0m局"] {
            #expect(texts.contains(unit), "\(unit)")
        }
    }

    /// `convert` of a form whose unit holds U+0001: exit 0, the warning at its cell, every part
    /// well-formed, the document properties show U+FFFD.
    @Test func controlCharacterInTheUnit() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-unit")
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out.xlsx").path
        let r = try runner.run(["convert", "Fixtures/malformed/control-character-unit.csv", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.contains("control-character-unit.csv:4:C: warning: [xml-invalid-character]"))
        let x = XLSXInspector(path: out)
        #expect(try x.coreProperty("dc:subject")?.contains("黔南州\u{FFFD}人民政府驻广州办事处\u{FFFD}") == true)
        #expect(try x.cell(sheet: "自评表", ref: "C4")?.text == "黔南州\u{FFFD}人民政府驻广州办事处\u{FFFD}")
    }

    /// A legal cell of 32,767 UTF-16 units quoted by a warning: the workbook holds every text cut
    /// to fit (ending in …), report.json the whole warning.
    @Test func composedTextsAreCutToFitAndKeptWholeInTheReport() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-long")
        defer { try? FileManager.default.removeItem(at: dir) }
        let xlsx = dir.appendingPathComponent("out.xlsx").path, json = dir.appendingPathComponent("out.json").path
        #expect(try runner.run(["convert", "Fixtures/malformed/long-legal-cell.csv", "-o", xlsx]).status == 0)
        #expect(try runner.run(["convert", "Fixtures/malformed/long-legal-cell.csv", "-o", json, "--to", "json"]).status == 0)
        let x = XLSXInspector(path: xlsx)
        var cut = 0
        for sheet in try x.sheetNames() {
            for cell in try x.allCells(sheet: sheet).values {
                let text = cell.text ?? ""
                #expect(text.utf16.count <= 32_767, "\(sheet)!\(cell.ref)")
                if text.utf16.count > 32_700, text.hasSuffix("…") { cut += 1 }
            }
            for (ref, comment) in try x.comments(sheet: sheet) { #expect(comment.utf16.count <= 32_767, "\(sheet)!\(ref)") }
        }
        #expect(cut >= 1)
        #expect(try x.cell(sheet: "自评表", ref: "F13")?.text == "8家" + String(repeating: "多", count: 32_765))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: json))) as? [String: Any])
        let warnings = try #require(report["warnings"] as? [[String: Any]])
        let quoting = warnings.compactMap { $0["message"] as? String }.filter { $0.contains(String(repeating: "多", count: 32_765)) }
        #expect(!quoting.isEmpty)
        #expect(quoting.allSatisfy { $0.utf16.count > 32_767 })
    }

    /// The rules files of Fixtures/malformed/rules/EXPECTED.tsv: (file, field named).
    static let rules: [(String, String)] = {
        let path = FixturePaths.fixture("malformed/rules/EXPECTED.tsv")
        guard let text = try? String(contentsOfFile: path, encoding: .utf8) else { return [] }
        return text.split(whereSeparator: \.isNewline).filter { !$0.hasPrefix("#") }.dropFirst().compactMap { line in
            let f = line.split(separator: "\t").map(String.init)
            return f.count == 2 ? (f[0], f[1]) : nil
        }
    }()

    @Test func everyRulesFileIsListed() throws {
        let files = try FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture("malformed/rules"))
            .filter { $0.hasSuffix(".json") }
        #expect(!Self.rules.isEmpty)
        #expect(Set(files) == Set(Self.rules.map(\.0)))
    }

    @Test(arguments: rules.map(\.0))
    func hostileRulesFileIsRefusedWhenRead(_ file: String) throws {
        let field = try #require(Self.rules.first { $0.0 == file }?.1)
        let path = "Fixtures/malformed/rules/\(file)"
        let dir = try FixturePaths.temporaryDirectory("hostile-rules")
        defer { try? FileManager.default.removeItem(at: dir) }
        for arguments in [["score", "--rules", path, "Fixtures/qiannan-guangzhou-2023.csv"],
                          ["check", "--rules", path, "Fixtures/qiannan-guangzhou-2023.csv"],
                          ["convert", "--rules", path, "Fixtures/qiannan-guangzhou-2023.csv", "-o", dir.appendingPathComponent("o.xlsx").path]] {
            let r = try runner.run(arguments)
            #expect(r.status == 2, "\(arguments[0]): \(r.stderr)")
            #expect(r.stderr.contains("\(path): error: [rules-file]"), "\(r.stderr)")
            #expect(r.stderr.contains(field), "\(r.stderr)")
        }
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path).isEmpty)
    }

    /// The longest name allowed (255 UTF-16 units) reaches the workbook's custom property 规则 whole.
    @Test func longestRulesNameIsWrittenWhole() throws {
        let dir = try FixturePaths.temporaryDirectory("hostile-rules-ok")
        defer { try? FileManager.default.removeItem(at: dir) }
        let name = String(repeating: "规", count: 255)
        let rules = dir.appendingPathComponent("r.json")
        try Data("{\"name\": \"\(name)\"}".utf8).write(to: rules)
        let out = dir.appendingPathComponent("o.xlsx").path
        let r = try runner.run(["convert", "--rules", rules.path, "Fixtures/qiannan-guangzhou-2023.csv", "-o", out])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(try XLSXInspector(path: out).customProperties()["规则"] == name)
    }
}
