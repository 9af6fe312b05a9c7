import CSV
import Foundation

/// Turns a CSV grid into a typed `Form`. Sections and columns are found by their labels,
/// never by fixed positions; first- and second-level labels are carried down from merged
/// cells; every value keeps its cell. Cells that belong nowhere are reported and kept.
public struct TemplateReader: Sendable {
    /// Forces a template instead of recognising it from the file.
    public var template: TemplateKind?
    /// The labels recognised (the built-in table, or one extended by `--layout FILE.json`).
    public var labels: LabelTable

    public init(template: TemplateKind? = nil, labels: LabelTable = .builtIn) {
        self.template = template
        self.labels = labels
        self.headerWords = LabelSet([LabelTable.IndicatorColumn.name, .level1, .level2].flatMap { labels.indicatorColumns[$0] ?? [] })
        self.executedWords = LabelSet(labels.budgetColumns[.executed] ?? [])
        self.unitNameWords = LabelSet(TemplateLabels.unitNames + labels.unitNames)
        self.otherHeaderWords = LabelSet(labels.headerLabels + TemplateLabels.projectHeaders)
        self.nextLabelWords = LabelSet(labels.headerLabels + labels.unitNames)
        self.goalsExpectedWords = LabelSet(labels.goalsExpected)
        self.goalsActualWords = LabelSet(labels.goalsActual)
        self.goalsSectionWords = LabelSet(labels.goalsSections)
        self.longTrailers = labels.trailers.filter { $0.count >= 4 }
        self.indicatorSynonyms = ColumnSynonyms(keys: Self.indicatorKeys, synonyms: labels.indicatorColumns)
        self.budgetSynonyms = ColumnSynonyms(keys: LabelTable.BudgetColumn.allCases, synonyms: labels.budgetColumns)
    }

    /// The columns' synonyms, indexed for assigning header cells.
    private let indicatorSynonyms: ColumnSynonyms<LabelTable.IndicatorColumn>
    private let budgetSynonyms: ColumnSynonyms<LabelTable.BudgetColumn>

    /// The trailer labels of four characters or more, which end the table where they start a
    /// row's first cell with no target or actual on the row (存在问题及改进措施).
    private let longTrailers: [NormalizedText]

    /// The unit-name and the other header labels as sets: one look-up per header cell.
    private let unitNameWords: LabelSet
    private let otherHeaderWords: LabelSet
    /// What `headerValue` refuses as a value: the next label (with `TemplateLabels.headerLabels`).
    private let nextLabelWords: LabelSet
    /// The table's labels of the goals block (预期目标, 实际完成情况, the section labels).
    private let goalsExpectedWords: LabelSet
    private let goalsActualWords: LabelSet
    private let goalsSectionWords: LabelSet

    /// Labels that a header row of the indicator table holds (names and levels), for a quick
    /// look before the full assignment.
    private let headerWords: LabelSet
    /// Labels of the execution column, likewise for the money table's header.
    private let executedWords: LabelSet

    /// Whether some cell of `row`, or its label without brackets, is one of `words`.
    private static func holdsAny(_ scan: GridScan, _ row: Int, of words: LabelSet) -> Bool {
        scan.rowLabels(row).contains { !$0.isEmpty && $0.isNamed(by: words) }
    }

