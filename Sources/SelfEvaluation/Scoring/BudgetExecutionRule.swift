import Foundation

/// 预算执行率 (年度资金总额 row): 执行率 = 全年执行数(B) / 全年预算数(A); 得分 = 分值 × min(执行率, 1).
///
/// - 分值 comes from the form's cell, else the rule set's (10); a different value is warned about
///   (`execution-rate-weight`) and used.
/// - 年度资金总额 must equal the sum of the rows below it in each money column, to 0.01
///   (`budget-sum-mismatch`).
/// - A 年度资金总额 row of zeros while the rows below hold money is scored from their sums
///   (`budget-total-from-parts`).
/// - A budget of 0 is a `FormError` (`budget-zero`): no silent 0 and no division by 1; a negative
///   budget is `budget-negative` and one that is not a number `budget-amount-invalid` (never
///   reported as 0). A negative 全年执行数 is warned about (`budget-negative`) and scores 0.
/// - A printed 执行率 or 得分 that differs from the computed one is warned about
///   (`printed-rate-mismatch`, `budget-score-replaced`); the computed one is used.
struct BudgetExecutionRule: Sendable {
    static let name = "BudgetExecutionRule"
    /// How far a total may be from the sum of its parts (0.01 元).
    static let sumTolerance = Decimal(string: "0.01") ?? 0
    var rules: RuleSet
    /// Whether the rule set was given (`--rules`): its 分值 of 执行率 then wins over the form's.
    var rulesGiven: Bool = false

    struct Outcome: Sendable {
        var result: BudgetResult?
        var diagnostics: [Diagnostic]
    }

    private struct Amounts {
        var initial: Decimal?
        var adjusted: Decimal?
        var executed: Decimal?
        /// The money cells that hold text that is not a number (so are not blank), with the reader's reason.
        var invalid: [Column: (cell: Located<String>, reason: String)] = [:]
        /// The 分值 cell as a number, or why it is not one.
        var weight: Decimal?
        var weightError: String?
        /// On the total row: the 执行率 cell read as a quantity, and the 得分 cell as a number.
        var rate: Quantity?
        var score: Decimal?

        /// Whether a money cell is left blank ("", "—", "/"): not printed, unlike a cell that is
        /// not a number (an error of its own).
        func isBlank(_ column: Column) -> Bool { self[keyPath: column.value] == nil && invalid[column] == nil }
    }

    /// A money column: its name in messages, its cell on a row, its amount.
    private struct Column: Hashable, Sendable {
        let field: String
        let cell: KeyPath<BudgetRow, Located<String>?> & Sendable
        let value: KeyPath<Amounts, Decimal?> & Sendable

        static let initial = Column(field: Vocabulary.ScoringWords.initialField, cell: \.initial, value: \.initial)
        static let adjusted = Column(field: Vocabulary.ScoringWords.adjustedField, cell: \.adjusted, value: \.adjusted)
        static let executed = Column(field: Vocabulary.ScoringWords.executedField, cell: \.executed, value: \.executed)
        static let allCases = [initial, adjusted, executed]
    }

