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
        var used = Set(taken.map { $0.lowercased() })
        return bases.map { uniqueName($0, extension: ext, used: &used) }
    }

    /// The next unique name for `base`, given the names `used` so far (lower-cased), which it extends.
    public static func uniqueName(_ base: String, extension ext: String, used: inout Set<String>) -> String {
        var candidate = "\(base).\(ext)"
        var n = 2
        while used.contains(candidate.lowercased()) {
            candidate = "\(base)-\(n).\(ext)"
            n += 1
        }
        used.insert(candidate.lowercased())
        return candidate
    }
}