    /// Reads a form; throws the first fatal error (not this form, no indicator header …),
    /// returns the warnings found while reading.
    public func read(_ input: CSVDocument) throws(FormError) -> (form: Form, diagnostics: [Diagnostic]) {
        var document = input
        var diagnostics: [Diagnostic] = []
        var scan = GridScan(document: document)
        // Found once: the repair moves cells of the rows below the header only, so the header
        // (the first row that reads as one) is the same row afterwards.
        // Its columns too: the repair leaves the header row's cells as they are.
        let header = findIndicatorHeader(scan)
        let headerRow = header?.row
        if let header {
            let (repaired, repairs) = ShiftedRowRepair.repair(document, headerRow: header.row)
            if !repairs.isEmpty {
                document = repaired
                diagnostics += repairs
                scan = GridScan(document: document)
            }
        }
        var form = Form(source: document.file, template: template ?? .department, document: document)

        let titleCell = scan.findTitle(before: headerRow ?? scan.rowCount + 1)
        guard let indicatorRow = headerRow else {
            if titleCell == nil {
                throw FormError(.notAForm, at: document.location(row: 1, column: 1), Vocabulary.TemplateMessage.notAForm)
            }
            throw FormError(.missingIndicatorHeader, at: document.location(row: 1, column: 1),
                            Vocabulary.LayoutMessage.missingIndicatorHeader(
                                found: bestHeaderCandidate(scan), looked: (labels.indicatorColumns[.name] ?? []).map(\.string)))
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
        // "2020年市级…项目自评表", "银川市本级部门项目支出绩效自评表(2021年)": the year the title names.
        if form.year == nil, let titleCell, let year = YearText.yearsNamed(in: titleCell.value).first?.year {
            form.year = Located(year, at: titleCell.cell)
        }
        if form.year == nil { form.yearLine = Self.yearLine(scan, after: titleCell?.cell.row ?? 0, before: top) }
        readPreamble(&scan, before: titleCell?.cell.row ?? top)
        readHeaderFields(&scan, into: &form, before: top)
        form.budget = try readBudget(&scan, before: top)
        readGoals(&scan, into: &form, before: top)
        let columns = try readIndicatorColumns(&scan, row: indicatorRow, assigned: header?.columns ?? [:], band: band)
        form.indicatorHeader = columns
        if columns.weight == columns.score {
            diagnostics.append(Diagnostic(.weightFromScore, at: form.location(CellAddress(row: indicatorRow, column: columns.score)),
                                          Vocabulary.LayoutMessage.weightFromScore))
        }
        let end = readIndicators(&scan, columns: columns, into: &form, diagnostics: &diagnostics)
        readTrailer(&scan, from: end, columns: columns, into: &form)
        form.layout = layoutName(form, columns: columns)

        if form.scoredIndicators.isEmpty {
            throw FormError(.noIndicators, at: document.location(row: indicatorRow, column: columns.name),
                            Vocabulary.TemplateMessage.noIndicators)
        }
        if form.year == nil {
            diagnostics.append(Diagnostic(.missingYear, at: document.location(row: 2, column: 1),
                                          Vocabulary.TemplateMessage.missingYear))
        }
        if form.unit == nil {
            diagnostics.append(Diagnostic(.missingUnit, at: document.location(row: 3, column: 1),
                                          Vocabulary.TemplateMessage.missingUnit))
        }
        for cell in scan.unconsumedCells() {
            form.unrecognisedCells.append(cell)
            diagnostics.append(Diagnostic(.cellNotRecognised, at: form.location(cell.cell),
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
                for name in XMLText.forbiddenScalars(in: cell).map(XMLText.name) where !names.contains(name) { names.append(name) }
                let listed = names.count > 5 ? names.prefix(5) + ["…"] : names[...]
                found.append(Diagnostic(.xmlInvalidCharacter, at: document.location(row: r + 1, column: c + 1),
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
                let here = CellAddress(row: row, column: column)
                /// The value in the next cell (`headerValue`), taken and listed as a header field.
                func fieldBeside(unless refused: (String) -> Bool = { _ in false }) -> Located<String>? {
                    guard let value = headerValue(scan, row, after: column), !refused(value.value) else { return nil }
                    scan.consume(here)
                    scan.consume(value.cell)
                    form.headerFields.append(HeaderField(label: Located(text, at: here), value: value))
                    return value
                }
                let colon = label.firstColon
                if colon != nil, let value = Self.unitAfterColon(label, text, names: labels.unitNames) {
                    // 单位名称:X in one cell.
                    scan.consume(here)
                    if !value.isEmpty, form.unit == nil { form.unit = Located(value, at: here) }
                } else if label.hasPrefix(TemplateLabels.unitSeal) || label.hasPrefix(anyOf: labels.unitSeals) {
                    scan.consume(here)
                    if form.sealCell == nil, label.hasPrefix(TemplateLabels.unitSeal) { form.sealCell = here }
                    let afterColon = LabelText.valueAfterColon(text)
                    if let value = afterColon, !value.isEmpty, form.unit == nil {
                        form.unit = Located(value, at: here)
                    } else if afterColon == nil, form.unit == nil, let value = headerValue(scan, row, after: column) {
                        // 实施单位(盖章) | 〈unit〉: the name in the next cell.
                        scan.consume(value.cell)
                        form.unit = value
                    }
                } else if label.hasPrefix(TemplateLabels.filledOn) {
                    scan.consume(here)
                    if let value = LabelText.valueAfterColon(text) ?? scan.nextValue(row, after: column).map({ $0.value }) {
                        form.filledOn = Located(value, at: here)
                        form.filledOnDate = DateText.parse(value)
                    }
                } else if unitNameWords.contains(label) {
                    scan.consume(here)
                    if let value = fieldBeside() { form.unit = value }
                } else if form.unit == nil, UnitLabelSuffix.isUnitLabel(label) {
                    // A unit-name label known by its ending ("级预算单位名称" | 〈unit〉, UnitLabelSuffix).
                    if let value = LabelText.valueAfterColon(text) {
                        if !value.isEmpty, !UnitLabelSuffix.isMeasure(value) {
                            scan.consume(here)
                            form.unit = Located(value, at: here)
                        }
                    } else if let value = fieldBeside(unless: UnitLabelSuffix.isMeasure) {
                        form.unit = value
                    }
                } else if let colon, otherHeaderWords.contains(NormalizedText(normalized: String(label.string[..<colon]))) {
                    // 项目名称: X, 主管部门: X, 填报人: X in one cell.
                    scan.consume(here)
                    let key = Located(String(text[..<(text.firstIndex(where: { $0 == ":" || $0 == "：" }) ?? text.endIndex)]), at: here)
                    form.headerFields.append(HeaderField(label: key, value: Located(LabelText.valueAfterColon(text) ?? "", at: here)))
                } else if otherHeaderWords.contains(label) {
                    scan.consume(here)
                    _ = fieldBeside()
                } else if form.year?.cell == here {
                    scan.consume(here)
                }
            }
        }
    }

    /// The year line of a form whose year is not written: the first row between the title and the
    /// table holding one text only, with 年度 and without a colon ("(    年度)").
    static func yearLine(_ scan: GridScan, after titleRow: Int, before end: Int) -> Int? {
        scan.rows(from: titleRow + 1, before: end).first { row in
            let labels = scan.rowLabels(row).filter { !$0.isEmpty }
            return labels.count == 1 && labels[0].string.contains(Vocabulary.yearSuffix) && !labels[0].string.contains(":")
        }
    }

    /// "单位名称:X" (one cell): X; nil when the label is not a unit name followed by a colon.
    static func unitAfterColon(_ label: NormalizedText, _ text: String, names: [NormalizedText]) -> String? {
        guard names.contains(where: { label.hasPrefix($0, then: ":") }) else { return nil }
        return LabelText.valueAfterColon(text)
    }

    /// Lines above the title that belong to the document (附件:, 附表1): taken, not reported.
    private func readPreamble(_ scan: inout GridScan, before end: Int) {
        for row in scan.rows(before: end) {
            for column in 1...max(1, scan.width(row)) where !scan.text(row, column).isEmpty {
                if scan.label(row, column).hasPrefix(anyOf: labels.preamble) { scan.consume(row, column) }
            }
        }
    }

    /// The value right of a header label: the first non-empty cell after it, unless that cell
    /// is the next label ("主管部门 | | 实施单位 | 〈unit〉": 主管部门 is left empty).
    private func headerValue(_ scan: GridScan, _ row: Int, after column: Int) -> Located<String>? {
        guard let value = scan.nextValue(row, after: column) else { return nil }
        let label = NormalizedText(value.value)
        return TemplateLabels.headerLabels.contains(label) || label.isNamed(by: nextLabelWords) ? nil : value
    }

    // MARK: Budget

    /// The money table's columns on `row`, by the label table (section labels left out).
    private func budgetAssignment(_ scan: GridScan, _ row: Int) -> [LabelTable.BudgetColumn: Int] {
        let cells = scan.rowLabels(row).enumerated()
            .filter { !$0.element.isEmpty && !$0.element.stem.hasPrefix(anyOf: labels.budgetSections) }
        return budgetSynonyms.assign(cells.map { ($0.offset + 1, $0.element) })
    }

    private func readBudget(_ scan: inout GridScan, before end: Int) throws(FormError) -> BudgetTable? {
        var found: (row: Int, columns: [LabelTable.BudgetColumn: Int])? = nil
        for r in scan.rows(before: end) where Self.holdsAny(scan, r, of: executedWords) {
            let columns = budgetAssignment(scan, r)
            if columns[.executed] != nil, columns[.adjusted] != nil || columns[.initial] != nil {
                found = (r, columns)
                break
            }
        }
        guard let (header, columnsFound) = found else {
            try refuseUnreadableBudget(scan, before: end)
            return nil
        }
        var initial = columnsFound[.initial]
        var adjusted = columnsFound[.adjusted]
        // 年初预算数(A) / 全年执行数(B) with no adjusted budget: the budget is the initial one.
        if adjusted == nil {
            adjusted = initial
            initial = nil
        }
        let executed = columnsFound[.executed]
        let weight = columnsFound[.weight]
        let rate = columnsFound[.rate]
        let score = columnsFound[.score]
        let reason = columnsFound[.reason]
        let ignored = columnsFound[.ignored]
        let firstMoney = [initial, adjusted, executed].compactMap { $0 }.min() ?? 2
        // The names' column: 资金来源 in the header, else where 年度资金总额 is written (project
        // forms print no 资金来源 and often merge the name over two columns), else left of the money.
        let sections = labels.budgetSections
        func isSection(_ label: NormalizedText) -> Bool {
            TemplateLabels.budgetSections.contains(label) || label.stem.hasPrefix(anyOf: sections)
        }
        let name = columnsFound[.source]
            ?? Self.budgetTotalColumn(scan, after: header, before: end, limit: firstMoney)
            ?? budgetNameColumn(scan, after: header, before: end, limit: firstMoney)
            ?? max(1, firstMoney - 1)
        // A weight the form states in a label: 预算执行率(20分), 得分(20分*执行率), 分值(20分).
        var stated: Located<Decimal>? = nil
        for col in [rate, weight, score].compactMap({ $0 }) + Array(1...max(1, scan.width(header))) {
            if stated == nil, let points = LabelTable.statedPoints(scan.label(header, col)) {
                stated = Located(points, at: CellAddress(row: header, column: col))
            }
        }
        for col in 1...max(1, scan.width(header)) where !scan.text(header, col).isEmpty {
            if col == name || [initial, adjusted, executed, weight, rate, score, reason, ignored].contains(col)
                || isSection(scan.label(header, col)) {
                scan.consume(header, col)
            }
        }
        // A section heading on the row above (年度预算数(万元) merged over the columns).
        if header > 1 {
            for col in 1...max(1, scan.width(header - 1)) where !scan.text(header - 1, col).isEmpty {
                if isSection(scan.label(header - 1, col)) {
                    scan.consume(header - 1, col)
                    if stated == nil, let points = LabelTable.statedPoints(scan.label(header - 1, col)) {
                        stated = Located(points, at: CellAddress(row: header - 1, column: col))
                    }
                }
            }
        }
        var columns = BudgetColumns(name: name, initial: initial, adjusted: adjusted, executed: executed,
                                    weight: weight, rate: rate, score: score)
        columns.reason = reason
        columns.statedWeight = stated
        let totalNames = labels.totals + [NormalizedText(Vocabulary.budgetTotalLabel), "资金总额", "总额", "小计"]
        var rows: [BudgetRow] = []
        var inNotes = false
        var row = header + 1
        while row < end {
            let texts = scan.rowTexts(row)
            if scan.rowLabels(row).contains(where: {
                $0 == TemplateLabels.goalsSection || $0.isNamed(by: goalsSectionWords) || $0.isNamed(by: goalsExpectedWords)
            }) {
                break
            }
            // 年度目标1:(80分) | 〈goal〉: the goals start here.
            if let first = scan.column(in: row, whereLabel: { !$0.isEmpty }) {
                let stem = scan.label(row, first).stem
                if labels.goalsSections.contains(where: { stem.hasPrefix($0) && stem.count <= $0.count + 4 }) { break }
            }
            // The breakdown notes under the total row (按收入性质分: …): text, kept as it is.
            if inNotes || scan.rowLabels(row).contains(where: LabelTable.opensBudgetNotes) {
                inNotes = true
                scan.consumeRow(row)
                row += 1
                continue
            }
            let nameText = scan.text(row, name)
            // Section labels of merged ranges in the first columns (部门(单位)总体资金(万元)).
            for col in 1..<name where !scan.text(row, col).isEmpty {
                if isSection(scan.label(row, col)) {
                    scan.consume(row, col)
                }
            }
            let holdsMoney = [initial, adjusted, executed, rate].contains { col in
                col.map { !LabelText.trim(scan.text(row, $0)).isEmpty } ?? false
            }
            // A money row without a name, first under the header: the table's only (total) row.
            let unnamedTotal = nameText.isEmpty && holdsMoney && rows.isEmpty
                && !(1..<max(1, firstMoney)).contains { !scan.text(row, $0).isEmpty && !isSection(scan.label(row, $0)) }
            if !nameText.isEmpty || unnamedTotal {
                let label = scan.label(row, name)
                let isTotal = unnamedTotal || label.hasPrefix(TemplateLabels.budgetTotalLiteral)
                    || totalNames.contains(label.stem)
                    || (rows.isEmpty && label.stem.hasSuffix(Self.totalSuffix))
                var budgetRow = BudgetRow(name: Located(LabelText.trim(nameText), at: CellAddress(row: row, column: name)),
                                          isTotal: isTotal)
                scan.consume(row, name)
                budgetRow.initial = initial.map { scan.take(row, $0) }
                budgetRow.adjusted = adjusted.map { scan.take(row, $0) }
                budgetRow.executed = executed.map { scan.take(row, $0) }
                budgetRow.weight = weight.map { scan.take(row, $0) }
                budgetRow.rate = rate.map { scan.take(row, $0) }
                budgetRow.score = score.map { scan.take(row, $0) }
                budgetRow.reason = reason.map { scan.take(row, $0) }
                if let ignored { scan.consume(row, ignored) }
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
        var table = BudgetTable(headerRow: header, columns: columns, rows: rows)
        // The section label: the first text left of the names on the table's rows.
        if name > 1 {
            let lastRow = max(rows.last?.name.cell.row ?? header, header)
            table.sectionLabel = Self.firstCell(header...lastRow) { r in (1..<name).first { !scan.text(r, $0).isEmpty } }
        }
        return table
    }

    /// A money table that is there (a 项目资金 / 年度预算数 heading, or a row naming a budget and
    /// no execution) but whose header cannot be read is an error naming the labels looked for,
    /// never a silent drop of the 执行率.
    private func refuseUnreadableBudget(_ scan: GridScan, before end: Int) throws(FormError) {
        let sections = labels.budgetSections
        for r in scan.rows(before: end) {
            let assignment = budgetAssignment(scan, r)
            for (index, label) in scan.rowLabels(r).enumerated() where !label.isEmpty {
                let stem = label.stem
                let isHeading = stem.count <= 12 && sections.contains(where: { stem.hasPrefix($0) })
                let half = assignment[.adjusted] != nil || assignment[.initial] != nil || assignment[.rate] != nil
                guard isHeading || (half && assignment.count >= 2) else { continue }
                let looked = [LabelTable.BudgetColumn.adjusted, .initial, .executed].flatMap { labels.budgetColumns[$0] ?? [] }.map(\.string)
                let foundLabels = scan.rowTexts(r).map(LabelText.trim).filter { !$0.isEmpty }
                throw FormError(.budgetUnreadable, at: scan.document.location(row: r, column: index + 1),
                                Vocabulary.LayoutMessage.budgetUnreadable(found: foundLabels, looked: looked))
            }
        }
    }

    /// The names' column when neither 资金来源 nor 年度资金总额 says it: the leftmost text left of the
    /// money on the first row under the header that holds money (年度财政资金总额, 部门整体支出总额).
    private func budgetNameColumn(_ scan: GridScan, after header: Int, before end: Int, limit: Int) -> Int? {
        for row in scan.rows(from: header + 1, before: end) {
            let texts = scan.rowTexts(row)
            guard texts.count >= limit, texts[(limit - 1)...].contains(where: { !LabelText.trim($0).isEmpty }) else { continue }
            return (1..<max(1, limit)).first { col in
                !LabelText.trim(scan.text(row, col)).isEmpty && !scan.label(row, col).stem.hasPrefix(anyOf: labels.budgetSections)
            }
        }
        return nil
    }

    /// "年度财政资金总额", "部门整体支出总额": a first money row named so is the total.
    private static let totalSuffix: NormalizedText = "总额"

    /// The column of the first 年度资金总额 cell left of `limit` in the rows after the money header.
    private static func budgetTotalColumn(_ scan: GridScan, after header: Int, before end: Int, limit: Int) -> Int? {
        scan.rows(from: header + 1, before: end).lazy
            .compactMap { scan.column(in: $0, labelStartingWith: TemplateLabels.budgetTotal) }.first { $0 < limit }
    }

    // MARK: Goals

    private func readGoals(_ scan: inout GridScan, into form: inout Form, before end: Int) {
        let sections = labels.goalsSections
        func isExpected(_ l: NormalizedText) -> Bool { l == TemplateLabels.goalsExpected || l.isNamed(by: goalsExpectedWords) }
        func isActual(_ l: NormalizedText) -> Bool { l == TemplateLabels.goalsActual || l.isNamed(by: goalsActualWords) }
        func isSection(_ l: NormalizedText) -> Bool { l == TemplateLabels.goalsSection || l.isNamed(by: goalsSectionWords) }
        if let labelRow = scan.findRow(before: end, whereLabels: { $0.contains(where: isExpected) }) {
            for col in 1...max(1, scan.width(labelRow)) {
                let t = scan.label(labelRow, col)
                if isSection(t) || isExpected(t) || isActual(t) { scan.consume(labelRow, col) }
            }
            if let expectedCol = scan.column(in: labelRow, whereLabel: isExpected) {
                let actualCol = scan.column(in: labelRow, whereLabel: isActual)
                form.goalsLabels = GoalsLabels(row: labelRow, expected: expectedCol, actual: actualCol,
                                               sectionLabel: (1..<expectedCol).first { !scan.text(labelRow, $0).isEmpty }
                                                   .map { CellAddress(row: labelRow, column: $0) })
                // The texts are on the next non-blank row.
                var textRow = labelRow + 1
                while textRow < end, scan.rowTexts(textRow).allSatisfy({ $0.isEmpty }) { textRow += 1 }
                if textRow < end {
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
            }
        }
        // Goals written beside their section label (年度总体目标 | text; 年度目标1:(80分) | text;
        // 2.项目实施内容及过程概述 | text): the first is the goals, every one is taken.
        for row in scan.rows(before: end) {
            guard let first = scan.column(in: row, whereLabel: { !$0.isEmpty }) else { continue }
            let label = scan.label(row, first)
            let stem = label.stem
            guard isSection(label) || sections.contains(where: { stem.hasPrefix($0) && stem.count <= $0.count + 4 }) else { continue }
            scan.consume(row, first)
            for col in (first + 1)..<max(first + 1, scan.width(row) + 1) where !scan.text(row, col).isEmpty && !scan.isConsumed(row, col) {
                let value = scan.take(row, col)
                if form.goals == nil { form.goals = value }
            }
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
    private static func isTargetSubLabel(_ label: NormalizedText) -> Bool {
        label == TemplateLabels.targetSub || label.hasPrefix(TemplateLabels.targetSubOpen)
    }

    /// The order in which indicator columns claim header cells: 得分计算方法 and the like before
    /// 得分, so that a prefix never takes them.
    private static let indicatorKeys: [LabelTable.IndicatorColumn] = [
        .level1, .level2, .name, .ignored, .target, .actual, .weight, .score, .reason, .nature, .direction, .unit,
    ]

    /// The indicator columns on `row`, by the label table.
    func indicatorAssignment(_ scan: GridScan, _ row: Int) -> [LabelTable.IndicatorColumn: Int] {
        indicatorSynonyms.assign(scan.rowLabels(row).enumerated().filter { !$0.element.isEmpty }.map { ($0.offset + 1, $0.element) })
    }

    /// The indicator header: the first row holding 一级/二级/三级指标, or (a flat layout, without
    /// the trio) a row naming the indicator (指标名称), its value (指标值 / 实际完成值) and its
    /// weight or score; with the columns its labels name (`indicatorAssignment`).
    func findIndicatorHeader(_ scan: GridScan) -> (row: Int, columns: [LabelTable.IndicatorColumn: Int])? {
        for row in scan.rows(before: scan.rowCount + 1) where Self.holdsAny(scan, row, of: headerWords) {
            let a = indicatorAssignment(scan, row)
            if a[.name] != nil {
                let trio = a[.level1] != nil && a[.level2] != nil
                let flat = (a[.target] != nil || a[.actual] != nil) && (a[.weight] != nil || a[.score] != nil)
                if trio || flat { return (row, a) }
            }
        }
        return nil
    }

    /// The labels of the row that came closest to an indicator header (for the error).
    func bestHeaderCandidate(_ scan: GridScan) -> [String] {
        var best: (count: Int, row: Int) = (0, 0)
        for row in 1...max(1, scan.rowCount) {
            let count = indicatorAssignment(scan, row).count
            if count > best.count { best = (count, row) }
        }
        return scan.rowTexts(best.row).map(LabelText.trim).filter { !$0.isEmpty }
    }

    /// The indicator table's columns; `assigned` is the header row's `indicatorAssignment`, as
    /// `findIndicatorHeader` found it.
    private func readIndicatorColumns(_ scan: inout GridScan, row: Int, assigned: [LabelTable.IndicatorColumn: Int],
                                      band: ClosedRange<Int>) throws(FormError) -> IndicatorColumns {
        // The 一级 row first, then the other header rows (a label merged down two rows is written
        // in the top one; sub-labels are in the lower one).
        let rows = [row] + band.filter { $0 != row }
        var found = assigned
        for r in rows.dropFirst() {
            for (key, column) in indicatorAssignment(scan, r) where found[key] == nil { found[key] = column }
        }
        let doc = scan.document
        let headerLabels = rows.flatMap { scan.rowTexts($0) }.map(LabelText.trim).filter { !$0.isEmpty }
        func require(_ key: LabelTable.IndicatorColumn) throws(FormError) -> Int {
            guard let c = found[key] else {
                throw FormError(.missingColumn, at: doc.location(row: row, column: 1),
                                Vocabulary.LayoutMessage.missingColumn((labels.indicatorColumns[key] ?? []).map(\.string), found: headerLabels))
            }
            return c
        }
        // Flat layouts (指标名称 / 指标值 / …) print no level columns: 0 stands for "not printed".
        let level1 = found[.level1] ?? 0
        let level2 = found[.level2] ?? 0
        let name = try require(.name)
        // Two-row header: the target is the 指标值 sub-column under 年度指标值.
        let subLabel = band.count > 1 ? Self.firstCell(rows) { scan.column(in: $0, whereLabel: Self.isTargetSubLabel) } : nil
        let target = if let subLabel { subLabel.column } else { try require(.target) }
        let targetGroup = subLabel.flatMap { sub in
            Self.firstCell(band.filter { $0 != sub.row }) { scan.column(in: $0, labelStartingWith: TemplateLabels.target) }
        }
        let actual = try require(.actual)
        let score = try require(.score)
        // Layouts printing 得分 only (湖北 年初目标值(A) / 实际完成值(B) / 得分): each indicator's 分值 is
        // the score it was given, which the reader reports once.
        let weight = found[.weight] ?? score
        let reason = found[.reason]
        // Two operator columns (指标性质 正向/反向 and 指标方向 大于等于 …): the one holding operators
        // is read as the operator; the other is kept as written.
        var nature = found[.nature] ?? found[.direction]
        if let n = found[.nature], let d = found[.direction],
           Self.operatorCount(scan, column: d, after: band.upperBound) > Self.operatorCount(scan, column: n, after: band.upperBound) {
            nature = d
        }
        let unit = found[.unit]
        var extra = [found[.ignored], found[.nature], found[.direction]].compactMap { $0 }.filter { $0 != nature }
        // Every further column the table lists as printed-but-not-read (得分系数, 是否核心指标 …).
        let used = Set([level1, level2, name, target, actual, weight, score, reason, nature, unit].compactMap { $0 })
        for r in rows {
            for (index, label) in scan.rowLabels(r).enumerated() where !label.isEmpty && !used.contains(index + 1) {
                if LabelTable.match(label, synonyms: labels.indicatorColumns[.ignored] ?? []) != nil,
                   !extra.contains(index + 1) {
                    extra.append(index + 1)
                }
            }
        }
        extra.sort()
        let section = Self.firstCell(rows) { scan.column(in: $0, whereLabel: { $0 == TemplateLabels.indicatorSection }) }
        for r in band { scan.consumeRow(r) }
        var columns = IndicatorColumns(headerRow: row, sectionLabel: section, level1: level1, level2: level2, name: name,
                                       target: target, actual: actual, weight: weight, score: score, reason: reason,
                                       nature: nature, unit: unit, headerRows: band, targetGroup: targetGroup)
        columns.extra = extra
        return columns
    }

    /// The first cell of `rows` that `column` finds on its row.
    private static func firstCell(_ rows: some Sequence<Int>, _ column: (Int) -> Int?) -> CellAddress? {
        rows.lazy.compactMap { r in column(r).map { CellAddress(row: r, column: $0) } }.first
    }

    /// How many cells of `column` below the header read as an operator (≥, 大于等于 …).
    private static func operatorCount(_ scan: GridScan, column: Int, after row: Int) -> Int {
        scan.rows(from: row + 1, before: scan.rowCount + 1).filter { ValueParser.comparator(scan.text($0, column)) != nil }.count
    }

    /// The layout's name: the template, then how the indicator table is laid out.
    private func layoutName(_ form: Form, columns: IndicatorColumns) -> String {
        let shape = columns.level1 == 0 ? "flat" : (columns.headerRows.count > 1 ? "two-row-header" : "levels")
        let name = "\(form.template.rawValue)/\(shape)"
        return labels.name == LabelTable.builtIn.name ? name : "\(labels.name):\(name)"
    }

    /// Reads indicator rows; returns the first row after the table.
    private func readIndicators(_ scan: inout GridScan, columns: IndicatorColumns, into form: inout Form,
                                diagnostics: inout [Diagnostic]) -> Int {
        var level1: (label: String, name: String, points: Decimal?, cell: CellAddress)? = nil
        var level2: Located<String>? = nil
        // Goal blocks and their points (年度绩效目标1(40分)): the header's, then each header printed again.
        var goals: [(row: Int, points: Located<Decimal>?)] = [(columns.headerRows.lowerBound,
                                                               goalPoints(scan, row: columns.headerRows.lowerBound))]
        defer {
            for i in form.indicators.indices {
                let row = form.indicators[i].row
                form.indicators[i].goalPoints = goals.last(where: { $0.row <= row })?.points
            }
        }
        var row = columns.headerRows.upperBound + 1
        while row <= scan.rowCount {
            guard let first = scan.column(in: row, where: { _ in true }) else {
                row += 1
                continue
            }
            let label = scan.label(row, first)
            // The header printed again (a second goal block, 年度绩效目标2(40分) | 一级指标 | …).
            let again = Self.holdsAny(scan, row, of: headerWords) ? indicatorAssignment(scan, row) : [:]
            if again[.name] != nil, again[.level1] != nil || again[.target] != nil {
                goals.append((row, goalPoints(scan, row: row)))
                scan.consumeRow(row)
                row += 1
                continue
            }
            if label.hasPrefix(TemplateLabels.total) || label.hasPrefix(anyOf: TemplateLabels.conclusions)
                || label.hasPrefix(anyOf: TemplateLabels.trailers)
                || label.hasPrefix(TemplateLabels.contact) || label.hasPrefix(TemplateLabels.notesColon)
                || label == TemplateLabels.goalsSection
                || isTrailerRow(scan, row: row, label: label, columns: columns) {
                break
            }
            // The section label (绩效指标) in column A of a merged range.
            if let section = columns.sectionLabel, section.column < columns.level1,
               scan.label(row, section.column) == TemplateLabels.indicatorSection {
                scan.consume(row, section.column)
            }
            let l1Text = LabelText.trim(scan.text(row, columns.level1))
            let l1Repeated = RepeatedMergedLabel.continues(l1Text, current: level1?.label,
                                                           above: scan.text(row - 1, columns.level1))
            if l1Repeated {
                scan.consume(row, columns.level1)
            } else if !l1Text.isEmpty {
                var (name, points) = LabelTable.sectionPoints(l1Text)
                let l1Cell = CellAddress(row: row, column: columns.level1)
                var unnamed = false
                if LabelText.normalize(name).isEmpty, points != nil {
                    // Only the points ("(50分)"): the name from the section (Level1FromSection).
                    if let found = Level1FromSection.name(level2: scan.text(row, columns.level2), previous: level1?.name) {
                        name = found.name
                        diagnostics.append(Diagnostic(.level1FromSection, at: form.location(l1Cell),
                                                      Vocabulary.TemplateMessage.level1FromSection(
                                                          label: l1Text, name: found.name, basis: found.basis)))
                    } else {
                        name = l1Text
                        unnamed = true
                        diagnostics.append(Diagnostic(.level1Unnamed, at: form.location(l1Cell),
                                                      Vocabulary.TemplateMessage.level1Unnamed(l1Text)))
                    }
                }
                level1 = (l1Text, name, points, l1Cell)
                level2 = nil
                scan.consume(row, columns.level1)
                if !unnamed, !Vocabulary.level1Names.contains(LabelText.normalize(name)) {
                    diagnostics.append(Diagnostic(.unknownLevel1, at: form.location(CellAddress(row: row, column: columns.level1)),
                                                  Vocabulary.TemplateMessage.unknownLevel1(name)))
                }
            }
            let l2Text = LabelText.trim(scan.text(row, columns.level2))
            if (l1Repeated || l1Text.isEmpty)
                && RepeatedMergedLabel.continues(l2Text, current: level2?.value, above: scan.text(row - 1, columns.level2)) {
                scan.consume(row, columns.level2)
            } else if !l2Text.isEmpty, ValueParser.isNotGiven(l2Text) {
                // A lone mark ("-") in the 二级 cell of a template row names no group; kept as it is.
                scan.consume(row, columns.level2)
            } else if !l2Text.isEmpty {
                level2 = Located(l2Text, at: CellAddress(row: row, column: columns.level2))
                scan.consume(row, columns.level2)
                if !ShiftedRowRepair.isLevel2Name(l2Text) {
                    diagnostics.append(Diagnostic(.unknownLevel2, at: form.location(CellAddress(row: row, column: columns.level2)),
                                                  Vocabulary.TemplateMessage.unknownLevel2(l2Text)))
                }
            }
            let name = scan.take(row, columns.name)
            let target = scan.take(row, columns.target)
            let actual = scan.take(row, columns.actual)
            let weight = scan.take(row, columns.weight)
            let score = scan.take(row, columns.score)
            for col in columns.extra { scan.consume(row, col) }
            let reason = columns.reason.map { scan.take(row, $0) }
            let nature = columns.nature.map { scan.take(row, $0) }
            let unit = columns.unit.map { scan.take(row, $0) }
            let valuesEmpty = target.value.isEmpty && actual.value.isEmpty && weight.value.isEmpty && score.value.isEmpty
            if name.value.isEmpty && valuesEmpty {
                // A row holding only a level label (a group header): nothing to score.
                row += 1
                continue
            }
            let placeholder = valuesEmpty && Self.isPlaceholderName(name.value)
            if !columns.isFlat, level1 == nil || level2 == nil {
                diagnostics.append(Diagnostic(.indicatorWithoutLevel, at: form.location(name.cell),
                                              Vocabulary.TemplateMessage.indicatorWithoutLevel))
            }
            // A flat layout has no levels to carry: none is missing, their empty cells are the name's.
            let empty1 = Located("", at: CellAddress(row: row, column: columns.isFlat ? columns.name : columns.level1))
            let empty2 = Located("", at: CellAddress(row: row, column: columns.isFlat ? columns.name : columns.level2))
            form.indicators.append(Indicator(row: row, level1: level1.map { Located($0.name, at: $0.cell) } ?? empty1,
                                             level1Label: level1?.label ?? "", level1Points: level1?.points,
                                             level2: level2 ?? empty2, name: name, target: target, actual: actual,
                                             weight: weight, score: score, reason: reason, nature: nature,
                                             measureUnit: unit, isPlaceholder: placeholder))
            row += 1
        }
        return row
    }

    // MARK: Trailer

    /// Whether a row whose first label is `label` ends the indicator table: a trailer label of the
    /// table (总分, 合计, 评价结论, 填表人 …) alone or before a colon, or a long one starting the
    /// cell on a row with no target or actual (存在问题及改进措施).
    private func isTrailerRow(_ scan: GridScan, row: Int, label: NormalizedText, columns: IndicatorColumns) -> Bool {
        let words = labels.trailers
        if words.contains(label.stem) { return true }
        if label.firstColon != nil, words.contains(where: { label.hasPrefix($0, then: ":") }) { return true }
        guard label.hasPrefix(anyOf: longTrailers) else { return false }
        return LabelText.trim(scan.text(row, columns.target)).isEmpty && LabelText.trim(scan.text(row, columns.actual)).isEmpty
    }

    /// Whether a first label is a total row's (总分, 合计, 总计 …).
    private func isTotalLabel(_ label: NormalizedText) -> Bool {
        label.hasPrefix(TemplateLabels.total) || labels.totals.contains(label.stem)
    }

    private func readTrailer(_ scan: inout GridScan, from start: Int, columns: IndicatorColumns, into form: inout Form) {
        var inNotes = false
        // Rows starting with a trailer label (评价结论 …) and their label cells: those right after
        // the table are printed as part of it.
        var trailerRows: [Int: Set<CellAddress>] = [:]
        defer { form.trailerTable = Self.trailerTable(trailerRows, after: form.sectionsLastRow) }
        for row in scan.rows(from: start, before: scan.rowCount + 1) {
            guard let firstCol = scan.column(in: row, where: { _ in true }) else { continue }
            let first = scan.text(row, firstCol)
            let label = scan.label(row, firstCol)
            if isTotalLabel(label), form.total == nil {
                scan.consume(row, firstCol)
                let weight = scan.text(row, columns.weight)
                var score = scan.text(row, columns.score)
                var scoreCell = CellAddress(row: row, column: columns.score)
                // 总分 | 100分: the total written beside its label.
                if LabelText.trim(score).isEmpty, LabelText.trim(weight).isEmpty,
                   let beside = scan.nextValue(row, after: firstCol), beside.cell.column < columns.weight {
                    score = beside.value
                    scoreCell = beside.cell
                    scan.consume(beside.cell)
                }
                scan.consume(row, columns.weight)
                scan.consume(row, columns.score)
                // Anything else on the 总分 row (a grade 优, a note) is kept as a trailer cell.
                for col in (firstCol + 1)...max(firstCol + 1, scan.width(row))
                where !LabelText.trim(scan.text(row, col)).isEmpty && !scan.isConsumed(row, col)
                    && col != scoreCell.column && col != columns.weight {
                    scan.consume(row, col)
                    form.trailer.append(Located(scan.text(row, col), at: CellAddress(row: row, column: col)))
                }
                form.total = TotalRow(label: CellAddress(row: row, column: firstCol),
                                      weight: Located(LabelText.trim(weight), at: CellAddress(row: row, column: columns.weight)),
                                      score: Located(LabelText.trim(score), at: scoreCell))
            } else if label.hasPrefix(anyOf: TemplateLabels.conclusions), form.conclusion == nil,
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
                if label.hasPrefix(anyOf: TemplateLabels.trailers) {
                    trailerRows[row] = Set((firstCol...scan.width(row)).filter { TemplateLabels.trailers.contains(scan.label(row, $0)) }
                        .map { CellAddress(row: row, column: $0) })
                }
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
        }
    }

    /// The rows of `candidates` that follow the table's last row one after another.
    private static func trailerTable(_ candidates: [Int: Set<CellAddress>], after end: Int?) -> TrailerTable? {
        guard let end else { return nil }
        var row = end + 1
        var cells = Set<CellAddress>()
        while let labels = candidates[row] {
            cells.formUnion(labels)
            row += 1
        }
        return row > end + 1 ? TrailerTable(rows: (end + 1)...(row - 1), labelCells: cells) : nil
    }

    // MARK: Helpers

    /// The points of a goal block's label in the row's first cell ("年度绩效目标1(40分)", "年度绩效目标⏎(80分)").
    private func goalPoints(_ scan: GridScan, row: Int) -> Located<Decimal>? {
        guard let first = scan.column(in: row, whereLabel: { !$0.isEmpty }) else { return nil }
        let label = scan.label(row, first)
        guard labels.goalsSections.contains(where: { label.stem.hasPrefix($0) }),
              let points = LabelTable.statedPoints(label) else { return nil }
        return Located(points, at: CellAddress(row: row, column: first))
    }

    /// "指标2", "指标2:", "……", or a lone mark ("-", "—", "/": `ValueParser.isNotGiven`) with nothing else.
    static func isPlaceholderName(_ name: String) -> Bool {
        let n = LabelText.normalize(name)
        if n.isEmpty || Vocabulary.ellipses.contains(n) || ValueParser.isNotGiven(n) { return true }
        guard n.hasPrefix(Vocabulary.placeholderNamePrefix) else { return false }
        let rest = n.dropFirst(Vocabulary.placeholderNamePrefix.count).filter { $0 != ":" }
        return !rest.isEmpty && rest.allSatisfy { $0.isASCII && $0.isNumber }
    }
}
