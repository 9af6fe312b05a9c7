import Foundation

/// A number found inside a value text ("95" in "满意率达95%以上"), with what surrounds it.
struct NumberToken: Sendable, Equatable {
    /// What the number is, judged from its neighbours.
    enum Role: Sendable, Equatable {
        /// A number that may be the value.
        case value
        /// "2022年": a year, never the value.
        case year
        /// "12月": a month of a date.
        case month
        /// "31日": a day of a date.
        case day
        /// Glued to letters before it ("PM2.5", "ISO9001"): part of a name.
        case identifier
        /// After "±": a band, not a single value.
        case band
    }

    /// Scalars of the number including its sign, in the scanned text.
    var range: Range<Int>
    /// ASCII digits, optional leading "-" and ".": ready for `Decimal(string:)`.
    var literal: String
    var role: Role

    /// Finds every number in `text`: digits with optional thousands groups ("1,000") and
    /// decimals; a "-"/"+" directly before counts as a sign unless it follows a digit or a letter.
    static func scan(_ text: ValueScalars) -> [NumberToken] {
        var tokens: [NumberToken] = []
        var i = 0
        while i < text.count {
            guard ValueScalars.isDigit(text[i]) else { i += 1; continue }
            let start = i
            var literal = ""
            var firstGroup = 0
            while i < text.count, ValueScalars.isDigit(text[i]) {
                literal.unicodeScalars.append(text[i]); i += 1; firstGroup += 1
            }
            // Thousands groups: ",ddd" not followed by another digit, after a first group of 1-3 digits.
            if firstGroup <= 3 {
                while text.at(i) == ",", isThousandsGroup(text, at: i + 1) {
                    for k in (i + 1)...(i + 3) { literal.unicodeScalars.append(text[k]) }
                    i += 4
                }
            }
            if text.at(i) == ".", let next = text.at(i + 1), ValueScalars.isDigit(next) {
                literal.append(".")
                i += 1
                while i < text.count, ValueScalars.isDigit(text[i]) { literal.unicodeScalars.append(text[i]); i += 1 }
            }
            var rangeStart = start
            if let sign = text.at(start - 1), sign == "-" || sign == "+" {
                let before = text.at(start - 2)
                let glued = before.map { ValueScalars.isDigit($0) || ValueScalars.isLetter($0) } ?? false
                if !glued {
                    rangeStart = start - 1
                    if sign == "-" { literal = "-" + literal }
                }
            }
            let role = classify(text, start: rangeStart, digitsStart: start, end: i, literal: literal)
            tokens.append(NumberToken(range: rangeStart..<i, literal: literal, role: role))
        }
        return tokens
    }

    /// The number's value.
    var value: Decimal? { Decimal.parsing(literal) }

    private static func isThousandsGroup(_ text: ValueScalars, at index: Int) -> Bool {
        for k in index..<(index + 3) {
            guard let c = text.at(k), ValueScalars.isDigit(c) else { return false }
        }
        if let after = text.at(index + 3), ValueScalars.isDigit(after) { return false }
        return true
    }

    private static func classify(_ text: ValueScalars, start: Int, digitsStart: Int, end: Int,
                                 literal: String) -> Role {
        if let before = text.at(start - 1) {
            if ValueScalars.isLetter(before) { return .identifier }
            if ValueMarks.bands.contains(before) { return .band }
        }
        // The literal is ASCII (digits, ".", a leading "-"): bytes say all.
        let isInteger = !literal.utf8.contains(UInt8(ascii: ".")) && literal.utf8.first != UInt8(ascii: "-")
        guard isInteger, let value = Int(literal) else { return .value }
        let next = text.at(end)
        if next == ValueMarks.year, end - digitsStart == 4, (1900...2100).contains(value) { return .year }
        if next == ValueMarks.month, (1...12).contains(value) { return .month }
        if let next, ValueMarks.days.contains(next), (1...31).contains(value),
           text.at(digitsStart - 1) == ValueMarks.month {
            return .day
        }
        return .value
    }
}
