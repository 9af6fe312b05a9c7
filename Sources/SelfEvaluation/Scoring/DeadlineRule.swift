import Foundation

/// Compares a time actual with a time target (时效指标), years included.
///
/// A date without a year ("12月底前", "年底前", "年内") takes the form's year; a bare year
/// ("2019年", "2019年度") is that year's December 31 (`DeadlineReader`); a month without a day is
/// the month's last day. Done on or before the deadline is 达成; done after it is late, which
/// `QualitativeTierRule` scores below 达成 (a filled score under the 达成 tier is kept, an empty
/// one takes the middle of 部分达成); not done at all is 未达成 (read from the words first).
enum DeadlineRule {
    /// A date as (year, month, day); nil when the value has no month (on-time words).
    static func day(_ time: TimeValue, formYear: Int?, otherYear: Int?) -> (year: Int?, month: Int, day: Int)? {
        guard let month = time.month else { return nil }
        let year = time.year ?? formYear ?? otherYear
        return (year, month, time.day ?? TimeReader.lastDay(ofMonth: month, year: year))
    }

    /// Whether `done` is later than `due`; nil when either has no date.
    static func isLate(done: TimeValue, due: TimeValue, formYear: Int?) -> Bool? {
        guard let d = day(done, formYear: formYear, otherYear: due.year),
              let t = day(due, formYear: formYear, otherYear: done.year) else { return nil }
        if let dy = d.year, let ty = t.year, dy != ty { return dy > ty }
        return (d.month, d.day) > (t.month, t.day)
    }

    /// The lateness for the reason: "2024年1月15日" when the due date was "2023年12月31日".
    static func text(_ time: TimeValue, formYear: Int?, otherYear: Int?) -> String {
        guard let date = day(time, formYear: formYear, otherYear: otherYear) else { return "" }
        let year = date.year.map { "\($0)年" } ?? ""
        return "\(year)\(date.month)月\(date.day)日"
    }
}
