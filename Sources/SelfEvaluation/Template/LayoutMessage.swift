extension Vocabulary {
    /// Messages of layout recognition (the label table, `--layout`).
    public enum LayoutMessage {
        /// No indicator header: the labels of the row that came closest, and the name labels looked for.
        public static func missingIndicatorHeader(found: [String], looked: [String]) -> String {
            let seen = found.isEmpty ? "" : ";最接近表头的一行是:\(list(found))"
            return "找不到绩效指标表头(一行中同时有“一级指标”“二级指标”“三级指标”,或有\(list(looked))之一及指标值、分值列)\(seen)"
        }

        /// A column the indicator header lacks: the labels looked for and those found.
        public static func missingColumn(_ looked: [String], found: [String]) -> String {
            let name = looked.first ?? ""
            return "指标表头缺少“\(name)”列(找过:\(list(looked)));表头上的标签是:\(list(found))。可用 --layout 文件补充标签"
        }

        /// A money table that is there but cannot be read.
        public static func budgetUnreadable(found: [String], looked: [String]) -> String {
            "资金表无法读取:这一行有\(list(found)),但找不到预算数和执行数两列(找过:\(list(looked)))。可用 --layout 文件补充标签"
        }

        /// An indicator table with a 得分 column and no 分值 column.
        public static let weightFromScore = "指标表没有分值(权重)列:各指标的分值按表中得分计,请核对"

        /// 执行率 taken from the form because the amounts are not printed.
        public static func rateFromPrint(_ rate: String) -> String {
            "资金表没有填写执行数(或预算数):执行率按表中填写的\(rate)计算,请核对"
        }

        /// A label table file that is not valid JSON of the expected shape.
        public static func unreadable(_ reason: String) -> String { "表样标签文件无法读取:\(reason)" }

        /// An unknown column key in a label table file.
        public static func unknownKey(_ key: String, _ known: [String]) -> String {
            "表样标签文件中的列名“\(key)”无法识别,可用的有:\(known.joined(separator: ", "))"
        }

        private static func list(_ labels: [String]) -> String { labels.map { "“\($0)”" }.joined(separator: "、") }
    }
}
