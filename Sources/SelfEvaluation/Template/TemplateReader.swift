import CSV
import Foundation

/// Turns a CSV grid into a typed `Form`. Sections and columns are found by their labels,
/// never by fixed positions; first- and second-level labels are carried down from merged
/// cells; every value keeps its cell. Cells that belong nowhere are reported and kept.
public struct TemplateReader: Sendable {
    /// Forces a template instead of recognising it from the file.
    public var template: TemplateKind?

    public init(template: TemplateKind? = nil) {
        self.template = template
    }

    /// Reads a form; throws the first fatal error (not this form, no indicator header …),
    /// returns the warnings found while reading.
    public func read(_ input: CSVDocument) throws(FormError) -> (form: Form, diagnostics: [Diagnostic]) {
        var document = input
        var diagnostics: [Diagnostic] = []
        var scan = GridScan(document: document)
        if let header = scan.findIndicatorHeader() {
            let (repaired, repairs) = ShiftedRowRepair.repair(document, headerRow: header)
            if !repairs.isEmpty {
                document = repaired
                diagnostics += repairs
                scan = GridScan(document: document)
            }
        }
        var form = Form(source: document.file, template: template ?? .department, document: document)

        let headerRow = scan.findIndicatorHeader()
        let titleCell = scan.findTitle(before: headerRow ?? scan.rowCount + 1)
        guard let indicatorRow = headerRow else {
            if titleCell == nil {
                throw FormError("not-a-form", at: document.location(row: 1, column: 1), Vocabulary.TemplateMessage.notAForm)
            }
            throw FormError("missing-indicator-header", at: document.location(row: 1, column: 1),
                            Vocabulary.TemplateMessage.missingIndicatorHeader)
        }
        // A two-row header starts one row above the 一级/二级/三级 row; the sections above end there.
        let band = Self.headerBand(scan, levelRow: indicatorRow)
        let top = band.lowerBound
        if let titleCell {
            form.title = titleCell
            scan.consume(titleCell.cell)
            if template == nil, titleCell.value.contains(Vocabulary.projectMarker) { form.template = .project }
        }
        if template == nil, scan.findLabel(Vocabulary.projectNameLabel, before: top) != nil {
            form.template = .project
        }

        form.year = scan.findYear(before: top)
        readHeaderFields(&scan, into: &form, before: top)
        form.budget = try readBudget(&scan, before: top)
        readGoals(&scan, into: &form, before: top)
        let columns = try readIndicatorColumns(&scan, row: indicatorRow, band: band)
        form.indicatorHeader = columns
        let end = readIndicators(&scan, columns: columns, into: &form, diagnostics: &diagnostics)
        readTrailer(&scan, from: end, columns: columns, into: &form)

        if form.scoredIndicators.isEmpty {
            throw FormError("no-indicators", at: document.location(row: indicatorRow, column: columns.name),
                            Vocabulary.TemplateMessage.noIndicators)
        }
        if form.year == nil {
            diagnostics.append(Diagnostic(.warning, "missing-year", at: document.location(row: 2, column: 1),
                                          Vocabulary.TemplateMessage.missingYear))
        }
        if form.unit == nil {
            diagnostics.append(Diagnostic(.warning, "missing-unit", at: document.location(row: 3, column: 1),
                                          Vocabulary.TemplateMessage.missingUnit))
        }
        for cell in scan.unconsumedCells() {
            form.unrecognisedCells.append(cell)
            diagnostics.append(Diagnostic(.warning, "cell-not-recognised", at: form.location(cell.cell),
                                          Vocabulary.TemplateMessage.unrecognisedCell(String(cell.value.prefix(40)))))
        }
        diagnostics += Self.xmlInvalidCharacters(input)
        return (form, diagnostics)
    }

    // MARK: Header

