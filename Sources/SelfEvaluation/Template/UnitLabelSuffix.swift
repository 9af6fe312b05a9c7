import Foundation

/// A unit-name label the table does not list word for word, recognised by how it ends: a short
/// header cell ending in 单位名称, 部门名称 or 单位 ("一级预算单位名称", "(二级)预算单位名称", and the
/// same label with its first character lost, "级预算单位名称"), the unit's name after a colon in
/// the same cell or in the next cell. Cells that name a unit of measure or of money (度量单位,
/// 计量单位, 金额单位, "单位:万元") and 主管单位 (the supervising body) are not unit names.
enum UnitLabelSuffix {
    static let suffixes = ["单位名称", "部门名称", "单位"]
    /// Labels ending so that are not the unit's name.
    static let excluded = ["度量单位", "计量单位", "金额单位", "货币单位", "资金单位", "主管单位", "主管部门名称"]
    /// Longest label read so (longer cells are sentences).
    static let maxLength = 12

    /// Whether the cell's label (the part before a colon) is a unit-name label.
    static func isUnitLabel(_ label: NormalizedText) -> Bool {
        let whole = label.string
        let key = whole.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? whole
        guard key.count >= 3, key.count <= maxLength, !key.contains(where: { $0.isASCII && $0.isNumber }) else { return false }
        guard suffixes.contains(where: { key.hasSuffix($0) }) else { return false }
        return !excluded.contains(where: { key.hasSuffix($0) })
    }

    /// Whether a value found after such a label is a unit of money or measure ("万元", "%"), not a name.
    static func isMeasure(_ value: String) -> Bool {
        switch ValueParser.unit(value) {
        case .money?, .percent?: return true
        default: return false
        }
    }
}
