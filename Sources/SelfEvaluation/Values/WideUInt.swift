/// An unsigned integer of any width: 64-bit limbs, least significant first, no zero limb on top
/// (zero has none). The integer arithmetic under `ExactDecimal`: nothing here rounds, overflows
/// or traps; every operation is exact.
struct WideUInt: Sendable, Equatable {
    /// Limbs, least significant first.
    private(set) var limbs: [UInt64]

    /// Zero.
    static let zero = WideUInt(limbs: [])

    init(_ value: UInt64) { limbs = value == 0 ? [] : [value] }

    private init(limbs: [UInt64]) {
        self.limbs = limbs
        trim()
    }

    var isZero: Bool { limbs.isEmpty }

    /// The value when it fits in 64 bits.
    var uint64: UInt64? {
        switch limbs.count {
        case 0: 0
        case 1: limbs[0]
        default: nil
        }
    }

    private mutating func trim() {
        while let last = limbs.last, last == 0 { limbs.removeLast() }
    }

    /// self × factor.
    func multiplied(by factor: UInt64) -> WideUInt {
        if factor == 0 || isZero { return .zero }
        var out: [UInt64] = []
        out.reserveCapacity(limbs.count + 1)
        var carry: UInt64 = 0
        for limb in limbs {
            let (high, low) = limb.multipliedFullWidth(by: factor)
            let (sum, overflow) = low.addingReportingOverflow(carry)
            out.append(sum)
            carry = high &+ (overflow ? 1 : 0)
        }
        if carry != 0 { out.append(carry) }
        return WideUInt(limbs: out)
    }

    /// self × other.
    func multiplied(by other: WideUInt) -> WideUInt {
        if isZero || other.isZero { return .zero }
        if let factor = other.uint64 { return multiplied(by: factor) }
        if let factor = uint64 { return other.multiplied(by: factor) }
        var out = [UInt64](repeating: 0, count: limbs.count + other.limbs.count)
        for (i, a) in limbs.enumerated() {
            var carry: UInt64 = 0
            for (j, b) in other.limbs.enumerated() {
                let (high, low) = a.multipliedFullWidth(by: b)
                let (s1, o1) = out[i + j].addingReportingOverflow(low)
                let (s2, o2) = s1.addingReportingOverflow(carry)
                out[i + j] = s2
                carry = high &+ (o1 ? 1 : 0) &+ (o2 ? 1 : 0)
            }
            out[i + other.limbs.count] = carry
        }
        return WideUInt(limbs: out)
    }

    /// self × 10^power (power ≥ 0).
    func timesPowerOfTen(_ power: Int) -> WideUInt {
        var result = self
        var left = power
        while left > 0 && !result.isZero {
            let step = min(left, 19)
            result = result.multiplied(by: WideUInt.powersOfTen[step])
            left -= step
        }
        return result
    }

    /// 10^0 … 10^19.
    static let powersOfTen: [UInt64] = {
        var powers: [UInt64] = [1]
        for _ in 1...19 { powers.append((powers.last ?? 1) * 10) }
        return powers
    }()

    /// self + other.
    func adding(_ other: WideUInt) -> WideUInt {
        var out: [UInt64] = []
        let count = max(limbs.count, other.limbs.count)
        out.reserveCapacity(count + 1)
        var carry = false
        for i in 0..<count {
            let a = i < limbs.count ? limbs[i] : 0
            let b = i < other.limbs.count ? other.limbs[i] : 0
            let (s1, o1) = a.addingReportingOverflow(b)
            let (s2, o2) = s1.addingReportingOverflow(carry ? 1 : 0)
            out.append(s2)
            carry = o1 || o2
        }
        if carry { out.append(1) }
        return WideUInt(limbs: out)
    }

    /// self − other; other must not exceed self (the callers compare first).
    func subtracting(_ other: WideUInt) -> WideUInt {
        var out = limbs
        var borrow = false
        for i in 0..<out.count {
            let b = i < other.limbs.count ? other.limbs[i] : 0
            let (d1, o1) = out[i].subtractingReportingOverflow(b)
            let (d2, o2) = d1.subtractingReportingOverflow(borrow ? 1 : 0)
            out[i] = d2
            borrow = o1 || o2
        }
        return WideUInt(limbs: out)
    }

    /// −1, 0 or 1 as `a` is below, equal to or above `b`.
    static func compare(_ a: WideUInt, _ b: WideUInt) -> Int {
        if a.limbs.count != b.limbs.count { return a.limbs.count < b.limbs.count ? -1 : 1 }
        for i in stride(from: a.limbs.count - 1, through: 0, by: -1) where a.limbs[i] != b.limbs[i] {
            return a.limbs[i] < b.limbs[i] ? -1 : 1
        }
        return 0
    }

    /// The quotient and remainder of self ÷ divisor; nil when the divisor is zero. A divisor of
    /// one limb divides limb by limb; a wider one bit by bit (shift and subtract).
    func quotientAndRemainder(dividingBy divisor: WideUInt) -> (quotient: WideUInt, remainder: WideUInt)? {
        if divisor.isZero { return nil }
        if WideUInt.compare(self, divisor) < 0 { return (.zero, self) }
        if let d = divisor.uint64 {
            var quotient = [UInt64](repeating: 0, count: limbs.count)
            var remainder: UInt64 = 0
            for i in stride(from: limbs.count - 1, through: 0, by: -1) {
                // remainder < d, so the quotient limb fits in 64 bits.
                let (q, r) = d.dividingFullWidth((high: remainder, low: limbs[i]))
                quotient[i] = q
                remainder = r
            }
            return (WideUInt(limbs: quotient), WideUInt(remainder))
        }
        var quotient = [UInt64](repeating: 0, count: limbs.count)
        var remainder = WideUInt.zero
        for bit in stride(from: limbs.count * 64 - 1, through: 0, by: -1) {
            remainder = remainder.shiftedLeftOne(or: (limbs[bit / 64] >> UInt64(bit % 64)) & 1 == 1)
            if WideUInt.compare(remainder, divisor) >= 0 {
                remainder = remainder.subtracting(divisor)
                quotient[bit / 64] |= 1 << UInt64(bit % 64)
            }
        }
        return (WideUInt(limbs: quotient), remainder)
    }

    /// self × 2, plus 1 when `one`.
    private func shiftedLeftOne(or one: Bool) -> WideUInt {
        var out: [UInt64] = []
        out.reserveCapacity(limbs.count + 1)
        var carry: UInt64 = one ? 1 : 0
        for limb in limbs {
            out.append(limb << 1 | carry)
            carry = limb >> 63
        }
        if carry != 0 { out.append(carry) }
        return WideUInt(limbs: out)
    }
}
