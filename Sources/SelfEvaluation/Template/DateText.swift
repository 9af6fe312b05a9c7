/// Dates and years as forms write them.
public enum DateText {
    /// "2024年2月18日", "2024-02-18", "2024/2/18", "2024.2.18" → a date; nil otherwise.
    public static func parse(_ text: String) -> CalendarDate? {
        let numbers = YearText.numberRuns(text)
        guard numbers.count >= 3 else { return nil }
        let (y, m, d) = (numbers[0], numbers[1], numbers[2])
        guard (1900...2999).contains(y), (1...12).contains(m), (1...31).contains(d) else { return nil }
        return CalendarDate(year: y, month: m, day: d)
    }
}

/// Finding years in text.
public enum YearText {
    /// The four-digit year right before `suffix` ("(2023年度)" with "年度" → 2023).
    ///
    /// Read on the text's scalars in NFC: `suffix` where Foundation's `range(of:)` finds it (not
    /// before a mark that extends its last character, `WordList`), and before it, spaces (" ",
    /// U+3000) left out, exactly four ASCII digits that are characters of their own (seeded test
    /// against the `Character` walk after Foundation's search, `YearTextTests`).
    public static func yearBefore(_ suffix: String, in text: String) -> Int? {
        let scalars = ValueText.scalars(of: text), word = ValueText.scalars(of: suffix)
        var from = 0
        while let at = WordList.find(word, in: scalars, from: from, wholeCharacters: true) {
            let end = scalars[..<at].lastIndex { $0 != " " && $0 != "\u{3000}" }.map { $0 + 1 } ?? 0
            let start = scalars[..<end].lastIndex { !(0x30...0x39).contains($0.value) }.map { $0 + 1 } ?? 0
            // A scalar joining the first digit into one character (a prepended mark) makes it no digit.
            if end - start == 4, start == 0 || String(String.UnicodeScalarView(scalars[(start - 1)...start])).count == 2 {
                return Int(String(String.UnicodeScalarView(scalars[start..<end])))
            }
            from = at + max(1, word.count)
        }
        return nil
    }

    /// Every year "NNNN年" named in a text, with its character offset.
    public static func yearsNamed(in text: String) -> [(year: Int, offset: Int)] {
        var out: [(Int, Int)] = []
        let chars = Array(text)
        var i = 0
        while i + 4 < chars.count {
            if chars[i + 4] == Character(Vocabulary.dateYear),
               chars[i..<(i + 4)].allSatisfy({ $0.isASCII && $0.isNumber }),
               i == 0 || !(chars[i - 1].isASCII && chars[i - 1].isNumber),
               let y = Int(String(chars[i..<(i + 4)])), (1900...2999).contains(y) {
                out.append((y, i))
                i += 5
                continue
            }
            i += 1
        }
        return out
    }

    /// The runs of ASCII digits in a text, as numbers.
    static func numberRuns(_ text: String) -> [Int] {
        var out: [Int] = []
        var current = ""
        for ch in text {
            if ch.isASCII && ch.isNumber { current.append(ch) } else if !current.isEmpty {
                if let n = Int(current) { out.append(n) }
                current = ""
            }
        }
        if let n = Int(current), !current.isEmpty { out.append(n) }
        return out
    }
}
