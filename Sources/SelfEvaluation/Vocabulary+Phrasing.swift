import Foundation

/// The messages of the rules for real forms' phrasings (issue 12): deadlines with years, inferred
/// directions, contradictions, targets stated again, qualitative reasons, stated totals, empty forms.
extension Vocabulary.ScoringMessage {
    public static func targetEchoed(_ target: String) -> String { "实际完成值写明了年度指标值“\(target)”" }

    public static func directionInferred(word: String, target: String) -> String {
        "年度指标值“\(target)”未写比较符,指标名称含“\(word)”,按越低越好(反向指标)评分,请核实。"
    }

    public static func contradictionResolved(column: String, isOperator: Bool, target: String, used: String,
                                             keptFilled: Bool, review: Bool) -> String {
        let said = isOperator ? "指标性质(计算符号)列为“\(column)”" : "指标方向“\(column)”"
        let head = "\(said),与年度指标值“\(target)”自身的比较符相反"
        if keptFilled { return "\(head):单位所填得分与按“\(used)”计算的一致,予以保留。" }
        if review { return "\(head):按年度指标值自身的写法“\(used)”评分,请单位核实后复核。" }
        return "\(head):两种理解得分相同,按年度指标值自身的写法“\(used)”评分。"
    }

    // Generated reasons for qualitative and time indicators
    public static func reasonLate(done: String, due: String, target: String, score: String, lost: String) -> String {
        "实际完成时间\(done)晚于年度指标值“\(target)”的期限\(due),得\(score)分,扣\(lost)分。"
    }
    public static func reasonTierWord(actual: String, word: String, target: String, tier: String, score: String,
                                      lost: String) -> String {
        let said = actual == word ? "实际完成情况“\(actual)”" : "实际完成情况“\(actual)”写有“\(word)”"
        return "\(said),未完全达到年度指标值“\(target)”,评定为\(tier),得\(score)分,扣\(lost)分。"
    }
    public static func reasonGradeShort(actual: String, target: String, tier: String, score: String,
                                        lost: String) -> String {
        "实际完成等级“\(actual)”低于年度指标值“\(target)”,评定为\(tier),得\(score)分,扣\(lost)分。"
    }
    public static func reasonGapNotStated(actual: String, target: String, score: String, lost: String) -> String {
        "实际完成情况“\(actual)”未写明与年度指标值“\(target)”相比的不足,单位自评得\(score)分、扣\(lost)分,请写明未达到之处。"
    }
    public static func reasonNotComparable(actual: String, target: String, score: String, lost: String) -> String {
        "实际完成情况“\(actual)”无法与年度指标值“\(target)”对照判断完成程度,得\(score)分,扣\(lost)分,请写明未达到之处。"
    }
}

extension Vocabulary.ScoringMessage {
    public static func statedTotalMismatch(stated: String, computed: String) -> String {
        "单位文字中写明总分为\(stated),按各项得分合计应为\(computed),请核对。"
    }
}

extension Vocabulary.ScoringMessage {
    /// Shown for 总分 and 等级 of a form with nothing filled in.
    public static let notGraded = "未评定"
    public static func notFilled(indicators: Int) -> String {
        "\(indicators)项绩效指标的实际完成值均未填写:本表尚未填报,只计算预算执行率,不评定总分和等级。"
    }
}

extension Vocabulary.ScoringMessage {
    public static func level1Inferred(level2: String, inferred: String, above: String) -> String {
        "此行一级指标为空,二级指标“\(level2)”属于\(inferred),已归入\(inferred)(上方为“\(above)”),请核实。"
    }
}
