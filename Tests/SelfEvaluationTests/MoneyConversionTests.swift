import Foundation
import Testing
import TestSupport
@testable import SelfEvaluation

/// Converting money between 元, 万元 and 亿元 moves the decimal point (`Quantity.number(in:)`):
/// checked against multiplying and dividing by the scales with `Decimal` arithmetic, value and
/// printed digits alike, on seeded random amounts.
@Suite("Money conversion (seeded)")
struct MoneyConversionTests {
    @Test("each scale is its power of ten")
    func powers() {
        for scale in MoneyScale.allCases {
            #expect(Decimal(sign: .plus, exponent: scale.powerOfTen, significand: 1) == Decimal(scale.rawValue))
        }
    }

    @Test("moving the point gives what multiplying and dividing gave, to the printed digit")
    func movingThePoint() {
        var g = SeededGenerator(seed: 0x0005_CA1E)
        for _ in 0..<3_000 {
            let digits = (0..<Int.random(in: 1...30, using: &g)).map { _ in String(Int.random(in: 0...9, using: &g)) }.joined()
            let point = Int.random(in: 0...digits.count, using: &g)
            var literal = point == digits.count || point == 0 ? digits
                : String(digits.prefix(point)) + "." + String(digits.dropFirst(point))
            if Bool.random(using: &g) { literal = "-" + literal }
            guard let number = Decimal.parsing(literal) else {
                Issue.record("not parsed: \(literal)")
                continue
            }
            for from in MoneyScale.allCases {
                for to in MoneyScale.allCases {
                    let quantity = Quantity(comparator: nil, number: number, unit: .money(from))
                    let expected = number * Decimal(from.rawValue) / Decimal(to.rawValue)
                    let converted = quantity.number(in: .money(to))
                    #expect(converted == expected, "\(literal) \(from) → \(to)")
                    #expect(converted?.plainText == expected.plainText, "\(literal) \(from) → \(to)")
                }
            }
        }
    }
}
