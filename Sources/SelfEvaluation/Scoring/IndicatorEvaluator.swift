import CSV
import Foundation

/// Scores one indicator row: reads its 分值 and 得分, parses A and B, and hands the row to the
/// quantitative or the qualitative rule. Units that do not convert, or an actual that is not a
/// number against a numeric target, fall back to the qualitative rule with a warning.
struct IndicatorEvaluator: Sendable {
    var rules: RuleSet

    /// The row's result; its diagnostics are appended to `diagnostics`.
    func evaluate(_ indicator: Indicator, in form: Form, diagnostics: inout [Diagnostic]) -> IndicatorResult {
        // Split cells ("≥" | "95" | "%"): the 指标性质/计算符号 column's operator wins over the
        // value's own; the 度量单位 column fills in a quantity without a unit (see DirectionRule).
        var target = indicator.parsedTarget
        let actual = indicator.parsedActual
        // A lone mark in a value cell ("一", "—", "-", "/", "无") means nothing was written: the row
        // read it as blank (`ParsedValue.notGiven`), and that is said.
        for (cell, value) in [(indicator.target, indicator.writtenTarget), (indicator.actual, actual)]
        where value == .notGiven && !indicator.isPlaceholder && !cell.value.trimmed.isEmpty {
            diagnostics.append(Diagnostic(.valueNotGiven, at: form.location(cell.cell),
                                          Message.valueNotGiven(cell.value.trimmed)))
        }
        if let implied = ExecutionRateTarget.implied(name: indicator.name.value, target: target, actual: actual) {
            target = .quantity(implied)
            diagnostics.append(Diagnostic(.targetImplied, at: form.location(indicator.target.cell),
                                          Message.executionTargetImplied))
        }
        var result = IndicatorResult(indicator: indicator, kind: .notScored, target: target, actual: actual,
                                     weight: nil, filledScore: nil, score: 0,
                                     reason: indicator.reason?.value.trimmed ?? "")
        if !indicator.isPlaceholder { score(&result, indicator, in: form, diagnostics: &diagnostics) }
        return result
    }

    /// Scores a row that is not a placeholder into `result`, in place.
    private func score(_ result: inout IndicatorResult, _ indicator: Indicator, in form: Form,
                       diagnostics: inout [Diagnostic]) {
        let (target, actual) = (result.target, result.actual)
        let source = form.source  // `warn` captures the source, not the whole form
        func warn(_ code: DiagnosticCode, _ cell: CellAddress, _ message: String) {
            diagnostics.append(Diagnostic(.warning, code, at: SourceLocation(file: source, row: cell.row, column: cell.column),
                                          message))
        }

        let (written, usable) = readWeight(indicator, warn: warn)
        result.writtenWeight = written
        guard let weight = usable else {
            result.needsReview = true
            return
        }
        result.weight = weight
        do {
            result.filledScore = try ValueParser.optionalNumber(indicator.score.value,
                                                                field: Vocabulary.ScoringWords.scoreField)
        } catch {
            warn(.scoreInvalid, indicator.score.cell,
                 Message.scoreInvalid(indicator.score.value.trimmed, error.message))
        }
        if let filled = result.filledScore, weight < filled {
            // The form's own rule (注1): no score above its 分值; the rules below clamp it.
            warn(.scoreAboveWeight, indicator.score.cell,
                 Message.scoreAboveWeight(ScoreText.plain(filled), weight: ScoreText.plain(weight)))
        }

        if actual == .notGiven {
            scoreWithoutActual(&result, weight: weight, warn: warn)
            return
        }
        if let doubt = UnreadValueRule.find(indicator, target: target, actual: actual) {
            // Text the reader cannot place: never recomputed from the part it read (UnreadValueRule).
            if keepPrinted(&result, doubt: doubt, weight: weight, warn: warn) {
                return
            }
        }
        if case .quantity(let targetQuantity) = target {
            if case .quantity(let actualQuantity) = actual {
                var decision = DirectionRule().decide(indicator, target: targetQuantity, in: form)
                var scoredTarget = targetQuantity
                if let choice = ContradictionRule(rules: rules).resolve(
                    indicator, target: targetQuantity, actual: actualQuantity, weight: weight,
                    filled: result.filledScore, in: form) {
                    scoredTarget = choice.target
                    result.target = .quantity(choice.target)
                    decision = DirectionRule.Decision(direction: choice.direction, warning: choice.warning)
                    if choice.needsReview { result.needsReview = true }
                }
                if let warning = decision.warning { diagnostics.append(warning) }
                let rule = QuantitativeIndicatorRule(rules: rules)
                switch rule.evaluate(target: scoredTarget, actual: actualQuantity, direction: decision.direction,
                                     weight: weight) {
                case .scored(let computation):
                    scoreQuantitative(&result, computation, direction: decision.direction, weight: weight, warn: warn)
                    return
                case .incompatibleUnits(let a, let b):
                    warn(.unitMismatch, indicator.actual.cell,
                         Message.unitMismatch(target: a?.description ?? "", actual: b?.description ?? ""))
                }
            } else {
                warn(.actualNotQuantity, indicator.actual.cell,
                     Message.actualNotQuantity(indicator.actual.value.trimmed))
            }
        }
        scoreQualitative(&result, weight: weight, formYear: form.year?.value, warn: warn)
    }

