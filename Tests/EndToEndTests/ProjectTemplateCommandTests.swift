import Foundation
import TestSupport
import Testing

/// Issue #16: `selfeval template --template project` writes the blank 项目支出绩效自评表, XLSX or
/// CSV by -o's extension, which reads back as a project form: untouched, recognised and refused
/// only for having no indicator yet; filled in as a unit fills it, read and scored with no finding.
@Suite(.serialized)
struct ProjectTemplateCommandTests {
    let runner = BinaryRunner()

    /// The blank CSV filled in as a unit fills it: year, project, units, money, one indicator.
    static func filled(_ text: String) -> String {
        var rows = text.components(separatedBy: "\r\n").map { $0.components(separatedBy: ",") }
        func set(_ row: Int, _ column: Int, _ value: String) { rows[row - 1][column - 1] = value }
        set(2, 1, "(2024年度)")
        set(3, 3, "乡村道路养护")
        set(4, 3, "某县交通运输局")
        set(4, 8, "某县公路管理段")
        set(6, 4, "100"); set(6, 5, "100"); set(6, 6, "95")
        set(13, 4, "指标1:养护里程"); set(13, 5, "≥50公里"); set(13, 6, "52公里"); set(13, 7, "90"); set(13, 8, "90")
        return rows.map { $0.joined(separator: ",") }.joined(separator: "\r\n")
    }

    @Test func helpListsTheProjectForm() throws {
        let r = try runner.run(["template", "--help"])
        #expect(r.status == 0)
        #expect(r.stdout.contains("--template <表样>"))
        #expect(r.stdout.contains("project(项目支出绩效自评表)"))
    }

    @Test func theBlankProjectCSVReadsBackAsAProjectForm() throws {
        let dir = try FixturePaths.temporaryDirectory("project-template")
        defer { try? FileManager.default.removeItem(at: dir) }
        let blank = dir.appendingPathComponent("blank.csv").path
        let w = try runner.run(["template", "--template", "project", "-o", blank])
        #expect(w.status == 0, "\(w.stderr)")
        let bytes = try Data(contentsOf: URL(fileURLWithPath: blank))
        #expect(bytes.starts(with: [0xEF, 0xBB, 0xBF]))
        let text = String(decoding: bytes.dropFirst(3), as: UTF8.self)
        #expect(text.hasPrefix("项目支出绩效自评表,"))
        #expect(text.contains("\r\n项目名称,"))
        #expect(text.contains("绩效指标,一级指标,二级指标,三级指标,年度指标值,实际完成值,分值,得分,偏差原因分析及改进措施"))
        #expect(text.contains(",满意度指标,服务对象满意度指标,指标1:,"))
        // Untouched: the indicator table is found, and it has no indicator yet.
        let untouched = try runner.run(["check", blank])
        #expect(untouched.status == 1)
        #expect(untouched.stderr == blank + ":12:D: error: [no-indicators] 指标表中没有任何指标\n")
        // Filled in: a project form, read and scored with no error and no warning.
        let form = dir.appendingPathComponent("filled.csv").path
        try Data([0xEF, 0xBB, 0xBF] + Array(Self.filled(text).utf8)).write(to: URL(fileURLWithPath: form))
        let r = try runner.run(["check", "--strict", form])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stderr.isEmpty, "\(r.stderr)")
        #expect(r.stdout.hasPrefix(form + ": 项目支出绩效自评表,单位 某县公路管理段,年度 2024,1 项指标"))
        #expect(r.stdout.contains(",版式 project/levels,总分 99.50 / 100,等级 优,"))
        let json = try runner.run(["score", "--json", form])
        #expect(json.stdout.contains("\"layout\" : \"project/levels\""))
        #expect(json.stdout.contains("\"title\" : \"项目支出绩效自评表\""))
    }

    @Test func theBlankProjectWorkbookIsTheSameForm() throws {
        let dir = try FixturePaths.temporaryDirectory("project-template")
        defer { try? FileManager.default.removeItem(at: dir) }
        // Without -o: named after the form, in the current folder.
        let w = try runner.run(["template", "--template", "project"], in: dir)
        #expect(w.status == 0, "\(w.stderr)")
        #expect(w.stdout == "项目支出绩效自评表.xlsx\n")
        let xlsx = dir.appendingPathComponent("项目支出绩效自评表.xlsx").path
        let inspector = XLSXInspector(path: xlsx)
        #expect(try inspector.sheetNames() == ["自评表"])
        #expect(try inspector.coreProperty("dc:title") == "项目支出绩效自评表")
        #expect(try inspector.cell(sheet: "自评表", ref: "A1")?.text == "项目支出绩效自评表")
        #expect(try inspector.cell(sheet: "自评表", ref: "I12")?.text == "偏差原因分析及改进措施")
        // Read back, it is the CSV's form: the same finding at the same cell.
        let r = try runner.run(["check", xlsx])
        #expect(r.status == 1)
        #expect(r.stderr == xlsx + ":12:D: error: [no-indicators] 指标表中没有任何指标\n")
        // And the department form is still the default.
        let d = try runner.run(["template", "-o", dir.appendingPathComponent("d.csv").path])
        #expect(d.status == 0)
        let text = try String(contentsOf: dir.appendingPathComponent("d.csv"), encoding: .utf8)
        #expect(text.contains("部门整体支出绩效目标自评表"))
    }
}
