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

    var loader: FormLoader { FormLoader(encoding: encoding, template: template) }
}

extension EncodingChoice: ExpressibleByArgument {}
extension TemplateKind: ExpressibleByArgument {}