    func evaluate(_ form: Form) throws(FormError) -> Outcome {
        var diagnostics: [Diagnostic] = []
        guard let table = form.budget, !table.rows.isEmpty else {
            let cell = form.title?.cell ?? CellAddress(row: 1, column: 1)
            return Outcome(result: nil, diagnostics: [Diagnostic(.budgetMissing, at: form.location(cell), Message.budgetMissing)])
        }
        let totalRow = table.totalRow
        let parts = table.partRows
        let totalAmounts = totalRow.map { amounts(of: $0, form: form, into: &diagnostics) }
        let partAmounts = parts.map { amounts(of: $0, form: form, into: &diagnostics) }
        let sums = Amounts(initial: sum(partAmounts.map(\.initial)), adjusted: sum(partAmounts.map(\.adjusted)),
                           executed: sum(partAmounts.map(\.executed)))

        let totalIsZero = (totalAmounts?.adjusted ?? 0) == 0 && (totalAmounts?.executed ?? 0) == 0
        let partsHoldMoney = (sums.adjusted ?? 0) != 0 || (sums.executed ?? 0) != 0
        let fromParts = totalIsZero && partsHoldMoney
        let anchor = totalRow?.name.cell ?? parts.first?.name.cell ?? CellAddress(row: table.headerRow, column: 1)

        if fromParts {
            diagnostics.append(Diagnostic(
                .budgetTotalFromParts, at: form.location(anchor),
                Message.budgetTotalFromParts(adjusted: ScoreText.money(sums.adjusted ?? 0),
                                                              executed: ScoreText.money(sums.executed ?? 0))))
        } else if let totalRow, let totalAmounts, !parts.isEmpty {
            for column in Column.allCases {
                guard let total = totalAmounts[keyPath: column.value], let partSum = sums[keyPath: column.value] else { continue }
                let difference = total - partSum
                if difference > Self.sumTolerance || difference < -Self.sumTolerance {
                    let cell = totalRow[keyPath: column.cell]?.cell ?? totalRow.name.cell
                    diagnostics.append(Diagnostic(
                        .budgetSumMismatch, at: form.location(cell),
                        Message.budgetSumMismatch(column.field, total: ScoreText.money(total),
                                                                    sum: ScoreText.money(partSum))))
                }
            }
        }

        let used = fromParts ? sums : (totalAmounts ?? sums)
        let adjusted = used.adjusted ?? 0
        let executed = used.executed ?? 0
        // Amounts not printed (执行数 blank, or no money at all) but 执行率 printed: the printed rate.
        let amountsBlank = !fromParts && [Column.executed, .adjusted].contains { (totalAmounts ?? Amounts()).isBlank($0) }
        let printedRate = amountsBlank ? totalAmounts?.rate.flatMap(Self.rateFraction) : nil
        if let printedRate, let cell = totalRow?.rate {
            diagnostics.append(Diagnostic(.rateFromPrint, at: form.location(cell.cell),
                                          Vocabulary.LayoutMessage.rateFromPrint(ScoreText.percent(printedRate))))
        }
        guard adjusted > 0 || printedRate != nil else {
            throw Self.budgetError(adjusted: adjusted, executed: executed,
                                   rows: (totalAmounts.map { [$0] } ?? []) + partAmounts,
                                   cell: totalRow?.adjusted?.cell ?? anchor, form: form)
        }
        if executed < 0 {
            let cell = fromParts ? anchor : (totalRow?.executed?.cell ?? anchor)
            diagnostics.append(Diagnostic(.budgetNegative, at: form.location(cell),
                                          Message.executedNegative(ScoreText.money(executed))))
        }

        let (weight, weightSource) = self.weight(totalRow, amounts: totalAmounts, stated: table.columns.statedWeight,
                                                 form: form, into: &diagnostics)
        // 执行率 as a fraction: the printed rate over 1, or 执行数 over 预算数 (> 0 here), never divided
        // out to `Decimal`'s 38 digits; every figure of it is one exact rounded division.
        let rate = printedRate.map { (numerator: $0, denominator: Decimal(1)) } ?? (executed, adjusted)
        let score = Self.score(weight: weight, executed: executed, adjusted: adjusted, printedRate: printedRate,
                               rules: rules)
        let rateText = printedRate.map { ScoreText.percent($0) } ?? "\(ScoreText.plain(executed))/\(ScoreText.plain(adjusted))"
        let formula = "\(Vocabulary.ScoringWords.formulaExecution) = \(ScoreText.plain(weight)) × min(\(rateText), 1) = \(ScoreText.points(score, rules))"

        var result = BudgetResult(
            weight: weight, executionRate: printedRate.map { DecimalRounding.round($0, places: 4) }
                ?? DecimalRounding.quotient(executed, over: adjusted, places: 4) ?? .nan,
            score: score,
            initial: used.initial, adjusted: adjusted, executed: executed, scoredFromParts: fromParts,
            weightCell: totalRow?.weight?.cell, rateCell: totalRow?.rate?.cell, scoreCell: totalRow?.score?.cell)
        result.weightSource = weightSource
        var partsLeft = partAmounts[...]
        for row in table.rows {
            let amounts = row.isTotal ? totalAmounts ?? Amounts() : partsLeft.removeFirst()
            result.rows.append(BudgetRowAmounts(name: row.displayName, isTotal: row.isTotal,
                                                initial: amounts.initial, adjusted: amounts.adjusted,
                                                executed: amounts.executed, weight: amounts.weight))
        }
        checkPrinted(totalRow, totalAmounts, rate: rate, formula: formula, result: &result, form: form, into: &diagnostics)

        var inputs = [
            AuditEntry.Input(Vocabulary.ScoringWords.adjustedField, ScoreText.plain(adjusted),
                             at: fromParts ? nil : totalRow?.adjusted?.cell),
            AuditEntry.Input(Vocabulary.ScoringWords.executedField, ScoreText.plain(executed),
                             at: fromParts ? nil : totalRow?.executed?.cell),
            AuditEntry.Input(Vocabulary.ScoringWords.weightField, ScoreText.plain(weight),
                             at: weightSource == .formLabel ? table.columns.statedWeight?.cell
                                : (weightSource == .formCell ? totalRow?.weight?.cell : nil)),
        ]
        if let printed = totalRow?.score { inputs.append(AuditEntry.Input(Vocabulary.ScoringWords.scoreField,
                                                                          printed.value, at: printed.cell)) }
        result.audit = [AuditEntry(rule: Self.name, inputs: inputs, formula: formula, awarded: score, possible: weight,
                                   note: ([fromParts ? Vocabulary.ScoringWords.summaryFromParts : ""]
                                          + [WeightSource.note(weightSource)]).filter { !$0.isEmpty }.joined(separator: ";"))]
        return Outcome(result: result, diagnostics: diagnostics)
    }

