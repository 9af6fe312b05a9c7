import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

private func d(_ text: String) -> Decimal { exactDecimal(text) }

/// A random decimal: up to `digits` significant digits, up to `decimals` decimals, either sign.
private func randomDecimal(_ random: inout SeededGenerator, digits: Int = 12, decimals: Int = 6,
                           negative: Bool = true) -> Decimal {
    let count = Int.random(in: 1...digits, using: &random)
    var literal = ""
    if negative, Bool.random(using: &random) { literal = "-" }
    var body = ""
    for _ in 0..<count { body.append(Character(String(Int.random(in: 0...9, using: &random)))) }
    let places = min(Int.random(in: 0...decimals, using: &random), count)
    if places > 0 {
        let split = body.index(body.endIndex, offsetBy: -places)
        body = String(body[..<split]) + "." + String(body[split...])
        if body.hasPrefix(".") { body = "0" + body }
    }
    return d(literal + body)
}

/// NSDecimalRound half up: what every rounding was before the exact type.
private func foundationRound(_ value: Decimal, _ places: Int) -> Decimal {
    var input = value
    var result = Decimal()
    NSDecimalRound(&result, &input, places, .plain)
    return result
}

/// 2·|x·y·10^p| against (2k ± 1)·|z|, in integers: the oracle of a half-up rounded quotient.
/// Returns whether `q` (the candidate, magnitude at exponent −p) is round-half-up(|x·y/z|, p):
/// (2q − 1)·|z| ≤ 2·|x·y|·10^p < (2q + 1)·|z|, all scaled to integers at a common exponent.
private func isHalfUpQuotient(_ q: ExactDecimal, x: ExactDecimal, y: ExactDecimal, z: ExactDecimal,
                              places: Int) -> Bool {
    let product = x.multiplied(by: y)
    // Value of product·10^p / z = q ± 1/2 ⇔ compare 2·P·10^p with (2q ± 1)·Z at one exponent.
    // Bring everything to integers: P = pm·10^pe, Z = zm·10^ze, q = qm·10^(−p) (q.exponent may be
    // larger after compaction: expand it).
    let qm = q.magnitude.timesPowerOfTen(q.exponent + places)
    let twoQPlusOne = qm.multiplied(by: 2).adding(WideUInt(1))
    let left = product.magnitude.multiplied(by: 2)           // × 10^(pe + p)
    let leftExponent = product.exponent + places
    let rightLow = (qm.isZero ? WideUInt.zero : qm.multiplied(by: 2).subtracting(WideUInt(1))).multiplied(by: z.magnitude)
    let rightHigh = twoQPlusOne.multiplied(by: z.magnitude)  // × 10^ze
    let common = min(leftExponent, z.exponent)
    let l = left.timesPowerOfTen(leftExponent - common)
    let lowScaled = rightLow.timesPowerOfTen(z.exponent - common)
    let highScaled = rightHigh.timesPowerOfTen(z.exponent - common)
    // (2q − 1)·Z ≤ 2P·10^p (the half rounds up) and 2P·10^p < (2q + 1)·Z.
    let lowOK = qm.isZero || WideUInt.compare(lowScaled, l) <= 0
    return lowOK && WideUInt.compare(l, highScaled) < 0
}

@Suite("ExactDecimal")
struct ExactDecimalTests {
    @Test("converts every Decimal exactly and back", arguments: [
        "0", "-0", "1", "-1", "0.125", "734.78", "18446744073709551615", "18446744073709551616",
        "99999999999999999999999999999999999999", "-12345678901234567890.123456789", "0.00000000000000000001",
        "100000000000000000000000000000000", "5.00",
    ])
    func roundTrip(literal: String) throws {
        let value = d(literal)
        let exact = try #require(ExactDecimal(value))
        let back = try #require(exact.decimal)
        #expect(back == value)
    }

    @Test("NaN is no exact decimal")
    func nan() {
        #expect(ExactDecimal(Decimal.nan) == nil)
    }

