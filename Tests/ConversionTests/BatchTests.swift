import CSV
@testable import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import XLSXReport

/// A batch over a generated folder of good and broken forms, in the library (no process).
struct BatchTests {
    /// Writes a corpus: copies of the reference form with other units and results, a GB18030
    /// copy, a sub-folder, a symbolic-link loop, broken files and a file that is not CSV.
    static func makeCorpus(in dir: URL) throws -> (good: Int, broken: [String]) {
        let fm = FileManager.default
        let text = try String(contentsOfFile: FixturePaths.fixture("qiannan-guangzhou-2023.csv"), encoding: .utf8)
        let units = ["财政局", "教育局", "财政局", "../../逃逸", "a/b:c*d?", String(repeating: "长", count: 120), "CON", "卫生健康局"]
        var good = 0
        for (i, unit) in units.enumerated() {
            var form = text.replacingOccurrences(of: "黔南州人民政府驻广州办事处", with: unit)
            if i % 2 == 1 { form = form.replacingOccurrences(of: ",39家,4,4,", with: ",8家,4,,") }  // under-achieved, unscored
            try form.write(to: dir.appendingPathComponent(String(format: "form_%02d.csv", i)), atomically: true, encoding: .utf8)
            good += 1
        }
        let sub = dir.appendingPathComponent("sub")
        try fm.createDirectory(at: sub, withIntermediateDirectories: true)
        try fm.copyItem(atPath: FixturePaths.fixture("qiannan-guangzhou-2023.gbk.csv"), toPath: sub.appendingPathComponent("gbk.csv").path)
        try fm.copyItem(atPath: FixturePaths.fixture("variants/tab-separated.tsv"), toPath: sub.appendingPathComponent("tab.TSV").path)
        good += 2
        try fm.createSymbolicLink(at: sub.appendingPathComponent("loop"), withDestinationURL: dir)
        var broken: [String] = []
        for name in ["unterminated-quote.csv", "not-a-form.csv", "binary.csv"] {
            let path = dir.appendingPathComponent("broken-" + name)
            try fm.copyItem(atPath: FixturePaths.fixture("malformed/" + name), toPath: path.path)
            broken.append(path.path)
        }
        try "not a form".write(to: dir.appendingPathComponent("notes.txt"), atomically: true, encoding: .utf8)
        return (good, broken)
    }

    @Test func convertsEveryGoodFormAndReportsEveryBrokenOne() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        let (good, broken) = try Self.makeCorpus(in: input)
        let out = dir.appendingPathComponent("out").path
        let outcome = try Batch(jobs: 2, formats: [.xlsx, .json], collectRows: true).run(inputs: [input.path], outputDirectory: out)

