import TestSupport
import Testing
@testable import SelfEvaluation

/// Control characters in text printed to a terminal are shown, not obeyed.
struct TerminalTextTests {
    /// (input, printed)
    static let cases: [(String, String)] = [
        ("\u{1B}[2J", "\\u{1B}[2J"),
        ("\u{1B}]0;owned\u{07}", "\\u{1B}]0;owned\\u{7}"),
        ("a\rb", "a\\u{D}b"),
        ("a\u{08}b", "a\\u{8}b"),
        ("\u{7F}", "\\u{7F}"),
        ("\u{9B}2J", "\\u{9B}2J"),
        ("\u{202E}gpj.exe", "\\u{202E}gpj.exe"),
        ("\u{2066}x\u{2069}", "\\u{2066}x\\u{2069}"),
        ("\u{0}", "\\u{0}"),
        // Kept: text, tabs, line feeds, backslashes, Chinese, emoji.
        ("全年预算数\t100\n", "全年预算数\t100\n"),
        ("C:\\path\\u{1B}", "C:\\path\\u{1B}"),
        ("😀≥95%", "😀≥95%"),
        ("", ""),
    ]

    @Test(arguments: cases)
    func escapes(_ c: (String, String)) {
        #expect(TerminalText.escaped(c.0) == c.1)
    }

    /// Property: nothing a terminal acts on survives, and text without such characters is unchanged.
    @Test(arguments: 0..<20)
    func noControlSurvives(_ seed: Int) {
        var g = SeededGenerator(seed: UInt64(seed))
        let scalars = (0..<200).compactMap { _ in Unicode.Scalar(UInt32(g.next() % 0x300)) }
        let text = String(String.UnicodeScalarView(scalars))
        let out = TerminalText.escaped(text)
        #expect(!out.unicodeScalars.contains(where: TerminalText.needsEscape))
        if !text.unicodeScalars.contains(where: TerminalText.needsEscape) { #expect(out == text) }
    }
}