    /// 得分 = 分值 × min(执行率, 1) within [0, 分值], rounded once: from the amounts as one exact
    /// division (分值 × 执行数 / 预算数, `DecimalRounding.quotient`), from a printed rate as a product.
    static func score(weight: Decimal, executed: Decimal, adjusted: Decimal, printedRate: Decimal?,
                      rules: RuleSet) -> Decimal {
        let product: Decimal
        if let printedRate {
            product = rules.round(weight * printedRate.clamped(0, 1))
        } else if executed <= 0 {
            product = 0
        } else if executed >= adjusted {
            product = rules.round(weight)
        } else {
            // 分值 and the amounts are strict numbers of at most 30 digits: the quotient always
            // fits in a Decimal, and the fallback (Decimal's own quotient) is never taken.
            product = DecimalRounding.quotient(weight, times: executed, over: adjusted, places: rules.decimals)
                ?? rules.round(weight * executed / adjusted)
        }
        return product.clamped(0, weight)
    }

    /// Why there is no positive 全年预算数, told truthfully: a negative amount (`budget-negative`),
    /// text that is not a number (`budget-amount-invalid`, at that cell, with the reader's reason:
    /// NaN, 1e300 and a 31-digit amount end here), else no amount at all (`budget-zero`).
    private static func budgetError(adjusted: Decimal, executed: Decimal, rows: [Amounts], cell: CellAddress,
                                    form: Form) -> FormError {
        if adjusted < 0 {
            return FormError(.budgetNegative, at: form.location(cell),
                             Message.budgetNegative(ScoreText.money(adjusted)))
        }
        if let invalid = rows.lazy.compactMap({ $0.invalid[.adjusted] }).first {
            return FormError(.budgetAmountInvalid, at: form.location(invalid.cell.cell),
                             Message.budgetNotANumber(invalid.cell.value.trimmed, invalid.reason))
        }
        let message = executed == 0 ? Message.budgetZero
            : Message.executedWithoutBudget(ScoreText.money(executed))
        return FormError(.budgetZero, at: form.location(cell), message)
    }

    private func amounts(of row: BudgetRow, form: Form, into diagnostics: inout [Diagnostic]) -> Amounts {
        var amounts = Amounts()
        func read(_ column: Column) -> Decimal? {
            guard let cell = row[keyPath: column.cell] else { return nil }
            do {
                return try ValueParser.optionalNumber(cell.value, field: column.field)
            } catch {
                diagnostics.append(Diagnostic(
                    .budgetAmountInvalid, at: form.location(cell.cell),
                    Message.budgetAmountInvalid(column.field, cell.value.trimmed, error.message)))
                amounts.invalid[column] = (cell, error.message)
                return nil
            }
        }
        let money = (read(.initial), read(.adjusted), read(.executed))
        (amounts.initial, amounts.adjusted, amounts.executed) = money
        if row.isTotal {
            if let cell = row.rate, case .quantity(let quantity) = ValueParser.parse(cell.value) { amounts.rate = quantity }
            amounts.score = row.score.flatMap { try? ValueParser.optionalNumber($0.value) }
        }
        if let cell = row.weight {
            do {
                amounts.weight = try ValueParser.optionalNumber(cell.value, field: Vocabulary.ScoringWords.weightField)
            } catch {
                amounts.weightError = error.message
            }
        }
        return amounts
    }

