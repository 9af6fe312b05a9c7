import Foundation

extension LabelTable {
    /// A first-level (section) label split into its name and the points it states, in every
    /// spelling the published forms use:
    ///
    /// - "产出指标(50分)", "产出指标（50分）", "项目决策(10分)", "(50分)": any name (or none), the points in
    ///   brackets with 分;
    /// - "产出指标(50)": a known section name (`Vocabulary.level1Names`) or none ("(50)"), the points in
    ///   brackets without 分;
    /// - "效益指标30分)" (the opening bracket lost in the copy), "满意度指标 10分", "满意度指标:10分":
    ///   a known section name, or none ("50分)", "50分"), followed by the points with 分.
    ///
    /// The name comes back normalised (`LabelText.normalize`); a label stating no points gives
    /// (the normalised label, nil).
    public static func sectionPoints(_ label: String) -> (name: String, points: Decimal?) {
        let normalized = LabelText.normalize(label)
        var chars = Array(normalized)
        let closed = chars.last == ")"
        if closed { chars.removeLast() }
        let withFen = chars.last.map { String($0) } == Vocabulary.pointsSuffix
        if withFen { chars.removeLast() }
        var digits: [Character] = []
        while let last = chars.last, last.isASCII, last.isNumber || last == "." {
            digits.insert(last, at: 0)
            chars.removeLast()
        }
        guard !digits.isEmpty, digits.first != ".", let points = Decimal.parsing(String(digits)) else {
            return (normalized, nil)
        }
        let opened = chars.last == "("
        if opened { chars.removeLast() }
        while chars.last == ":" { chars.removeLast() }
        let name = String(chars)
        // A known section name, or none at all (a 一级 cell holding only its points: "(50)", "50分)").
        let known = name.isEmpty || Vocabulary.level1Names.contains(name)
        switch (opened, closed, withFen) {
        case (true, true, true): return (name, points)           // 产出指标(50分); "(50分)" alone: no name
        case (true, true, false) where known: return (name, points)  // 产出指标(50)
        case (false, _, true) where known: return (name, points)     // 效益指标30分), 满意度指标10分
        default: return (normalized, nil)
        }
    }
}