    /// One warning per input cell holding a character XML 1.0 forbids (``XMLText``), at the
    /// cell's place in the file: the workbook shows it as U+FFFD.
    static func xmlInvalidCharacters(_ document: CSVDocument) -> [Diagnostic] {
        var found: [Diagnostic] = []
        for (r, row) in document.rows.enumerated() {
            for (c, cell) in row.enumerated() where !XMLText.isAllowed(cell) {
                var names: [String] = []
                for scalar in XMLText.forbiddenScalars(in: cell) where !names.contains(XMLText.name(scalar)) {
                    names.append(XMLText.name(scalar))
                }
                let listed = names.count > 5 ? names.prefix(5) + ["…"] : names[...]
                found.append(Diagnostic(.warning, "xml-invalid-character", at: document.location(row: r + 1, column: c + 1),
                                        Vocabulary.TemplateMessage.xmlInvalidCharacter(listed.joined(separator: " "))))
            }
        }
        return found
    }

    private func readHeaderFields(_ scan: inout GridScan, into form: inout Form, before end: Int) {
        for row in 1..<end {
            for column in 1...max(1, scan.width(row)) {
                let text = scan.text(row, column)
                if text.isEmpty { continue }
                let label = scan.label(row, column)
                if label.hasPrefix(TemplateLabels.unitSeal) {
                    scan.consume(row, column)
                    if let value = LabelText.valueAfterColon(text), !value.isEmpty, form.unit == nil {
                        form.unit = Located(value, at: CellAddress(row: row, column: column))
                    }
                } else if label.hasPrefix(TemplateLabels.filledOn) {
                    scan.consume(row, column)
                    if let value = LabelText.valueAfterColon(text) ?? scan.nextValue(row, after: column).map({ $0.value }) {
                        form.filledOn = Located(value, at: CellAddress(row: row, column: column))
                        form.filledOnDate = DateText.parse(value)
                    }
                } else if label.isAny(of: TemplateLabels.unitNames) {
                    scan.consume(row, column)
                    if let value = Self.headerValue(scan, row, after: column) {
                        scan.consume(value.cell)
                        form.unit = value
                        form.headerFields.append(HeaderField(label: Located(text, at: CellAddress(row: row, column: column)),
                                                             value: value))
                    }
                } else if label.isAny(of: TemplateLabels.projectHeaders) {
                    scan.consume(row, column)
                    if let value = Self.headerValue(scan, row, after: column) {
                        scan.consume(value.cell)
                        form.headerFields.append(HeaderField(label: Located(text, at: CellAddress(row: row, column: column)),
                                                             value: value))
                    }
                } else if let year = form.year, year.cell == CellAddress(row: row, column: column) {
                    scan.consume(row, column)
                }
            }
        }
    }

    /// The value right of a header label: the first non-empty cell after it, unless that cell
    /// is the next label ("主管部门 | | 实施单位 | 〈unit〉": 主管部门 is left empty).
    private static func headerValue(_ scan: GridScan, _ row: Int, after column: Int) -> Located<String>? {
        guard let value = scan.nextValue(row, after: column) else { return nil }
        if NormalizedLabel(value.value).isAny(of: TemplateLabels.headerLabels) { return nil }
        return value
    }

    // MARK: Budget

