import SelfEvaluation

/// Output file names: `〈单位〉-〈年度〉-部门整体支出绩效自评表.xlsx`, safe on Windows, macOS and
/// Linux file systems, and de-duplicated deterministically.
public enum OutputNaming {
    /// Most UTF-8 bytes in a name (Linux allows 255; room is left for "-NN" and ".tmp" parts).
    public static let maxNameBytes = 200

    /// The base name (without extension) for a form.
    ///
    /// Only the unit and project parts are shortened, never the year or the suffix; every step is
    /// linear in the length of the names (a 32,767-character unit costs one pass, not one pass a
    /// character).
    public static func baseName(unit: String?, year: Int?, template: TemplateKind, project: String? = nil) -> String {
        let unitText = sanitize(unit ?? "")
        let unitPart = unitText.isEmpty ? ConversionWords.unknownUnit : unitText
        let yearPart = year.map(String.init) ?? ConversionWords.unknownYear
        let suffix = template == .project ? ConversionWords.projectOutputSuffix : ConversionWords.departmentOutputSuffix
        let projectText = project.map(sanitize) ?? ""
        var parts = [unitPart]
        if !projectText.isEmpty { parts.append(projectText) }
        let fixed = yearPart.utf8.count + suffix.utf8.count + 2 + (parts.count - 1)  // the "-" separators
        let budgets = shares(of: max(maxNameBytes - fixed, parts.count), among: parts.map { $0.utf8.count })
        for i in parts.indices where parts[i].utf8.count > budgets[i] {
            let cut = trimmedEnds(prefix(parts[i], maxBytes: budgets[i]))
            parts[i] = cut.isEmpty ? String(ConversionWords.unknownUnit.prefix(1)) : cut
        }
        return (parts + [yearPart, suffix]).joined(separator: "-")
    }

    /// Splits `total` bytes among parts of the given lengths: a part shorter than its fair share
    /// keeps all of it, the rest share what is left equally (each part gets at least one byte).
    static func shares(of total: Int, among lengths: [Int]) -> [Int] {
        guard lengths.reduce(0, +) > total else { return lengths }
        var result = lengths
        var open = Array(lengths.indices)
        var left = total
        while !open.isEmpty {
            let fair = max(1, left / open.count)
            let small = open.filter { lengths[$0] <= fair }
            if small.isEmpty {
                for (k, i) in open.enumerated() { result[i] = max(1, fair + (k < left - fair * open.count ? 1 : 0)) }
                break
            }
            for i in small { left -= lengths[i] }
            open.removeAll { lengths[$0] <= fair }
        }
        return result
    }

    /// The longest prefix of `text` of at most `maxBytes` UTF-8 bytes that is still valid UTF-8:
    /// cut at the last whole character (grapheme) that fits, or, when not even the first one fits
    /// (one "a" with 300 combining accents is a single 601-byte character), at the last whole
    /// Unicode scalar. Linear in the bytes kept.
    public static func prefix(_ text: String, maxBytes: Int) -> String {
        guard text.utf8.count > maxBytes else { return text }
        var bytes = 0
        var end = text.startIndex
        for ch in text {
            let n = ch.utf8.count
            if bytes + n > maxBytes { break }
            bytes += n
            end = text.index(after: end)
        }
        if end > text.startIndex { return String(text[..<end]) }
        var scalars = String.UnicodeScalarView()
        bytes = 0
        for scalar in text.unicodeScalars {
            let n = UTF8.width(scalar)
            if bytes + n > maxBytes { break }
            bytes += n
            scalars.append(scalar)
        }
        return String(scalars)
    }

    /// `text` without leading or trailing dots and spaces.
    static func trimmedEnds(_ text: String) -> String {
        let unwanted: (Character) -> Bool = { $0 == "." || $0 == " " }
        guard let first = text.firstIndex(where: { !unwanted($0) }),
              let last = text.lastIndex(where: { !unwanted($0) }) else { return "" }
        return String(text[first...last])
    }

    /// A name part with path separators, `..`, control characters, Unicode format controls
    /// (zero-width spaces and joiners, bidirectional overrides such as U+202E, which make a name
    /// look like another or show reversed) and reserved characters removed, white space folded,
    /// no leading or trailing dots or spaces, and no Windows device name. One pass over the
    /// Unicode scalars.
    public static func sanitize(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        var lastWasSpace = false
        var lastWasDot = false
        for scalar in text.unicodeScalars {
            let v = scalar.value
            if scalar.properties.isWhitespace {  // tabs and line breaks fold into one space
                if !lastWasSpace && !out.isEmpty { out.append(" ") }
                lastWasSpace = true
                lastWasDot = false
                continue
            }
            if v < 0x20 || v == 0x7F || (0x80...0x9F).contains(v) || scalar.properties.generalCategory == .format {
                continue
            }
            lastWasSpace = false
            switch scalar {
            case "/", "\\", ":", "*", "?", "\"", "<", ">", "|":
                out.append("_")
                lastWasDot = false
            case ".":
                if !lastWasDot { out.append(scalar) }  // ".." and longer runs become one dot
                lastWasDot = true
            default:
                out.append(scalar)
                lastWasDot = false
            }
        }
        var result = trimmedEnds(String(out))
        let device = result.split(separator: ".").first.map { $0.uppercased() } ?? ""
        if reservedDeviceNames.contains(device) { result = "_" + result }
        return result
    }

    /// Windows device names, which no file may be called (with any extension).
    static let reservedDeviceNames = Set(["CON", "PRN", "AUX", "NUL"]).union((1...9).flatMap { ["COM\($0)", "LPT\($0)"] })

    /// The next unique name for `base`, given the names `used` so far, which it extends: the first
    /// keeps its name, later ones get "-2", "-3" …; names compare case-insensitively.
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
