import Testing
import TestSupport
@testable import XLSXReport

@Suite("Text metrics")
struct TextMetricsTests {
    /// The display width of `text` in column units at 11 pt, summed scalar by scalar as
    /// `lineCount` sums it: marks, newlines, joined emoji and skin tones add nothing.
    static func displayWidth(_ text: String, ambiguousIsWide: Bool = true) -> Int {
        var previous: UInt32 = 0
        var total = 0
        for scalar in text.unicodeScalars where !TextMetrics.isLineBreak(scalar.value) {
            total += TextMetrics.width(of: scalar.value, after: previous, ambiguousIsWide: ambiguousIsWide)
            previous = scalar.value
        }
        return total
    }

    @Test("display widths: ASCII 1, CJK and full-width 2, marks 0", arguments: [
        ("abc", 3), ("", 0), ("自评表", 6), ("235.11万元", 10), ("ＡＢ", 4), ("　缩进", 6),
        ("，。；：", 8), ("한국", 4), ("e\u{301}", 1), ("a\u{200B}b", 2), ("👍", 2), ("👨‍👩‍👧", 2),
        ("a\nb", 2), ("a\u{2028}b", 2), ("≥10家", 6), ("“优”", 6), ("①", 2), ("×", 2),
    ])
    func widths(text: String, width: Int) {
        #expect(Self.displayWidth(text) == width)
    }

    @Test("ambiguous characters can count narrow")
    func ambiguousNarrow() {
        #expect(Self.displayWidth("≥10家", ambiguousIsWide: false) == 5)
        #expect(Self.displayWidth("“优”", ambiguousIsWide: false) == 4)
    }

    @Test("line counts honour newlines", arguments: [
        ("", 1), ("a", 1), ("a\nb", 2), ("a\n", 2), ("a\r\nb", 2), ("a\rb", 2), ("\n\n", 3), ("a\u{2028}b", 2),
    ])
    func newlines(text: String, lines: Int) {
        #expect(TextMetrics.lineCount(text, columnWidth: 20) == lines)
    }

    @Test("CJK wraps by width; ASCII words wrap whole")
    func wrapping() {
        // 20 CJK characters = 40 units; 21 units wide leaves 20 usable: two lines.
        let cjk = String(repeating: "绩", count: 20)
        #expect(TextMetrics.lineCount(cjk, columnWidth: 21) == 2)
        #expect(TextMetrics.lineCount(cjk, columnWidth: 41) == 1)
        #expect(TextMetrics.lineCount(cjk, columnWidth: 11) == 4)
        // Same number of characters in ASCII takes half the width.
        #expect(TextMetrics.lineCount(String(repeating: "a", count: 20), columnWidth: 21) == 1)
        // Words move whole to the next line: "hello world" in 6 usable units.
        #expect(TextMetrics.lineCount("hello world", columnWidth: 7) == 2)
        #expect(TextMetrics.lineCount("hello world foo", columnWidth: 7) == 3)
        // A word longer than the line breaks by characters.
        #expect(TextMetrics.lineCount("abcdefghijkl", columnWidth: 7) == 2)
        // Mixed text with an explicit break: each paragraph wraps on its own.
        #expect(TextMetrics.lineCount("一二三四五六\n七", columnWidth: 7) == 3)
        // A narrower column never needs fewer lines.
        let text = "项目按计划完成，资金使用规范，绩效目标基本实现。Budget execution rate 96.19%."
        var previous = 0
        for width in stride(from: 80.0, through: 4, by: -2) {
            let lines = TextMetrics.lineCount(text, columnWidth: width)
            #expect(lines >= previous)
            previous = lines
        }
    }

    @Test("joined emoji, skin tones and marks add no width; CR LF is one break", arguments: [
        (String(repeating: "👍🏽", count: 4), 9.0, 1), (String(repeating: "👍🏽", count: 4), 7.0, 2),
        (String(repeating: "👨‍👩‍👧", count: 2), 5.0, 1), (String(repeating: "👨‍👩‍👧", count: 3), 5.0, 2),
        (String(repeating: "e\u{301}", count: 12), 7.0, 2), ("a\r\nb\r\n", 20.0, 3),
    ])
    func joinedScalars(text: String, width: Double, lines: Int) {
        #expect(TextMetrics.lineCount(text, columnWidth: width) == lines)
    }

    @Test("a larger font needs more lines")
    func fontSize() {
        let text = String(repeating: "字", count: 10)  // 20 units at 11 pt
        #expect(TextMetrics.lineCount(text, columnWidth: 21, fontSize: 11) == 1)
        #expect(TextMetrics.lineCount(text, columnWidth: 21, fontSize: 16) == 2)
    }

    @Test("row heights: about 14.5 pt per line plus padding")
    func rowHeights() {
        #expect(TextMetrics.rowHeight(lines: 1, fontSize: 11) == 18)
        #expect(TextMetrics.rowHeight(lines: 3, fontSize: 11) == 47.75)
        #expect(TextMetrics.rowHeight(lines: 0) == TextMetrics.rowHeight(lines: 1))
        let perLine = TextMetrics.rowHeight(lines: 11, fontSize: 10.5) - TextMetrics.rowHeight(lines: 10, fontSize: 10.5)
        #expect(perLine > 13.5 && perLine < 15)
        #expect(TextMetrics.rowHeight(lines: 1000) == 409)
        #expect(TextMetrics.rowHeight(lines: TextMetrics.lineCount("一\n二\n三", columnWidth: 10)) == TextMetrics.rowHeight(lines: 3))
    }

