import Foundation

/// The JSON report of one scored form (`score --json`, `convert --to json`), with exactly the keys
/// of the JSON report described in the README (`score --json`) plus "rules", the name of the rule set applied.
///
/// Numbers are JSON numbers: scores rounded to the rule set's decimals, the execution rate to 4
/// decimals, amounts as written; Decimals are written as their decimal text (2.08, never
/// 2.0800000001). Optional values are written as null. Placeholder rows ("指标2", "……") are left
/// out of `indicators`; a row with no usable 分值 is listed with kind "notScored". Written by
/// `jsonBytes()` (`PrettyJSONWriter`), the one JSON writer; read back as `Decodable`.
public struct ScoreReport: Decodable, Sendable, Equatable {
    public var source: String
    public var title: String?
    public var year: Int?
    public var unit: String?
    /// ISO date ("2024-02-18"), or the text as written when it is not a date.
    public var filledOn: String?
    public var budget: Budget?
    public var indicators: [IndicatorEntry]
    /// Null for a form with nothing filled in (not graded).
    public var total: Total?
    /// 优 / 良 / 中 / 差; null when not graded.
    public var grade: String?
    public var warnings: [Warning]
    public var needsReview: Bool
    /// The rule set's name ("legacy", "2020", …).
    public var rules: String
    /// The layout recognised ("department/levels", "project/flat" …).
    public var layout: String?
    /// The first-level sections and their 分值, each with where it came from.
    public var sections: [Section] = []

    /// One first-level section: its 分值 (null when neither the form nor the rule set gives one)
    /// and where it came from (formLabel: the form's label, rulesDefault, rulesGiven), the points
    /// its label states, and the sums of its indicators' 分值 and scores.
    public struct Section: Decodable, Sendable, Equatable {
        public var name: String
        public var stated: Decimal?
        public var weight: Decimal?
        public var weightSource: String?
        public var indicatorsWeight: Decimal
        public var score: Decimal
    }

    /// The money table and 预算执行率.
    public struct Budget: Decodable, Sendable, Equatable {
        public var rows: [Row]
        public var weight: Decimal
        public var executionRate: Decimal
        public var score: Decimal
        /// Where `weight` came from: formCell, formLabel, rulesDefault or rulesGiven.
        public var weightSource: String?

        /// One money row (万元).
        public struct Row: Decodable, Sendable, Equatable {
            public var name: String
            public var initial: Decimal?
            public var adjusted: Decimal?
            public var executed: Decimal?
        }
    }

    /// One indicator row.
    public struct IndicatorEntry: Decodable, Sendable, Equatable {
        public var row: Int
        public var level1: String
        public var level2: String
        public var name: String
        public var target: String
        public var actual: String
        /// "quantitative", "qualitative" or "notScored".
        public var kind: String
        /// "positive", "negative", "equal" or null.
        public var direction: String?
        /// "achieved", "partial", "notAchieved" or null.
        public var tier: String?
        public var weight: Decimal?
        public var filledScore: Decimal?
        public var score: Decimal
        public var reason: String
        public var reasonGenerated: Bool
    }

    /// 总分 row.
    public struct Total: Decodable, Sendable, Equatable {
        public var weight: Decimal
        public var score: Decimal
    }

    /// One warning: code, place (1-based row, column letter) and message.
    public struct Warning: Decodable, Sendable, Equatable {
        public var code: DiagnosticCode
        public var row: Int
        public var column: String
        public var message: String
    }

    /// The report of a scored form with the given findings as its warnings (e.g. the template
    /// reader's warnings followed by the scorer's).
    public init(_ scored: ScoredForm, diagnostics: [Diagnostic]) {
        let form = scored.form
        let rules = scored.ruleSet
        source = form.source
        title = form.title?.value.trimmed
        year = form.year?.value
        unit = form.unit?.value.trimmed
        filledOn = form.filledOnDate?.description ?? form.filledOn?.value.trimmed
        budget = scored.budget.map { result in
            Budget(rows: result.rows.map { Budget.Row(name: $0.name, initial: $0.initial, adjusted: $0.adjusted,
                                                      executed: $0.executed) },
                   weight: result.weight, executionRate: DecimalRounding.round(result.executionRate, places: 4),
                   score: rules.round(result.score), weightSource: result.weightSource.rawValue)
        }
        indicators = scored.indicators.filter { !$0.indicator.isPlaceholder }.map { result in
            let indicator = result.indicator
            return IndicatorEntry(
                row: indicator.row, level1: indicator.level1.value.trimmed, level2: indicator.level2.value.trimmed,
                name: indicator.name.value.trimmed, target: indicator.targetText,
                actual: indicator.actualText, kind: result.kind.rawValue,
                direction: result.direction?.rawValue, tier: result.tier?.rawValue, weight: result.weight,
                filledScore: result.filledScore, score: rules.round(result.score), reason: result.reason,
                reasonGenerated: result.reasonGenerated)
        }
        total = scored.isGraded ? Total(weight: scored.totalWeight, score: rules.round(scored.totalScore)) : nil
        grade = scored.isGraded ? scored.grade.label : nil
        warnings = diagnostics.map {
            Warning(code: $0.code, row: $0.location.row, column: $0.location.columnLetter, message: $0.message)
        }
        needsReview = scored.needsReview
        self.rules = rules.name
        layout = form.layout
        sections = scored.sections.map {
            Section(name: $0.name, stated: $0.stated, weight: $0.weight, weightSource: $0.source?.rawValue,
                    indicatorsWeight: $0.indicatorsWeight, score: rules.round($0.score))
        }
    }
}