    private func sum(_ values: [Decimal?]) -> Decimal? {
        let given = values.compactMap { $0 }
        return given.isEmpty ? nil : DecimalRounding.sum(given)
    }

    /// The 分值 of 执行率 and where it came from: the rule set's when it was given (`--rules`),
    /// else the one the form states (its 分值 cell, else a label such as "预算执行率(20分)"),
    /// else the rule set's default.
    private func weight(_ row: BudgetRow?, amounts: Amounts?, stated: Located<Decimal>?, form: Form,
                        into diagnostics: inout [Diagnostic]) -> (Decimal, WeightSource) {
        if rulesGiven { return (rules.executionRateWeight, .rulesGiven) }
        // A money table with no 分值 or 得分 and no points in a label, on a form whose indicators
        // already weigh 100 (宁夏: 预算执行率 is an indicator there): 执行率 is shown, not scored.
        let columns = form.budget?.columns
        if columns?.weight == nil, columns?.score == nil, stated == nil, Self.indicatorWeights(form) == 100 {
            return (0, .notScored)
        }
        let labelled = stated.flatMap { $0.value > 0 ? $0.value : nil }
        let notWritten = labelled.map { ($0, WeightSource.formLabel) } ?? (rules.executionRateWeight, .rulesDefault)
        guard let cell = row?.weight else { return notWritten }
        if let error = amounts?.weightError {
            diagnostics.append(Diagnostic(.budgetAmountInvalid, at: form.location(cell.cell),
                                          Message.budgetAmountInvalid(Vocabulary.ScoringWords.weightField,
                                                                      cell.value.trimmed, error)))
            return notWritten
        }
        guard let written = amounts?.weight, written >= 0 else { return notWritten }
        // 鄂州: 分值 100 in the money row is the whole form's, and 预算执行率 is an indicator: 执行率
        // is shown, not scored apart (`ExecutionRateTarget.isTotalInMoneyRow`).
        if ExecutionRateTarget.isTotalInMoneyRow(written, form: form) {
            diagnostics.append(Diagnostic(.executionWeightIsTotal, at: form.location(cell.cell),
                                          Message.executionWeightIsTotal(ScoreText.plain(written))))
            return (0, .notScored)
        }
        // A cell that agrees with the form's own label needs no warning: the form states it twice.
        if written != rules.executionRateWeight, written != labelled {
            diagnostics.append(Diagnostic(
                .executionRateWeight, at: form.location(cell.cell),
                Message.executionWeight(found: ScoreText.plain(written),
                                                          expected: ScoreText.plain(rules.executionRateWeight),
                                                          rules: rules.name)))
        }
        return (written, .formCell)
    }

    /// A printed 执行率 as a fraction ("76%" → 0.76, "0.76" → 0.76), nil when not a rate.
    static func rateFraction(_ quantity: Quantity) -> Decimal? {
        switch quantity.unit {
        case .percent?: quantity.number / 100
        case nil: quantity.number <= 2 ? quantity.number : quantity.number / 100
        default: nil
        }
    }

    /// The sum of the indicators' 分值 as written (placeholders and unreadable cells left out).
    static func indicatorWeights(_ form: Form) -> Decimal {
        form.scoredIndicators.reduce(Decimal(0)) { sum, indicator in sum + ((try? indicator.weightNumber.get()) ?? 0) }
    }

