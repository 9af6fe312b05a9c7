import ArgumentParser
import CSV
import Conversion
import SelfEvaluation

/// An enum given as an option's value (`--encoding gb18030`), by its raw value. Its value list and
/// default read as ArgumentParser's own defaults give them, without their key paths and
/// `String(describing:)`, whose runtime type lookups every start would pay.
public protocol OptionValue: ExpressibleByArgument, CaseIterable, RawRepresentable where RawValue == String {}

extension OptionValue {
    public static var allValueStrings: [String] { allCases.map { $0.rawValue } }
    public static var allValueDescriptions: [String: String] { [:] }
    public var defaultValueDescription: String { rawValue }
}

extension EncodingChoice: OptionValue {}
extension TemplateKind: OptionValue {}
extension OutputFormat: OptionValue {}
extension CSVWriter.Encoding: OptionValue {}