    private func readBudget(_ scan: inout GridScan, before end: Int) throws(FormError) -> BudgetTable? {
        guard let header = scan.findRow(before: end, whereLabels: { labels in
            labels.contains { $0.hasPrefix(TemplateLabels.budgetAdjusted) }
                && labels.contains { $0.hasPrefix(TemplateLabels.budgetExecuted) }
        }) else { return nil }
        func column(_ label: String) -> Int? { scan.column(in: header, labelStartingWith: NormalizedLabel(label)) }
        let initial = column(Vocabulary.budgetInitialLabel)
        let adjusted = column(Vocabulary.budgetAdjustedLabel)
        let executed = column(Vocabulary.budgetExecutedLabel)
        let weight = Vocabulary.weightLabels.compactMap { column($0) }.first
        let rate = column(Vocabulary.rateLabel)
        let score = column(Vocabulary.scoreLabel)
        let firstMoney = [initial, adjusted, executed].compactMap { $0 }.min() ?? 2
        // The names' column: 资金来源 in the header, else where 年度资金总额 is written (project
        // forms print no 资金来源 and often merge the name over two columns), else left of the money.
        let name = column(Vocabulary.budgetSourceLabel)
            ?? Self.budgetTotalColumn(scan, after: header, before: end, limit: firstMoney)
            ?? max(1, firstMoney - 1)
        for col in 1...max(1, scan.width(header)) where !scan.text(header, col).isEmpty {
            if col == name || [initial, adjusted, executed, weight, rate, score].contains(col)
                || scan.label(header, col).isAny(of: TemplateLabels.budgetSections) {
                scan.consume(header, col)
            }
        }
        let columns = BudgetColumns(name: name, initial: initial, adjusted: adjusted, executed: executed,
                                    weight: weight, rate: rate, score: score)
        var rows: [BudgetRow] = []
        var row = header + 1
        while row < end {
            let texts = scan.rowTexts(row)
            if scan.rowLabels(row).contains(where: { $0.equals(TemplateLabels.goalsSection) }) { break }
            let nameText = scan.text(row, name)
            // Section labels of merged ranges in the first columns (部门(单位)总体资金(万元)).
            for col in 1..<name where !scan.text(row, col).isEmpty {
                if scan.label(row, col).isAny(of: TemplateLabels.budgetSections) {
                    scan.consume(row, col)
                }
            }
            if !nameText.isEmpty {
                var budgetRow = BudgetRow(name: Located(LabelText.trim(nameText), at: CellAddress(row: row, column: name)),
                                          isTotal: scan.label(row, name).hasPrefix(TemplateLabels.budgetTotalLiteral))
                scan.consume(row, name)
                func take(_ col: Int?) -> Located<String>? {
                    guard let col else { return nil }
                    scan.consume(row, col)
                    return Located(LabelText.trim(scan.text(row, col)), at: CellAddress(row: row, column: col))
                }
                budgetRow.initial = take(initial)
                budgetRow.adjusted = take(adjusted)
                budgetRow.executed = take(executed)
                budgetRow.weight = take(weight)
                budgetRow.rate = take(rate)
                budgetRow.score = take(score)
                rows.append(budgetRow)
            } else if texts.allSatisfy({ $0.isEmpty }) {
                // blank line inside the table: skip
            } else if rows.isEmpty {
                // a section label row before the first money row
            } else {
                break
            }
            row += 1
        }
        return BudgetTable(headerRow: header, columns: columns, rows: rows)
    }

    /// The column of the first 年度资金总额 cell left of `limit` in the rows after the money header.
    private static func budgetTotalColumn(_ scan: GridScan, after header: Int, before end: Int, limit: Int) -> Int? {
        var row = header + 1
        while row < end {
            if let column = scan.column(in: row, labelStartingWith: TemplateLabels.budgetTotal),
               column < limit {
                return column
            }
            row += 1
        }
        return nil
    }

    // MARK: Goals

    private func readGoals(_ scan: inout GridScan, into form: inout Form, before end: Int) {
        guard let labelRow = scan.findRow(before: end, whereLabels: { labels in
            labels.contains { $0.equals(TemplateLabels.goalsExpected) }
        }) else { return }
        for col in 1...max(1, scan.width(labelRow)) {
            let t = scan.label(labelRow, col)
            if t.equals(TemplateLabels.goalsSection) || t.equals(TemplateLabels.goalsExpected) || t.equals(TemplateLabels.goalsActual) {
                scan.consume(labelRow, col)
            }
        }
        guard let expectedCol = scan.column(in: labelRow, whereLabel: { $0.equals(TemplateLabels.goalsExpected) })
        else { return }
        let actualCol = scan.column(in: labelRow, whereLabel: { $0.equals(TemplateLabels.goalsActual) })
        // The texts are on the next non-blank row.
        var textRow = labelRow + 1
        while textRow < end, scan.rowTexts(textRow).allSatisfy({ $0.isEmpty }) { textRow += 1 }
        guard textRow < end else { return }
        let limit = actualCol ?? (scan.width(textRow) + 1)
        if let goals = scan.firstValue(textRow, from: expectedCol, upTo: limit) {
            form.goals = goals
            scan.consume(goals.cell)
        }
        if let actualCol, let done = scan.firstValue(textRow, from: actualCol, upTo: scan.width(textRow) + 1) {
            form.achievements = done
            scan.consume(done.cell)
        }
    }

    // MARK: Indicators

