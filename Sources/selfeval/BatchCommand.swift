import ArgumentParser
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval batch PATH... -o OUTDIR`: converts every form, writes 汇总表.xlsx and report.json.
struct BatchCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "batch",
        abstract: "Convert files and folders of forms into submission files, one summary workbook and one report."
    )

    @Argument(help: "Files and folders (folders are searched for *.csv and *.tsv).")
    var paths: [String]

    @Option(name: .shortAndLong, help: "Output folder (created if needed).")
    var output: String

    @Option(help: "Parallel workers (default: the number of cores).")
    var jobs: Int = ProcessInfo.processInfo.activeProcessorCount

    @Option(name: .customLong("to"), help: "Comma-separated output formats: xlsx, csv, json.")
    var formats: String = "xlsx"

    @Flag(help: "Replace existing files in the output folder that selfeval did not make (never an input, a link, a FIFO or a device).")
    var force = false

    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RulesOption

    func validate() throws {
        guard jobs >= 1 else { throw ValidationError("--jobs must be at least 1") }
        _ = try parsedFormats()
    }

    func parsedFormats() throws -> [OutputFormat] {
        try formats.split(separator: ",").map {
            guard let f = OutputFormat(rawValue: $0.trimmingCharacters(in: .whitespaces)) else {
                throw ValidationError("--to: unknown format '\($0)' (xlsx, csv, json)")
            }
            return f
        }
    }

    func run() throws {
        let converter = Converter(loader: input.loader, rules: try rules.ruleSet())
        SignalCleanup.install()
        var batch = Batch(converter: converter, jobs: jobs, formats: try parsedFormats())
        batch.force = force
        let progress = ProgressLine.forStandardError()
        let outcome: Batch.Outcome
        do {
            outcome = try batch.run(inputs: paths, outputDirectory: output, progress: progress.map { line in
                { @Sendable p in line.update(done: p.done, total: p.total, failed: p.failed) }
            })
        } catch {
            Diagnostics.emit(error.diagnostic)
            throw ExitCode(1)
        }
        progress?.finish()
        for notice in outcome.notices { StandardStreams.err("selfeval: \(notice)\n") }
        for e in outcome.errors {
            StandardStreams.err("\(e.source):\(e.place.isEmpty ? "1:A" : e.place): error: [\(e.code)] \(e.message)\n")
        }
        let written = outcome.writtenPaths.isEmpty ? "" : "; " + outcome.writtenPaths.joined(separator: ", ")
        StandardStreams.out("\(outcome.converted) converted, \(outcome.failed) failed\(written)\n")
        if outcome.failed > 0 || !outcome.errors.isEmpty { throw ExitCode(1) }
    }
}