    /// Compares the printed 执行率 and 得分 with the computed ones; `rate` is 执行率 as n/d (d > 0).
    private func checkPrinted(_ row: BudgetRow?, _ amounts: Amounts?, rate: (numerator: Decimal, denominator: Decimal),
                              formula: String, result: inout BudgetResult, form: Form,
                              into diagnostics: inout [Diagnostic]) {
        let shownScore = ScoreText.points(result.score, rules)
        // Not scored apart: a printed 得分 there is not an execution score (鄂州: the form's total).
        if let cell = row?.score, result.weightSource != .notScored, let printed = amounts?.score {
            result.filledScore = printed
            if printed != result.score {
                let message = Message.budgetScoreReplaced(
                    printed: ScoreText.plain(printed), computed: shownScore, formula: formula)
                result.scoreChanged = true
                result.comment = message
                diagnostics.append(Diagnostic(.budgetScoreReplaced, at: form.location(cell.cell), message))
            }
        } else {
            result.scoreChanged = true
            result.comment = Message.budgetScoreFilled(shownScore, formula: formula)
        }
        guard let cell = row?.rate, let quantity = amounts?.rate else { return }
        let printedPercent: Decimal = switch quantity.unit {
        case .percent?: quantity.number
        default: quantity.number <= 2 ? quantity.number * 100 : quantity.number
        }
        let places = min(max(-Int(printedPercent.exponent), 0), 4)
        // A printed rate within one unit of its own last digit of the exact rate is the rate,
        // rounded up, down or to nearest at the precision printed (86.1830…% printed 86.19%,
        // 86.18% or 86.2%): only a rate further off is a slip. Exactly: with the rate n/d,
        // |printed − 100·n/d| ≥ unit ⇔ |printed·d − 100·n| ≥ unit·d.
        guard let n = ExactDecimal(rate.numerator), let d = ExactDecimal(rate.denominator),
              let printed = ExactDecimal(printedPercent) else { return }
        let hundred = ExactDecimal(negative: false, magnitude: WideUInt(100), exponent: 0)
        let unit = ExactDecimal(negative: false, magnitude: WideUInt(1), exponent: -places)
        let gap = printed.multiplied(by: d).subtracting(hundred.multiplied(by: n))
        let farOff = !ExactDecimal(negative: false, magnitude: gap.magnitude, exponent: gap.exponent)
            .subtracting(unit.multiplied(by: d)).negative
        if farOff, DecimalRounding.quotient(rate.numerator, times: 100, over: rate.denominator, places: places)
            != printedPercent {
            let percent = DecimalRounding.quotient(rate.numerator, times: 100, over: rate.denominator, places: 2)
            diagnostics.append(Diagnostic(
                .printedRateMismatch, at: form.location(cell.cell),
                Message.printedRateMismatch(printed: cell.value.trimmed,
                                                              computed: (percent ?? .nan).fixed(2) + "%")))
        }
    }
}

extension BudgetExecutionRule {
    enum Message {
        static let budgetZero = "全年预算数为0(年度资金总额及其下各行均无金额),无法计算预算执行率。"
        static let budgetMissing = "未找到资金表的年度资金总额,预算执行率未计分。"
        static func budgetAmountInvalid(_ field: String, _ text: String, _ detail: String) -> String {
            "\(field)“\(text)”不是数字(\(detail)),按空白处理。"
        }
        static func budgetSumMismatch(_ field: String, total: String, sum: String) -> String {
            "年度资金总额的\(field)为\(total)万元,与其下各行之和\(sum)万元不符(相差超过0.01)。"
        }
        static func budgetTotalFromParts(adjusted: String, executed: String) -> String {
            "年度资金总额一行为0,而其下各行有金额:按各行之和计算执行率(全年预算数\(adjusted)万元,全年执行数\(executed)万元)。"
        }
        static func budgetNegative(_ adjusted: String) -> String {
            "全年预算数为负数(\(adjusted)万元):预算数不能为负,无法计算预算执行率。"
        }
        static func budgetNotANumber(_ text: String, _ detail: String) -> String {
            "全年预算数“\(text)”不是有效的金额(\(detail)),无法计算预算执行率。"
        }
        static func executedNegative(_ executed: String) -> String {
            "全年执行数为负数(\(executed)万元):执行率按0计,请核实。"
        }
        static func executedWithoutBudget(_ executed: String) -> String {
            "全年预算数为0而全年执行数为\(executed)万元,无法计算预算执行率。"
        }
        static func executionWeight(found: String, expected: String, rules: String) -> String {
            "预算执行率的分值为\(found),规则“\(rules)”规定为\(expected)。"
        }
        static func printedRateMismatch(printed: String, computed: String) -> String {
            "表中执行率为\(printed),按全年执行数/全年预算数计算应为\(computed)。"
        }
        static func budgetScoreReplaced(printed: String, computed: String, formula: String) -> String {
            "表中执行率得分为\(printed),按规则应为\(computed)(\(formula)),已改正。"
        }
        static func budgetScoreFilled(_ computed: String, formula: String) -> String {
            "执行率得分由程序计算:\(formula)。"
        }
        /// `execution-weight-is-total`: the money row's 分值 is the form's total.
        static func executionWeightIsTotal(_ written: String) -> String {
            "资金表执行率一行的分值为\(written),是全表的总分:预算执行率已作为绩效指标评分,执行率不另计分。"
        }
    }
}
