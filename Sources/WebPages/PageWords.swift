import SelfEvaluation

/// The words of the form page (everything a user reads is Chinese; the finding codes stay).
enum PageWords {
    static let source = "文件"
    static let unit = "单位"
    static let project = "项目名称"
    static let year = "年度"
    static let template = "表样"
    static let departmentTemplate = "部门整体支出绩效自评表"
    static let projectTemplate = "项目支出绩效自评表"
    static let total = "总分"
    static let grade = "自评等级"
    static let lost = "失分"
    static let rules = "评分规则"
    /// 评分明细's own label for the sections' 分值 line.
    static let sectionWeights = Vocabulary.SectionWords.detailLabel
    static let needsReview = "需复核"
    static let yes = "是"
    static let no = "否"
    static let findings = "发现"
    static let rulesGiven = "指定"
    static let rulesFromNotes = "据表注判定"
    static let rulesDefaulted = "表注未说明,用默认规则"
    static let untitled = "自评表"

    static let error = "错误"
    static let warning = "警告"
    static let note = "提示"
    /// The marks of the levels: a shape besides the colour, so that they differ in grey too.
    static let errorMark = "■"
    static let warningMark = "▲"
    static let noteMark = "●"

    static let legend = "图例"
    static let legendLost = "失分(链接到失分明细)"
    /// The marked style, as the workbook's legend words it.
    static let legendMarkedSample = "黄底斜体"
    static let legendMarked = "的格由程序填写:生成的未完成原因分析(请单位补充),或按规则改正的得分(原值见悬停说明)"
    static let lostMark = "扣"
    static let pointsUnit = "分"

    static let findingsHeading = "发现的问题"
    static let noFindings = "没有发现问题。"
    static let findingsHint = "编号与表中单元格的标记对应;点击位置可跳到该单元格。"
    static let place = "位置"
    static let level = "级别"
    static let message = "说明"

    static let lostHeading = "失分明细"
    static let noLost = "没有失分。"
    static let lostRow = "编号 · 行"
    static let lostIndicator = "指标"
    static let lostWeight = "分值"
    static let lostScore = "得分"
    static let lostPoints = "失分"
    static let lostFormula = "计算方法(评分明细)"
    static let lostReason = "原因"
    static let lostTotal = "合计"
    static let generatedTag = "程序生成"
    static let reasonMissing = "(未填写)"
    static let notGraded = "未评定"

    static func counts(errors: Int, warnings: Int, notes: Int) -> String {
        "错误 \(errors) 项、警告 \(warnings) 项、提示 \(notes) 项"
    }
    static func points(_ text: String) -> String { text + pointsUnit }
}
