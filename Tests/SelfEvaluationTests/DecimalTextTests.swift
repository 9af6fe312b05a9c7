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

    @Test("fixed: NaN, zero, wide significands and negative places", arguments: [
        ("NaN", 2, "NaN.00"), ("NaN", 0, "NaN"), ("0", 2, "0.00"), ("0.000", 3, "0.000"), ("0", 0, "0"),
        ("1e3", 2, "1000.00"), ("-1e-3", 2, "0.00"), ("-0.005", 2, "-0.01"), ("0.05", 1, "0.1"), ("125", -1, "130"),
        ("123456789012345678901234", 2, "123456789012345678901234.00"),
        ("1234567890123456789012.5", 2, "1234567890123456789012.50"),
        ("1234567890123456789012.125", 2, "1234567890123456789012.13"),
    ])
    func fixedEdges(literal: String, places: Int, text: String) throws {
        let value = literal == "NaN" ? Decimal.nan : try #require(Decimal(string: literal, locale: Self.posix))
        #expect(value.fixed(places) == text)
        #expect(value.fixed(places) == Self.fixedAsBefore(value, places))
    }

    /// `fixed` as it was written before it was written as bytes: the rounded value's plain text,
    /// padded by a search for its point.
    static func fixedAsBefore(_ value: Decimal, _ places: Int) -> String {
        var text = value.rounded(places: places).plainText
        guard places > 0 else { return text }
        if let dot = text.firstIndex(of: ".") {
            let have = text.distance(from: dot, to: text.endIndex) - 1
            if have < places { text += String(repeating: "0", count: places - have) }
        } else {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }

    @Test("seeded: fixed gives what the padding of the plain text gave")
    func seededFixed() {
        var random = SeededGenerator(seed: 20261201)
        for _ in 0..<5_000 {
            let value = Decimal(sign: Bool.random(using: &random) ? .minus : .plus,
                                exponent: Int.random(in: -12...6, using: &random),
                                significand: Decimal(UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 0...63, using: &random),
                                                                   using: &random)))
            let places = Int.random(in: -1...6, using: &random)
            #expect(value.fixed(places) == Self.fixedAsBefore(value, places), "\(value) \(places)")
        }
    }

    @Test("seeded: an exact sum is Decimal's sum, value and digits")
    func seededSum() {
        var random = SeededGenerator(seed: 1214)
        for _ in 0..<3_000 {
            let terms = (0..<Int.random(in: 0...20, using: &random)).map { _ in
                Decimal(sign: Bool.random(using: &random) ? .minus : .plus, exponent: Int.random(in: -4...3, using: &random),
                        significand: Decimal(UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 30...63, using: &random),
                                                           using: &random)))
            }
            let sum = DecimalRounding.sum(terms), expected = terms.reduce(0, +)
            #expect(sum == expected, "\(terms)")
            #expect(sum.plainText == expected.plainText, "\(terms)")
        }
    }

    @Test("sum edges: none, zeros, trailing zeros, NaN, 38 digits", arguments: [
        ([], "0"), (["0.00", "0.000"], "0"), (["2.50"], "2.5"), (["20", "0"], "20"), (["2.50", "1.50"], "4"),
        (["-3", "3.00"], "0"), (["0.125", "-0.025"], "0.1"), (["NaN", "1"], "NaN"),
        // Wider than Decimal: added by Decimal, as before (its rounding, whatever it is).
        (["99999999999999999999999999999999999999", "1"], nil),
        (["12345678901234567890123456789012345678", "0.5"], nil),
    ] as [([String], String?)])
    func sumEdges(literals: [String], text: String?) throws {
        let terms = try literals.map { $0 == "NaN" ? Decimal.nan : try #require(Decimal(string: $0, locale: Self.posix)) }
        let expected = terms.reduce(0, +)
        if let text { #expect(DecimalRounding.sum(terms).plainText == text) }
        #expect(DecimalRounding.sum(terms).plainText == expected.plainText)
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
