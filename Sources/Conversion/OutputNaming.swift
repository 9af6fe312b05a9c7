import SelfEvaluation

/// Output file names: `〈单位〉-〈年度〉-部门整体支出绩效自评表.xlsx`, safe on Windows, macOS and
/// Linux file systems, and de-duplicated deterministically.
public enum OutputNaming {
    /// Most UTF-8 bytes in a name (Linux allows 255; room is left for "-NN" and ".tmp" parts).
    public static let maxNameBytes = 200

    /// The base name (without extension) for a form.
    public static func baseName(unit: String?, year: Int?, template: TemplateKind, project: String? = nil) -> String {
        let unitPart = sanitize(unit ?? "").isEmpty ? Vocabulary.unknownUnit : sanitize(unit ?? "")
        let yearPart = year.map(String.init) ?? Vocabulary.unknownYear
        let suffix = template == .project ? Vocabulary.projectOutputSuffix : Vocabulary.departmentOutputSuffix
        var parts = [unitPart]
        if let project, !sanitize(project).isEmpty { parts.append(sanitize(project)) }
        parts += [yearPart, suffix]
        // Shorten the unit/project parts, never the year or the suffix.
        var name = parts.joined(separator: "-")
        while name.utf8.count > maxNameBytes, let longest = parts.dropLast(2).indices.max(by: { parts[$0].count < parts[$1].count }),
              parts[longest].count > 1 {
            parts[longest].removeLast()
            name = parts.joined(separator: "-")
        }
        return name
    }

    /// A name part with path separators, `..`, control and reserved characters removed,
    /// white space folded, no leading or trailing dots or spaces, and no Windows device name.
    public static func sanitize(_ text: String) -> String {
        let forbidden: Set<Character> = ["/", "\\", ":", "*", "?", "\"", "<", ">", "|"]
        var out = ""
        var lastWasSpace = false
        for ch in text {
            if ch.isWhitespace {  // tabs and line breaks fold into one space
                if !lastWasSpace && !out.isEmpty { out.append(" ") }
                lastWasSpace = true
                continue
            }
            if ch.unicodeScalars.contains(where: { $0.value < 0x20 || $0.value == 0x7F || (0x80...0x9F).contains($0.value) }) {
                continue
            }
            if forbidden.contains(ch) {
                out.append("_")
                lastWasSpace = false
                continue
            }
            out.append(ch)
            lastWasSpace = false
        }
        while out.contains("..") { out = out.split(separator: "..", omittingEmptySubsequences: false).joined(separator: ".") }
        while let f = out.first, f == "." || f == " " { out.removeFirst() }
        while let l = out.last, l == "." || l == " " { out.removeLast() }
        let device = out.split(separator: ".").first.map { $0.uppercased() } ?? ""
        let reserved = Set(["CON", "PRN", "AUX", "NUL"]).union((1...9).flatMap { ["COM\($0)", "LPT\($0)"] })
        if reserved.contains(device) { out = "_" + out }
        return out
    }

    /// Assigns unique file names to `bases` in order: the first keeps its name, later ones
    /// get "-2", "-3" …; names compare case-insensitively (as on macOS and Windows).
    public static func unique(_ bases: [String], extension ext: String, taken: Set<String> = []) -> [String] {
        var used = UsedNames(taken)
        return bases.map { uniqueName($0, extension: ext, used: &used) }
    }

    /// The next unique name for `base`, given the names `used` so far, which it extends.
    public static func uniqueName(_ base: String, extension ext: String, used: inout UsedNames) -> String {
        var candidate = "\(base).\(ext)"
        var n = 2
        while used.contains(candidate) {
            candidate = "\(base)-\(n).\(ext)"
            n += 1
        }
        used.insert(candidate)
        return candidate
    }
}

/// The file names a batch has given out, compared case-insensitively (as on macOS and Windows),
/// kept as 64-bit fingerprints so that a batch of any size holds 8 bytes per name, not the name.
///
/// Equal names always have equal fingerprints, so a name is never given out twice. Two different
/// names could share one (for 10,000 names the odds are about 3 in 10^12); the later would then
/// get a "-2" it did not need, which is still unique and still deterministic (FNV-1a, no seed).
public struct UsedNames: Sendable {
    private var fingerprints: Set<UInt64> = []

    /// The names in `names`, lower-cased.
    public init<S: Sequence>(_ names: S) where S.Element == String {
        for name in names { insert(name) }
    }

    /// Whether `name` (any case) has been given out.
    public func contains(_ name: String) -> Bool { fingerprints.contains(Self.fingerprint(name)) }

    /// Records `name` (any case).
    public mutating func insert(_ name: String) { fingerprints.insert(Self.fingerprint(name)) }

    /// FNV-1a over the UTF-8 of the lower-cased name.
    static func fingerprint(_ name: String) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in name.lowercased().utf8 {
            hash ^= UInt64(byte)
            hash &*= 0x0000_0100_0000_01b3
        }
        return hash
    }
}
