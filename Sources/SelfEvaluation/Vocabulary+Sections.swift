import Foundation

extension Vocabulary {
    /// Words of the section weights.
    public enum SectionWords {
        /// 评分明细's line naming each section's 分值 and its source.
        public static let detailLabel = "一级指标分值"
    }
}
