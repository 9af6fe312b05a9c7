import ArgumentParser
import SelfEvaluation

/// `--rules legacy|2020|FILE`: the rule set to score by (default: from the form's own notes).
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: "Rule set: legacy, 2020, or a JSON rules file (default: chosen from the form's notes).")
    var rules: String?

    /// The rule set asked for; nil to choose from each form's notes.
    func ruleSet() throws -> RuleSet? {
        guard let rules else { return nil }
        if let builtIn = RuleSet.builtIn(named: rules) { return builtIn }
        do {
            return try RuleSet.load(path: rules)
        } catch {
            throw ValidationError("--rules: \(error.description)")
        }
    }
}
