import Foundation

/// A number as decimal digits, made from a `Double` rounded to 15 significant digits (Excel's
/// precision: 702.7100000000001 is 702.71, 0.1 + 0.2 is 0.3), then rounded half away from zero
/// and printed without exponent, as a spreadsheet displays it.
struct DecimalDigits: Equatable {
    var negative: Bool
    /// Significant digits, no leading or trailing zeros ([] for zero).
    var digits: [UInt8]
    /// How many of `digits` stand before the decimal point (may be ≤ 0 or > digits.count).
    var pointPosition: Int

    init(negative: Bool, digits: [UInt8], pointPosition: Int) {
        self.negative = negative
        self.digits = digits
        self.pointPosition = pointPosition
        normalize()
    }

    /// `value` at 15 significant digits; nil for infinity or NaN.
    init?(_ value: Double) {
        guard value.isFinite else { return nil }
        negative = value < 0
        digits = []
        pointPosition = 0
        if value == 0 { return }
        let text = String(format: "%.14e", abs(value))  // d.dddddddddddddde±XX
        guard let e = text.firstIndex(of: "e"), let exponent = Int(text[text.index(after: e)...]) else { return nil }
        digits = text[..<e].utf8.filter { $0 != UInt8(ascii: ".") }.map { $0 - UInt8(ascii: "0") }
        pointPosition = exponent + 1
        normalize()
    }

    private mutating func normalize() {
        while digits.last == 0 { digits.removeLast() }
        while digits.first == 0 { digits.removeFirst(); pointPosition -= 1 }
        if digits.isEmpty { negative = false; pointPosition = 0 }
    }

    var isZero: Bool { digits.isEmpty }

    /// The number times 10^k (exact: moves the point).
    func shifted(by k: Int) -> DecimalDigits {
        DecimalDigits(negative: negative, digits: digits, pointPosition: isZero ? 0 : pointPosition + k)
    }

    /// Rounded half away from zero to `decimals` places after the point.
    func rounded(toDecimals decimals: Int) -> DecimalDigits {
        let keep = pointPosition + decimals
        guard keep < digits.count else { return self }
        if keep < 0 { return DecimalDigits(negative: false, digits: [], pointPosition: 0) }
        var kept = Array(digits.prefix(keep))
        var point = pointPosition
        if digits[keep] >= 5 {
            var i = kept.count - 1
            while i >= 0 && kept[i] == 9 { kept[i] = 0; i -= 1 }
            if i >= 0 { kept[i] += 1 } else { kept.insert(1, at: 0); point += 1 }
        }
        return DecimalDigits(negative: negative, digits: kept, pointPosition: point)
    }

    /// The digits before the point ("" for none).
    var integerDigits: String {
        String(decoding: (0..<max(pointPosition, 0)).map { UInt8(ascii: "0") + ($0 < digits.count ? digits[$0] : 0) }, as: UTF8.self)
    }

    /// The digits after the point, without trailing zeros.
    var fractionDigits: String {
        guard digits.count > max(pointPosition, 0) else { return "" }
        let zeros = [UInt8](repeating: 0, count: max(-pointPosition, 0))
        return String(decoding: (zeros + digits[max(pointPosition, 0)...]).map { UInt8(ascii: "0") + $0 }, as: UTF8.self)
    }

    /// As General displays it: every significant digit, no exponent, no trailing zeros.
    var general: String {
        if isZero { return "0" }
        let int = integerDigits.isEmpty ? "0" : integerDigits
        let frac = fractionDigits
        return (negative ? "-" : "") + int + (frac.isEmpty ? "" : "." + frac)
    }
}
