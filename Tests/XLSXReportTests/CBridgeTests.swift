import Foundation
import Testing
import TestSupport
@testable import XLSXReport

@Suite("Decimal to double")
struct CBridgeTests {
    @Test("the shortcut gives the double nearest the decimal's text", arguments: [
        "0", "0.92", "9.78", "-3.13", "734.78", "0.0000000000000000000001", "123456789012345678",
        "9007199254740993", "1e22", "-0.5", "2.075", "99.99999999999999",
    ])
    func examples(text: String) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        let expected = try #require(Double(value.description))
        #expect(try CBridge.double(value, "test", nil) == expected)
    }

    @Test("seeded: every decimal the shortcut takes matches reading its text")
    func seeded() throws {
        var random = SeededGenerator(seed: 20261130)
        var taken = 0
        for _ in 0..<20_000 {
            let digits = Int.random(in: 1...17, using: &random)
            var mantissa: UInt64 = 0
            for _ in 0..<digits { mantissa = mantissa * 10 + UInt64.random(in: 0...9, using: &random) }
            let exponent = Int16.random(in: -24...24, using: &random)
            let value = Decimal(sign: Bool.random(using: &random) ? .minus : .plus, exponent: Int(exponent),
                                significand: Decimal(mantissa))
            let expected = try #require(Double(value.description))
            if let fast = CBridge.exactDouble(value) {
                taken += 1
                #expect(fast == expected, "\(value)")
            }
            #expect(try CBridge.double(value, "test", nil) == expected, "\(value)")
        }
        #expect(taken > 10_000)
    }

    @Test("NUL is found anywhere, in native and bridged strings", arguments: [
        ("", false), ("abc", false), ("a\u{0}b", true), ("\u{0}", true), ("绩效自评\u{0}", true), ("绩效自评", false),
    ])
    func nul(text: String, expected: Bool) {
        #expect(CBridge.containsNUL(text) == expected)
        #expect(CBridge.containsNUL(NSString(string: text) as String) == expected)
    }
}
