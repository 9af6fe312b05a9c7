import Foundation
import SelfEvaluation
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

    @Test("property: the double of a decimal is the one its text reads as (seeded, exact and other cases)")
    func doubleMatchesTheText() throws {
        var g = SeededGenerator(seed: 0xD0B1E)
        var exact = 0
        for _ in 0..<20_000 {
            let wide = Bool.random(using: &g)
            let magnitude = wide ? Decimal(UInt64.random(in: 0...UInt64.max, using: &g)) * Decimal(UInt64.random(in: 1...1_000, using: &g))
                : Decimal(UInt64.random(in: 0...(1 << 54), using: &g) >> UInt64.random(in: 0...50, using: &g))
            let value = Decimal(sign: Bool.random(using: &g) ? .minus : .plus, exponent: Int.random(in: -30...30, using: &g),
                                significand: magnitude)
            let expected = try #require(Double(value.description))
            let double = try CBridge.double(value, "test", nil)
            #expect(double == expected && double.sign == expected.sign, "\(value)")
            if CBridge.exactDouble(value) != nil { exact += 1 }
        }
        #expect(exact > 5_000)  // both ways are exercised
    }

    @Test("a form's figures take the exact way; 2^53, 10^23 and more than 64 bits do not", arguments: [
        ("12.34", true), ("-0.0825", true), ("100", true), ("1234567.89", true), ("0", true), ("9007199254740991", true),
        ("9007199254740992", false), ("1e22", true), ("1e23", false), ("0.0000000000000000000001", true),
        ("0.00000000000000000000001", false), ("123456789012345678901234", false),
    ])
    func exactCases(text: String, exact: Bool) throws {
        let value = try #require(Decimal(string: text, locale: Locale(identifier: "en_US_POSIX")))
        #expect((CBridge.exactDouble(value) != nil) == exact)
        #expect(try CBridge.double(value, "test", nil) == Double(text))
    }

    @Test("property: a text found ready is what cellText makes of it; every other goes through it (seeded)")
    func cellTextReadiness() throws {
        let pieces = ["a", "绩效", " ", "\t", "\n", "\r", "_", "_x0041_", "_X00aF_", "x0041", "\u{1}", "\u{1F}", "\u{0}",
                      "\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{EFBF}", "ï¿", "😀", "é", "e\u{301}", "…"]
        var g = SeededGenerator(seed: 0xCE11)
        var ready = 0
        for _ in 0..<20_000 {
            let text = (0..<Int.random(in: 0...8, using: &g)).map { _ in pieces.randomElement(using: &g) ?? "" }.joined()
            if text.utf8.contains(0) {
                #expect(throws: XLSXError.self) { try CBridge.cellText(text, "the text", "test", nil) }
                #expect(!CBridge.isCellReady(text))
                continue
            }
            #expect(try CBridge.cellText(text, "the text", "test", nil) == XMLText.cellText(text), "\(text.debugDescription)")
            if CBridge.isCellReady(text) {
                #expect(XMLText.cellText(text) == text, "\(text.debugDescription)")
                ready += 1
            }
        }
        #expect(ready > 2_000)
    }

    /// The byte-by-byte readiness test the word-at-a-time ``CBridge/isCellReady(_:)`` replaced.
    static func referenceReady(_ text: String) -> Bool {
        let bytes = Array(text.utf8)
        guard bytes.count <= XMLText.cellLimit else { return false }
        for (index, byte) in bytes.enumerated() {
            if byte < 0x20 {
                guard byte == 0x09 || byte == 0x0A || byte == 0x0D else { return false }
            } else if byte == 0x5F {
                return false
            } else if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE {
                return false
            }
        }
        return true
    }

    @Test("property: readiness eight bytes at a time agrees with the byte loop it replaced, at every offset (seeded)")
    func readyMatchesByteLoop() {
        // Every byte the word test must catch (below 0x20, 0x5F, 0xEF …) and its neighbours
        // (0x20, 0x5E, 0x60, 0xEE, 0xF0 and CJK lead bytes), split across word boundaries by
        // ASCII padding of every length.
        let pieces = ["a", "绩效", " ", "\t", "\n", "\r", "_", "^", "`", "\u{1}", "\u{1F}", "\u{7F}", "\u{FFFE}",
                      "\u{FFFF}", "\u{FFFD}", "\u{FFBE}", "\u{EFBF}", "％", "（", "\u{F000}", "\u{E000}", "😀", "é"]
        var g = SeededGenerator(seed: 0x5EAD_F00D)
        var ready = 0
        var notReady = 0
        for _ in 0..<20_000 {
            let padding = String(repeating: "p", count: Int.random(in: 0...15, using: &g))
            let body = (0..<Int.random(in: 0...24, using: &g)).map { _ in
                Int.random(in: 0..<4, using: &g) == 0 ? (pieces.randomElement(using: &g) ?? "") : "绩"
            }.joined()
            let text = padding + body
            let expected = Self.referenceReady(text)
            #expect(CBridge.isCellReady(text) == expected, "\(text.debugDescription)")
            if expected { ready += 1 } else { notReady += 1 }
        }
        #expect(ready > 2_000 && notReady > 2_000)
    }

    @Test("every byte value at every place of a word is judged as the byte loop judges it")
    func readyEveryByte() {
        for value in UInt8(1)...UInt8(0x7F) {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + String(UnicodeScalar(value)) + "bcdefghij"
                #expect(CBridge.isCellReady(text) == Self.referenceReady(text), "\(value) at \(offset)")
            }
        }
        for scalar in ["\u{FFFE}", "\u{FFFF}", "\u{FFFD}", "\u{FFBF}", "\u{FC00}", "\u{F8FF}"] {
            for offset in 0..<17 {
                let text = String(repeating: "a", count: offset) + scalar + "bcdefghij"
                let tail = String(repeating: "a", count: offset) + scalar
                #expect(CBridge.isCellReady(text) == Self.referenceReady(text), "\(scalar.debugDescription) at \(offset)")
                #expect(CBridge.isCellReady(tail) == Self.referenceReady(tail), "\(scalar.debugDescription) ending at \(offset)")
            }
        }
    }

    @Test("a text is ready up to 32,767 UTF-8 bytes, not beyond", arguments: [
        (String(repeating: "a", count: 32_767), true), (String(repeating: "a", count: 32_768), false),
        (String(repeating: "绩", count: 10_922), true), (String(repeating: "绩", count: 10_923), false),
        ("snake_case", false), ("\u{FFFE}", false), ("\u{FFFD}", true), ("a\r\nb\tc", true), ("\u{7}", false),
    ])
    func readyLengths(text: String, ready: Bool) throws {
        #expect(CBridge.isCellReady(text) == ready)
        #expect(try CBridge.cellText(text, "the text", "test", nil) == XMLText.cellText(text))
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
