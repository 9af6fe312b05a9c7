import ArgumentParser
import CSV
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval convert FORM.csv [-o OUT] [--to xlsx|csv|json]`: writes one scored file.
struct ConvertCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "convert",
        abstract: "Score a form and write it as XLSX (the printed form), CSV (the template's layout) or JSON (the report)."
    )

    @Argument(help: "CSV export of the form.")
    var form: String

    @Option(name: .shortAndLong, help: "Output file (default: next to the input, with the new extension).")
    var output: String?

    @Option(name: .customLong("to"), help: "Output format: xlsx, csv or json.")
    var format: OutputFormat = .xlsx

    @Option(name: .customLong("csv-encoding"), help: "Encoding of CSV output: utf-8 (with BOM), utf-8-nobom or gb18030.")
    var csvEncoding: CSVWriter.Encoding = .utf8BOM

    @Flag(help: "Replace an existing output file (never the input, a link, a FIFO or a device).")
    var force = false

    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RulesOption

    func run() throws {
        SignalCleanup.install()
        var converter = Converter(loader: input.loader, rules: try rules.ruleSet(), csvEncoding: csvEncoding)
        converter.force = force
        do {
            let result = try converter.convert(input: form, output: output, format: format)
            for d in result.scored.diagnostics { Diagnostics.emit(d) }
            let s = result.scored.scored
            StandardStreams.out("\(result.output): \(Summary.scoreLine(s))\n")
        } catch {
            Diagnostics.emit(error.diagnostic)
            throw ExitCode(1)
        }
    }
}

extension OutputFormat: ExpressibleByArgument {}
extension CSVWriter.Encoding: ExpressibleByArgument {}