    /// 分值 as written (a number of any sign, nil when empty or not a number) and as scored (a
    /// number ≥ 0, or nil with a warning: the row is then not scored).
    private func readWeight(_ indicator: Indicator,
                            warn: (DiagnosticCode, CellAddress, String) -> Void) -> (written: Decimal?, usable: Decimal?) {
        let cell = indicator.weight
        do {
            guard let weight = try indicator.weightNumber.get() else {
                warn(.missingWeight, cell.cell, Message.weightMissing)
                return (nil, nil)
            }
            guard weight >= 0 else {
                warn(.weightNegative, cell.cell, Message.weightNegative(cell.value.trimmed))
                return (weight, nil)
            }
            if weight == 0 { warn(.weightZero, cell.cell, Message.weightZero) }
            return (weight, weight)
        } catch {
            warn(.weightInvalid, cell.cell, Message.weightInvalid(cell.value.trimmed, error.message))
            return (nil, nil)
        }
    }

    private func inputs(_ indicator: Indicator) -> [AuditEntry.Input] {
        [
            AuditEntry.Input("A", indicator.target.value.trimmed, at: indicator.target.cell),
            AuditEntry.Input("B", indicator.actual.value.trimmed, at: indicator.actual.cell),
            AuditEntry.Input(Vocabulary.ScoringWords.weightField, indicator.weight.value.trimmed, at: indicator.weight.cell),
            AuditEntry.Input(Vocabulary.ScoringWords.scoreField, indicator.score.value.trimmed, at: indicator.score.cell),
        ]
    }

    private func scoreWithoutActual(_ result: inout IndicatorResult, weight: Decimal,
                                    warn: (DiagnosticCode, CellAddress, String) -> Void) {
        let indicator = result.indicator
        if case .quantity = result.target { result.kind = .quantitative } else { result.kind = .qualitative }
        let kept = result.filledScore.map { rules.round($0).clamped(0, weight) }
        result.score = kept ?? 0
        result.needsReview = true
        let message = Message.actualMissing(kept: kept.map { ScoreText.points($0, rules) })
        warn(.actualMissing, indicator.actual.cell, message)
        if kept == nil || kept != result.filledScore {
            result.scoreChanged = true
            result.comment = message
        }
        result.audit.append(AuditEntry(rule: Self.ruleName, inputs: inputs(indicator), formula: "—",
                                       awarded: result.score, possible: weight, note: message))
    }

