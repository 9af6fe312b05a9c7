import Foundation
import Testing
import TestSupport
@testable import XLSXReport

@Suite("Decimal to double")
struct CBridgeTests {
    @Test("a decimal becomes the double nearest its text", arguments: [
        ("0", 0.0), ("0.92", 0.92), ("9.78", 9.78), ("-3.13", -3.13), ("734.78", 734.78),
        ("0.0000000000000000000001", 1e-22), ("123456789012345678", 123456789012345678.0),
        ("9007199254740993", 9007199254740992.0), ("1e22", 1e22), ("-0.5", -0.5), ("2.075", 2.075),
        ("99.99999999999999", 99.99999999999999),
    ])
    func examples(text: String, expected: Double) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect(try CBridge.double(value, "test", nil) == expected)
    }

    @Test("NaN is refused")
    func nan() {
        #expect(throws: XLSXError.self) { try CBridge.double(Decimal.nan, "test", nil) }
    }

    @Test("NUL is found anywhere, in native and bridged strings", arguments: [
        ("", false), ("abc", false), ("a\u{0}b", true), ("\u{0}", true), ("绩效自评\u{0}", true), ("绩效自评", false),
    ])
    func nul(text: String, expected: Bool) {
        #expect(CBridge.containsNUL(text) == expected)
        #expect(CBridge.containsNUL(NSString(string: text) as String) == expected)
    }
}
