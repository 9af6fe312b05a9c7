import Foundation

/// Parses the texts of a self-evaluation form: targets and actuals (年度指标值 / 实际完成值) into
/// `ParsedValue`, and number cells (分值, 得分, amounts) into `Decimal`.
///
/// Every text is first folded (full-width digits and ．％＋－，＞＜＝﹦ to ASCII, ≧⩾ to ≥, ≦⩽ to ≤,
/// U+3000 and other whitespace to a space) and trimmed (spaces, and trailing 。;；,，.．、).
///
/// `parse(_:)` then tries, in order:
/// 1. not given: empty, 无/暂无/不适用, or only dashes, slashes, asterisks, ellipses ("—", "——",
///    "―", "-", "/", "*", "……");
/// 2. a time: a date that makes up the whole text ("12月底前", "2023年12月31日前", "年底前完成",
///    "2020年全年"; 底/末 = last day of the month, year-end words = December 31), or a short text
///    without digits ending in an on-time word plus tail words ("按时完成", "及时", "按期完成");
/// 3. a grade: the whole text is a grade word (优秀, 良好, 合格, 不合格 …), or a longer text names
///    exactly one grade in quotation marks or after 等级/等次/评为/评定为 ("评定等级分别为“优秀”");
///    texts naming several different grades stay text. 达标, 好, 高 are not grades;
/// 4. a quantity: at most 20 characters (Unicode scalars) with exactly one number that can be a value — a year
///    ("2022年"), a month or day, a number glued to letters before it ("PM2.5") does not count,
///    and "±" (a band such as "±10%") makes the text a text. The comparator comes from a symbol
///    or explicit word right before the number (≥, 不低于, 大于等于, 超过, 不超过, 低于, 等于 …),
///    else a word right after the unit (以上 ⇒ ≥; 以内/以下 ⇒ ≤), else a weak word before the
///    number (达/达到 ⇒ ≥, 控制在 ⇒ ≤), else none (a bare number). The unit follows the number.
///    A longer text is a quantity when its one number carries a strong comparator
///    ("结余率(计算方法为:结余数/预算数)≤5%", `ExplainedQuantityReader`);
/// 5. otherwise text: the trimmed original.
public enum ValueParser {
    /// Parses a target or actual text. Never fails: what is not recognised is `.text`.
    public static func parse(_ text: String) -> ParsedValue { read(ValueText(text)).value }

    /// `parse(_:)` with what the reading left doubtful (`ValueReading.unread`), from one pass over the text.
    public static func reading(_ text: String) -> ValueReading { read(ValueText(text)) }

    /// `reading(_:)` of a prepared text.
    static func read(_ value: ValueText) -> ValueReading {
        if value.isNotGiven { return ValueReading(value: .notGiven) }
        let scalars = value.scalars
        if let time = TimeReader.read(scalars) { return ValueReading(value: .time(time)) }
        if let grade = GradeReader.read(scalars) { return ValueReading(value: .grade(grade)) }
        if let found = QuantityReader.valueToken(scalars) {
            return ValueReading(value: .quantity(QuantityReader.read(scalars, token: found.token, number: found.number)),
                                unread: UnreadValueText.find(scalars, token: found.token))
        }
        if let quantity = ExplainedQuantityReader.read(scalars) { return ValueReading(value: .quantity(quantity)) }
        return ValueReading(value: .text(value.trimmedOriginal))
    }

    /// Parses a cell that holds one number, or a not-given mark ("", "—", "/", "无" …: nil):
    /// "702.71", "1,234.56", "１０", "10分", "4.0", "100%" (→ 100), "-3", "235.11万元" (→ 235.11, the
    /// unit is not applied).
    ///
    /// - Parameter field: the cell's name used in the message ("分值"); a generic word when nil.
    /// - Throws: `ValueError` whose `offset` is the 0-based offset of the first bad character in
    ///   `text`, in Unicode scalars of the text in NFC and whose message is Chinese ("分值不是数字:第2个字符“四”").
    public static func optionalNumber(_ text: String, field: String? = nil) throws(ValueError) -> Decimal? {
        let value = ValueText(text)
        if value.isNotGiven { return nil }
        return try StrictNumberReader.read(value, field: field ?? ValueMessage.defaultField)
    }

    /// A parsed value with the split cells read, as in forms with separate 指标方向/计算符号 and
    /// 度量单位 columns ("≥" | "95" | "%"): `comparator` (the operator cell's, the stronger source)
    /// replaces a quantity's own; `unit` (the unit cell's) fills in a quantity without one.
    public static func overlay(_ value: ParsedValue, comparator: ValueComparator?, unit: MeasureUnit?) -> ParsedValue {
        guard case .quantity(var quantity) = value else { return value }
        if let comparator { quantity.comparator = comparator }
        if quantity.unit == nil, let unit { quantity.unit = unit }
        return .quantity(quantity)
    }

    /// Reads a cell that holds only a unit (a 度量单位 column): "%", "百分比" → `.percent`;
    /// "元", "万元", "亿元" → `.money`; "家", "人次", "元/人" … → `.other`. Nil for a not-given
    /// cell, or for text with digits or longer than `maxUnitLength` scalars.
    public static func unit(_ text: String) -> MeasureUnit? {
        let value = ValueText(text)
        guard !value.isNotGiven, value.count <= maxUnitLength else { return nil }
        let scalars = value.scalars
        guard !scalars.items.contains(where: ValueScalars.isDigit) else { return nil }
        let (unit, end) = QuantityReader.readUnit(scalars, at: 0)
        if let unit, end == scalars.count { return unit }
        return .other(value.trimmedFolded)
    }

    /// Longest text `unit(_:)` accepts.
    public static let maxUnitLength = 8

    /// Whether `text` means "not given" ("", "—", "——", "―", "-", "－", "/", "／", "*", "无" …).
    public static func isNotGiven(_ text: String) -> Bool { ValueText(text).isNotGiven }

    /// Reads a cell that holds only an operator, as in a 指标方向 / 计算符号 column or a target split
    /// over cells ("≥" | "95" | "%"): a symbol (≥ ≧ >= ≤ ≦ <= > < = ＝ ﹦) or a comparator word
    /// (大于等于, 不低于, 以上, 小于等于, 不超过, 以内, 等于 …). Nil for anything else.
    public static func comparator(_ text: String) -> ValueComparator? {
        let word = ValueText(text).trimmedFolded
        if let symbol = ValueWords.comparatorSymbols.first(where: { $0.symbol == word }) { return symbol.comparator }
        return ValueWords.comparatorPrefixWords[word]
            ?? ValueWords.comparatorSuffixWords[word]
            ?? ValueWords.weakComparatorPrefixWords[word]
    }
}

typealias ValueMessage = Vocabulary.ValueMessage
