import ArgumentParser
import CSV
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval template [-o blank.xlsx|blank.csv]`: the empty official form, to fill in.
struct TemplateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write the empty official form (XLSX or CSV, by the output's extension)."
    )

    @Option(name: .shortAndLong, help: "Output file: .xlsx or .csv (default: 部门整体支出绩效目标自评表.xlsx).")
    var output: String?

    @Flag(help: "Replace an existing file (never a link, a FIFO or a device).")
    var force = false

    func run() throws {
        SignalCleanup.install()
        let path = output ?? Vocabulary.departmentTitle + ".xlsx"
        do {
            try BlankTemplateWriter.write(to: path, force: force)
        } catch {
            Diagnostics.emit(error.diagnostic)
            throw ExitCode(1)
        }
        StandardStreams.out(path + "\n")
    }
}