        #expect(outcome.converted == good)
        #expect(outcome.failed == broken.count)
        #expect(Set(outcome.errors.map(\.source)) == Set(broken))
        #expect(outcome.errors.first { $0.source.hasSuffix("unterminated-quote.csv") }?.place == "35:A")
        // Sorted discovery: sub/ comes after the files of the top folder, links followed once.
        #expect(outcome.rows.count == good + broken.count)
        #expect(outcome.rows.map(\.source) == outcome.rows.map(\.source).sorted { a, b in
            (a.contains("/sub/") ? 1 : 0, a) < (b.contains("/sub/") ? 1 : 0, b)
        })

        // Unique, safe output names, nothing left behind in the output folder but the outputs.
        let files = try FileManager.default.contentsOfDirectory(atPath: out)
        #expect(files.filter { $0.hasSuffix(".xlsx") }.count == good + 1)  // + 汇总表.xlsx
        #expect(try XLSXInspector.checkEveryWorkbook(under: out) == good + 1)  // every XML part well-formed
        #expect(files.filter { $0.hasSuffix(".json") }.count == good + 1)  // + report.json
        #expect(!files.contains { $0.hasPrefix(".") })
        #expect(files.contains("财政局-2023-部门整体支出绩效自评表.xlsx"))
        #expect(files.contains("财政局-2023-部门整体支出绩效自评表-2.xlsx"))
        #expect(files.contains("_CON-2023-部门整体支出绩效自评表.xlsx"))
        #expect(!files.contains { $0.contains("/") || $0.contains("..") })

        // report.json: every form's report and every error; the summary's totals equal the reports'.
        let report = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: outcome.reportPath))) as? [String: Any])
        let forms = try #require(report["forms"] as? [[String: Any]])
        let errors = try #require(report["errors"] as? [[String: Any]])
        #expect(forms.count == good)
        #expect(errors.count == broken.count)
        let reportTotals = forms.compactMap { ($0["total"] as? [String: Any])?["score"] as? Double }
        let summaryTotals = outcome.rows.filter(\.succeeded).compactMap { $0.total.map { NSDecimalNumber(decimal: $0).doubleValue } }
        #expect(reportTotals == summaryTotals)
        #expect(reportTotals.contains(99) && reportTotals.contains { $0 < 99 })

        // 汇总表.xlsx read independently: one row per form, totals as numbers, errors sheet.
        let x = XLSXInspector(path: outcome.summaryPath)
        #expect(try x.sheetNames() == ["汇总", "错误", "统计"])
        for (i, row) in outcome.rows.enumerated() {
            #expect(try x.cell(sheet: "汇总", ref: "A\(i + 2)")?.value == "\(i + 1)")  // 序号
            #expect(try x.cell(sheet: "汇总", ref: "U\(i + 2)")?.text == row.source)  // 源文件
            guard row.succeeded else {
                #expect(try x.cell(sheet: "汇总", ref: "R\(i + 2)")?.text == "失败")  // 需复核, never 否
                #expect(try x.cell(sheet: "汇总", ref: "S\(i + 2)")?.text?.contains("[") == true)  // the error
                continue
            }
            let cell = try #require(try x.cell(sheet: "汇总", ref: "J\(i + 2)"))  // 总分
            #expect(Decimal(string: cell.value ?? "") == row.total)
            let weight = try #require(try x.cell(sheet: "汇总", ref: "I\(i + 2)"))  // 总分值
            #expect(Decimal(string: weight.value ?? "") == row.totalWeight)
            let lost = try #require(try x.cell(sheet: "汇总", ref: "Q\(i + 2)"))  // 失分
            #expect(Decimal(string: lost.value ?? "") == row.lostPoints)
            #expect(try x.cell(sheet: "汇总", ref: "R\(i + 2)")?.text == (row.needsReview ? "是" : "否"))
        }
        #expect(try x.cell(sheet: "错误", ref: "A2")?.text != nil)
        #expect(try x.cell(sheet: "错误", ref: "A\(broken.count + 2)") == nil)
    }

    @Test func namesDoNotDependOnTheNumberOfWorkers() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let input = dir.appendingPathComponent("in")
        try FileManager.default.createDirectory(at: input, withIntermediateDirectories: true)
        _ = try Self.makeCorpus(in: input)
        let one = try Batch(jobs: 1, collectRows: true).run(inputs: [input.path], outputDirectory: dir.appendingPathComponent("o1").path)
        let two = try Batch(jobs: 2, collectRows: true).run(inputs: [input.path], outputDirectory: dir.appendingPathComponent("o2").path)
        #expect(one.rows.map(\.output) == two.rows.map(\.output))
        #expect(one.rows.map(\.total) == two.rows.map(\.total))
    }

    @Test func missingPathsAreErrorsAndTheBatchGoesOn() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let outcome = try Batch(jobs: 1).run(inputs: [dir.appendingPathComponent("nope").path, FixturePaths.fixture("qiannan-guangzhou-2023.csv")],
                                             outputDirectory: dir.appendingPathComponent("out").path)
        #expect(outcome.converted == 1)
        #expect(outcome.errors.count == 1)
        #expect(outcome.errors.first?.code == .unreadablePath)
    }
}

