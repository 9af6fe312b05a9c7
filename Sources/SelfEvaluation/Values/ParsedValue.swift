import Foundation

/// How a quantitative target compares: the operator written or implied.
public enum ValueComparator: String, Sendable, Codable, Equatable, CaseIterable {
    /// ≥, 不低于, 以上, a bare number.
    case atLeast
    /// >, 高于, 超过 (strict form of atLeast).
    case greaterThan
    /// ≤, 不超过, 以内, 以下.
    case atMost
    /// <, 低于 (strict form of atMost).
    case lessThan
    /// =, ＝, ﹦, 等于.
    case equal

    /// The scoring direction this comparator implies.
    public var direction: Direction {
        switch self {
        case .atLeast, .greaterThan: .positive
        case .atMost, .lessThan: .negative
        case .equal: .equal
        }
    }
}

/// The direction of a quantitative indicator.
public enum Direction: String, Sendable, Codable, Equatable {
    /// More is better (正向).
    case positive
    /// Less is better (反向).
    case negative
    /// Equal to the target; scored as positive, with target 0 special.
    case equal
}

/// A unit of measure. Money units convert into each other; others must match exactly.
public enum MeasureUnit: Sendable, Equatable, Hashable, CustomStringConvertible {
    /// %, ％, 百分比.
    case percent
    /// 元 (scale 1), 万元 (10,000), 亿元 (100,000,000).
    case money(MoneyScale)
    /// Anything else, as written: 家, 篇, 个, 人次, 天 …
    case other(String)

    public var description: String {
        switch self {
        case .percent: "%"
        case .money(let s): s.symbol
        case .other(let s): s
        }
    }
}

/// A money unit: the number of 元 it stands for.
public enum MoneyScale: Int, Sendable, Equatable, Hashable, CaseIterable {
    case yuan = 1
    case tenThousandYuan = 10_000
    case hundredMillionYuan = 100_000_000

    /// 元 / 万元 / 亿元.
    public var symbol: String {
        switch self {
        case .yuan: Vocabulary.yuan
        case .tenThousandYuan: Vocabulary.wanYuan
        case .hundredMillionYuan: Vocabulary.yiYuan
        }
    }

    /// The scale as a power of ten: 0, 4, 8.
    public var powerOfTen: Int {
        switch self {
        case .yuan: 0
        case .tenThousandYuan: 4
        case .hundredMillionYuan: 8
        }
    }
}

/// A number with an optional comparator and unit: "≥99%", "10家以上", "235.11万元".
public struct Quantity: Sendable, Equatable {
    /// The comparator written or implied by words; nil for a bare number.
    public var comparator: ValueComparator?
    /// The number as written, exactly (99% → 99).
    public var number: Decimal
    /// The unit, when one is written.
    public var unit: MeasureUnit?

    /// The number expressed in `other`, when the units are the same or both money; nil otherwise.
    /// A nil unit on either side is compatible (the actual inherits the target's unit); a bare 万/亿
    /// beside money is 万元/亿元 (`asMoney(against:)`).
    public func number(in other: MeasureUnit?) -> Decimal? {
        switch (unit.map { $0.asMoney(against: other) }, other.map { $0.asMoney(against: unit) }) {
        case (nil, _), (_, nil): return number
        case let (.money(from)?, .money(to)?):
            // The scales are powers of ten: converting moves the decimal point (no division).
            guard number != 0 else { return number }
            return Decimal(sign: number.sign, exponent: from.powerOfTen - to.powerOfTen, significand: number.magnitude)
        case let (a?, b?): return a == b ? number : nil
        }
    }
}

/// A time target or result: "12月底前", "12月31日前", "年底前", "按时完成".
public struct TimeValue: Sendable, Equatable {
    /// The year when written ("2023年12月底前" → 2023, "2019年度" → 2019); nil takes the form's year.
    public var year: Int?
    /// Month and day when written (年底 → 12, 31).
    public var month: Int?
    public var day: Int?
    /// "按时", "及时", "按期": on time without a date.
    public var onTime: Bool
}

/// The grade scale: 优秀 > 良好 > 合格/中等 > 不合格/差.
public enum Grade: Int, Sendable, Equatable, Comparable, CaseIterable {
    case fail = 0
    case pass = 1
    case good = 2
    case excellent = 3

    public static func < (lhs: Grade, rhs: Grade) -> Bool { lhs.rawValue < rhs.rawValue }
}

/// What a target or actual text means.
public enum ParsedValue: Sendable, Equatable {
    /// Empty, "—", "-", "/", "无".
    case notGiven
    case quantity(Quantity)
    case time(TimeValue)
    case grade(Grade)
    /// Anything else, trimmed.
    case text(String)
}

/// A number cell that is not a number ("分值" = "四"), with the offset of the first bad character.
public struct ValueError: Error, Sendable, Equatable {
    public var text: String
    /// Offset inside the cell, in Unicode scalars of the cell's text in NFC.
    public var offset: Int
    public var message: String
}
