import Foundation

/// A bare magnitude as a unit ("200万", "1.2亿") beside a money unit ("195.5万元") is that money
/// unit: 万 = 万元, 亿 = 亿元. Alone, or beside another unit, it stays as written (200万 against 万人
/// does not convert).
extension MeasureUnit {
    /// The money scale a bare magnitude stands for.
    static let bareMagnitudes: [String: MoneyScale] = ["万": .tenThousandYuan, "亿": .hundredMillionYuan]

    /// `self` read as money when it is a bare magnitude and `other` is money; else `self`.
    func asMoney(against other: MeasureUnit?) -> MeasureUnit {
        guard case .other(let written) = self, case .money? = other,
              let scale = Self.bareMagnitudes[written] else { return self }
        return .money(scale)
    }
}
