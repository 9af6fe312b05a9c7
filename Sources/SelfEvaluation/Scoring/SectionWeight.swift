import Foundation

/// One first-level section of the indicator table (产出指标, 效益指标, 满意度指标 …) and its 分值:
/// the weight the form states in the section's label ("产出指标(50分)"), else the rule set's
/// default, or the rule set's when it was given with `--rules`; with the sum of its indicators'
/// 分值 and scores.
public struct SectionWeight: Sendable, Equatable {
    /// The section's name, without its points ("产出指标").
    public var name: String
    /// The label as printed ("产出指标(50分)").
    public var label: String
    /// The label's cell.
    public var cell: CellAddress
    /// The points the label states, if any.
    public var stated: Decimal?
    /// The section's 分值; nil when the form states none and the rule set has none for it.
    public var weight: Decimal?
    /// Where `weight` came from (formLabel, rulesDefault or rulesGiven); nil when there is none.
    public var source: WeightSource?
    /// The sum of the 分值 of its scored indicators.
    public var indicatorsWeight: Decimal
    /// The sum of their scores.
    public var score: Decimal
}

/// Resolves each section's 分值: a weight the form states wins over the rule set's default;
/// a rule set given with `--rules` wins over both.
enum SectionWeightRule {
    /// The national defaults (财预〔2020〕10号 and the notices before it): 产出50, 效益30, 满意度10
    /// (预算执行率 10 is the rule set's `executionRateWeight`).
    static let defaults: [String: Decimal] = ["产出指标": 50, "效益指标": 30, "满意度指标": 10]

    /// The rule set's default for a section name ("满意度" and "服务对象满意度指标" are 满意度指标).
    static func defaultWeight(_ name: String) -> Decimal? {
        if let weight = defaults[name] { return weight }
        if name.hasSuffix("满意度") || name.hasSuffix("满意度指标") { return defaults["满意度指标"] }
        return nil
    }

    /// The sections of the scored indicators, in order: each run of rows under one label.
    static func resolve(_ indicators: [IndicatorResult], rulesGiven: Bool) -> [SectionWeight] {
        var sections: [SectionWeight] = []
        // Each section's 分值 and scores, added exactly once its rows are known (`DecimalRounding.sum`).
        var weights: [[Decimal]] = [], scores: [[Decimal]] = []
        // The rows of a section repeat its cells: their label and name are read once per run
        // (the texts compared byte for byte, so a run shares exactly what it would compute).
        var last: (writtenLabel: String, writtenName: String, label: String, name: String)?
        // By index and stored members: a row is not copied (`isScored` copied it).
        for i in indicators.indices where !indicators[i].indicator.isPlaceholder {
            let label: String, name: String
            if let last, last.writtenLabel.utf8.elementsEqual(indicators[i].indicator.level1Label.utf8),
               last.writtenName.utf8.elementsEqual(indicators[i].indicator.level1.value.utf8) {
                (label, name) = (last.label, last.name)
            } else {
                // One line: a label printed over two ("效益指标⏎(30分)") is named on one.
                let written = indicators[i].indicator.level1Label, writtenName = indicators[i].indicator.level1.value
                label = written.trimmed.split(whereSeparator: \.isNewline).joined()
                name = LabelText.normalize(writtenName)
                last = (written, writtenName, label, name)
            }
            guard !name.isEmpty else { continue }
            // A run of rows under the same label is one section, however its cells are merged,
            // repeated (WPS) or split by a page break.
            if sections.last.map({ $0.name != name || $0.label != label }) ?? true {
                let stated = indicators[i].indicator.level1Points
                let fallback = defaultWeight(name)
                let (weight, source): (Decimal?, WeightSource?) =
                    if rulesGiven, let fallback { (fallback, .rulesGiven) }
                    else if let stated { (stated, .formLabel) }
                    else if let fallback { (fallback, .rulesDefault) }
                    else { (nil, nil) }
                sections.append(SectionWeight(name: name, label: label, cell: indicators[i].indicator.level1.cell, stated: stated,
                                              weight: weight, source: source, indicatorsWeight: 0, score: 0))
                weights.append([]); scores.append([])
            }
            if indicators[i].kind != .notScored {
                weights[weights.count - 1].append(indicators[i].weight ?? 0)
                scores[scores.count - 1].append(indicators[i].score)
            }
        }
        for k in sections.indices {
            (sections[k].indicatorsWeight, sections[k].score) = (DecimalRounding.sum(weights[k]), DecimalRounding.sum(scores[k]))
        }
        return sections
    }
}

extension ScoredForm {
    /// The sections and their 分值 as 评分明细 lists them: "产出指标 50分(分值取自表头标注);…".
    public var sectionWeightsText: String {
        sections.compactMap { section in
            guard let weight = section.weight, let source = section.source else { return nil }
            return "\(section.name) \(ScoreText.plain(weight))分(\(WeightSource.note(source)))"
        }.joined(separator: ";")
    }
}
