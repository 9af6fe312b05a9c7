/// Text made safe to print on a terminal: cell text copied into a message must not drive it.
///
/// A cell holding ESC[2J would clear the screen, an OSC sequence would set the window title,
/// a bidirectional override would reorder what is shown; each such character is printed as a
/// visible escape instead (`\u{1B}`), so the message shows what the cell really holds.
public enum TerminalText {
    /// Whether `scalar` is one that a terminal acts on or that hides what follows: C0 controls
    /// but tab and line feed, DEL, C1 controls, and the bidirectional embeddings, overrides and
    /// isolates (U+202A–U+202E, U+2066–U+2069).
    public static func needsEscape(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09, 0x0A: false
        case 0x00...0x1F, 0x7F...0x9F: true
        case 0x202A...0x202E, 0x2066...0x2069: true
        default: false
        }
    }

    /// `text` with every character of ``needsEscape(_:)`` written as `\u{HEX}`; the rest, and
    /// the backslashes already in the text, unchanged. Text with nothing to escape is returned
    /// as it is (no copy).
    public static func escaped(_ text: String) -> String {
        guard text.unicodeScalars.contains(where: needsEscape) else { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if needsEscape(scalar) {
                out.append(contentsOf: "\\u{\(String(scalar.value, radix: 16, uppercase: true))}".unicodeScalars)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
