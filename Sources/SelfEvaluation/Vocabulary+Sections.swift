import Foundation

extension Vocabulary.ScoringMessage {
    /// `section-weight-overridden`: `--rules` forces another section weight than the label's.
    public static func sectionWeightOverridden(name: String, stated: String, forced: String) -> String {
        "一级指标“\(name)”表头标注\(stated)分,按指定的评分规则(--rules)计为\(forced)分。"
    }
    /// `weight-from-section`: a 分值 worked out from the points its block states.
    public static func weightFromSection(label: String, points: String, others: String, weight: String) -> String {
        let block = label.isEmpty ? "所在的年度绩效目标" : "一级指标“\(label)”"
        return "表没有分值栏:\(block)标注\(points)分,同组其他指标得分合计\(others)分,本指标分值按\(weight)分计。"
    }
    /// `execution-weight-is-total`: the money row's 分值 is the form's total.
    public static func executionWeightIsTotal(_ written: String) -> String {
        "资金表执行率一行的分值为\(written),是全表的总分:预算执行率已作为绩效指标评分,执行率不另计分。"
    }
    /// `value-not-given`: a lone mark in a target or actual cell.
    public static func valueNotGiven(_ text: String) -> String { "“\(text)”表示未填写,按空白处理。" }
    /// `target-implied`: an execution-rate indicator without a target.
    public static let executionTargetImplied = "执行率指标未填写指标值:按预算执行率的规则,以100%为指标值评分(分值 × min(执行率, 1))。"
}

extension Vocabulary {
    /// Words of the section weights.
    public enum SectionWords {
        /// 评分明细's line naming each section's 分值 and its source.
        public static let detailLabel = "一级指标分值"
    }
}
