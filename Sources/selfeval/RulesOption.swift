import ArgumentParser
import Foundation
import SelfEvaluation

/// `--rules legacy|2020|FILE`: the rule set to score by (default: from the form's own notes).
struct RulesOption: ParsableArguments {
    @Option(name: .long, help: ArgumentHelp(
        "评分规则:legacy(2017–2019 口径,也可写 2017、2018、2019)、2020(财预〔2020〕10号),或 JSON 规则文件(默认:按表中“注”选择)。",
        valueName: "规则"))
    var rules: String?

    /// Names of the legacy rule set as users say them: the years it was used.
    static let legacyYears: Set<String> = ["2017", "2018", "2019", "2017-2019", "2017–2019"]

    /// A bad `--rules` is a usage error of the command it was given to (exit 2).
    func validate() throws { _ = try ruleSet() }

    /// The rule set asked for; nil to choose from each form's notes.
    func ruleSet() throws -> RuleSet? {
        guard let rules else { return nil }
        if Self.legacyYears.contains(rules) { return .legacy }
        if let builtIn = RuleSet.builtIn(named: rules) { return builtIn }
        var info = stat()
        guard stat(rules, &info) == 0 else {
            if errno == ENOENT, !rules.contains("/"), !rules.lowercased().hasSuffix(".json") {
                throw ValidationError(CLIWords.unknownRules(rules))
            }
            throw ValidationError(CLIWords.rulesFile(rules, Self.reason(errno)))
        }
        if (info.st_mode & S_IFMT) == S_IFDIR { throw ValidationError(CLIWords.rulesFile(rules, CLIWords.rulesFileIsFolder)) }
        guard let handle = FileHandle(forReadingAtPath: rules) else {
            throw ValidationError(CLIWords.rulesFile(rules, Self.reason(errno)))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.readToEnd() ?? Data()
        } catch {
            throw ValidationError(CLIWords.rulesFile(rules, CLIWords.rulesFileUnreadable(String(cString: strerror(errno)))))
        }
        if (try? JSONSerialization.jsonObject(with: data)) == nil {
            throw ValidationError(CLIWords.rulesFile(rules, CLIWords.rulesFileNotJSON))
        }
        do {
            return try RuleSet.decode(data, path: rules)
        } catch {
            throw ValidationError(CLIWords.rulesFile(rules, ":" + error.message))
        }
    }

    private static func reason(_ code: Int32) -> String {
        switch code {
        case ENOENT, ENOTDIR: CLIWords.rulesFileMissing
        case EACCES, EPERM: CLIWords.rulesFileDenied
        default: CLIWords.rulesFileUnreadable(String(cString: strerror(code)))
        }
    }
}
