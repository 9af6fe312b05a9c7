@testable import SelfEvaluation
import TestSupport
import Testing

/// The value readers and the word searches of the scoring rules, on seeded random texts, against
/// outputs recorded in `Fixtures/golden/value-readers.txt`: recorded from the `Character` readers
/// (at 2e922ad) before the readers were rewritten to walk the Unicode scalars of the text in NFC,
/// and re-recorded by the rewrite with 140 of the 2,000 lines changed on purpose — 134 because the
/// texts the readers return (`.text`, a unit's spelling, a bad character in a message) are now in
/// NFC (Ω for the ohm sign, 年 for its CJK compatibility twin), 6 because a CJK compatibility
/// ideograph is now read as the unified ideograph it stands for (canonically the same text: "12\u{F98E}"
/// reads as "12年" does).
///
/// The texts are built from vocabulary words, digits, full-width forms, spaces and punctuation,
/// and canonically equivalent spellings (a decomposed é, ≯ as > and a combining stroke, CJK
/// compatibility ideographs for 率, 不 and 年, Ω and Ω): texts in which every character is one
/// scalar after NFC. Where a text has a character of several scalars even in NFC ("q\u{301}",
/// CR LF), the readers count scalars: `ValueTextTests` pins those cases.
@Suite("Value readers against recorded outputs (seeded)")
struct ValueReadersRecordTests {
    /// Pieces of the random texts.
    static let pieces: [String] = [
        "0", "1", "2", "5", "9", "12", "95", "100", "2023", "2019", "31", "29", "1,000", "0.5", "3.14",
        ".", ",", "-", "+", "%", "１", "０", "９", "％", "．", "，", "－", "＋", "＞", "＜", "＝", "﹦",
        "≧", "≦", "⩾", "⩽", "≥", "≤", ">", "<", "=", ">=", "<=", "±", "／", "/", "：", ":", "*", "＊",
        "…", "……", "—", "——", "―", "–", "﹣", " ", "  ", "\u{3000}", "\t", "\n", "\u{A0}", "。", ";", "；", "、",
        "元", "万元", "亿元", "万", "亿", "千", "百", "百分比", "个百分点", "人次", "个月", "平方米", "公里", "家",
        "人", "次", "mg", "km", "每", "不低于", "不超过", "大于等于", "小于", "等于", "超过", "达到", "达",
        "控制在", "以上", "以内", "以下", "及以上", "或以下", "之内", "年", "月", "日", "号", "底", "末", "度",
        "前", "之前", "内", "年底", "年末", "年内", "全年", "年度内", "于", "在", "按时", "及时", "按期", "如期",
        "准时", "规定时间内", "时限内", "完成", "全部", "到位", "拨付", "不", "未", "没", "非", "优秀", "良好",
        "合格", "不合格", "及格", "中等", "优", "良", "中", "差", "“", "”", "\"", "「", "」", "《", "》", "'",
        "等级", "等次", "评为", "评定为", "为", "是", "分别为", "率", "无", "暂无", "不适用", "一", "未完成",
        "未达到", "没有", "滞后", "延期", "未发生", "没有发生", "未出现", "部分", "基本完成", "大部分", "初步",
        "达成", "实现", "已", "达标", "顺利", "正向", "反向", "负向", "差错率", "调整率", "结余率", "控制率",
        "人员", "经费", "病虫害", "PM", "ISO", "a", "B", "x", "分", "满意度", "辖区企业", "项目", "资金",
        "按合同", "(", ")", "（", "）", "!", "！", "\u{F961}", "\u{F967}", "\u{F98E}", "e\u{301}", "é",
        ">\u{338}", "≯", "\u{2126}", "Ω", "\u{212B}", "A\u{30A}", "℃", "㎡", "α", "①",
    ]
    /// Pieces of number cells.
    static let numberPieces: [String] = [
        "0", "1", "7", "12", "100", "1234", ",", ",000", ".", ".5", "-", "+", "%", "分", "元", "万元", "亿元", "万",
        " ", "１", "２", "．", "，", "％", "－", "a", "四", "。", "百分比", "—", "/", "无",
    ]

    /// Pieces of dates and on-time values.
    static let timePieces: [String] = [
        "2023", "2019", "2020", "12", "2", "29", "30", "31", "1", "6", "年", "月", "日", "号", "底", "末", "度", "前",
        "之前", "内", "年底", "年内", "全年", "年度内", "于", "在", "按时", "及时", "按期", "规定时间内", "完成", "全部",
        "到位", "拨付", "不", "未", " ", "。", "项目", "\u{F98E}",
    ]
    /// Pieces of grades.
    static let gradePieces: [String] = [
        "优秀", "良好", "合格", "不合格", "中等", "优", "良", "中", "差", "率", "“", "”", "\"", "《", "》", "'",
        "等级", "评为", "评定为", "为", "是", ":", "分别为", " ", "考核", "结果", "\u{F967}",
    ]

