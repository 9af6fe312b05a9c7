/// Reads time targets and results: dates ("12月底前", "2023年12月31日前", "年底前完成",
/// "2020年全年") and on-time words ("按时完成", "及时").
///
/// A date must make up the whole text: optional lead word (于, 在), optional year ("2023年"),
/// then "M月", "M月底"/"M月末", "M月D日" or a year-end word (年底, 年末, 年内, 全年, 年度内),
/// then only tail words (前, 之前, 完成, 全部 …). "底"/"末" means the month's last day.
/// A written year is kept; a bare year ("2019年", "2019年度") is that year's end (`DeadlineReader`).
/// An on-time value is a short text (at most `maxOnTimeLength` scalars) without digits that
/// ends with an on-time word followed only by tail words ("在项目计划完成时间内完成").
enum TimeReader {
    /// Longest text read as an on-time value.
    static let maxOnTimeLength = 16

    static func read(_ text: ValueScalars) -> TimeValue? {
        date(text) ?? onTime(text)
    }

    private static func date(_ text: ValueScalars) -> TimeValue? {
        var start = 0
        if let lead = text.longestWord(of: ValueMarks.timeLeadWords, at: 0) { start = lead.length }
        if let number = text.integer(at: start), text.at(number.end) == ValueMarks.year {
            guard number.digits == 4 else { return nil }
            let year = number.value
            // "2023年12月底前", "2020年全年" read after 年; "2023年底前" reads 年底 itself.
            let date = monthDay(text, at: number.end + 1, year: year)
                ?? monthDay(text, at: number.end, year: year)
                ?? DeadlineReader.bareYear(text, after: number.end + 1)
            return date.map { TimeValue(year: year, month: $0.month, day: $0.day, onTime: false) }
        }
        return monthDay(text, at: start, year: nil)
    }

    private static func monthDay(_ text: ValueScalars, at index: Int, year: Int?) -> TimeValue? {
        if let yearEnd = text.longestWord(of: ValueMarks.yearEndWords, at: index) {
            guard onlyTail(text, from: index + yearEnd.length) else { return nil }
            return TimeValue(month: 12, day: 31, onTime: false)
        }
        guard let month = text.integer(at: index), (1...12).contains(month.value),
              text.at(month.end) == ValueMarks.month else { return nil }
        var i = month.end + 1
        var day: Int?
        if let mark = text.at(i), ValueMarks.monthEnds.contains(mark) {
            day = lastDay(ofMonth: month.value, year: year)
            i += 1
        } else if let number = text.integer(at: i), let mark = text.at(number.end), ValueMarks.days.contains(mark) {
            guard (1...lastDay(ofMonth: month.value, year: year)).contains(number.value)
                    || (month.value == 2 && number.value == 29 && year == nil) else { return nil }
            day = number.value
            i = number.end + 1
        }
        guard onlyTail(text, from: i) else { return nil }
        return TimeValue(month: month.value, day: day, onTime: false)
    }

    private static func onTime(_ text: ValueScalars) -> TimeValue? {
        guard text.count <= maxOnTimeLength,
              !text.items.contains(where: ValueScalars.isDigit) else { return nil }
        // Moving back over tail words, some suffix must be an on-time word.
        var end = text.count
        var word = text.longestWord(of: ValueMarks.onTimeWords, endingAt: end)
        while word == nil {
            guard let tail = text.longestWord(of: ValueMarks.timeTailWords, endingAt: end),
                  end - tail.length > 0 else { return nil }
            end -= tail.length
            word = text.longestWord(of: ValueMarks.onTimeWords, endingAt: end)
        }
        // "不及时", "未按时完成": a negation right before the on-time word is not on time; the
        // text is left to the tier reader, which reads negations first.
        if let word, let before = text.at(end - word.length - 1), ValueMarks.onTimeNegations.contains(before) {
            return nil
        }
        return TimeValue(month: nil, day: nil, onTime: true)
    }

    /// Whether everything from `index` on is tail words (or spaces).
    private static func onlyTail(_ text: ValueScalars, from index: Int) -> Bool {
        var i = text.skippingSpaces(from: index)
        while i < text.count {
            guard let tail = text.longestWord(of: ValueMarks.timeTailWords, at: i) else { return false }
            i = text.skippingSpaces(from: i + tail.length)
        }
        return true
    }

    /// Days in `month`; February has 29 days in a leap `year`, 28 otherwise (also when unknown).
    static func lastDay(ofMonth month: Int, year: Int?) -> Int {
        switch month {
        case 2:
            guard let year else { return 28 }
            let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0
            return leap ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }
}
