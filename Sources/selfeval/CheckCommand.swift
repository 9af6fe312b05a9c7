import ArgumentParser
import CSV
import Conversion
import Foundation
import SelfEvaluation

/// `selfeval check FORM.csv... [--strict]`: reads and lints, writes nothing.
struct CheckCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Read and lint forms; print what was found and every problem. Writes nothing."
    )

    @Argument(help: "CSV exports of the form.")
    var forms: [String]

    @Flag(help: "Exit with status 1 when any form has warnings.")
    var strict = false

    @OptionGroup var input: InputOptions
    @OptionGroup var rules: RulesOption

    func run() throws {
        let ruleSet = try rules.ruleSet()
        var failed = false
        var warned = false
        for path in forms {
            do {
                let loaded = try input.loader.load(path: path)
                let form = loaded.form
                // Lints come from the scorer; nothing is written.
                let scored = try Scorer.score(form, rules: ruleSet)
                StandardStreams.out(Summary.checkLine(form) + ", rules \(scored.ruleSet.name)\n")
                for d in loaded.diagnostics + scored.diagnostics {
                    Diagnostics.emit(d)
                    if d.severity == .error { failed = true } else { warned = true }
                }
            } catch {
                Diagnostics.emit(error.diagnostic)
                failed = true
            }
        }
        if failed || (strict && warned) { throw ExitCode(1) }
    }
}
