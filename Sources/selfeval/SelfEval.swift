import ArgumentParser

/// `selfeval`: reads, scores and writes 绩效自评表 forms.
struct SelfEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfeval",
        abstract: "Read, score and write budget-performance self-evaluation forms (绩效自评表).",
        subcommands: [ConvertCommand.self, ScoreCommand.self, CheckCommand.self, BatchCommand.self, TemplateCommand.self]
    )
}
