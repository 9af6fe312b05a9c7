import Foundation

/// The administrator's login sessions (in memory: a restart asks for the password again), each
/// with its own CSRF token, and the passwords already checked by HTTP Basic (so that a script's
/// every request does not pay argon2's ~50 ms; kept as salted SHA-256, never the password).
final class AdminSessions: @unchecked Sendable {
    private let lock = NSLock()
    private var sessions: [String: (csrf: String, expires: Date)] = [:]
    private var checked: Set<String> = []
    private let pepper = Secrets.token()
    /// A session lasts 8 hours (a working day).
    static let lifetime: TimeInterval = 8 * 3600

    /// A new session: its id (the cookie) and its CSRF token.
    func open() -> (id: String, csrf: String) {
        let id = Secrets.token(), csrf = Secrets.token()
        lock.withLock { sessions[SHA256.hex(id)] = (csrf, Date().addingTimeInterval(Self.lifetime)) }
        return (id, csrf)
    }

    /// The CSRF token of a live session.
    func csrf(session id: String) -> String? {
        let key = SHA256.hex(id)
        return lock.withLock {
            guard let s = sessions[key] else { return nil }
            if s.expires < Date() { sessions[key] = nil; return nil }
            return s.csrf
        }
    }

    func close(_ id: String) { let key = SHA256.hex(id); lock.withLock { sessions[key] = nil } }

    /// Whether `password` matches `encoded` (argon2id), remembering a match.
    func verify(_ password: String, encoded: String) -> Bool {
        let key = SHA256.hex(pepper + encoded + "\u{0}" + password)
        if lock.withLock({ checked.contains(key) }) { return true }
        guard PasswordHash.verify(password, encoded: encoded) else { return false }
        lock.withLock { _ = checked.insert(key) }
        return true
    }
}
