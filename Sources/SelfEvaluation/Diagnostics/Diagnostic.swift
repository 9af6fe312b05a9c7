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
/// Which codes are notes is a property of the code (``DiagnosticCode/isNote``), not of the rules
/// that emit them.
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
}

/// A finding about a form: a stable code, a place and a message in Chinese.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var severity: Severity
    /// The stable code, printed as `[label-points-mismatch]`.
    public var code: DiagnosticCode
    public var location: SourceLocation
    public var message: String

    /// A finding at `severity`; a warning whose code is a note (``DiagnosticCode/isNote``) becomes one.
    public init(_ severity: Severity, _ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.severity = severity == .warning && code.isNote ? .note : severity
        self.code = code
        self.location = location
        self.message = message
    }

    /// A finding of a form: a warning, or a note when the code is one.
    public init(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        self.init(.warning, code, at: location, message)
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

    public init(_ code: DiagnosticCode, at location: SourceLocation, _ message: String) {
        diagnostic = Diagnostic(.error, code, at: location, message)
    }

    public init(_ csv: CSVError) {
        diagnostic = Diagnostic(.error, DiagnosticCode(csv.kind), at: csv.location, csv.message)
    }

    public var description: String { diagnostic.description }
}
