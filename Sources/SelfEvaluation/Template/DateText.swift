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
    public static func yearBefore(_ suffix: String, in text: String) -> Int? {
        var searchStart = text.startIndex
        while let range = text.range(of: suffix, range: searchStart..<text.endIndex) {
            // "( 2019 年度)": spaces may stand between the year and its suffix.
            let digits = text[..<range.lowerBound].reversed().drop { $0 == " " || $0 == "\u{3000}" }
                .prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, let year = Int(String(digits.reversed())) { return year }
            searchStart = range.upperBound
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
