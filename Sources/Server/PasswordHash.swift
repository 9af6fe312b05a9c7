import CArgon2

/// The administrator's password, hashed with argon2id (Debian's libargon2): the encoded form
/// `$argon2id$v=19$m=…,t=…,p=…$salt$hash` is what the index stores.
public enum PasswordHash {
    /// Memory (KiB), passes and lanes: OWASP's argon2id minimum (19 MiB, 2 passes, 1 lane).
    static let memoryKiB: UInt32 = 19_456
    static let passes: UInt32 = 2
    static let lanes: UInt32 = 1
    static let saltLength = 16
    static let hashLength = 32

    /// The encoded argon2id hash of `password` with a fresh random salt; nil if libargon2 fails.
    public static func hash(_ password: String) -> String? {
        let salt = Secrets.bytes(saltLength)
        let length = argon2_encodedlen(passes, memoryKiB, lanes, UInt32(saltLength), UInt32(hashLength), Argon2_id)
        var encoded = [CChar](repeating: 0, count: length + 1)
        let pwd = Array(password.utf8)
        let status = pwd.withUnsafeBytes { p in
            salt.withUnsafeBytes { s in
                argon2id_hash_encoded(passes, memoryKiB, lanes, p.baseAddress, p.count, s.baseAddress, s.count,
                                      hashLength, &encoded, encoded.count)
            }
        }
        guard status == ARGON2_OK.rawValue else { return nil }
        return String(decoding: encoded.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    /// Whether `password` matches the encoded hash.
    public static func verify(_ password: String, encoded: String) -> Bool {
        let pwd = Array(password.utf8)
        return pwd.withUnsafeBytes { p in
            argon2id_verify(encoded, p.baseAddress, p.count) == ARGON2_OK.rawValue
        }
    }
}
