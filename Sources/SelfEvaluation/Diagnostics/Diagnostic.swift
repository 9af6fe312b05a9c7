import CSV

/// How serious a finding is.
public enum Severity: String, Sendable, Codable, Comparable {
    case warning
    case error

    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs == .warning && rhs == .error }
}

/// A finding about a form: a stable code, a place and a message in Chinese.
public struct Diagnostic: Sendable, Equatable, CustomStringConvertible {
    public var severity: Severity
    /// Stable kebab-case code, e.g. "label-points-mismatch".
    public var code: String
    public var location: SourceLocation
    public var message: String

    public init(_ severity: Severity, _ code: String, at location: SourceLocation, _ message: String) {
        self.severity = severity
        self.code = code
        self.location = location
        self.message = message
    }

    /// `file:row:col: warning: [code] message`.
    public var description: String { "\(location): \(severity.rawValue): [\(code)] \(message)" }
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
