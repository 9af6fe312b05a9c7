import Foundation

/// `Decimal` operations that give Foundation's results bit for bit (same exponent, length,
/// flags and mantissa words, not only the same value), computed on the stored fields
/// (`DecimalFields`) with fixed-width integers instead of Foundation's arrays of words.
///
/// Each operation follows swift-foundation's algorithm (`_round`, `_divide`, `_multiply`, `_add`,
/// `compact`, `_toString`, `_decimal(from:)`) for the common case and returns nil for the rest
/// (NaN, zero where Foundation has a special path, wide mantissas, exponent overflow, a layout it
/// does not know): the callers then use Foundation. Seeded tests compare every operation with
/// Foundation's on many values.
enum FastDecimal {
    // MARK: Text

    /// `NSDecimalString(value, en_US_POSIX)`: digits, "." before the last `-exponent` of them,
    /// leading "0." and zeros as needed, trailing zeros for a positive exponent, "-" in front.
    static func plainText(_ value: Decimal) -> String? {
        guard let fields = DecimalFields(value) else { return nil }
        if fields.length == 0 { return fields.isNegative ? nil : "0" }
        guard fields.mantissa != 0 else { return nil }
        let exponent = Int(fields.exponent)
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 48) { digitBuffer in
            let digitCount = writeDigits(fields.mantissa, into: digitBuffer)
            let digits = UnsafeBufferPointer(rebasing: digitBuffer[(48 - digitCount)...])
            let sign = fields.isNegative ? 1 : 0
            let length = exponent >= 0 ? sign + digitCount + exponent
                : (digitCount > -exponent ? sign + digitCount + 1 : sign + 2 - exponent)
            return String(unsafeUninitializedCapacity: length) { out in
                var i = 0
                func put(_ byte: UInt8) {
                    out[i] = byte
                    i += 1
                }
                if fields.isNegative { put(UInt8(ascii: "-")) }
                if exponent >= 0 {
                    for digit in digits { put(digit) }
                    for _ in 0..<exponent { put(UInt8(ascii: "0")) }
                } else if digitCount > -exponent {
                    let point = digitCount + exponent
                    for digit in digits[0..<point] { put(digit) }
                    put(UInt8(ascii: "."))
                    for digit in digits[point...] { put(digit) }
                } else {
                    put(UInt8(ascii: "0"))
                    put(UInt8(ascii: "."))
                    for _ in 0..<(-exponent - digitCount) { put(UInt8(ascii: "0")) }
                    for digit in digits { put(digit) }
                }
                return i
            }
        }
    }

    /// Writes the decimal digits of `value` (non-zero) at the end of `buffer` (48 bytes); returns
    /// their count.
    private static func writeDigits(_ value: UInt128, into buffer: UnsafeMutableBufferPointer<UInt8>) -> Int {
        var end = buffer.count
        var rest = value
        while rest >> 64 != 0 {
            let (quotient, remainder) = rest.quotientAndRemainder(dividingBy: pow10[19])
            var chunk = UInt64(remainder)
            for _ in 0..<19 {
                end -= 1
                buffer[end] = UInt8(truncatingIfNeeded: chunk % 10) &+ UInt8(ascii: "0")
                chunk /= 10
            }
            rest = quotient
        }
        var small = UInt64(rest)
        while small != 0 {
            end -= 1
            buffer[end] = UInt8(truncatingIfNeeded: small % 10) &+ UInt8(ascii: "0")
            small /= 10
        }
        return buffer.count - end
    }

    /// `Decimal(string: literal)` for a literal of ASCII digits with an optional leading "-" and
    /// one optional "." followed by digits: the digits make the mantissa, the decimals the
    /// negative exponent, then `compact`; "-0" gives 0. Nil for other texts or more than 38 digits.
    static func parse(_ literal: String) -> Decimal? {
        guard DecimalFields.isAvailable else { return nil }
        var mantissa: UInt128 = 0
        var digits = 0
        var decimals = 0
        var negative = false
        var afterPoint = false
        var index = 0
        for byte in literal.utf8 {
            defer { index += 1 }
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                digits += 1
                guard digits <= 38 else { return nil }
                mantissa = mantissa * 10 + UInt128(byte - UInt8(ascii: "0"))
                if afterPoint { decimals += 1 }
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: ".") where !afterPoint && digits > 0:
                afterPoint = true
            default:
                return nil
            }
        }
        guard digits > 0, !afterPoint || decimals > 0, decimals <= 127 else { return nil }
        if mantissa == 0 {
            if negative { return Decimal(0) }
            return DecimalFields(mantissa: 0, exponent: Int8(-decimals), isNegative: false, isCompact: false).decimal
        }
        let fields = DecimalFields(mantissa: mantissa, exponent: Int8(-decimals), isNegative: negative, isCompact: false)
        return compacted(fields)?.decimal
    }

    // MARK: Rounding

    /// `NSDecimalRound(value, scale, .plain)`: half away from zero on the first dropped digit.
    static func rounded(_ value: Decimal, scale: Int) -> Decimal? {
        guard var fields = DecimalFields(value), !fields.isNaN else { return nil }
        let dropped = -(scale + Int(fields.exponent))
        if dropped <= 0 { return value }
        guard fields.length > 0, dropped <= 38, (-128...127).contains(-scale) else { return nil }
        var (quotient, remainder) = fields.mantissa.quotientAndRemainder(dividingBy: pow10[dropped])
        if remainder >= 5 * pow10[dropped - 1] { quotient += 1 }
        fields.mantissa = quotient
        fields.length = DecimalFields.words(quotient)
        if quotient == 0 { fields.isNegative = false }
        fields.isCompact = false
        fields.exponent = Int8(-scale)
        return compacted(fields)?.decimal
    }

    // MARK: Arithmetic

    /// `a / b`, for mantissas that fit in 64 bits: `a × 10^38` divided by `b`, truncated to fit
    /// 128 bits (first by 10⁴, then by 10, as Foundation's `_fitMantissa`), then `compact`.
    static func quotient(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let x = DecimalFields(a), let y = DecimalFields(b), !x.isNaN, !y.isNaN, y.length > 0 else { return nil }
        if x.length == 0 { return Decimal.zero }
        guard x.mantissa >> 64 == 0, y.mantissa >> 64 == 0, y.mantissa != 0,
              Int(x.exponent) - Int(y.exponent) < 19 else { return nil }
        let product = x.mantissa.multipliedFullWidth(by: pow10[38])
        var words = Words(high: product.high, low: product.low)
        _ = words.divide(by: UInt64(y.mantissa))
        var exponent = Int(x.exponent) - Int(y.exponent) - 38
        while words.isAtLeast2Pow144 {
            _ = words.divide(by: 10_000)
            exponent += 4
        }
        while words.isAtLeast2Pow128 {
            _ = words.divide(by: 10)
            exponent += 1
        }
        guard (-128...127).contains(exponent), words.low != 0 else { return nil }
        let fields = DecimalFields(mantissa: words.low, exponent: Int8(exponent), isNegative: x.isNegative != y.isNegative,
                                   isCompact: false)
        return compacted(fields)?.decimal
    }

    /// `a * b` when the product of the mantissas fits in 128 bits.
    static func product(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard let x = DecimalFields(a), let y = DecimalFields(b), !x.isNaN, !y.isNaN else { return nil }
        if x.length == 0 || y.length == 0 { return Decimal.zero }
        let (high, low) = x.mantissa.multipliedFullWidth(by: y.mantissa)
        let exponent = Int(x.exponent) + Int(y.exponent)
        guard high == 0, low != 0, (-128...127).contains(exponent) else { return nil }
        let fields = DecimalFields(mantissa: low, exponent: Int8(exponent), isNegative: x.isNegative != y.isNegative,
                                   isCompact: false)
        return compacted(fields)?.decimal
    }

    /// `a + b` when aligning the exponents and adding stay within 128 bits.
    static func sum(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard var x = DecimalFields(a), var y = DecimalFields(b), !x.isNaN, !y.isNaN else { return nil }
        if x.length == 0 { return b }
        if y.length == 0 { return a }
        if x.exponent != y.exponent {
            // Foundation scales the one with the larger exponent down to the other's exponent.
            let ok = x.exponent > y.exponent ? align(&x, to: y.exponent) : align(&y, to: x.exponent)
            guard ok else { return nil }
        }
        var result = x
        if x.isNegative == y.isNegative {
            let (total, overflow) = x.mantissa.addingReportingOverflow(y.mantissa)
            guard !overflow else { return nil }
            result.mantissa = total
        } else {
            if x.mantissa == y.mantissa { return Decimal.zero }
            if x.mantissa < y.mantissa {
                result.mantissa = y.mantissa - x.mantissa
                result.isNegative = y.isNegative
            } else {
                result.mantissa = x.mantissa - y.mantissa
            }
        }
        result.length = DecimalFields.words(result.mantissa)
        result.isCompact = false
        return compacted(result)?.decimal
    }

    /// `a - b`: `a + (−b)`, as Foundation's `_subtract`.
    static func difference(_ a: Decimal, _ b: Decimal) -> Decimal? {
        guard var y = DecimalFields(b), !y.isNaN else { return nil }
        if y.length != 0 { y.isNegative.toggle() }
        return sum(a, y.decimal)
    }

    /// `Decimal`'s ordering of `a` and `b` (its `_compare`), when aligning the exponents stays
    /// within 128 bits (then Foundation's comparison is exact too).
    static func compare(_ a: Decimal, _ b: Decimal) -> ComparisonResult? {
        guard var x = DecimalFields(a), var y = DecimalFields(b), !x.isNaN, !y.isNaN else { return nil }
        if x.isNegative != y.isNegative { return x.isNegative ? .orderedAscending : .orderedDescending }
        if x.length == 0 { return y.length != 0 ? .orderedAscending : .orderedSame }
        if y.length == 0 { return .orderedDescending }
        guard x.mantissa != 0, y.mantissa != 0 else { return nil }
        if x.exponent != y.exponent {
            let ok = x.exponent > y.exponent ? align(&x, to: y.exponent) : align(&y, to: x.exponent)
            guard ok else { return nil }
        }
        let magnitude: ComparisonResult = x.mantissa == y.mantissa ? .orderedSame
            : (x.mantissa < y.mantissa ? .orderedAscending : .orderedDescending)
        guard x.isNegative else { return magnitude }
        switch magnitude {
        case .orderedAscending: return .orderedDescending
        case .orderedDescending: return .orderedAscending
        case .orderedSame: return .orderedSame
        }
    }

    /// Multiplies the mantissa by `10^(exponent − target)`; false when it leaves 128 bits.
    private static func align(_ fields: inout DecimalFields, to target: Int8) -> Bool {
        let shift = Int(fields.exponent) - Int(target)
        guard shift <= 38 else { return false }
        let (high, low) = fields.mantissa.multipliedFullWidth(by: pow10[shift])
        guard high == 0 else { return false }
        fields.mantissa = low
        fields.length = DecimalFields.words(low)
        fields.exponent = target
        fields.isCompact = false
        return true
    }

    // MARK: Compact

    /// Foundation's `compact()`: trailing decimal zeros of the mantissa move into the exponent
    /// and the value is marked compact. Nil when the exponent would pass 127.
    static func compacted(_ fields: DecimalFields) -> DecimalFields? {
        if fields.isCompact || fields.length == 0 { return fields }
        guard fields.mantissa != 0 else { return nil }
        var mantissa = fields.mantissa
        var exponent = Int(fields.exponent)
        while mantissa >> 64 != 0 {
            let (quotient, remainder) = mantissa.quotientAndRemainder(dividingBy: 10)
            guard remainder == 0 else { break }
            mantissa = quotient
            exponent += 1
        }
        if mantissa >> 64 == 0 {
            var small = UInt64(mantissa)
            while small % 10 == 0 {
                small /= 10
                exponent += 1
            }
            mantissa = UInt128(small)
        }
        guard exponent <= 127 else { return nil }
        var result = fields
        result.mantissa = mantissa
        result.length = DecimalFields.words(mantissa)
        result.exponent = Int8(exponent)
        result.isCompact = true
        return result
    }

    /// 10⁰ … 10³⁸.
    static let pow10: [UInt128] = {
        var powers: [UInt128] = [1]
        for _ in 1...38 { powers.append((powers.last ?? 1) * 10) }
        return powers
    }()

    /// A 256-bit unsigned number as four 64-bit words, for the long division of `quotient`.
    private struct Words {
        var w3: UInt64, w2: UInt64, w1: UInt64, w0: UInt64

        init(high: UInt128, low: UInt128) {
            w3 = UInt64(truncatingIfNeeded: high >> 64)
            w2 = UInt64(truncatingIfNeeded: high)
            w1 = UInt64(truncatingIfNeeded: low >> 64)
            w0 = UInt64(truncatingIfNeeded: low)
        }

        /// The low 128 bits.
        var low: UInt128 { UInt128(w1) << 64 | UInt128(w0) }
        var isAtLeast2Pow144: Bool { w3 != 0 || w2 >> 16 != 0 }
        var isAtLeast2Pow128: Bool { w3 != 0 || w2 != 0 }

        /// Divides in place by `divisor` (non-zero), flooring; returns the remainder.
        mutating func divide(by divisor: UInt64) -> UInt64 {
            var remainder: UInt64 = 0
            (w3, remainder) = divisor.dividingFullWidth((remainder, w3))
            (w2, remainder) = divisor.dividingFullWidth((remainder, w2))
            (w1, remainder) = divisor.dividingFullWidth((remainder, w1))
            (w0, remainder) = divisor.dividingFullWidth((remainder, w0))
            return remainder
        }
    }
}

