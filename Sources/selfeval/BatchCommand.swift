import ArgumentParser
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval batch PATH... -o OUTDIR`: converts every form, writes 汇总表.xlsx and report.json.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "批量转换文件和文件夹中的表:每张表一个上报文件,另写汇总表.xlsx 和 report.json。"
    )

    @Argument(help: ArgumentHelp("文件和文件夹(文件夹中查找 *.csv、*.tsv、*.xlsx、*.xlsm 和 *.xls,含子文件夹;跳过 ~$ 开头的临时文件和输出文件夹)。", valueName: "表格或文件夹"))
    var paths: [String]

    @Option(name: .shortAndLong, help: ArgumentHelp("输出文件夹(不存在时新建)。", valueName: "输出文件夹"))
    var output: String

    @Option(help: ArgumentHelp("并行任务数(默认:处理器核数)。", valueName: "个数"))
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("to"), help: ArgumentHelp("输出格式,逗号分隔:xlsx、csv、json。", valueName: "格式"))
    var formats: String = "xlsx"

    @Flag(help: "覆盖输出文件夹中不是 selfeval 写的同名文件(输入文件、链接、FIFO、设备永远不会被覆盖)。")
    var force = false

    @Flag(help: "输出文件夹里有上次运行的结果时,先删除上次 report.json 列出的文件(只删这些)再转换;不加时拒绝运行。")
    var replace = false

    @OptionGroup var input: InputOptions

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError(CLIWords.jobsAtLeastOne) }
        _ = try parsedFormats()
    }

    func parsedFormats() throws -> [OutputFormat] {
        try formats.split(separator: ",").map {
            guard let f = OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError(CLIWords.unknownFormat(String($0)))
            }
            return f
        }
    }

    func run() throws {
        let converter = try input.converter()
        SignalCleanup.install()
        var batch = Batch(converter: converter, jobs: jobs, formats: try parsedFormats())
        batch.force = force
        batch.replace = replace
        let progress = ProgressLine.forStandardError()
        let outcome: Batch.Outcome
        do {
            outcome = try batch.run(inputs: paths, outputDirectory: output,
                                    progress: progress.map { line in { @Sendable p in line.update(p) } })
        } catch {
            progress?.finish()
            StandardStreams.err(error.diagnostic)
            throw ExitCode(error.kind == .earlierRun ? 2 : 1)
        }
        progress?.finish()
        for notice in outcome.notices { StandardStreams.err("selfeval: \(notice)\n") }
        for e in outcome.errors {
            StandardStreams.err("\(e.source):\(e.place.isEmpty ? "1:A" : e.place): error: [\(e.code)] \(e.message)\n")
        }
        let written = outcome.writtenPaths.isEmpty ? "" : CLIWords.batchWritten(outcome.writtenPaths)
        StandardStreams.out(CLIWords.batchTotals(converted: outcome.converted, failed: outcome.failed) + written + "\n")
        if outcome.failed > 0 || !outcome.errors.isEmpty { throw ExitCode(1) }
    }
}
