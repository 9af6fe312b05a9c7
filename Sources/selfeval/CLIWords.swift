import Conversion
import Foundation
import SelfEvaluation

/// Every word the command line prints, in Chinese (the `[code]`s and option names stay as they
/// are, for scripts and for typing).
enum CLIWords {
    // MARK: rule sets, as users say them

    /// The built-in rule sets, for `--version` and the error naming the valid ones.
    static var ruleChoices: String {
        "legacy(2017–2019 口径,也可写 2017、2018、2019)、2020(财预〔2020〕10号)"
    }

    static func unknownRules(_ given: String) -> String {
        "[rules-unknown] --rules 的值“\(given)”既不是内置评分规则,也不是存在的规则文件。可用:\(ruleChoices),或一个 JSON 规则文件的路径"
    }

    static func rulesFile(_ path: String, _ reason: String) -> String { "\(path): error: [rules-file] 规则文件\(reason)" }
    static let rulesFileMissing = "不存在"
    static let rulesFileIsFolder = "是文件夹,不是文件"
    static let rulesFileDenied = "没有读权限"
    static let rulesFileNotJSON = "不是有效的 JSON"
    static func rulesFileUnreadable(_ reason: String) -> String { "无法读取(\(reason))" }

    // MARK: summaries

    /// The template's title: the name of `check`'s forms and of `template`'s default output.
    static func templateName(_ kind: TemplateKind) -> String {
        kind == .project ? Vocabulary.projectTitle : Vocabulary.departmentTitle
    }

    /// `check`'s line of a form: what it is, what was read, and how.
    static func checkLine(_ form: Form) -> String {
        let doc = form.document
        let scored = form.scoredIndicators
        let level1 = Set(scored.map(\.level1.value)).count
        let level2 = Set(scored.map { $0.level1.value + "/" + $0.level2.value }).count
        let how = doc.sheet.map { "工作表 \($0)," }
            ?? "编码 \(doc.encoding.rawValue.uppercased())\(doc.hadByteOrderMark ? "(带 BOM)" : ""),"
            + "\(doc.separator == "\t" ? "制表符" : "逗号")分隔,"
        return "\(form.source): \(templateName(form.template)),单位 \(form.unit?.value ?? "(未填)"),"
            + "年度 \(form.year.map { String($0.value) } ?? "(未填)"),"
            + "\(scored.count) 项指标(一级 \(level1) 项、二级 \(level2) 项),\(how)"
            + "\(doc.rows.count) 行" + (form.layout.isEmpty ? "" : ",版式 \(form.layout)")
    }

    /// A scored form's total, grade and rule set, on one line.
    static func scoreLine(_ scored: ScoredForm) -> String {
        let rules = scored.ruleSet
        let total = scored.isGraded ? scored.totalScore.fixed(rules.decimals) : "—"
        return "总分 \(total) / \(scored.totalWeight.plainText),等级 \(scored.gradeLabel),评分规则 \(RuleSetNames.label(rules.name))"
            + (scored.needsReview ? ",需复核" : "")
    }

    static func checkTotals(forms: Int, failed: Int, review: Int) -> String {
        "共 \(forms) 张表:\(forms - failed) 张读取成功,\(failed) 张失败,\(review) 张需复核"
    }

    static func batchTotals(converted: Int, failed: Int) -> String { "\(converted) 张转换成功,\(failed) 张失败" }
    static func batchWritten(_ paths: [String]) -> String { ";已写入 " + paths.joined(separator: "、") }
    static func progress(done: Int, total: Int, rate: Double, failed: Int) -> String {
        String(format: "\r已处理 %d/%d 张,每秒 %.0f 张,失败 %d 张", done, total, rate, failed)
    }

    // MARK: usage errors (exit 2)

    static func formatConflict(_ format: String, _ output: String) -> String {
        "[format-conflict] --to \(format) 与输出文件 \(output) 的扩展名矛盾:请只给其一,或让两者一致"
    }
    static func unknownExtension(_ output: String) -> String {
        "[format-unknown] 无法从输出文件 \(output) 的扩展名判断格式:请用 .xlsx、.csv 或 .json 结尾,或加 --to"
    }
    static func templateExtension(_ output: String) -> String {
        "[format-unknown] 空白表只能写成 .xlsx 或 .csv:\(output) 不是这两种扩展名"
    }
    static func unknownFormat(_ value: String) -> String { "[format-unknown] --to 的格式“\(value)”无效(可用 xlsx、csv、json)" }
    static let jobsAtLeastOne = "[jobs-invalid] --jobs 至少为 1"

    // MARK: --version

    static var version: String {
        "selfeval \(Versions.selfeval)\nlibxlsxwriter \(Versions.libxlsxwriter)\n内置评分规则:\(ruleChoices)"
    }
}
