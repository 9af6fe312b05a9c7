import Foundation
import Testing
@testable import SelfEvaluation

extension ValueParser {
    /// A cell that must hold one number: `optionalNumber(_:field:)` with a not-given mark an error.
    static func number(_ text: String, field: String? = nil) throws(ValueError) -> Decimal {
        try StrictNumberReader.read(ValueText(text), field: field ?? ValueMessage.defaultField)
    }
}

private func dec(_ literal: String) -> Decimal {
    Decimal(string: literal, locale: Locale(identifier: "en_US_POSIX")) ?? .nan
}

/// A strict-number row that parses.
struct NumberCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: String
    init(_ text: String, _ expected: String) {
        self.text = text
        self.expected = expected
    }
    var testDescription: String { "\"\(text)\"" }
}

/// A strict-number row that fails at `offset`.
struct NumberErrorCase: Sendable, CustomTestStringConvertible {
    let text: String
    let offset: Int
    init(_ text: String, _ offset: Int) {
        self.text = text
        self.offset = offset
    }
    var testDescription: String { "\"\(text)\" at \(offset)" }
}

@Suite("ValueParser.number")
struct ValueParserNumberTests {
    static let valid: [NumberCase] = [
        NumberCase("702.71", "702.71"),
        NumberCase("1,234.56", "1234.56"),
        NumberCase("1，234.56", "1234.56"),
        NumberCase("1,234,567.8", "1234567.8"),
        NumberCase("１０", "10"),
        NumberCase("１２．５", "12.5"),
        NumberCase("10分", "10"),
        NumberCase("10 分", "10"),
        NumberCase("4.0", "4"),
        NumberCase("100%", "100"),
        NumberCase("100％", "100"),
        NumberCase("-3", "-3"),
        NumberCase("－3", "-3"),
        NumberCase("+2", "2"),
        NumberCase(" 5 ", "5"),
        NumberCase("\u{3000}８\u{3000}", "8"),
        NumberCase("5。", "5"),
        NumberCase("235.11万元", "235.11"),
        NumberCase("72890元", "72890"),
        NumberCase("0", "0"),
        NumberCase("0.005", "0.005"),
        NumberCase("99.99", "99.99"),
    ]

    static let invalid: [NumberErrorCase] = [
        NumberErrorCase("四", 0),
        NumberErrorCase("1四", 1),
        NumberErrorCase("  四", 2),
        NumberErrorCase("", 0),
        NumberErrorCase("   ", 0),
        NumberErrorCase("1,23", 1),
        NumberErrorCase("12,345,67", 6),
        NumberErrorCase("1234,567", 4),
        NumberErrorCase("1,2345", 1),
        NumberErrorCase("1.a", 2),
        NumberErrorCase("10 分 x", 5),
        NumberErrorCase("10家", 2),
        NumberErrorCase("—", 0),
        NumberErrorCase("abc", 0),
        NumberErrorCase("-", 1),
        NumberErrorCase("1.2.3", 3),
        NumberErrorCase("≥95", 0),
        NumberErrorCase("9 5", 2),
    ]

    @Test("valid numbers", arguments: valid)
    func validNumbers(_ row: NumberCase) throws {
        #expect(try ValueParser.number(row.text) == dec(row.expected))
    }

    @Test("invalid numbers report the offset of the first bad character", arguments: invalid)
    func invalidNumbers(_ row: NumberErrorCase) {
        #expect(throws: ValueError.self) { try ValueParser.number(row.text) }
        do {
            _ = try ValueParser.number(row.text)
        } catch {
            #expect(error.offset == row.offset)
            #expect(error.text == row.text)
            #expect(error.message.contains("不是数字"))
        }
    }

