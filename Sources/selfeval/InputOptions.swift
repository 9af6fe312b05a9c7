import ArgumentParser
import CSV
import Conversion
import SelfEvaluation

/// Options shared by every command that reads forms.
struct InputOptions: ParsableArguments {
    @Option(help: ArgumentHelp("输入编码:auto(自动识别)、utf-8 或 gb18030。", valueName: "编码"))
    var encoding: EncodingChoice = .auto

    @Option(help: ArgumentHelp("指定表样:department(部门整体)或 project(项目支出);默认从文件识别。", valueName: "表样"))
    var template: TemplateKind?

    var loader: FormLoader { FormLoader(encoding: encoding, template: template) }
}

extension EncodingChoice: ExpressibleByArgument {}
extension TemplateKind: ExpressibleByArgument {}
