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
    @OptionGroup var rules: RulesOption

    func run() throws {
        SignalCleanup.install()  // SIGINT/SIGTERM end it even when the parent ignored them
        let ruleSet = try rules.ruleSet()
        let loaded: FormLoader.Loaded
        let scored: ScoredForm
        do {
            loaded = try input.loader.load(path: form)
            scored = try Scorer.score(loaded.form, rules: ruleSet)
        } catch {
            Diagnostics.emit(error.diagnostic)
            throw ExitCode(1)
        }
        let diagnostics = loaded.diagnostics + scored.diagnostics
        if json {
            var bytes = try ScoreReport(scored, diagnostics: diagnostics).jsonBytes()
            bytes.append(0x0A)
            StandardStreams.outBytes(bytes)
        } else {
            StandardStreams.out(ScoreSummary.text(scored, includeWarnings: false))
        }
        for d in loaded.diagnostics { Diagnostics.emit(d) }
        for d in scored.diagnostics { Diagnostics.emit(d) }
    }
}
