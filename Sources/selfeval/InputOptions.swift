import ArgumentParser
import CSV
import Conversion
import SelfEvaluation

/// Options shared by every command that reads forms.
struct InputOptions: ParsableArguments {
    @Option(help: "Input encoding: auto, utf-8 or gb18030.")
    var encoding: EncodingChoice = .auto

    @Option(help: "Force the template: department or project (default: recognised from the file).")
    var template: TemplateKind?

    @Option(help: "The sheet of an .xlsx/.xls workbook to read: its name or number (default: the first sheet that is a form).")
    var sheet: String?

    var loader: FormLoader { FormLoader(encoding: encoding, template: template, sheet: sheet) }
}

extension EncodingChoice: ExpressibleByArgument {}
extension TemplateKind: ExpressibleByArgument {}
