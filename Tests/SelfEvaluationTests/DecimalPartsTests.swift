import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

@Suite("Decimal parts")
struct DecimalPartsTests {
    @Test("the memory layout is the one expected on this platform")
    func layoutKnown() {
        #expect(DecimalFields.isAvailable)
    }

    @Test("parts of examples", arguments: [
        ("734.78", false, -2, UInt64(73478)), ("-3.13", true, -2, UInt64(313)), ("0", false, 0, UInt64(0)),
        ("18446744073709551615", false, 0, UInt64.max),
    ])
    func examples(text: String, negative: Bool, exponent: Int, mantissa: UInt64) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        let parts = try #require(DecimalParts(value))
        #expect(parts == DecimalParts(isNegative: negative, exponent: exponent, mantissa: mantissa))
    }

    @Test("NaN and mantissas wider than 64 bits have no parts")
    func none() throws {
        #expect(DecimalParts(Decimal.nan) == nil)
        let wide = try #require(Decimal(string: "18446744073709551616"))
        #expect(DecimalParts(wide) == nil)
    }

    @Test("seeded: the parts rebuild the value")
    func seeded() {
        var random = SeededGenerator(seed: 7)
        for _ in 0..<10_000 {
            let significand = UInt64.random(in: 0...UInt64.max >> UInt64.random(in: 0...63, using: &random), using: &random)
            let value = Decimal(sign: Bool.random(using: &random) ? .minus : .plus, exponent: Int.random(in: -30...30, using: &random),
                                significand: Decimal(significand))
            guard let parts = DecimalParts(value) else {
                Issue.record("no parts for \(value)")
                continue
            }
            let rebuilt = Decimal(sign: parts.isNegative ? .minus : .plus, exponent: parts.exponent, significand: Decimal(parts.mantissa))
            #expect(rebuilt == value, "\(value)")
        }
    }
}
