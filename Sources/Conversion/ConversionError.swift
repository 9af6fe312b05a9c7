import CSV
import SelfEvaluation

/// Why a form could not be converted: a reading error with its place, or an output problem.
public struct ConversionError: Error, Sendable, CustomStringConvertible {
    /// What went wrong, as the command's exit status needs it; the code printed is the
    /// diagnostic's (one of ``DiagnosticCode``).
    public enum Kind: Sendable {
        /// The form could not be read or scored (see `diagnostic`).
        case form
        /// The output would overwrite the input.
        case outputIsInput
        /// Writing the output failed.
        case writeFailed
        /// The batch's output folder holds an earlier run's outputs and `--replace` was not given
        /// (a usage error: exit 2).
        case earlierRun
    }

    public var kind: Kind
    public var diagnostic: Diagnostic

    /// An output problem: `write-failed`, `earlier-run`, or a refusal of `OutputGuard`
    /// (`output-exists`, `output-not-regular`, `output-is-input`).
    public init(_ code: DiagnosticCode, path: String, _ message: String) {
        kind = switch code {
        case .outputIsInput: .outputIsInput
        case .earlierRun: .earlierRun
        default: .writeFailed
        }
        diagnostic = Diagnostic(.error, code, at: SourceLocation(file: path, row: 1, column: 1), message)
    }

    public init(_ error: FormError) {
        kind = .form
        diagnostic = error.diagnostic
    }

    public var description: String { diagnostic.description }
}
