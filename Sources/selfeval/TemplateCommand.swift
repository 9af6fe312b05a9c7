import ArgumentParser
import CSV
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval template [--template department|project] [-o blank.xlsx|blank.csv]`: the empty
/// official form, to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "写出空白的官方表样(XLSX 或 CSV,随输出文件的扩展名):部门整体支出绩效目标自评表或项目支出绩效自评表。"
    )

    @Option(help: ArgumentHelp("表样:department(部门整体支出绩效目标自评表,默认)或 project(项目支出绩效自评表)。",
                               valueName: "表样"))
    var template: TemplateKind = .department

    @Option(name: .shortAndLong, help: ArgumentHelp(
        "输出文件:.xlsx 或 .csv(默认:表样名称.xlsx,如 部门整体支出绩效目标自评表.xlsx、项目支出绩效自评表.xlsx)。",
        valueName: "输出文件"))
    var output: String?

    @Flag(help: "覆盖已存在的文件(链接、FIFO、设备永远不会被覆盖)。")
    var force = false

    func validate() throws {
        if let output, OutputChoice.format(ofPath: output) != .xlsx, OutputChoice.format(ofPath: output) != .csv {
            throw ValidationError(CLIWords.templateExtension(output))
        }
    }

    func run() throws {
        SignalCleanup.install()
        let path = output ?? CLIWords.templateName(template) + ".xlsx"
        do {
            try BlankTemplateWriter.write(to: path, kind: template, force: force)
        } catch {
            StandardStreams.err(error.diagnostic)
            throw ExitCode(1)
        }
        StandardStreams.out(path + "\n")
    }
}