    /// The rows of the indicator header around the 一级/二级/三级 row `levelRow`: the row above
    /// too when `levelRow` holds the sub-labels (指标值 …) and the row above holds 年度指标值
    /// ("一级/二级/三级 on the second header row"); the row below too when it holds the sub-labels
    /// and no level labels (年度指标值 on the 一级 row, its sub-columns below).
    static func headerBand(_ scan: GridScan, levelRow: Int) -> ClosedRange<Int> {
        if holdsSubLabels(scan, levelRow), levelRow > 1,
           scan.rowLabels(levelRow - 1).contains(where: { $0.hasPrefix(TemplateLabels.target) }) {
            return (levelRow - 1)...levelRow
        }
        let below = levelRow + 1
        if below <= scan.rowCount, holdsSubLabels(scan, below),
           !scan.rowLabels(below).contains(where: { $0.hasPrefix(TemplateLabels.level1) }),
           scan.rowLabels(levelRow).contains(where: { $0.hasPrefix(TemplateLabels.target) }) {
            return levelRow...below
        }
        return levelRow...levelRow
    }

    /// Whether `row` holds the 指标值 sub-label of a two-row header.
    private static func holdsSubLabels(_ scan: GridScan, _ row: Int) -> Bool {
        scan.rowLabels(row).contains(where: isTargetSubLabel)
    }

    /// "指标值", "指标值(A)" (not 年度指标值).
    private static func isTargetSubLabel(_ label: NormalizedLabel) -> Bool {
        label.equals(TemplateLabels.targetSub) || label.hasPrefix(TemplateLabels.targetSubOpen)
    }

    private func readIndicatorColumns(_ scan: inout GridScan, row: Int,
                                      band: ClosedRange<Int>) throws(FormError) -> IndicatorColumns {
        // The 一级 row first, then the other header rows (a label merged down two rows is written
        // in the top one; sub-labels are in the lower one).
        let rows = [row] + band.filter { $0 != row }
        func column(_ labels: [String]) -> Int? {
            let prefixes = labels.map { NormalizedLabel($0) }
            for r in rows {
                for prefix in prefixes {
                    if let c = scan.column(in: r, labelStartingWith: prefix) { return c }
                }
            }
            return nil
        }
        let doc = scan.document
        func require(_ labels: [String]) throws(FormError) -> Int {
            guard let c = column(labels) else {
                throw FormError("missing-column", at: doc.location(row: row, column: 1),
                                Vocabulary.TemplateMessage.missingColumn(labels[0]))
            }
            return c
        }
        let level1 = try require([Vocabulary.level1Label])
        let level2 = try require([Vocabulary.level2Label])
        let name = try require([Vocabulary.level3Label])
        // Two-row header: the target is the 指标值 sub-column under 年度指标值.
        var target: Int
        var targetGroup: CellAddress? = nil
        var subLabel: CellAddress? = nil
        if band.count > 1 {
            for r in rows {
                if let c = scan.column(in: r, whereLabel: Self.isTargetSubLabel) {
                    subLabel = CellAddress(row: r, column: c)
                    break
                }
            }
        }
        if let sub = subLabel {
            target = sub.column
            for r in band where r != sub.row {
                if let c = scan.column(in: r, labelStartingWith: TemplateLabels.target) {
                    targetGroup = CellAddress(row: r, column: c)
                    break
                }
            }
        } else {
            target = try require([Vocabulary.targetLabel])
        }
        let actual = try require([Vocabulary.actualLabel])
        let weight = try require(Vocabulary.weightLabels)
        let score = try require([Vocabulary.scoreLabel])
        let reason = column(Vocabulary.reasonLabels)
        let nature = column(Vocabulary.natureLabels)
        let unit = column(Vocabulary.measureUnitLabels)
        var section: CellAddress? = nil
        for r in rows {
            if let c = scan.column(in: r, whereLabel: { $0.equals(TemplateLabels.indicatorSection) }) {
                section = CellAddress(row: r, column: c)
                break
            }
        }
        for r in band {
            for c in 1...max(1, scan.width(r)) where !scan.text(r, c).isEmpty { scan.consume(r, c) }
        }
        return IndicatorColumns(headerRow: row, sectionLabel: section, level1: level1, level2: level2, name: name,
                                target: target, actual: actual, weight: weight, score: score, reason: reason,
                                nature: nature, unit: unit, headerRows: band, targetGroup: targetGroup)
    }

