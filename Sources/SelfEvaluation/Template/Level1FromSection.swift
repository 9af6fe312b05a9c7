import Foundation

/// A 一级 cell that states only its points ("(50分)", "（30分）", "50分"): the name comes from the
/// section. First the row's 二级 name (数量指标 → 产出指标, 经济效益指标 → 效益指标, 满意度 →
/// 满意度指标, as `LevelInference`); else the national order of sections (产出, 效益, 满意度) after
/// the 一级 above. Nil when neither places it: the reader then keeps the printed label as the name
/// and says so at the cell. The stated points are used either way.
enum Level1FromSection {
    /// The national 一级 sections in their printed order.
    static let nationalOrder = ["产出指标", "效益指标", "满意度指标"]

    /// The name and the basis of the choice (for the note), or nil.
    static func name(level2: String, previous: String?) -> (name: String, basis: String)? {
        let level2 = LabelText.normalize(level2)
        if let family = LevelInference.family(ofLevel2: level2) {
            return (family, Vocabulary.TemplateMessage.level1BasisLevel2(level2))
        }
        let next: String?
        if let previous {
            next = nationalOrder.firstIndex(of: previous).flatMap { $0 + 1 < nationalOrder.count ? nationalOrder[$0 + 1] : nil }
        } else {
            next = nationalOrder.first
        }
        return next.map { ($0, Vocabulary.TemplateMessage.level1BasisOrder) }
    }
}
