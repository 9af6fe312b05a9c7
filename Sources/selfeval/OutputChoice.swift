import ArgumentParser
import Conversion

/// The output format from `--to` and `-o`'s extension: the extension decides when `--to` is
/// absent; when both are given they must agree (else a usage error, exit 2), so a CSV never
/// lands in `y.xlsx` nor a workbook in `x.csv`.
enum OutputChoice {
    /// The format named by a path's extension (.xlsx, .csv, .json; any case); nil otherwise.
    static func format(ofPath path: String) -> OutputFormat? {
        OutputFormat.allCases.first { path.lowercased().hasSuffix("." + $0.rawValue) }
    }

    /// The format to write: `to` when given (and not contradicted), else the output's extension,
    /// else XLSX when there is no output path (the default name gets the format's extension).
    static func resolve(to: OutputFormat?, output: String?) throws -> OutputFormat {
        guard let output else { return to ?? .xlsx }
        switch (to, format(ofPath: output)) {
        case (let given?, let implied?) where given != implied:
            throw ValidationError(CLIWords.formatConflict(given.rawValue, output))
        case (let given?, _), (nil, let given?): return given
        case (nil, nil): throw ValidationError(CLIWords.unknownExtension(output))
        }
    }
}
