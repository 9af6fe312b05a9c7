import ArgumentParser
import CSV
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval check PATH... [--strict]`: reads, scores and lints forms (folders searched like
/// `batch`), prints each form's total and grade and every finding; writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "检查表格:列出每张表的总分、等级和发现的每个问题,最后给出合计。不写任何文件。"
    )

    @Argument(help: ArgumentHelp("表格文件(CSV 导出,或 .xlsx/.xls 工作簿)或文件夹(文件夹中查找 *.csv、*.tsv、*.xlsx、*.xlsm 和 *.xls,含子文件夹)。", valueName: "表格或文件夹"))
    var forms: [String]

    @Flag(help: "有警告(需复核)的表也算失败,退出状态为 1;提示(note)不算。")
    var strict = false

    @OptionGroup var input: InputOptions

    /// The files to check: a folder is searched as `batch` searches it, a file is taken as given.
    static func expand(_ paths: [String]) -> (files: [String], problems: [BatchDiscovery.Problem]) {
        var files: [String] = []
        var problems: [BatchDiscovery.Problem] = []
        for path in paths {
            var info = stat()
            if stat(path, &info) == 0, (info.st_mode & S_IFMT) == S_IFDIR {
                let found = BatchDiscovery.search([path])
                files += found.files
                problems += found.problems
            } else {
                files.append(path)
            }
        }
        return (files, problems)
    }

    func run() throws {
        SignalCleanup.install()  // SIGINT/SIGTERM end it even when the parent ignored them
        let converter = try input.converter()
        let (files, problems) = Self.expand(forms)
        var failedForms = 0
        var reviewForms = 0
        for problem in problems {
            StandardStreams.err("\(problem.path):1:A: error: [\(problem.code)] \(problem.message)\n")
            if problem.isForm { failedForms += 1 }
        }
        var total = failedForms
        for path in files {
            for (_, read) in converter.scoreEach(path: path) {  // a workbook may hold several forms
                total += 1
                do {
                    let result = try read.get()
                    let scored = result.scored
                    StandardStreams.out(CLIWords.checkLine(scored.form) + "," + CLIWords.scoreLine(scored) + "\n")
                    for d in result.diagnostics { StandardStreams.err(d) }
                    if result.diagnostics.contains(where: { $0.severity == .error }) {
                        failedForms += 1
                    } else if scored.needsReview {
                        reviewForms += 1
                    }
                } catch {
                    StandardStreams.err(error.diagnostic)
                    failedForms += 1
                }
            }
        }
        if total != 1 {
            StandardStreams.out(CLIWords.checkTotals(forms: total, failed: failedForms, review: reviewForms) + "\n")
        }
        if failedForms > 0 || (strict && reviewForms > 0) { throw ExitCode(1) }
    }
}
