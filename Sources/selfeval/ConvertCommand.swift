import ArgumentParser
import CSV
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval convert FORM.csv [-o OUT] [--to xlsx|csv|json]`: writes one scored file.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "评分并写出一张表:XLSX(打印用的表和评分明细)、CSV(原表格式)或 JSON(评分报告)。"
    )

    @Argument(help: ArgumentHelp("表格文件:CSV 导出,或 .xlsx/.xls 工作簿(按内容识别)。", valueName: "表格"))
    var form: String

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "输出文件;格式随扩展名(.xlsx、.csv、.json)。默认:与输入同目录、同名,换扩展名。", valueName: "输出文件"))
    var output: String?

    @Option(name: .customLong("to"), help: ArgumentHelp(
        "输出格式:xlsx、csv 或 json(默认:随 -o 的扩展名,否则 xlsx);与 -o 的扩展名矛盾时报错。", valueName: "格式"))
    var format: OutputFormat?

    @Option(name: .customLong("csv-encoding"), help: ArgumentHelp(
        "CSV 输出的编码:utf-8(带 BOM)、utf-8-nobom 或 gb18030。", valueName: "编码"))
    var csvEncoding: CSVWriter.Encoding = .utf8BOM

    @Flag(help: "覆盖已存在的输出文件(输入文件、链接、FIFO、设备永远不会被覆盖)。")
    var force = false

    @OptionGroup var input: InputOptions

    mutating func validate() throws { format = try OutputChoice.resolve(to: format, output: output) }

    func run() throws {
        SignalCleanup.install()
        var converter = try input.converter(csvEncoding: csvEncoding)
        converter.force = force
        do {
            let result = try converter.convert(input: form, output: output, format: format ?? .xlsx)
            for d in result.scored.diagnostics { StandardStreams.err(d) }
            StandardStreams.out("\(result.output): \(CLIWords.scoreLine(result.scored.scored))\n")
        } catch {
            StandardStreams.err(error.diagnostic)
            throw ExitCode(1)
        }
    }
}
