import ArgumentParser

/// `selfeval`: reads, scores and writes 绩效自评表 forms.
struct SelfEval: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "selfeval",
        abstract: "读取、评分并写出预算绩效自评表(部门整体支出绩效目标自评表、项目支出绩效自评表)。说明见 README.md。",
        version: CLIWords.version,
        subcommands: [ConvertCommand.self, ScoreCommand.self, CheckCommand.self, BatchCommand.self, TemplateCommand.self,
                      ServeCommand.self, UnitCommand.self]
    )
}