    /// A doubtful value (`UnreadValueRule`): the printed score kept, clamped to 分值, with a warning at
    /// the cell; true when the row is done. Without a printed score: the warning, and false (the
    /// row is scored on what was read, and marked for review).
    private func keepPrinted(_ result: inout IndicatorResult, doubt: UnreadValueRule.Doubt, weight: Decimal,
                             warn: (DiagnosticCode, CellAddress, String) -> Void) -> Bool {
        let text = doubt.cell.value.trimmed
        result.needsReview = true
        guard let filled = result.filledScore else {
            warn(.valueUnread, doubt.cell.cell,
                 Vocabulary.ScoringMessage.valueUnreadScored(field: doubt.field, text: text, unread: doubt.unread))
            return false
        }
        if case .quantity = result.target { result.kind = .quantitative } else { result.kind = .qualitative }
        let kept = rules.round(filled).clamped(0, weight)
        result.score = kept
        let message = Vocabulary.ScoringMessage.valueUnreadKept(field: doubt.field, text: text, unread: doubt.unread,
                                                                kept: ScoreText.points(kept, rules))
        warn(.valueUnread, doubt.cell.cell, message)
        if kept != filled {
            result.scoreChanged = true
            result.comment = message
        }
        result.audit.append(AuditEntry(rule: UnreadValueRule.name, inputs: inputs(result.indicator), formula: "—",
                                       awarded: kept, possible: weight, note: message))
        result.keptUnread = doubt
        return true
    }

    private func scoreQuantitative(_ result: inout IndicatorResult, _ computation: QuantitativeIndicatorRule.Computation,
                                   direction: Direction, weight: Decimal, warn: (DiagnosticCode, CellAddress, String) -> Void) {
        let indicator = result.indicator
        result.kind = .quantitative
        result.direction = direction
        result.ratio = computation.ratio
        result.overAchieved = computation.overAchieved
        result.audit.append(AuditEntry(rule: QuantitativeIndicatorRule.name, inputs: inputs(indicator),
                                       formula: computation.formula, awarded: computation.score, possible: weight))
        let filled = FilledScoreRule(rules: rules).apply(computed: computation.score, filled: result.filledScore,
                                                          weight: weight, formula: computation.formula)
        result.score = filled.score
        result.scoreChanged = filled.changed
        result.comment = filled.comment
        if filled.replaced, let comment = filled.comment {
            warn(.scoreReplaced, indicator.score.cell, comment)
        }
        if filled.changed, let comment = filled.comment {
            result.audit.append(AuditEntry(
                rule: FilledScoreRule.name,
                inputs: [AuditEntry.Input(Vocabulary.ScoringWords.scoreField, indicator.score.value.trimmed,
                                          at: indicator.score.cell)],
                formula: computation.formula, awarded: filled.score, possible: weight, note: comment))
        }
        if computation.overAchieved, result.reason.isEmpty {
            let ratio = (computation.ratio ?? 0) * 100
            warn(.overAchievement, indicator.actual.cell,
                 Message.overAchievement(
                     ratio: ratio.fixed(2) + "%",
                     threshold: ScoreText.plain((rules.overAchievementThreshold - 1) * 100) + "%",
                     needsExplanation: rules.overAchievementNeedsExplanation))
            if rules.overAchievementNeedsExplanation { result.needsReview = true }
        }
    }