extension Decimal {
    /// `self < other` (see `FastDecimal.compare`).
    func precedes(_ other: Decimal) -> Bool {
        guard let order = FastDecimal.compare(self, other) else { return self < other }
        return order == .orderedAscending
    }

    /// `self == other` (see `FastDecimal.compare`).
    func hasSameValue(as other: Decimal) -> Bool {
        guard let order = FastDecimal.compare(self, other) else { return self == other }
        return order == .orderedSame
    }

    /// `self / divisor`, bit for bit (see `FastDecimal`).
    func dividing(by divisor: Decimal) -> Decimal { FastDecimal.quotient(self, divisor) ?? self / divisor }
    /// `self * other`, bit for bit (see `FastDecimal`).
    func multiplying(by other: Decimal) -> Decimal { FastDecimal.product(self, other) ?? self * other }
    /// `self + other`, bit for bit (see `FastDecimal`).
    func adding(_ other: Decimal) -> Decimal { FastDecimal.sum(self, other) ?? self + other }
    /// `self - other`, bit for bit (see `FastDecimal`).
    func subtracting(_ other: Decimal) -> Decimal { FastDecimal.difference(self, other) ?? self - other }
}

extension Decimal {
    /// `Decimal(string: literal, locale: en_US_POSIX)`, bit for bit; plain literals ("-12.50")
    /// are read without Foundation's parser (see `FastDecimal.parse`).
    static func parsing(_ literal: String) -> Decimal? {
        FastDecimal.parse(literal) ?? Decimal(string: literal, locale: DecimalRounding.posix)
    }
}