    @Test("the message names the field and the character")
    func messages() {
        do {
            _ = try ValueParser.number("1四", field: "分值")
            Issue.record("no error")
        } catch {
            #expect(error == ValueError(text: "1四", offset: 1, message: "分值不是数字:第2个字符“四”"))
        }
        do {
            _ = try ValueParser.number("", field: "得分")
            Issue.record("no error")
        } catch {
            #expect(error.message == "得分不是数字:空白")
        }
    }

    static let optional: [String] = ["", "—", "——", "―", "-", "－", "/", "／", "*", "无", "\u{3000}"]

    @Test("optionalNumber gives nil for not-given marks", arguments: optional)
    func optionalNotGiven(_ text: String) throws {
        #expect(try ValueParser.optionalNumber(text) == nil)
    }

    @Test("optionalNumber parses and throws like number")
    func optionalNumbers() throws {
        #expect(try ValueParser.optionalNumber("1,000.5") == dec("1000.5"))
        #expect(throws: ValueError.self) { try ValueParser.optionalNumber("x") }
    }
}

/// A comparator-cell row.
struct ComparatorCase: Sendable, CustomTestStringConvertible {
    let text: String
    let expected: SelfEvaluation.ValueComparator?
    init(_ text: String, _ expected: SelfEvaluation.ValueComparator?) {
        self.text = text
        self.expected = expected
    }
    var testDescription: String { "\"\(text)\"" }
}

@Suite("ValueParser.comparator and units")
struct ValueParserComparatorTests {
    static let cells: [ComparatorCase] = [
        ComparatorCase("≥", .atLeast), ComparatorCase("≧", .atLeast), ComparatorCase(">=", .atLeast),
        ComparatorCase("⩾", .atLeast), ComparatorCase("大于等于", .atLeast), ComparatorCase("不低于", .atLeast),
        ComparatorCase("以上", .atLeast), ComparatorCase("≤", .atMost), ComparatorCase("≦", .atMost),
        ComparatorCase("<=", .atMost), ComparatorCase("小于等于", .atMost), ComparatorCase("不超过", .atMost),
        ComparatorCase("以内", .atMost), ComparatorCase("=", .equal), ComparatorCase("＝", .equal),
        ComparatorCase("﹦", .equal), ComparatorCase("等于", .equal), ComparatorCase(">", .greaterThan),
        ComparatorCase("＞", .greaterThan), ComparatorCase("<", .lessThan), ComparatorCase("＜", .lessThan),
        ComparatorCase(" ≥ ", .atLeast), ComparatorCase("正向", nil), ComparatorCase("", nil), ComparatorCase("95", nil),
    ]

    @Test("operator cells", arguments: cells)
    func operatorCells(_ row: ComparatorCase) {
        #expect(ValueParser.comparator(row.text) == row.expected)
    }

    /// (value, its unit, the unit asked for, expected number or nil).
    static let conversions: [(String, MeasureUnit?, MeasureUnit?, String?)] = [
        ("235.11", .money(.tenThousandYuan), .money(.yuan), "2351100"),
        ("2351100", .money(.yuan), .money(.tenThousandYuan), "235.11"),
        ("1.5", .money(.hundredMillionYuan), .money(.tenThousandYuan), "15000"),
        ("72890", .money(.yuan), .money(.tenThousandYuan), "7.289"),
        ("90", .money(.tenThousandYuan), nil, "90"),
        ("90", nil, .money(.tenThousandYuan), "90"),
        ("99", .percent, .percent, "99"),
        ("39", .other("家"), .other("家"), "39"),
        ("39", .other("家"), .other("篇"), nil),
        ("99", .percent, .other("个"), nil),
        ("10", .money(.yuan), .percent, nil),
    ]

    @Test("unit conversion", arguments: conversions)
    func conversion(_ number: String, _ unit: MeasureUnit?, _ target: MeasureUnit?, _ expected: String?) {
        let quantity = Quantity(comparator: nil, number: dec(number), unit: unit)
        #expect(quantity.number(in: target) == expected.map(dec))
    }

