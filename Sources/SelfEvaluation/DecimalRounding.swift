import Foundation

/// The one rounding function of selfeval: half up (away from zero for .5), in decimal, exact.
///
/// Every score, rate and amount that is printed goes through it, so the printed numbers
/// add up: 83/200 × 5 = 2.075 → 2.08 (binary floating point would give 2.07). A score that is a
/// quotient (w × B / A) is rounded as one exact division (`quotient`), never from a quotient
/// already rounded to `Decimal`'s 38 digits: 11 × 1/88 = 0.125 → 0.13. Both are
/// `ExactDecimal.rounded(dividingBy:places:)`.
public enum DecimalRounding {
    /// Rounds `value` to `places` decimals, half up; NaN stays NaN.
    public static func round(_ value: Decimal, places: Int = 2) -> Decimal {
        // Nothing below the places (or NaN): the value itself, as Foundation's rounding left it.
        if value.isNaN || value.exponent >= -places { return value }
        guard let exact = ExactDecimal(value) else { return value }
        return exact.rounded(places: places).decimal ?? value
    }

    /// numerator × factor / denominator rounded to `places` decimals, half up, computed exactly
    /// (one integer division); nil when the denominator is 0, an input is NaN, or the rounded
    /// result has more digits than `Decimal` holds.
    public static func quotient(_ numerator: Decimal, times factor: Decimal = 1, over denominator: Decimal,
                                places: Int) -> Decimal? {
        guard let n = ExactDecimal(numerator), let f = ExactDecimal(factor), let d = ExactDecimal(denominator),
              let q = n.multiplied(by: f).rounded(dividingBy: d, places: places) else { return nil }
        return q.decimal
    }

    /// The sum of `terms`, added exactly (`ExactDecimal`) and converted once: the value and the
    /// digits `Decimal`'s `+` gives term by term (exact while the sum fits in 38 digits, and compacted
    /// as `ExactDecimal.decimal` compacts), at a fraction of its cost. A NaN term, or a sum wider than
    /// `Decimal`, is added by `Decimal` itself.
    static func sum(_ terms: some Sequence<Decimal>) -> Decimal {
        var total = ExactDecimal(negative: false, magnitude: .zero, exponent: 0)
        for term in terms {
            guard let exact = ExactDecimal(term) else { return terms.reduce(0, +) }
            total = total.adding(exact)
        }
        return total.decimal ?? terms.reduce(0, +)
    }
}

extension Decimal {
    /// This value rounded half up to `places` decimals (see `DecimalRounding`).
    public func rounded(places: Int = 2) -> Decimal { DecimalRounding.round(self, places: places) }

    /// Plain text without exponent ("2.08", "10", "0.5", "-3.13"), as `description` prints it:
    /// the significand's digits with the point placed by the exponent, zero as "0". Read through
    /// the public `significand`, `exponent` and `sign` (Foundation's own printing divides the
    /// mantissa by ten digit by digit, one array per digit, and showed in profiles); a significand
    /// wider than 64 bits (more than 19 digits, never a form's figure) is printed by Foundation.
    public var plainText: String { text(decimals: 0) }

    /// Text with exactly `places` decimals ("10.00"): the value rounded half up, its plain text
    /// padded with zeros (a value with more digits than `Decimal` can round into keeps them).
    public func fixed(_ places: Int) -> String { rounded(places: places).text(decimals: max(places, 0)) }

    /// The plain text with at least `decimals` decimals (zeros appended, and the point when the
    /// plain text has none), written once as bytes.
    private func text(decimals minimum: Int) -> String {
        if isNaN { return Self.padded("NaN", decimals: minimum) }
        // A significand wider than 64 bits is printed by Foundation.
        guard let value = significandUInt64 else { return Self.padded(description, decimals: minimum) }
        if value == 0 { return Self.padded("0", decimals: minimum) }
        let negative = sign == .minus
        let e = exponent
        var digitCount = 1
        var rest = value
        while rest >= 10 { rest /= 10; digitCount += 1 }
        // The zeros (and point) that pad the decimals the plain text has to `minimum`.
        let decimals = max(-e, 0)
        let padding = decimals < minimum ? minimum - decimals + (decimals == 0 ? 1 : 0) : 0
        // "-", the digits, then e zeros (e ≥ 0), a point inside them, or "0." and zeros before them.
        let length = (negative ? 1 : 0) + (e >= 0 ? digitCount + e : max(digitCount, -e + 1) + 1) + padding
        return String(unsafeUninitializedCapacity: length) { out in
            // Written from the end.
            var i = length
            func put(_ byte: UInt8) { i -= 1; out[i] = byte }
            if padding > 0 {
                for _ in 0..<(minimum - decimals) { put(0x30) }
                if decimals == 0 { put(0x2E) }
            }
            for _ in 0..<max(e, 0) { put(0x30) }
            rest = value
            for k in 0..<digitCount {
                if e < 0, k == -e { put(0x2E) }
                put(UInt8(truncatingIfNeeded: rest % 10) + 0x30)
                rest /= 10
            }
            if e < 0, -e >= digitCount {
                for _ in 0..<(-e - digitCount) { put(0x30) }
                put(0x2E)
                put(0x30)
            }
            if negative { put(0x2D) }
            return length
        }
    }

    /// `text` with at least `decimals` decimals (NaN, zero and a wide significand).
    private static func padded(_ text: String, decimals: Int) -> String {
        guard decimals > 0 else { return text }
        let have = text.utf8.firstIndex(of: 0x2E).map { text.utf8.distance(from: $0, to: text.utf8.endIndex) - 1 }
        return text + (have == nil ? "." : "") + String(repeating: "0", count: max(decimals - (have ?? 0), 0))
    }

    /// A plain literal — an optional "-", digits, and an optional "." with digits ("-12.50") — as a
    /// decimal; nil for any other text. Built from its digits with public `Decimal` arithmetic,
    /// 19 digits at a time, and no locale: Foundation's parser asks ICU for the locale's decimal
    /// separator, which crashes the process when the environment names a broken locale.
    public static func parsing(_ literal: String) -> Decimal? {
        var significand = Decimal(0)
        var chunk: UInt64 = 0
        var chunkDigits = 0
        var digits = 0
        var decimals = 0
        var negative = false
        var afterPoint = false
        func flush() {
            significand = significand * Decimal(sign: .plus, exponent: chunkDigits, significand: 1) + Decimal(chunk)
            chunk = 0
            chunkDigits = 0
        }
        for (index, byte) in literal.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"):
                chunk = chunk * 10 + UInt64(byte - UInt8(ascii: "0"))
                chunkDigits += 1
                digits += 1
                if afterPoint { decimals += 1 }
                if chunkDigits == 19 { flush() }
            case UInt8(ascii: "-") where index == 0:
                negative = true
            case UInt8(ascii: ".") where !afterPoint && digits > 0:
                afterPoint = true
            default:
                return nil
            }
        }
        guard digits > 0, !afterPoint || decimals > 0 else { return nil }
        flush()
        if significand == 0 { return Decimal(0) }
        return Decimal(sign: negative ? .minus : .plus, exponent: -decimals, significand: significand)
    }
}
