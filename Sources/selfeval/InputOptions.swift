import ArgumentParser
import CSV
import Conversion
import Foundation
import SelfEvaluation

/// Options shared by every command that reads forms, `--rules legacy|2020|FILE` last.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("输入编码:auto(自动识别)、utf-8 或 gb18030。", valueName: "编码"))
    var encoding: EncodingChoice = .auto

    @Option(help: ArgumentHelp("指定表样:department(部门整体)或 project(项目支出);默认从文件识别。", valueName: "表样"))
    var template: TemplateKind?

    @Option(help: ArgumentHelp("标签表(JSON):在内置标签之外加上某地版式的标签。", valueName: "标签表.json"),
            transform: InputOptions.readLayout)
    var layout: LabelTable?

    @Option(help: ArgumentHelp("要读取的工作表(.xlsx/.xls):名称或序号;默认:第一张是自评表的工作表。", valueName: "工作表"))
    var sheet: String?

    /// The rule set to score by (default: from the form's own notes).
    @Option(help: ArgumentHelp("评分规则:\(CLIWords.ruleChoices),或 JSON 规则文件(默认:按表中“注”选择)。", valueName: "规则"))
    var rules: String?

    /// The converter these options ask for.
    func converter(csvEncoding: CSVWriter.Encoding = .utf8BOM) throws -> Converter {
        Converter(loader: FormLoader(encoding: encoding, template: template, labels: layout ?? .builtIn, sheet: sheet),
                  rules: try ruleSet(), csvEncoding: csvEncoding)
    }

    /// Reads `--layout FILE.json`; any problem is a usage error naming the file.
    static func readLayout(_ path: String) throws -> LabelTable {
        guard let data = try? Data(contentsOf: URL(fileURLWithPath: path)) else {
            throw ValidationError("[layout-file] --layout: 无法读取 \(path)")
        }
        do {
            return try LabelTable.load(json: data)
        } catch {
            throw ValidationError("[layout-file] --layout: \(path): \(error.message)")
        }
    }

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
        guard let data = try? (handle.readToEnd() ?? Data()) else {
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