    /// Reads indicator rows; returns the first row after the table.
    private func readIndicators(_ scan: inout GridScan, columns: IndicatorColumns, into form: inout Form,
                                diagnostics: inout [Diagnostic]) -> Int {
        var level1: (label: String, name: String, points: Decimal?, cell: CellAddress)? = nil
        var level2: Located<String>? = nil
        var row = columns.headerRows.upperBound + 1
        while row <= scan.rowCount {
            let texts = scan.rowTexts(row)
            if let first = texts.firstIndex(where: { !$0.isEmpty }) {
                let label = scan.label(row, first + 1)
                if label.hasPrefix(TemplateLabels.total) || label.startsWithAny(of: TemplateLabels.conclusions)
                    || label.startsWithAny(of: TemplateLabels.trailers)
                    || label.hasPrefix(TemplateLabels.contact) || label.hasPrefix(TemplateLabels.notesColon) {
                    break
                }
            } else {
                row += 1
                continue
            }
            // The section label (绩效指标) in column A of a merged range.
            if let section = columns.sectionLabel, section.column < columns.level1,
               scan.label(row, section.column).equals(TemplateLabels.indicatorSection) {
                scan.consume(row, section.column)
            }
            let l1Text = LabelText.trim(scan.text(row, columns.level1))
            if !l1Text.isEmpty {
                let (name, points) = Self.splitPoints(l1Text)
                level1 = (l1Text, name, points, CellAddress(row: row, column: columns.level1))
                level2 = nil
                scan.consume(row, columns.level1)
                if !Vocabulary.level1Names.contains(LabelText.normalize(name)) {
                    diagnostics.append(Diagnostic(.warning, "unknown-level1", at: form.location(CellAddress(row: row, column: columns.level1)),
                                                  Vocabulary.TemplateMessage.unknownLevel1(name)))
                }
            }
            let l2Text = LabelText.trim(scan.text(row, columns.level2))
            if !l2Text.isEmpty {
                level2 = Located(l2Text, at: CellAddress(row: row, column: columns.level2))
                scan.consume(row, columns.level2)
                if !ShiftedRowRepair.isLevel2Name(l2Text) {
                    diagnostics.append(Diagnostic(.warning, "unknown-level2", at: form.location(CellAddress(row: row, column: columns.level2)),
                                                  Vocabulary.TemplateMessage.unknownLevel2(l2Text)))
                }
            }
            func cell(_ col: Int) -> Located<String> {
                scan.consume(row, col)
                return Located(LabelText.trim(scan.text(row, col)), at: CellAddress(row: row, column: col))
            }
            let name = cell(columns.name)
            let target = cell(columns.target)
            let actual = cell(columns.actual)
            let weight = cell(columns.weight)
            let score = cell(columns.score)
            let reason = columns.reason.map { cell($0) }
            let nature = columns.nature.map { cell($0) }
            let unit = columns.unit.map { cell($0) }
            let valuesEmpty = target.value.isEmpty && actual.value.isEmpty && weight.value.isEmpty && score.value.isEmpty
            if name.value.isEmpty && valuesEmpty {
                // A row holding only a level label (a group header): nothing to score.
                row += 1
                continue
            }
            let placeholder = valuesEmpty && Self.isPlaceholderName(name.value)
            guard let l1 = level1, let l2 = level2 else {
                diagnostics.append(Diagnostic(.warning, "indicator-without-level", at: form.location(name.cell),
                                              Vocabulary.TemplateMessage.indicatorWithoutLevel))
                let empty = Located("", at: CellAddress(row: row, column: columns.level1))
                form.indicators.append(Indicator(row: row, level1: level1.map { Located($0.name, at: $0.cell) } ?? empty,
                                                 level1Label: level1?.label ?? "", level1Points: level1?.points,
                                                 level2: level2 ?? Located("", at: CellAddress(row: row, column: columns.level2)),
                                                 name: name, target: target, actual: actual, weight: weight, score: score,
                                                 reason: reason, nature: nature, measureUnit: unit, isPlaceholder: placeholder))
                row += 1
                continue
            }
            form.indicators.append(Indicator(row: row, level1: Located(l1.name, at: l1.cell), level1Label: l1.label,
                                             level1Points: l1.points, level2: l2, name: name, target: target,
                                             actual: actual, weight: weight, score: score, reason: reason,
                                             nature: nature, measureUnit: unit, isPlaceholder: placeholder))
            row += 1
        }
        return row
    }

