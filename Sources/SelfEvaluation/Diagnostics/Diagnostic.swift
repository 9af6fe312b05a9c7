import CSV

/// How serious a finding is.
///
/// - `error`: the form cannot be read or scored.
/// - `warning`: the score or the form needs a human (a replaced score, a generated reason, a
///   contradiction, an unplaceable tier, a printed slip). Warnings set "needs review" and fail
///   `check --strict`.
/// - `note`: worth knowing, nothing to fix (over-achievement, a realigned row, a cell kept that
///   belongs nowhere). Listed, never "needs review", never a `--strict` failure.
///
/// Which codes are notes is decided in one table, ``Severity/noteCodes``, not by the rules that
/// emit them.
public enum Severity: String, Sendable, Codable, Comparable {
    case note
    case warning
    case error

    private var rank: Int {
        switch self {
        case .note: 0
        case .warning: 1
        case .error: 2
        }
    }

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }

    /// Whether a finding of this level sets "needs review" and fails `check --strict`.
    public var needsReview: Bool { self != .note }

    /// Codes emitted as warnings that are notes: routine findings that tell the reviewer nothing
    /// to do. Every other warning stays a warning; errors are never downgraded.
    public static let noteCodes: Set<String> = [
        "over-achievement",      // 超额完成: scored in full, the target may be low; routine
        "row-realigned",         // a row of a converted document moved back into its columns
        "direction-inferred",    // 正向/反向 taken from the indicator's words
        "cell-not-recognised",   // a cell that belongs nowhere: kept and written out as it was
    ]

    /// The level a finding with `code`, emitted as `requested`, is reported at.
    public static func classify(_ code: String, _ requested: Severity) -> Severity {
        requested == .warning && noteCodes.contains(code) ? .note : requested
    }
}

/// A finding about a form: a stable code, a place and a message in Chinese.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var severity: Severity
    /// Stable kebab-case code, e.g. "label-points-mismatch".
    public var code: String
    public var location: SourceLocation
    public var message: String

    /// A finding; a warning whose code is in ``Severity/noteCodes`` becomes a note.
    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String) {
        self.severity = Severity.classify(code, severity)
        self.code = code
        self.location = location
        self.message = message
    }

    /// `file:row:col: warning: [code] message` (the level in English, as compilers print it,
    /// for scripts; the message in Chinese).
    public var description: String { "\(location): \(severity.rawValue): [\(code)] \(message)" }
}

extension Sequence where Element == Diagnostic {
    /// Whether any finding is a warning or an error: the form needs a human.
    public var needReview: Bool { contains { $0.severity.needsReview } }
}

/// Why a form could not be read: the first error, as a thrown value.
public struct FormError: Error, Sendable, Equatable, CustomStringConvertible {
    public var diagnostic: Diagnostic

    public init(_ code: String, at location: SourceLocation, _ message: String) {
        diagnostic = Diagnostic(.error, code, at: location, message)
    }

    public init(_ csv: CSVError) {
        diagnostic = Diagnostic(.error, csv.kind.rawValue, at: csv.location, csv.message)
    }

    public var description: String { diagnostic.description }
}