    @Test("no scalar is wider than its UTF-8 bytes (the one-line shortcut relies on it)")
    func widthNeverExceedsUTF8Length() {
        var worst: [String] = []
        for value in UInt32(0)...0x10FFFF {
            guard let scalar = Unicode.Scalar(value) else { continue }
            for wide in [true, false] where TextMetrics.width(of: scalar.value, ambiguousIsWide: wide) > String(scalar).utf8.count {
                worst.append(String(value, radix: 16))
            }
        }
        #expect(worst.isEmpty)
    }

    @Test("short text without a break is one line; the shortcut never hides a break", arguments: [
        ("abc", 10.0, 1), ("自评表", 7.0, 1), ("a\u{85}b", 20.0, 2), ("a\u{2029}b", 20.0, 2), ("a\u{2028}", 20.0, 2),
        ("a\u{0B}b", 20.0, 2), ("a\u{0C}b", 20.0, 2), ("\u{2027}\u{2027}", 20.0, 1), ("¨¨¨", 4.0, 3), ("¨¨¨", 7.0, 1),
    ])
    func shortText(text: String, width: Double, lines: Int) {
        #expect(TextMetrics.lineCount(text, columnWidth: width) == lines)
    }

    @Test("seeded: every explicit break starts a line; no character takes more than one line")
    func linesAreBounded() {
        var random = SeededGenerator(seed: 1130)
        let pieces: [String] = [
            "a", "b", "Z", "1", ".", " ", "  ", "\t", "\n", "\u{2028}", "\u{85}", "绩", "效", "，", "。", "（", "）", "　",
            "“", "”", "≥", "×", "①", "§", "é", "e\u{301}", "👍", "\r\n", "word", "longwordwithoutbreaks", "2023年",
        ]
        for _ in 0..<5_000 {
            let count = Int.random(in: 0...40, using: &random)
            let text = (0..<count).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let width = Double(Int.random(in: 1...60, using: &random)) / 2
            let size = [9.0, 10, 10.5, 11, 16, 18][Int.random(in: 0..<6, using: &random)]
            let wide = Bool.random(using: &random)
            let lines = TextMetrics.lineCount(text, columnWidth: width, fontSize: size, ambiguousIsWide: wide)
            #expect(lines >= text.filter(\.isNewline).count + 1, "\(text.debugDescription)")
            #expect(lines <= text.count + 1, "\(text.debugDescription) width \(width) size \(size)")
        }
    }

    /// The line count as it was first written (closures over a word array, every scalar's white
    /// space asked of Unicode, no one-line shortcut): the counter must answer the same everywhere,
    /// since row heights are part of the golden workbooks.
    static func referenceLineCount(_ text: String, columnWidth: Double, fontSize: Double) -> Int {
        let scale = fontSize.isFinite && fontSize > 0 ? fontSize / 11 : 1
        let available = max(columnWidth - TextMetrics.cellPadding, 0.5)
        var lines = 1
        var used = 0.0
        var word: [Double] = []
        var wordWidth = 0.0
        func place(_ width: Double) {
            if used > 0, used + width > available + 1e-9 { lines += 1; used = 0 }
            used += width
        }
        func flushWord() {
            guard !word.isEmpty else { return }
            if used + wordWidth <= available + 1e-9 {
                used += wordWidth
            } else if wordWidth <= available + 1e-9 {
                lines += 1
                used = wordWidth
            } else {
                word.forEach(place)
            }
            word.removeAll()
            wordWidth = 0
        }
        var previous: UInt32 = 0
        for scalar in text.unicodeScalars {
            let value = scalar.value
            defer { previous = value }
            if value == 0x0A, previous == 0x0D { continue }
            if (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029 {
                flushWord(); lines += 1; used = 0
                continue
            }
            let joined = previous == 0x200D || (0x1F3FB...0x1F3FF).contains(value)
            let width = Double(joined ? 0 : TextMetrics.width(of: scalar.value, ambiguousIsWide: true)) * scale
            let space = value < 0x80 ? (value == 0x20 || value == 0x09) : scalar.properties.isWhitespace
            if space {
                flushWord()
                if used + width > available + 1e-9 { lines += 1; used = 0 } else { used += width }
            } else if width >= 2 * scale {
                flushWord()
                place(width)
            } else {
                word.append(width)
                wordWidth += width
            }
        }
        flushWord()
        return lines
    }

    @Test("the line count equals the reference on random texts, widths and sizes (property)")
    func lineCountMatchesTheReference() {
        let pieces = ["a", "Wo", "rd", " ", "  ", "\t", "7", "%", "项", "目", "，", "、", "。", "“", "”", "…", "≥", "（",
                      "\n", "\r\n", "\r", "\u{2028}", "\u{3000}", "\u{2003}", "\u{A0}", "e\u{301}", "👍🏽", "👨‍👩‍👧",
                      "\u{200B}", "Ａ", "ｱ", "한", "\u{85}", "Budget ", "execution"]
        var random = SeededGenerator(seed: 1_400)
        for _ in 0..<4_000 {
            let length = Int.random(in: 0...40, using: &random)
            let text = (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &random)] }.joined()
            let width = Double(Int.random(in: 2...120, using: &random)) / 2
            let size = [8.0, 10, 10.5, 11, 14, 0][Int.random(in: 0...5, using: &random)]
            #expect(TextMetrics.lineCount(text, columnWidth: width, fontSize: size)
                        == Self.referenceLineCount(text, columnWidth: width, fontSize: size),
                    "\(text.debugDescription) width \(width) size \(size)")
        }
    }
}