    // MARK: Trailer

    private func readTrailer(_ scan: inout GridScan, from start: Int, columns: IndicatorColumns, into form: inout Form) {
        var row = start
        var inNotes = false
        while row <= scan.rowCount {
            let texts = scan.rowTexts(row)
            guard let firstCol = texts.firstIndex(where: { !$0.isEmpty }).map({ $0 + 1 }) else {
                row += 1
                continue
            }
            let first = scan.text(row, firstCol)
            let label = scan.label(row, firstCol)
            if label.hasPrefix(TemplateLabels.total), form.total == nil {
                scan.consume(row, firstCol)
                let weight = scan.text(row, columns.weight)
                let score = scan.text(row, columns.score)
                scan.consume(row, columns.weight)
                scan.consume(row, columns.score)
                form.total = TotalRow(label: CellAddress(row: row, column: firstCol),
                                      weight: Located(LabelText.trim(weight), at: CellAddress(row: row, column: columns.weight)),
                                      score: Located(LabelText.trim(score), at: CellAddress(row: row, column: columns.score)))
            } else if label.startsWithAny(of: TemplateLabels.conclusions), form.conclusion == nil,
                      !(form.template == .project && label.hasPrefix(TemplateLabels.narrativeConclusion)) {
                scan.consume(row, firstCol)
                if let value = scan.nextValue(row, after: firstCol) {
                    scan.consume(value.cell)
                    form.conclusion = value
                } else {
                    form.conclusion = Located("", at: CellAddress(row: row, column: firstCol + 1))
                }
                form.conclusionLabel = Located(LabelText.trim(first), at: CellAddress(row: row, column: firstCol))
            } else {
                for col in firstCol...scan.width(row) where !scan.text(row, col).isEmpty {
                    let text = scan.text(row, col)
                    let cell = Located(text, at: CellAddress(row: row, column: col))
                    scan.consume(row, col)
                    form.trailer.append(cell)
                    let normalized = scan.label(row, col)
                    if normalized.hasPrefix(TemplateLabels.notesColon) || normalized.hasPrefix(TemplateLabels.notesOne) {
                        inNotes = true
                    }
                    if inNotes { form.notes.append(cell) }
                }
            }
            row += 1
        }
    }

    // MARK: Helpers

    /// "产出指标(60分)" → ("产出指标", 60).
    static func splitPoints(_ label: String) -> (String, Decimal?) {
        let normalized = LabelText.normalize(label)
        guard normalized.hasSuffix(Vocabulary.pointsSuffix + ")"), let open = normalized.lastIndex(of: "(") else {
            return (normalized, nil)
        }
        let inner = normalized[normalized.index(after: open)..<normalized.index(normalized.endIndex, offsetBy: -2)]
        let name = String(normalized[..<open])
        guard !inner.isEmpty, inner.allSatisfy({ $0.isASCII && ($0.isNumber || $0 == ".") }),
              let points = Decimal.parsing(String(inner)) else {
            return (normalized, nil)
        }
        return (name, points)
    }

    /// Whether a name is a placeholder ("指标2", "……"); exposed for tests.
    public static func isPlaceholderNameForTesting(_ name: String) -> Bool { isPlaceholderName(name) }

    /// "指标2", "指标2:", "……" with nothing else.
    static func isPlaceholderName(_ name: String) -> Bool {
        let n = LabelText.normalize(name)
        if n.isEmpty || Vocabulary.ellipses.contains(n) { return true }
        guard n.hasPrefix(Vocabulary.placeholderNamePrefix) else { return false }
        let rest = n.dropFirst(Vocabulary.placeholderNamePrefix.count).filter { $0 != ":" }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
