import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// `Decimal.plainText` prints what `description` prints; `fixed` pads it; `round` is half up.
@Suite("Decimal text and rounding")
struct DecimalTextTests {
    static let posix = Locale(identifier: "en_US_POSIX")

    @Test("examples", arguments: [
        ("2.08", "2.08"), ("10", "10"), ("0.5", "0.5"), ("-3.13", "-3.13"), ("1.50", "1.5"), ("0.000", "0"),
        ("1e3", "1000"), ("-1e-3", "-0.001"), ("18446744073709551615", "18446744073709551615"),
        ("18446744073709551616", "18446744073709551616"), ("123456789012345678901234", "123456789012345678901234"),
    ])
    func examples(literal: String, text: String) throws {
        let value = try #require(Decimal(string: literal, locale: Self.posix))
        #expect(value.plainText == text)
        #expect(value.plainText == value.description)
    }

    @Test("NaN prints as Foundation prints it")
    func nan() {
        #expect(Decimal.nan.plainText == Decimal.nan.description)
    }

    @Test("seeded: parsed, computed, rounded and built decimals print as description does")
    func seeded() throws {
        var random = SeededGenerator(seed: 20261130)
        for _ in 0..<5_000 {
            let a = Decimal(Int.random(in: -100_000...100_000, using: &random)) / Decimal(Int.random(in: 1...1000, using: &random))
            let literal = "\(Int.random(in: -99_999...99_999, using: &random)).\(Int.random(in: 0...9999, using: &random))"
            let b = try #require(Decimal(string: literal, locale: Self.posix))
            let built = Decimal(sign: Bool.random(using: &random) ? .minus : .plus, exponent: Int.random(in: -30...30, using: &random),
                                significand: Decimal(UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 0...63, using: &random), using: &random)))
            for value in [a, b, a * b, a + b, a - b, DecimalRounding.round(a, places: Int.random(in: 0...4, using: &random)), built] {
                #expect(value.plainText == value.description, "\(value)")
            }
        }
    }

    @Test("fixed pads to the places, half up", arguments: [
        ("2.075", 2, "2.08"), ("10", 2, "10.00"), ("0.5", 0, "1"), ("-2.075", 2, "-2.08"), ("3.14159", 4, "3.1416"), ("7.1", 1, "7.1"),
    ])
    func fixed(literal: String, places: Int, text: String) throws {
        #expect(try #require(Decimal(string: literal, locale: Self.posix)).fixed(places) == text)
    }
}