    private func scoreQualitative(_ result: inout IndicatorResult, weight: Decimal, formYear: Int?,
                                  warn: (DiagnosticCode, CellAddress, String) -> Void) {
        let indicator = result.indicator
        result.kind = .qualitative
        let reading = TierReader().read(actual: result.actual, actualText: indicator.actual.value,
                                        target: result.target, formYear: formYear)
        let outcome = QualitativeTierRule(rules: rules).evaluate(reading: reading, filledScore: result.filledScore,
                                                                 weight: weight)
        result.tier = outcome.tier
        result.score = outcome.score
        let low = ScoreText.points(outcome.range.low, rules)
        let high = ScoreText.points(outcome.range.high, rules)
        let shown = ScoreText.points(outcome.score, rules)
        if !outcome.placed {
            result.needsReview = true
            warn(.tierUnplaceable, indicator.actual.cell, Message.unplaceable)
        }
        switch outcome.change {
        case .kept:
            break
        case .rounded:
            result.scoreChanged = true
            result.comment = Vocabulary.ScoringMessage.scoreRounded(
                printed: ScoreText.plain(result.filledScore ?? 0), rounded: shown)
        case .moved:
            let message = Message.scoreOutsideTier(
                printed: ScoreText.plain(result.filledScore ?? 0), moved: shown, tier: outcome.tier.label,
                low: low, high: high)
            result.scoreChanged = true
            result.comment = message
            warn(.scoreOutsideTier, indicator.score.cell, message)
        case .filled:
            result.scoreChanged = true
            result.comment = Message.tierScoreFilled(shown, tier: outcome.tier.label, low: low,
                                                                       high: high)
        }
        let basis = outcome.placed ? outcome.basis : Message.unplaceable
        result.audit.append(AuditEntry(
            rule: QualitativeTierRule.name, inputs: inputs(indicator),
            formula: "\(Vocabulary.ScoringWords.formulaQualitative): \(outcome.tier.label) [\(low), \(high)] → \(shown)",
            awarded: outcome.score, possible: weight, note: result.comment.map { "\(basis); \($0)" } ?? basis))
    }

    static let ruleName = "IndicatorEvaluator"
}

extension IndicatorEvaluator {
    enum Message {
        static let weightMissing = "未填写分值,该指标不计分。"
        static func weightInvalid(_ text: String, _ detail: String) -> String {
            "分值“\(text)”不是数字(\(detail)),该指标不计分。"
        }
        static func weightNegative(_ text: String) -> String { "分值“\(text)”小于0,该指标不计分。" }
        static let weightZero = "分值为0:该指标不占分,得分只能为0,请核实是否漏填分值。"
        static func scoreAboveWeight(_ score: String, weight: String) -> String {
            "得分\(score)超过分值\(weight):三级指标得分不能超过该指标分值,已按不超过分值评分。"
        }
        static func scoreInvalid(_ text: String, _ detail: String) -> String {
            "得分“\(text)”不是数字(\(detail)),按空白处理并由程序评分。"
        }
        static func actualMissing(kept: String?) -> String {
            if let kept { return "未填写实际完成值,无法评分:保留表中得分\(kept),请核实。" }
            return "未填写实际完成值,无法评分,得0分。"
        }
        static func actualNotQuantity(_ text: String) -> String {
            "年度指标值为数值,而实际完成值“\(text)”不是数值,按定性指标评分。"
        }
        static func unitMismatch(target: String, actual: String) -> String {
            "实际完成值的单位“\(actual)”与年度指标值的单位“\(target)”不一致,无法换算,按定性指标评分。"
        }
        static func overAchievement(ratio: String, threshold: String, needsExplanation: Bool) -> String {
            needsExplanation
                ? "实际完成值为年度指标值的\(ratio),超额\(threshold)及以上:得满分,但须在原因分析中说明超额原因(年度指标值是否设定偏低)。"
                : "实际完成值为年度指标值的\(ratio),超额\(threshold)及以上:得满分,请核实年度指标值是否设定偏低。"
        }
        static func scoreOutsideTier(printed: String, moved: String, tier: String, low: String, high: String) -> String {
            "表中得分\(printed)不在“\(tier)”档的分值区间\(low)–\(high)内,已改为\(moved)。"
        }
        static func tierScoreFilled(_ score: String, tier: String, low: String, high: String) -> String {
            "得分为空:按“\(tier)”档(区间\(low)–\(high))取\(score)分。"
        }
        static let unplaceable = "无法从实际完成值判断完成程度,暂按“达成年度指标”评分,请人工复核。"
        /// `value-not-given`: a lone mark in a target or actual cell.
        static func valueNotGiven(_ text: String) -> String { "“\(text)”表示未填写,按空白处理。" }
        /// `target-implied`: an execution-rate indicator without a target.
        static let executionTargetImplied = "执行率指标未填写指标值:按预算执行率的规则,以100%为指标值评分(分值 × min(执行率, 1))。"
    }
}
