import ArgumentParser
import CSV
import Foundation
import Conversion
import SelfEvaluation

/// Options shared by every command that reads forms.
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

    var loader: FormLoader { FormLoader(encoding: encoding, template: template, labels: layout ?? .builtIn, sheet: sheet) }

    /// Reads `--layout FILE.json`; any problem is a usage error naming the file.
    static func readLayout(_ path: String) throws -> LabelTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("[layout-file] --layout: 无法读取 \(path)")
        }
        do {
            return try LabelTable.load(json: data)
        } catch {
            throw ValidationError("[layout-file] --layout: \(path): \(error.message)")
        }
    }
}

extension EncodingChoice: ExpressibleByArgument {}
extension TemplateKind: ExpressibleByArgument {}