    @Test("seeded: sums, differences and products agree with Decimal where Decimal is exact")
    func arithmeticAgainstDecimal() throws {
        var random = SeededGenerator(seed: 14_01)
        for _ in 0..<2_000 {
            let a = randomDecimal(&random), b = randomDecimal(&random)
            let x = try #require(ExactDecimal(a)), y = try #require(ExactDecimal(b))
            // At most 12 digits each: every result fits in 38 digits, so Decimal is exact too.
            #expect(x.adding(y).decimal == a + b, "\(a) + \(b)")
            #expect(x.subtracting(y).decimal == a - b, "\(a) - \(b)")
            #expect(x.multiplied(by: y).decimal == a * b, "\(a) × \(b)")
        }
    }

    @Test("seeded: rounding agrees with NSDecimalRound half up, value and printed text")
    func roundingAgainstFoundation() throws {
        var random = SeededGenerator(seed: 14_02)
        for _ in 0..<5_000 {
            let value = randomDecimal(&random, digits: 20, decimals: 12)
            let places = Int.random(in: 0...6, using: &random)
            let ours = DecimalRounding.round(value, places: places)
            let theirs = foundationRound(value, places)
            #expect(ours == theirs, "\(value) at \(places)")
            #expect(ours.plainText == theirs.plainText, "\(value) at \(places)")
        }
    }

    @Test("seeded: the rounded quotient is the exact half-up one (against rational arithmetic)")
    func quotientAgainstRationals() throws {
        var random = SeededGenerator(seed: 14_03)
        for round in 0..<3_000 {
            // Wide inputs on some rounds: 30-digit 分值 and 38-digit amounts.
            let wide = round % 10 == 0
            let w = randomDecimal(&random, digits: wide ? 30 : 6, decimals: 4, negative: false)
            let b = randomDecimal(&random, digits: wide ? 38 : 12, decimals: wide ? 20 : 6, negative: false)
            var a = randomDecimal(&random, digits: wide ? 38 : 12, decimals: wide ? 20 : 6, negative: false)
            if a == 0 { a = 1 }
            let places = Int.random(in: 0...4, using: &random)
            let x = try #require(ExactDecimal(w)), y = try #require(ExactDecimal(b)), z = try #require(ExactDecimal(a))
            let q = try #require(x.multiplied(by: y).rounded(dividingBy: z, places: places))
            #expect(isHalfUpQuotient(q, x: x, y: y, z: z, places: places), "\(w) × \(b) / \(a) at \(places)")
        }
    }

