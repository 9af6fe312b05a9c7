import Foundation

/// Deadlines written as a bare year: "2019年", "2019年度", "2019年度内完成" mean the end of that
/// year (December 31). `TimeReader` reads the year itself; this reads what may follow it.
enum DeadlineReader {
    /// The mark that may follow 年 in a bare year ("2019年度").
    static let yearSuffix: Unicode.Scalar = "度"

    /// December 31 when everything from `index` (just after "YYYY年") is an optional 度 and tail
    /// words (前, 内, 完成 …); nil otherwise.
    static func bareYear(_ text: ValueScalars, after index: Int) -> TimeValue? {
        var i = index
        if text.at(i) == yearSuffix { i += 1 }
        i = text.skippingSpaces(from: i)
        while i < text.count {
            guard let tail = text.longestWord(of: ValueMarks.timeTailWords, at: i) else { return nil }
            i = text.skippingSpaces(from: i + tail.length)
        }
        return TimeValue(month: 12, day: 31, onTime: false)
    }
}