    @Test("parsed money converts: 235.11万元 = 2351100元")
    func parsedMoney() {
        guard case .quantity(let amount) = ValueParser.parse("235.11万元"),
              case .quantity(let actual) = ValueParser.parse("按合同10.5万元。") else {
            Issue.record("not quantities"); return
        }
        #expect(amount.number(in: .money(.yuan)) == dec("2351100"))
        #expect(actual.number(in: .money(.yuan)) == dec("105000"))
    }
}

@Suite("ValueParser split cells and robustness")
struct ValueParserSplitCellTests {
    /// (unit cell, expected unit).
    static let units: [(String, MeasureUnit?)] = [
        ("%", .percent), ("％", .percent), ("百分比", .percent), ("元", .money(.yuan)), ("万元", .money(.tenThousandYuan)),
        ("亿元", .money(.hundredMillionYuan)), ("家", .other("家")), ("人次", .other("人次")), ("元/人", .other("元/人")),
        ("个（项）", .other("个（项）")), ("", nil), ("—", nil), ("/", nil), ("95", nil),
    ]

    @Test("unit cells", arguments: units)
    func unitCells(_ text: String, _ expected: MeasureUnit?) {
        #expect(ValueParser.unit(text) == expected)
    }

    /// (operator cell, value cell, unit cell, expected).
    static let split: [(String?, String, String?, ParsedValue)] = [
        ("≥", "95", "%", .quantity(Quantity(comparator: .atLeast, number: dec("95"), unit: .percent))),
        ("﹦", "72890", "元", .quantity(Quantity(comparator: .equal, number: dec("72890"), unit: .money(.yuan)))),
        ("=", "100", "%", .quantity(Quantity(comparator: .equal, number: dec("100"), unit: .percent))),
        ("小于等于", "≥5", nil, .quantity(Quantity(comparator: .atMost, number: dec("5"), unit: nil))),
        ("正向", "10家", "个", .quantity(Quantity(comparator: nil, number: dec("10"), unit: .other("家")))),
        (nil, "90", "万元", .quantity(Quantity(comparator: nil, number: dec("90"), unit: .money(.tenThousandYuan)))),
        ("≥", "—", "%", .notGiven),
        ("≥", "优秀", nil, .grade(.excellent)),
    ]

    @Test("values split over operator, value and unit cells", arguments: split)
    func splitCells(_ operatorText: String?, _ text: String, _ unitText: String?, _ expected: ParsedValue) {
        let parsed = ValueParser.overlay(ValueParser.parse(text), comparator: operatorText.flatMap(ValueParser.comparator),
                                         unit: unitText.flatMap(ValueParser.unit))
        #expect(parsed == expected)
    }

    /// Deterministic random texts over the parser's alphabet: nothing traps, and when
    /// `number(_:)` accepts a text that `parse(_:)` reads as a quantity, the numbers agree.
    @Test("random texts do not trap")
    func randomTexts() {
        let alphabet: [String] = [
            "1", "2", "9", "0", "１", ",", "，", ".", "．", "%", "％", "-", "－", "+", "±", " ", "\u{3000}", "≥", "≤",
            ">", "<", "=", "﹦", "年", "月", "日", "底", "前", "万元", "元", "家", "以上", "以内", "不低于", "达",
            "“", "”", "优秀", "等级", "为", "按时", "完成", "。", "—", "/", "P", "M", "\"",
        ]
        var seed: UInt64 = 0x5EED
        func next() -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int(truncatingIfNeeded: seed >> 33)
        }
        for _ in 0..<3000 {
            let length = next() % 9
            let text = (0..<length).map { _ in alphabet[next() % alphabet.count] }.joined()
            let parsed = ValueParser.parse(text)
            _ = ValueParser.comparator(text)
            _ = ValueParser.unit(text)
            if let number = try? ValueParser.number(text), case .quantity(let quantity) = parsed {
                #expect(quantity.number == number, "\(text)")
            }
        }
    }
}
