import ArgumentParser
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval score FORM.csv [--json]`: scores a form and prints a readable summary or the JSON report.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "按官方规则评分,打印易读的评分摘要,或 JSON 评分报告。"
    )

    @Argument(help: ArgumentHelp("表格文件:CSV 导出,或 .xlsx/.xls 工作簿(按内容识别)。", valueName: "表格"))
    var form: String

    @Flag(help: "打印 JSON 评分报告(键见 README),而不是摘要。")
    var json = false

    @OptionGroup var input: InputOptions

    func run() throws {
        SignalCleanup.install()  // SIGINT/SIGTERM end it even when the parent ignored them
        // The same path as convert, check, batch and the intranet page: `Converter.score` (reading
        // warnings count toward 需复核, generated-reason markers read back).
        let converter = try input.converter()
        let result: Converter.Scored
        let report: [UInt8]
        do {
            result = try converter.score(path: form)
            report = json ? try converter.bytes(result, format: .json) : []
        } catch {
            StandardStreams.err(error.diagnostic)
            throw ExitCode(1)
        }
        if json {
            StandardStreams.outBytes(report)
        } else {
            StandardStreams.out(ScoreSummary.text(result.scored, includeWarnings: false))
        }
        for d in result.diagnostics { StandardStreams.err(d) }
    }
}
