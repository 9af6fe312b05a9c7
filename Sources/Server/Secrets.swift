/// Random secrets: unit tokens, session ids, form ids.
public enum Secrets {
    /// `byteCount` bytes from the system's generator (getrandom), as URL-safe text: 24 bytes
    /// (192 bits) give 48 hex digits.
    public static func token(bytes byteCount: Int = 24) -> String { Hex.encode(bytes(byteCount)) }

    /// `count` bytes from the system's generator (getrandom).
    static func bytes(_ count: Int) -> [UInt8] {
        var generator = SystemRandomNumberGenerator()
        return (0..<count).map { _ in UInt8.random(in: 0...255, using: &generator) }
    }

    /// Whether `text` could be a token: hex digits only, of the length `token()` makes. Anything
    /// else is answered 404 before the index is asked.
    public static func looksLikeToken(_ text: some StringProtocol) -> Bool {
        text.utf8.count == 48 && text.utf8.allSatisfy { ($0 >= 0x30 && $0 <= 0x39) || ($0 >= 0x61 && $0 <= 0x66) }
    }

    /// Compares two strings in time that depends only on their lengths (tokens, CSRF fields).
    public static func constantTimeEqual(_ a: String, _ b: String) -> Bool {
        let x = Array(a.utf8), y = Array(b.utf8)
        guard x.count == y.count else { return false }
        var diff: UInt8 = 0
        for i in x.indices { diff |= x[i] ^ y[i] }
        return diff == 0
    }
}