/// A batch over both templates: each form written with its own layout and name, and the
/// summary listing project forms with their 项目名称 and 主管部门.
struct MixedTemplateBatchTests {
    @Test func bothTemplatesInOneBatch() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let out = dir.appendingPathComponent("out").path
        let outcome = try Batch(jobs: 2, collectRows: true).run(inputs: [FixturePaths.fixture("project"), FixturePaths.fixture("qiannan-guangzhou-2023.csv")],
                                             outputDirectory: out)
        #expect(outcome.converted == 4)
        #expect(outcome.failed == 0)
        let projects = outcome.rows.filter { $0.templateLabel == "项目支出" }
        #expect(projects.count == 3)
        #expect(projects.allSatisfy { !$0.project.isEmpty && !$0.supervisor.isEmpty })
        #expect(projects.allSatisfy { $0.output.hasSuffix("-项目支出绩效自评表.xlsx") && $0.output.contains($0.project) })
        let department = try #require(outcome.rows.first { $0.templateLabel == "部门整体" })
        #expect(department.output == "黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表.xlsx")
        #expect(try XLSXInspector.checkEveryWorkbook(under: out) == 5)  // every XML part well-formed

        // Each workbook has its own grid: the project forms' first rows are their header fields.
        for row in projects {
            let x = XLSXInspector(path: (out as NSString).appendingPathComponent(row.output))
            let cells = try x.allCells(sheet: "自评表")
            #expect(cells.values.contains { $0.text == "项目名称" })
            #expect(!cells.values.contains { $0.text == "部门(单位)名称" })
        }
        // The summary lists them with 项目名称 (column C) and their rule set as a bureau names it (H).
        let summary = try XLSXInspector(path: outcome.summaryPath).allCells(sheet: "汇总")
        for (i, row) in outcome.rows.enumerated() where row.templateLabel == "项目支出" {
            #expect(summary["C\(i + 2)"]?.text == row.project)
            #expect(summary["H\(i + 2)"]?.text == "财预〔2020〕10号")
            #expect(summary["F\(i + 2)"]?.text?.isEmpty == false)  // 联系人 (项目负责人)
        }
        // Subtotals of 产出 / 效益 / 满意度 plus the budget score add up to the total.
        for row in outcome.rows where row.succeeded {
            let parts = [row.budgetScore, row.outputScore, row.benefitScore, row.satisfactionScore].compactMap { $0 }
            #expect(parts.reduce(0, +) == row.total, "\(row.source)")
        }
    }

    /// The same unit, year and project seen twice: both rows say so, each naming the other file.
    @Test func duplicatesAreFlaggedWithTheOtherFiles() throws {
        let dir = try FixturePaths.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let a = FixturePaths.fixture("qiannan-guangzhou-2023.csv"), b = FixturePaths.fixture("qiannan-guangzhou-2023.gbk.csv")
        let c = FixturePaths.fixture("project/national.csv")
        let outcome = try Batch(jobs: 2, collectRows: true).run(inputs: [a, c, b], outputDirectory: dir.appendingPathComponent("out").path)
        #expect(outcome.rows.map(\.duplicates) == [[b], [], [a]])
        let summary = try XLSXInspector(path: outcome.summaryPath).allCells(sheet: "汇总")
        #expect(summary["T2"]?.text?.contains(b) == true)
        #expect(summary["T3"]?.text ?? "" == "")
        #expect(summary["T4"]?.text?.contains(a) == true)
        // The warning texts themselves, not a count.
        #expect(summary["S2"]?.text?.contains("得分低于分值而未填写原因分析") == true)
        #expect(summary["E2"]?.text == "2024年2月18日")  // 填报日期 as written
        #expect(summary["F2"]?.text == "肖科")  // 联系人
        #expect(summary["G2"]?.text == "0854-0000000")  // 电话
    }

    /// 联系人 / 电话 for 汇总表: after the label in the same cell (half- or full-width colon,
    /// spaces), else in the next non-empty cell of the row; a longer label is another label.
    @Test(arguments: [
        ([["联系人: 肖科"]], "肖科"),
        ([["  联系人：  肖科 \n"]], "肖科"),
        ([["联系人", "", " 肖科 "]], "肖科"),
        ([["联系人员: 张三"], ["填报人:李四"]], "李四"),
        ([["联系人", "联系电话", "0854"]], nil),
        ([["备注"]], nil),
    ] as [([[String]], String?)])
    func contactIsFoundAfterItsLabel(_ grid: [[String]], _ expected: String?) {
        let cells = grid.map { row in row.map { SummaryFacts.trimmed($0) } }
        #expect(SummaryFacts.labelled(SummaryFacts.contactLabels, in: cells) == expected)
    }
}
