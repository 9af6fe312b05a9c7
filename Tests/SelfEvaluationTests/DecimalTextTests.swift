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
        ("36893488147419103232", "36893488147419103232"), ("-18446744073709551617", "-18446744073709551617"),
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

    @Test("plain literals read as Foundation reads them, without a locale", arguments: [
        "0", "-0", "7", "-3.13", "1.50", "0.000", "734.78", "000123", "12345678901234567890123456789",
        "1234567890123456789.0123456789", "0.0000000000000000000000001",
    ])
    func parsing(literal: String) throws {
        let expected = try #require(Decimal(string: literal, locale: Self.posix))
        let value = try #require(Decimal.parsing(literal))
        #expect(value == expected)
        #expect(value.plainText == expected.plainText)
    }

    @Test("texts that are not plain literals are refused", arguments: ["", "-", ".", "1.", ".5", "1e3", "1,000", "--1", "1-", "1.2.3", "１"])
    func notLiterals(text: String) {
        #expect(Decimal.parsing(text) == nil)
    }

    @Test("seeded: random literals read as Foundation reads them")
    func seededParsing() throws {
        var random = SeededGenerator(seed: 1201)
        for _ in 0..<5_000 {
            let whole = (0..<Int.random(in: 1...20, using: &random)).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            let fraction = (0..<Int.random(in: 0...10, using: &random)).map { _ in String(Int.random(in: 0...9, using: &random)) }.joined()
            let literal = (Bool.random(using: &random) ? "-" : "") + whole + (fraction.isEmpty ? "" : "." + fraction)
            let expected = try #require(Decimal(string: literal, locale: Self.posix))
            let value = try #require(Decimal.parsing(literal))
            #expect(value == expected, "\(literal)")
            #expect(value.plainText == expected.plainText, "\(literal)")
        }
    }
}
