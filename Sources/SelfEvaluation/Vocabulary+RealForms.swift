import Foundation

// Messages of the real-form checks: a value with text the reader cannot place (`UnreadValueRule`),
// a 一级 cell that states only its points (`Level1FromSection`).

extension Vocabulary.ScoringMessage {
    /// The target's field name in `valueUnread…` messages.
    public static let targetFieldName = "年度指标值"
    /// The actual's field name in `valueUnread…` messages.
    public static let actualFieldName = "实际完成值"

    /// A value with text the reader could not place, the printed score kept.
    public static func valueUnreadKept(field: String, text: String, unread: String, kept: String) -> String {
        "\(unreadPart(field: field, text: text, unread: unread)),未按公式重算,保留表中得分\(kept),请核实。"
    }

    /// The same, with no printed score to keep: scored on what was read.
    public static func valueUnreadScored(field: String, text: String, unread: String) -> String {
        "\(unreadPart(field: field, text: text, unread: unread)),表中未填得分,已按读出的部分评分,请核实。"
    }

    /// The generated 原因 of a row whose printed score was kept for an unreadable value.
    public static func reasonValueUnread(field: String, text: String, kept: String, lost: String) -> String {
        "\(field)“\(text)”无法读出,按表中得分\(kept)计,扣\(lost)分。"
    }

    private static func unreadPart(field: String, text: String, unread: String) -> String {
        unread == text
            ? "\(field)“\(text)”含不止一个数,无法读作一个值"
            : "\(field)“\(text)”中的“\(unread)”无法读出(多余的单位或文字)"
    }
}

extension Vocabulary.TemplateMessage {
    /// A 一级 cell with only its points, named from its section.
    public static func level1FromSection(label: String, name: String, basis: String) -> String {
        "一级指标单元格只写了“\(label)”,\(basis)归入\(name),所写分值照用"
    }

    /// The basis of `level1FromSection`: the row's 二级 name.
    public static func level1BasisLevel2(_ level2: String) -> String { "按二级指标“\(level2)”" }
    /// The basis of `level1FromSection`: the national order of sections.
    public static let level1BasisOrder = "按全国通用表样的一级指标顺序(产出、效益、满意度)"

    /// A 一级 cell with only its points that cannot be placed.
    public static func level1Unnamed(_ label: String) -> String {
        "一级指标单元格只写了“\(label)”,无法判断属于哪个一级指标,请写明名称;所写分值照用,以原文作为名称"
    }
}
