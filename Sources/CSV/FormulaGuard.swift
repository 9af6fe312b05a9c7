/// Keeping cell text that looks like a formula as text in a CSV.
///
/// A spreadsheet program that opens a CSV evaluates a cell starting with `=`, `+`, `-` or `@`
/// as a formula (CSV injection). The common protection (OWASP) is a leading apostrophe, which
/// spreadsheet programs treat as "this is text": `=1+1` is written `'=1+1`. Numbers such as
/// `-3` or `+5.5` and a lone `-` (a "not given" mark) are left alone. Reading such a file back
/// with `CSVReader(unprotectFormulas: true)` removes the apostrophe again, so the round trip is
/// exact. (A cell that really begins with an apostrophe followed by one of these characters
/// loses that apostrophe; Excel and WPS never export such a cell.)
public enum FormulaGuard {
    static let triggers: Set<Unicode.Scalar> = ["=", "+", "-", "@"]

    /// Whether a cell would be taken for a formula by a spreadsheet program.
    public static func needsProtection(_ text: String) -> Bool {
        guard let first = text.unicodeScalars.first, triggers.contains(first) else { return false }
        return !isPlainSignedNumber(text)
    }

    /// The text as it is written: with a leading apostrophe when it would be taken for a formula.
    public static func protect(_ text: String) -> String {
        needsProtection(text) ? "'" + text : text
    }

    /// The text as it was before `protect`.
    public static func unprotect(_ text: String) -> String {
        let scalars = text.unicodeScalars
        guard scalars.first == "'", scalars.count > 1 else { return text }
        let rest = String(String.UnicodeScalarView(scalars.dropFirst()))
        return needsProtection(rest) ? rest : text
    }

    /// "-", "-3", "+5.5", "-0.25": a sign with an optional plain decimal number.
    static func isPlainSignedNumber(_ text: String) -> Bool {
        var digits = 0, dots = 0
        for (i, s) in text.unicodeScalars.enumerated() {
            if i == 0 && (s == "-" || s == "+") { continue }
            if s == "." { dots += 1 } else if ("0"..."9").contains(s) { digits += 1 } else { return false }
        }
        return dots <= 1 && (digits > 0 || text == "-")
    }
}
