import Foundation
@testable import SelfEvaluation
import TestSupport
import Testing

/// `YearText.yearBefore` reads the text's NFC scalars; the oracle is the previous reading:
/// Foundation's `range(of:)` for the suffix, then the `Character`s before it.
@Suite("YearText against Foundation (seeded)")
struct YearTextTests {
    static let pieces: [String] = [
        "2023", "2", "0", "19", "202", " ", "\u{3000}", "\t", "年度", "年", "度", "\u{F98E}", "\u{FA01}", "(", ")", "（",
        "２０２３", "\u{301}", "\u{308}", "\u{FE00}", "\u{200D}", "\u{200C}", "\u{600}", "\u{903}", "\u{B3E}", "\r\n", "\n",
        "e", "项目", "自评表", "12345",
    ]

    static func previousYearBefore(_ suffix: String, in text: String) -> Int? {
        var searchStart = text.startIndex
        while let range = text.range(of: suffix, range: searchStart..<text.endIndex) {
            let digits = text[..<range.lowerBound].reversed().drop { $0 == " " || $0 == "\u{3000}" }
                .prefix { $0.isASCII && $0.isNumber }
            if digits.count == 4, let year = Int(String(digits.reversed())) { return year }
            searchStart = range.upperBound
        }
        return nil
    }

    @Test func readsTheYearAsTheCharacterWalkAfterFoundation() {
        var g = SeededGenerator(seed: 0x5EED_0021)
        for _ in 0..<6000 {
            let text = (0..<Int.random(in: 0...7, using: &g)).map { _ in Self.pieces.randomElement(using: &g) ?? "" }.joined()
            #expect(YearText.yearBefore("年度", in: text) == Self.previousYearBefore("年度", in: text), "\(text.debugDescription)")
        }
    }

    @Test(arguments: [("(2023年度)", 2023), ("( 2019 年度)", 2019), ("(　2019　年度)", 2019), ("12023年度", nil),
                      ("203年度", nil), ("2023年", nil), ("2023\u{F98E}度", 2023), ("2023年度\u{301} 2024年度", 2024),
                      ("\u{600}2023年度", nil), ("２０２３年度", nil), ("", nil)] as [(String, Int?)])
    func cases(_ row: (String, Int?)) {
        #expect(YearText.yearBefore("年度", in: row.0) == row.1)
        #expect(Self.previousYearBefore("年度", in: row.0) == row.1)
    }
}