    @Test("seeded: the rounded quotient agrees with Decimal's except at exact halves Decimal misses")
    func quotientAgainstDecimal() throws {
        var random = SeededGenerator(seed: 14_04)
        var differing = 0
        for _ in 0..<3_000 {
            let w = randomDecimal(&random, digits: 4, decimals: 2, negative: false)
            let b = randomDecimal(&random, digits: 8, decimals: 3, negative: false)
            var a = randomDecimal(&random, digits: 8, decimals: 3, negative: false)
            if a == 0 { a = 1 }
            let ours = try #require(DecimalRounding.quotient(w, times: b, over: a, places: 2))
            let decimal = foundationRound(w * (b / a), 2)
            if ours != decimal {
                // Only where w·B/A is exactly half a cent (checked in integers) and Decimal's
                // 38-digit quotient fell below it.
                let x = try #require(ExactDecimal(w)), y = try #require(ExactDecimal(b)), z = try #require(ExactDecimal(a))
                let scaled = x.multiplied(by: y).multiplied(by: ExactDecimal(negative: false, magnitude: WideUInt(1000),
                                                                             exponent: 0))
                let (_, remainder) = try #require(scaled.magnitude.timesPowerOfTen(max(scaled.exponent - z.exponent, 0))
                    .quotientAndRemainder(dividingBy: z.magnitude.timesPowerOfTen(max(z.exponent - scaled.exponent, 0))))
                #expect(remainder.isZero, "\(w) × \(b) / \(a): \(ours) against \(decimal)")
                #expect(ours > decimal)
                differing += 1
            }
        }
        // Half cents are rare among random inputs, but there are some.
        #expect(differing > 0 && differing < 30, "\(differing)")
    }

    /// The half-cent cases: w × B/A exactly half a cent, where Decimal's quotient falls below.
    @Test("half a cent rounds up", arguments: [
        ("11", "1", "88", 2, "0.13"),         // 11/88 = 0.125; Decimal: 0.12
        ("11", "10", "880", 2, "0.13"),
        ("5", "83", "200", 2, "2.08"),        // 2.075
        ("5", "5", "8", 2, "3.13"),           // 3.125
        ("7", "1", "56", 2, "0.13"),          // 7/56 = 0.125
        ("3", "1", "24", 2, "0.13"),          // 3/24 = 0.125
        ("13", "1", "104", 1, "0.1"),         // 0.125 at 1 place: 0.1
        ("21", "1", "168", 2, "0.13"),        // 0.125
        ("1", "1", "3", 2, "0.33"),
        ("2", "1", "3", 2, "0.67"),
        ("0", "1", "3", 2, "0"),
        ("10", "0", "7", 2, "0"),
        ("-11", "1", "88", 2, "-0.13"),       // a half away from zero, as NSDecimalRound .plain
    ])
    func halfCent(w: String, b: String, a: String, places: Int, expected: String) throws {
        let value = try #require(DecimalRounding.quotient(d(w), times: d(b), over: d(a), places: places))
        #expect(value == d(expected))
    }

    @Test("edges: huge amounts, many decimals, zero divisor")
    func edges() throws {
        // 38-digit amounts and a 30-digit 分值: no overflow, no trap, the exact answer.
        let huge = d("99999999999999999999999999999999999999")
        #expect(DecimalRounding.quotient(d("5"), times: huge - 1, over: huge, places: 2) == d("5"))
        #expect(DecimalRounding.quotient(d("123456789012345678901234567890"), times: d("1"), over: d("3"), places: 2)
                == d("41152263004115226300411522630"))
        #expect(DecimalRounding.quotient(d("10"), times: d("0.000000000000000000000000000001"),
                                         over: d("0.000000000000000000000000000003"), places: 2) == d("3.33"))
        #expect(DecimalRounding.quotient(d("10"), times: d("1"), over: d("0"), places: 2) == nil)
        // A quotient wider than Decimal's 38 digits is no Decimal: nil, never a wrong number.
        #expect(DecimalRounding.quotient(huge, times: huge, over: d("0.0000000001"), places: 2) == nil)
        #expect(DecimalRounding.round(Decimal.nan, places: 2).isNaN)
    }

    @Test("WideUInt: seeded products and quotients agree with UInt64 arithmetic and with each other")
    func wideIntegers() throws {
        var random = SeededGenerator(seed: 14_05)
        for _ in 0..<2_000 {
            let a = UInt64.random(in: 0...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random)
            let b = max(UInt64.random(in: 1...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random), 1)
            let c = max(UInt64.random(in: 1...UInt64.max, using: &random) >> UInt64.random(in: 0...63, using: &random), 1)
            let product = WideUInt(a).multiplied(by: WideUInt(b))
            let (high, low) = a.multipliedFullWidth(by: b)
            #expect(product == WideUInt(high).multiplied(by: WideUInt(UInt64.max)).adding(WideUInt(high)).adding(WideUInt(low)))
            // (a·b + r) / b = a remainder r, for r < b: single-limb divisor, and a wide one (b·c).
            let r = UInt64.random(in: 0..<b, using: &random)
            let (q, rem) = try #require(product.adding(WideUInt(r)).quotientAndRemainder(dividingBy: WideUInt(b)))
            #expect(q == WideUInt(a) && rem == WideUInt(r))
            let divisor = WideUInt(b).multiplied(by: WideUInt(c))
            let dividend = WideUInt(a).multiplied(by: divisor).adding(WideUInt(r))
            let (q2, rem2) = try #require(dividend.quotientAndRemainder(dividingBy: divisor))
            #expect(q2 == WideUInt(a) && rem2 == WideUInt(r), "\(a) \(b) \(c) \(r)")
            #expect(dividend.subtracting(WideUInt(r)) == WideUInt(a).multiplied(by: divisor))
        }
    }
}
