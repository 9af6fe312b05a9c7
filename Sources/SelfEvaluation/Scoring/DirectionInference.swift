import Foundation

/// The direction of a quantitative indicator whose target has no comparator, read from the
/// indicator's name: a rate whose name says "less is better" (预算调整率, 结转结余率, 差错率,
/// 投诉率 …) is scored lower-is-better, with a `direction-inferred` warning at the name.
///
/// The table is data: `lowerIsBetterPatterns` are name parts that always mean lower-is-better;
/// `controlRate` (控制率) means it only with a word of staff or spending before it
/// (`controlledThings`: 财政供养人员控制率, 公用经费控制率, 三公经费控制率), since 病虫害控制率
/// or 疫情控制率 are higher-is-better.
enum DirectionInference {
    /// Name parts that mean lower-is-better.
    static let lowerIsBetterPatterns: [String] = [
        "差错率", "出错率", "错误率", "失误率", "调整率", "结余率", "结转率", "超支率", "投诉率", "事故率",
        "发生率", "返工率", "闲置率", "空置率", "不合格率", "违规率", "违纪率", "损失率", "逾期率",
        "延误率", "误报率", "漏报率", "流失率", "辍学率", "超标率",
    ]
    /// 控制率: lower-is-better only with one of `controlledThings` in the name.
    static let controlRate = "控制率"
    /// What a 控制率 holds down: staff and spending.
    static let controlledThings: [String] = [
        "人员", "编制", "供养", "经费", "支出", "费用", "成本", "三公", "开支", "预算", "资金",
    ]

    private static let patterns = WordList(lowerIsBetterPatterns)
    private static let control = ValueText.scalars(of: controlRate)
    private static let things = WordList(controlledThings)

    /// The name part that makes `name` lower-is-better, or nil.
    static func lowerIsBetterWord(in name: String) -> String? {
        let text = SearchedText(name, droppingWhitespace: true)
        if let word = patterns.first(in: text) { return word }
        if let end = WordList.find(control, in: text.scalars, from: 0),
           things.first(in: SearchedText(scalars: Array(text.scalars[..<end]))) != nil {
            return controlRate
        }
        return nil
    }
}
