import Foundation

/// Reads a cell that must be one number (分值, 得分, amounts): optional sign, digits with optional
/// thousands groups, optional decimals, optional suffix (%, 分, 元, 万元, 亿元). Errors point at
/// the first bad character, counted in scalars of the cell in NFC (0-based).
enum StrictNumberReader {
    /// More significant digits than `Decimal` keeps exactly.
    static let maxDigits = 30

    static func read(_ cell: ValueText, field: String) throws(ValueError) -> Decimal {
        let text = cell.scalars
        let offset = cell.range.lowerBound
        func fail(_ index: Int, _ message: (Int) -> String) -> ValueError {
            ValueError(text: cell.text, offset: offset + index, message: message(offset + index + 1))
        }
        func bad(_ index: Int) -> ValueError {
            let character = Character(cell.original[offset + index])
            return fail(index) { ValueMessage.badCharacter(field: field, position: $0, character: character) }
        }
        guard text.count > 0 else {
            throw ValueError(text: cell.text, offset: 0, message: ValueMessage.empty(field: field))
        }

        var i = 0
        var literal = ""
        if text[i] == "-" || text[i] == "+" {
            if text[i] == "-" { literal = "-" }
            i += 1
        }
        let digitsStart = i
        while i < text.count, ValueScalars.isDigit(text[i]) { literal.unicodeScalars.append(text[i]); i += 1 }
        guard i > digitsStart else {
            if i < text.count { throw bad(i) }
            throw fail(i) { ValueMessage.missingDigits(field: field, position: $0) }
        }
        if text.at(i) == "," {
            guard i - digitsStart <= 3 else { throw fail(i) { ValueMessage.badThousands(field: field, position: $0) } }
            while text.at(i) == "," {
                for k in (i + 1)...(i + 3) {
                    guard let c = text.at(k), ValueScalars.isDigit(c) else {
                        throw fail(i) { ValueMessage.badThousands(field: field, position: $0) }
                    }
                    literal.unicodeScalars.append(c)
                }
                i += 4
            }
            if let c = text.at(i), ValueScalars.isDigit(c) {
                throw fail(i - 4) { ValueMessage.badThousands(field: field, position: $0) }
            }
        }
        if text.at(i) == "." {
            literal.append(".")
            let fractionStart = i + 1
            i += 1
            while i < text.count, ValueScalars.isDigit(text[i]) { literal.unicodeScalars.append(text[i]); i += 1 }
            guard i > fractionStart else {
                if i < text.count { throw bad(i) }
                throw fail(i) { ValueMessage.missingDigits(field: field, position: $0) }
            }
        }
        let suffixStart = text.skippingSpaces(from: i)
        if suffixStart < text.count {
            guard let suffix = text.longestWord(of: ValueMarks.numberSuffixes, at: suffixStart) else {
                throw bad(suffixStart)
            }
            let rest = text.skippingSpaces(from: suffixStart + suffix.length)
            if rest < text.count { throw bad(rest) }
        }
        // The literal is ASCII (digits, "-", "."): its digit bytes are its digit characters.
        guard literal.utf8.lazy.filter({ $0 >= 0x30 && $0 <= 0x39 }).count <= maxDigits else {
            throw ValueError(text: cell.text, offset: offset, message: ValueMessage.tooLong(field: field))
        }
        guard let value = Decimal.parsing(literal) else {
            throw bad(0)
        }
        return value
    }
}
