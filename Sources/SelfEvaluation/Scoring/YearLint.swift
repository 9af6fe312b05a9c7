import Foundation

/// Years that do not fit the form's 年度:
/// - 填报日期 in another year than the form's or the next one (`filled-on-year`; filling in the next
///   year is normal);
/// - years named in 预期目标 / 实际完成情况 other than the form's (`year-in-text`): the reference form's
///   实际完成情况 opens with "2022年" in a 2023 form, text carried over from the year before.
struct YearLint: Sendable {
    static let name = "YearLint"

    func check(_ form: Form) -> [Diagnostic] {
        guard let year = form.year?.value else { return [] }
        var diagnostics: [Diagnostic] = []
        if let filledOn = form.filledOn, let date = form.filledOnDate, date.year != year, date.year != year + 1 {
            diagnostics.append(Diagnostic(.filledOnYear, at: form.location(filledOn.cell),
                                          Message.filledOnYear(year: year, filledOn: date.description)))
        }
        let texts: [(String, Located<String>?)] = [
            (Vocabulary.ScoringWords.goalsField, form.goals),
            (Vocabulary.ScoringWords.achievementsField, form.achievements),
        ]
        for (field, text) in texts {
            guard let text else { continue }
            let others = Self.years(in: text.value).filter { $0 != year }
            guard !others.isEmpty else { continue }
            let listed = others.map(String.init).joined(separator: "、")
            diagnostics.append(Diagnostic(.yearInText, at: form.location(text.cell),
                                          Message.yearInText(field: field, years: listed, year: year)))
        }
        return diagnostics
    }

    /// Distinct years written as four digits before 年 ("2022年", "２０２２年度"), 1990–2099, in order.
    /// Read from the text's scalars in NFC (`ValueText.scalars(of:)`).
    static func years(in text: String) -> [Int] {
        var found: [Int] = []
        var year = 0
        var digits = 0
        for scalar in ValueText.scalars(of: text) {
            if let digit = digitValue(scalar) {
                if digits < 4 { year = year * 10 + digit }
                digits += 1
                continue
            }
            if scalar == yearMark, digits == 4, (1990...2099).contains(year), !found.contains(year) { found.append(year) }
            year = 0
            digits = 0
        }
        return found
    }

    private static let yearMark = ValueMarks.scalar(Vocabulary.ScoringWords.yearMark)

    private static func digitValue(_ scalar: Unicode.Scalar) -> Int? {
        switch scalar.value {
        case 0x30...0x39: return Int(scalar.value - 0x30)
        case 0xFF10...0xFF19: return Int(scalar.value - 0xFF10)
        default: return nil
        }
    }
}

extension YearLint {
    enum Message {
        static func filledOnYear(year: Int, filledOn: String) -> String {
            "本表为\(year)年度,填报日期却为\(filledOn)(通常在次年填报),请核实年度或填报日期。"
        }
        static func yearInText(field: String, years: String, year: Int) -> String {
            "\(field)中写有\(years)年,而本表为\(year)年度,请核实是否沿用了其他年度的内容。"
        }
    }
}
