import ArgumentParser
import CSV
import Foundation
import Conversion
import SelfEvaluation

/// Options shared by every command that reads forms.
struct InputOptions: ParsableArguments {
    @Option(help: "Input encoding: auto, utf-8 or gb18030.")
    var encoding: EncodingChoice = .auto

    @Option(help: "Force the template: department or project (default: recognised from the file).")
    var template: TemplateKind?

    @Option(help: "A label table (JSON) adding a local layout's labels to the built-in ones.",
            transform: InputOptions.readLayout)
    var layout: LabelTable?

    var loader: FormLoader { FormLoader(encoding: encoding, template: template, labels: layout ?? .builtIn) }

    /// Reads `--layout FILE.json`; any problem is a usage error naming the file.
    static func readLayout(_ path: String) throws -> LabelTable {
        let data: Data
        do {
            data = try Data(contentsOf: URL(fileURLWithPath: path))
        } catch {
            throw ValidationError("--layout: 无法读取 \(path)")
        }
        do {
            return try LabelTable.load(json: data)
        } catch {
            throw ValidationError("--layout: \(path): \(error.message)")
        }
    }
}

extension EncodingChoice: ExpressibleByArgument {}
extension TemplateKind: ExpressibleByArgument {}
