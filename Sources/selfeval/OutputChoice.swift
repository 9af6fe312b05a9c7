import Conversion

/// The output format from `--to` and `-o`'s extension: the extension decides when `--to` is
/// absent; when both are given they must agree (else a usage error, exit 2), so a CSV never
/// lands in `y.xlsx` nor a workbook in `x.csv`.
enum OutputChoice {
    /// The format named by a path's extension (.xlsx, .csv, .json; any case); nil otherwise.
    static func format(ofPath path: String) -> OutputFormat? {
        let name = path.lowercased()
        if name.hasSuffix(".xlsx") { return .xlsx }
        if name.hasSuffix(".csv") { return .csv }
        if name.hasSuffix(".json") { return .json }
        return nil
    }

    enum Problem: Error, Equatable {
        /// `--to` and the extension disagree.
        case conflict(OutputFormat, String)
        /// No `--to`, and the extension names no format.
        case unknownExtension(String)

        var message: String {
            switch self {
            case .conflict(let format, let output): CLIWords.formatConflict(format.rawValue, output)
            case .unknownExtension(let output): CLIWords.unknownExtension(output)
            }
        }
    }

    /// The format to write: `to` when given (and not contradicted), else the output's extension,
    /// else XLSX when there is no output path (the default name gets the format's extension).
    static func resolve(to: OutputFormat?, output: String?) -> Result<OutputFormat, Problem> {
        guard let output else { return .success(to ?? .xlsx) }
        let implied = format(ofPath: output)
        switch (to, implied) {
        case (let given?, let implied?) where given != implied: return .failure(.conflict(given, output))
        case (let given?, _): return .success(given)
        case (nil, let implied?): return .success(implied)
        case (nil, nil): return .failure(.unknownExtension(output))
        }
    }
}