    /// A choice in 0..<n from the generator, the same on every platform and Swift version.
    static func pick(_ n: Int, _ g: inout SeededGenerator) -> Int { Int(g.next() % UInt64(n)) }

    static func text(_ pieces: [String], _ length: Int, _ g: inout SeededGenerator) -> String {
        (0..<length).map { _ in pieces[pick(pieces.count, &g)] }.joined()
    }

    /// `text` in ASCII and CJK unified ideographs, every other scalar as \u{X}, so that the record
    /// shows every scalar as it is (String comparison would not tell canonically equal texts apart).
    static func escaped(_ text: String) -> String {
        var result = ""
        for scalar in text.unicodeScalars {
            if (0x20...0x7E).contains(scalar.value) && scalar != "\\" && scalar != "|" || (0x4E00...0x9FFF).contains(scalar.value) {
                result.unicodeScalars.append(scalar)
            } else {
                result += "\\u{" + String(scalar.value, radix: 16, uppercase: true) + "}"
            }
        }
        return result
    }

    static func describe(_ value: ParsedValue) -> String {
        switch value {
        case .notGiven: "notGiven"
        case .text(let text): "text(\(text))"
        case .grade(let grade): "grade(\(grade))"
        case .time(let t): "time(\(t.year.map(String.init) ?? "-") \(t.month.map(String.init) ?? "-") \(t.day.map(String.init) ?? "-") \(t.onTime))"
        case .quantity(let q): "quantity(\(q.comparator.map(\.rawValue) ?? "-") \(q.number.plainText) \(q.unit.map(\.description) ?? "-"))"
        }
    }

    static func number(_ text: String) -> String {
        do {
            return try ValueParser.optionalNumber(text, field: "分值").map(\.plainText) ?? "nil"
        } catch {
            return "error(\(error.offset) \(error.message))"
        }
    }

    /// One line per text: what every reader makes of it.
    static func line(_ text: String, echoTarget: String) -> String {
        let tier = TierReader().read(text: text)
        let fields = [
            text,
            "parse=" + describe(ValueParser.parse(text)),
            "number=" + number(text),
            "unit=" + (ValueParser.unit(text).map(\.description) ?? "nil"),
            "comparator=" + (ValueParser.comparator(text)?.rawValue ?? "nil"),
            "notGiven=\(ValueParser.isNotGiven(text))",
            "tier=\(tier.tier) \(tier.placed) \(tier.basis)",
            "lower=" + (DirectionInference.lowerIsBetterWord(in: text) ?? "nil"),
            "direction=" + (directionWord(in: text) ?? "nil"),
            "echo(\(echoTarget))=\(TargetEchoRule.echoes(actual: text, target: echoTarget))",
        ]
        return fields.map(escaped).joined(separator: " | ")
    }

    /// The first direction word in `text`, as `DirectionRule.statedDirection` searches it.
    static func directionWord(in text: String) -> String? {
        let searched = SearchedText(text)
        return WordList(Vocabulary.ScoringWords.negativeDirectionWords).first(in: searched)
            ?? WordList(Vocabulary.ScoringWords.positiveDirectionWords).first(in: searched)
    }

    @Test func everyReaderReadsTheRecordedTextsAsRecorded() throws {
        var g = SeededGenerator(seed: 0x0005_CA1A_2026)
        var lines: [String] = []
        for k in 0..<2000 {
            let text = switch k % 4 {
            case 0: Self.text(Self.numberPieces, 1 + Self.pick(6, &g), &g)
            case 1: Self.text(Self.timePieces, 1 + Self.pick(6, &g), &g)
            case 2: Self.text(Self.gradePieces, 1 + Self.pick(5, &g), &g)
            default: Self.text(Self.pieces, Self.pick(13, &g), &g)
            }
            // An echo target: some of the text's own pieces, or other pieces.
            let target = Self.pick(2, &g) == 0 ? String(text.suffix(1 + Self.pick(4, &g)))
                : Self.text(Self.pieces, 1 + Self.pick(2, &g), &g)
            lines.append(Self.line(text, echoTarget: target))
        }
        try Golden.check(lines.joined(separator: "\n") + "\n", against: "value-readers.txt")
    }
}
