import Foundation

/// A form without a 分值 column takes each indicator's 分值 from its 得分 (`weight-from-score`),
/// which is right only for a row given full marks. Where a goal block or a first-level section
/// states its points ("年度绩效目标1(40分)", "产出指标(40分)") and its rows' scores fall short of
/// them, the shortfall belongs to the row the unit marked down: the one row of the block whose
/// printed score is not a whole number (19.6 for 20 × 98%). That row's 分值 becomes its score plus
/// the shortfall (`weight-from-section`); it is then scored by the rules like any other row.
/// Nothing changes when the block adds up, or when no single row can carry the shortfall.
enum SectionPointsWeight {
    static func apply(_ form: inout Form) -> [Diagnostic] {
        guard let header = form.indicatorHeader, header.weight == header.score else { return [] }
        var diagnostics: [Diagnostic] = []
        var adjusted: Set<Int> = []
        // Goal blocks first (they hold the sections), then the first-level sections.
        let goalGroups = groups(form) { $0.goalPoints.map { (key: $0.cell, points: $0.value, label: "") } }
        let sectionGroups = groups(form) { indicator in
            indicator.level1Points.map { (key: nil, points: $0, label: indicator.level1Label) }
        }
        for group in goalGroups + sectionGroups {
            let rows = group.members.filter { !adjusted.contains($0) }
            guard rows.count == group.members.count else { continue }
            var sum = Decimal(0)
            var fractional: [Int] = []
            for i in rows {
                guard let score = try? ValueParser.optionalNumber(form.indicators[i].score.value, field: "") else {
                    continue
                }
                sum += score
                if score != score.rounded(places: 0) { fractional.append(i) }
            }
            guard sum < group.points, fractional.count == 1, let i = fractional.first,
                  let score = try? ValueParser.optionalNumber(form.indicators[i].score.value, field: "") else {
                continue
            }
            let weight = score + (group.points - sum)
            let cell = form.indicators[i].weight.cell
            form.indicators[i].weight = Located(ScoreText.plain(weight), at: cell)
            adjusted.insert(i)
            let label = group.label.split(whereSeparator: \.isNewline).joined()
            diagnostics.append(Diagnostic(.weightFromSection, at: form.location(cell),
                                          Message.weightFromSection(
                                              label: label, points: ScoreText.plain(group.points),
                                              others: ScoreText.plain(sum - score), weight: ScoreText.plain(weight))))
        }
        return diagnostics
    }

    private struct Group {
        /// The goal label's cell; nil for a section, grouped by its label.
        var key: CellAddress?
        var points: Decimal
        var label: String
        var members: [Int]
    }

    /// Groups of rows: by the goal label's cell, or (key nil) each run of rows under one section label.
    private static func groups(_ form: Form,
                               _ by: (Indicator) -> (key: CellAddress?, points: Decimal, label: String)?) -> [Group] {
        var out: [Group] = []
        for (i, indicator) in form.indicators.enumerated() where !indicator.isPlaceholder {
            guard let g = by(indicator) else { continue }
            let found = g.key == nil
                ? (out.last.map { $0.key == nil && $0.label == g.label } == true ? out.indices.last : nil)
                : out.firstIndex(where: { $0.key == g.key })
            if let found {
                out[found].members.append(i)
            } else {
                out.append(Group(key: g.key, points: g.points, label: g.label, members: [i]))
            }
        }
        return out
    }
}

extension SectionPointsWeight {
    enum Message {
        /// `weight-from-section`: a 分值 worked out from the points its block states.
        static func weightFromSection(label: String, points: String, others: String, weight: String) -> String {
            let block = label.isEmpty ? "所在的年度绩效目标" : "一级指标“\(label)”"
            return "表没有分值栏:\(block)标注\(points)分,同组其他指标得分合计\(others)分,本指标分值按\(weight)分计。"
        }
    }
}
