extension Vocabulary {
    /// Words of the scoring detail (评分明细) that every output shares: the workbook's 评分明细
    /// sheet and the web page's 失分 list (``ScoringDetail``).
    public enum DetailWords {
        /// The budget line's 一级 / 三级 columns.
        public static let budgetLevel = "预算执行率"
        public static let budgetName = "年度资金总额"
        /// Parsed values, as the detail shows them.
        public static let parsedNotGiven = "未填写"
        public static let parsedText = "文本"
        public static let parsedOnTime = "按时"
        public static let parsedBefore = "前"
        public static func parsedMonthDay(_ month: Int?, _ day: Int?) -> String {
            (month.map { "\($0)月" } ?? "") + (day.map { "\($0)日" } ?? "")
        }
        public static let gradeExcellent = "优秀"
        public static let gradeGood = "良好"
        public static let gradePass = "合格"
        public static let gradeFail = "不合格"
    }
}
