import Foundation

/// An exact decimal: ±`magnitude` × 10^`exponent`, the magnitude an integer of any width — the
/// input's digits scaled to its decimals. Scores are computed in it: sums, differences and
/// products are exact, and a quotient is rounded once, half up, where it is asked
/// (`rounded(dividingBy:places:)`). 11 × 1/88 is exactly 0.125 → 0.13, where `Decimal` first
/// rounds 1/88 to 38 digits and 11 × that (0.12499…) prints 0.12.
///
/// Built from `Decimal` through its public `significand`, `exponent` and `sign`; nothing reads
/// Foundation's memory layout. Nothing here overflows or traps: the magnitude widens as needed.
struct ExactDecimal: Sendable {
    var negative: Bool
    var magnitude: WideUInt
    var exponent: Int

    init(negative: Bool, magnitude: WideUInt, exponent: Int) {
        self.negative = negative && !magnitude.isZero
        self.magnitude = magnitude
        self.exponent = exponent
    }

    /// The same value as `value`; nil for NaN.
    init?(_ value: Decimal) {
        if value.isNaN { return nil }
        let magnitude: WideUInt
        if let low = value.significandUInt64 {
            magnitude = WideUInt(low)
        } else {
            let significand = value.significand.magnitude
            // Wider than 64 bits (a figure of more than 19 digits, never a form's usual one):
            // read from the significand's digits, which an integer `Decimal` prints plainly.
            var wide = WideUInt.zero
            for byte in significand.description.utf8 {
                guard byte >= 0x30, byte <= 0x39 else { return nil }
                wide = wide.multiplied(by: 10).adding(WideUInt(UInt64(byte - 0x30)))
            }
            magnitude = wide
        }
        self.init(negative: value.sign == .minus, magnitude: magnitude, exponent: value.exponent)
    }

    /// The value as a `Decimal`; nil when it has more digits than `Decimal` holds (38).
    var decimal: Decimal? {
        var magnitude = self.magnitude
        var exponent = self.exponent
        // Trailing zeros move into the exponent (as `Decimal`'s own arithmetic leaves its results:
        // 5000 × 10^−4 is 0.5), so that a wide magnitude may still fit.
        while !magnitude.isZero,
              let (quotient, remainder) = magnitude.quotientAndRemainder(dividingBy: WideUInt(10)),
              remainder.isZero {
            magnitude = quotient
            exponent += 1
        }
        guard exponent >= Int(Int8.min), exponent <= Int(Int8.max) else { return nil }
        let sign: FloatingPointSign = negative ? .minus : .plus
        switch magnitude.limbs.count {
        case 0:
            return Decimal(0)
        case 1:
            return Decimal(sign: sign, exponent: exponent, significand: Decimal(magnitude.limbs[0]))
        case 2:
            let significand = Decimal(magnitude.limbs[1]) * Self.twoTo64 + Decimal(magnitude.limbs[0])
            let value = Decimal(sign: sign, exponent: exponent, significand: significand)
            // Exact only while it fits in 38 digits: checked by converting back.
            guard let back = ExactDecimal(value), back.isEqual(to: self) else { return nil }
            return value
        default:
            return nil
        }
    }

    private static let twoTo64 = Decimal(UInt64.max) + 1

    /// Whether the two are the same number (1.0 and 1 are).
    func isEqual(to other: ExactDecimal) -> Bool {
        guard negative == other.negative else { return false }
        let (a, b) = Self.aligned(self, other)
        return WideUInt.compare(a, b) == 0
    }

    /// The two magnitudes at the smaller exponent.
    private static func aligned(_ x: ExactDecimal, _ y: ExactDecimal) -> (WideUInt, WideUInt) {
        let exponent = min(x.exponent, y.exponent)
        return (x.magnitude.timesPowerOfTen(x.exponent - exponent), y.magnitude.timesPowerOfTen(y.exponent - exponent))
    }

    /// self × other, exactly.
    func multiplied(by other: ExactDecimal) -> ExactDecimal {
        ExactDecimal(negative: negative != other.negative, magnitude: magnitude.multiplied(by: other.magnitude),
                     exponent: exponent + other.exponent)
    }

    /// self + other, exactly.
    func adding(_ other: ExactDecimal) -> ExactDecimal {
        let exponent = min(self.exponent, other.exponent)
        let (a, b) = Self.aligned(self, other)
        if negative == other.negative {
            return ExactDecimal(negative: negative, magnitude: a.adding(b), exponent: exponent)
        }
        // Signs differ: the larger magnitude keeps its sign.
        if WideUInt.compare(a, b) >= 0 {
            return ExactDecimal(negative: negative, magnitude: a.subtracting(b), exponent: exponent)
        }
        return ExactDecimal(negative: other.negative, magnitude: b.subtracting(a), exponent: exponent)
    }

    /// self − other, exactly.
    func subtracting(_ other: ExactDecimal) -> ExactDecimal {
        adding(ExactDecimal(negative: !other.negative, magnitude: other.magnitude, exponent: other.exponent))
    }

    /// self ÷ divisor rounded to `places` decimals, half up (a half goes away from zero): one
    /// integer division, N = |self| · 10^t over D = |divisor| · 10^−t, and one more unit when the
    /// remainder is at least half of D. Nil when the divisor is zero.
    func rounded(dividingBy divisor: ExactDecimal, places: Int) -> ExactDecimal? {
        let shift = exponent - divisor.exponent + places
        let numerator = magnitude.timesPowerOfTen(max(shift, 0))
        let denominator = divisor.magnitude.timesPowerOfTen(max(-shift, 0))
        guard let (quotient, remainder) = numerator.quotientAndRemainder(dividingBy: denominator) else { return nil }
        // remainder ≥ D − remainder ⇔ 2·remainder ≥ D: the half rounds up.
        let roundsUp = WideUInt.compare(remainder, denominator.subtracting(remainder)) >= 0
        return ExactDecimal(negative: negative != divisor.negative,
                            magnitude: roundsUp ? quotient.adding(WideUInt(1)) : quotient, exponent: -places)
    }

    /// self rounded to `places` decimals, half up (away from zero); self when it has no more.
    func rounded(places: Int) -> ExactDecimal {
        if exponent >= -places { return self }
        let one = ExactDecimal(negative: false, magnitude: WideUInt(1), exponent: 0)
        return rounded(dividingBy: one, places: places) ?? self
    }
}
