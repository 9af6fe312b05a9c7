import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// `FastDecimal` must give Foundation's results bit for bit: the same bytes, not only the same
/// value, since a later operation or the printed text may depend on the representation.
@Suite("Fast decimal operations")
struct FastDecimalTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    static func bytes(_ value: Decimal) -> [UInt8] { withUnsafeBytes(of: value) { Array($0) } }

    static func foundationText(_ value: Decimal) -> String {
        var copy = value
        return NSDecimalString(&copy, posix)
    }

    static func foundationRound(_ value: Decimal, _ places: Int) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    @Test("the layout is known on this platform")
    func layout() {
        #expect(DecimalFields.isAvailable)
    }

    @Test("plain text examples", arguments: [
        ("2.08", "2.08"), ("10", "10"), ("0.5", "0.5"), ("-0.001", "-0.001"), ("1E5", "100000"),
        ("-12.5E-3", "-0.0125"), ("0", "0"), ("0.00", "0"), ("-0", "0"), ("734.78", "734.78"),
        ("12345678901234567890123456789012345678", "12345678901234567890123456789012345678"),
        ("1234567890123456789012.3456789012345678", "1234567890123456789012.3456789012345678"),
        ("0.000000000000000000000000000000000000012", "0.000000000000000000000000000000000000012"),
    ])
    func plainTextExamples(literal: String, expected: String) throws {
        let value = try #require(Decimal(string: literal))
        #expect(FastDecimal.plainText(value) == expected)
        #expect(value.plainText == expected)
        #expect(Self.foundationText(value) == expected)
    }

    @Test("non-compact fields print their trailing zeros, as Foundation does")
    func nonCompact() {
        let value = DecimalFields(mantissa: 1500, exponent: -3, isNegative: true, isCompact: false).decimal
        #expect(FastDecimal.plainText(value) == "-1.500")
        #expect(Self.foundationText(value) == "-1.500")
    }

    @Test("fixed places", arguments: [
        ("2.075", 2, "2.08"), ("-2.075", 2, "-2.08"), ("10", 2, "10.00"), ("0.004", 2, "0.00"), ("-0.004", 2, "0.00"),
        ("99.995", 2, "100.00"), ("3.14159", 4, "3.1416"), ("7", 0, "7"), ("7.5", 0, "8"),
    ])
    func fixed(literal: String, places: Int, expected: String) throws {
        let value = try #require(Decimal(string: literal))
        #expect(value.fixed(places) == expected)
    }

    /// Random values: mantissas of 0 to 128 bits (most within 64), exponents −40…40, both signs,
    /// some stored non-compact with trailing zeros.
    static func randomDecimal(_ rng: inout SeededGenerator) -> Decimal {
        let bits = [0, 4, 10, 17, 24, 33, 48, 64, 64, 80, 100, 127].randomElement(using: &rng) ?? 64
        var mantissa = UInt128(rng.next()) << 64 | UInt128(rng.next())
        mantissa = bits == 0 ? 0 : mantissa >> (128 - bits)
        if Int.random(in: 0..<4, using: &rng) == 0, mantissa < UInt128(UInt64.max) {
            mantissa *= FastDecimal.pow10[Int.random(in: 0...6, using: &rng)]
        }
        let exponent = Int8(Int.random(in: -40...40, using: &rng))
        let negative = Bool.random(using: &rng)
        if mantissa == 0 { return Bool.random(using: &rng) ? Decimal() : Decimal(0) }
        if Int.random(in: 0..<3, using: &rng) == 0 {
            return DecimalFields(mantissa: mantissa, exponent: exponent, isNegative: negative, isCompact: false).decimal
        }
        let compact = FastDecimal.compacted(DecimalFields(mantissa: mantissa, exponent: exponent, isNegative: negative,
                                                          isCompact: false))
        return compact?.decimal ?? Decimal(1)
    }

    /// Small money-like values: what forms hold.
    static func formDecimal(_ rng: inout SeededGenerator) -> Decimal {
        let raw = Int.random(in: -100_000...1_000_000, using: &rng)
        let places = Int.random(in: 0...4, using: &rng)
        return Decimal(sign: raw < 0 ? .minus : .plus, exponent: -places, significand: Decimal(raw.magnitude))
    }

    static func value(_ rng: inout SeededGenerator) -> Decimal {
        Bool.random(using: &rng) ? randomDecimal(&rng) : formDecimal(&rng)
    }

    static let seeds: [UInt64] = [1, 7, 42, 2023]

    @Test("seeded: plain text is NSDecimalString's", arguments: seeds)
    func seededPlainText(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<5_000 {
            let value = Self.value(&rng)
            #expect(value.plainText == Self.foundationText(value), "\(Self.bytes(value))")
        }
    }

    @Test("seeded: rounding is NSDecimalRound's, bit for bit", arguments: seeds)
    func seededRound(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<5_000 {
            let value = Self.value(&rng)
            let places = Int.random(in: -2...6, using: &rng)
            let expected = Self.foundationRound(value, places)
            #expect(Self.bytes(DecimalRounding.round(value, places: places)) == Self.bytes(expected),
                    "\(value) \(places)")
        }
    }

    @Test("seeded: arithmetic is Foundation's, bit for bit", arguments: seeds)
    func seededArithmetic(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        var fast = 0
        for _ in 0..<5_000 {
            let a = Self.value(&rng)
            let b = Self.value(&rng)
            if let q = FastDecimal.quotient(a, b) {
                fast += 1
                #expect(Self.bytes(q) == Self.bytes(a / b), "\(a) / \(b)")
            }
            if let p = FastDecimal.product(a, b) {
                #expect(Self.bytes(p) == Self.bytes(a * b), "\(a) * \(b)")
            }
            if let s = FastDecimal.sum(a, b) {
                #expect(Self.bytes(s) == Self.bytes(a + b), "\(a) + \(b)")
            }
            if let d = FastDecimal.difference(a, b) {
                #expect(Self.bytes(d) == Self.bytes(a - b), "\(a) - \(b)")
            }
            if let order = FastDecimal.compare(a, b) {
                #expect((order == .orderedAscending) == (a < b), "\(a) < \(b)")
                #expect((order == .orderedSame) == (a == b), "\(a) == \(b)")
                #expect((order == .orderedDescending) == (a > b), "\(a) > \(b)")
            }
            #expect(a.precedes(b) == (a < b))
            #expect(a.hasSameValue(as: b) == (a == b))
            #expect(a.hasSameValue(as: a))
        }
        #expect(fast > 1_000)
    }

    @Test("quotient examples", arguments: [
        ("1", "3"), ("2", "3"), ("95", "100"), ("390", "100"), ("0", "7"), ("-10", "4"), ("1", "0.0001"),
        ("123456789.123", "0.07"), ("18446744073709551615", "1"), ("1", "18446744073709551615"), ("0.8", "2"),
    ])
    func quotientExamples(a: String, b: String) throws {
        let x = try #require(Decimal(string: a))
        let y = try #require(Decimal(string: b))
        let q = try #require(FastDecimal.quotient(x, y))
        #expect(Self.bytes(q) == Self.bytes(x / y))
    }

    @Test("seeded: parsing is Decimal(string:)'s, bit for bit", arguments: seeds)
    func seededParse(seed: UInt64) {
        var rng = SeededGenerator(seed: seed)
        for _ in 0..<5_000 {
            var literal = Bool.random(using: &rng) ? "-" : ""
            let digits = Int.random(in: 1...40, using: &rng)
            for _ in 0..<digits { literal.append(Character(String(Int.random(in: 0...9, using: &rng)))) }
            if Bool.random(using: &rng) {
                literal.append(".")
                for _ in 0..<Int.random(in: 1...6, using: &rng) {
                    literal.append(Character(String([0, 0, 5, 9].randomElement(using: &rng) ?? 0)))
                }
            }
            let expected = Decimal(string: literal, locale: Self.posix)
            guard let parsed = FastDecimal.parse(literal) else {
                #expect(digits > 32, "\(literal)")
                continue
            }
            #expect(expected.map(Self.bytes) == Self.bytes(parsed), "\(literal)")
        }
    }

    @Test("parse examples", arguments: ["0", "-0", "0.00", "-0.00", "007", "1.50", "-3.13", "100", "734.78"])
    func parseExamples(literal: String) throws {
        let parsed = try #require(FastDecimal.parse(literal))
        let expected = try #require(Decimal(string: literal, locale: Self.posix))
        #expect(Self.bytes(parsed) == Self.bytes(expected))
    }

    @Test("parse refuses what it does not handle", arguments: ["", "-", ".5", "5.", "1e5", "1,000", " 1", "1.2.3", "--1"])
    func parseRefuses(literal: String) {
        #expect(FastDecimal.parse(literal) == nil)
    }
}
