import Foundation
import SelfEvaluation

/// Writes the 评分明细 sheet: one row per scored line (the budget row first, then every
/// indicator, placeholders included and marked 不计分) with the target and actual as written
/// (joined from their cells where the form splits them: 指标性质 | 指标值 | 度量单位) and as parsed, kind, direction, tier, ratio, the formulas applied, 分值, 得分, the score the
/// form held, and the line's comment and warnings; then every diagnostic with its place
/// (file:row:col), code and message, and the rule set used. Frozen header, wrapped, bordered.
struct DetailSheetWriter {
    let scored: ScoredForm

    private static let widths: [Double] = [6, 11, 11, 24, 16, 12, 16, 12, 7, 6, 14, 9, 36, 6, 7, 7, 40]

    func write(to sheet: Worksheet) throws {
        let words = WorkbookWords.self
        let font = words.bodyFont
        let textStyle = CellStyle(fontName: font, fontSize: 10, thinBorder: true, wrap: true, horizontal: .left, vertical: .center)
        let heading = textStyle.with { $0.bold = true; $0.horizontal = .center; $0.fillColor = RGBColor(rgb: 0xE7EEF7) }
        let centeredStyle = textStyle.with { $0.horizontal = .center }
        let scoreFormat = ScoredCells.scoreFormat(decimals: scored.ruleSet.decimals)
        let numberStyle = centeredStyle.with { $0.numberFormat = scoreFormat }
        let ratioStyle = centeredStyle.with { $0.numberFormat = ScoredCells.rateFormat }
        let bold = CellStyle(fontName: font, fontSize: 10, bold: true, vertical: .center)
        let plain = CellStyle(fontName: font, fontSize: 10, wrap: true, vertical: .center)

        for (column, width) in Self.widths.enumerated() { try sheet.setColumnWidth(width, column: column) }
        // Each style's format is looked up once, where it is first used (the workbook numbers its
        // formats in that order).
        let workbook = sheet.workbook
        let headingFormat = try workbook.format(heading)
        for (column, text) in words.detailHeaders.enumerated() { try sheet.writeString(text, row: 0, column: column, format: headingFormat) }
        try sheet.setRowHeight(TextMetrics.rowHeight(lines: 2, fontSize: 10), row: 0)

        let oneLine = TextMetrics.rowHeight(lines: 1, fontSize: 10)
        let lines = ScoringDetail(scored).lines
        // The lines' four formats, in the order the first line uses them.
        let (centered, cellStyle, ratio, number) = lines.isEmpty
            ? (nil, nil, nil, nil)
            : (try workbook.format(centeredStyle), try workbook.format(textStyle), try workbook.format(ratioStyle),
               try workbook.format(numberStyle))
        for (index, line) in lines.enumerated() {
            let row = index + 1
            var height = oneLine
            /// A text cell; the row grows to show it. A blank one takes one line: nothing to measure.
            func text(_ text: String, _ column: Int, _ format: CellFormat?) throws {
                guard !text.isEmpty else { return try sheet.writeBlank(row: row, column: column, format: format) }
                try sheet.writeString(text, row: row, column: column, format: format)
                height = max(height, FormLayout.neededHeight(text, width: Self.widths[column], fontSize: 10))
            }
            /// A number cell (blank when nil): 完成率, 分值, 得分, 原得分.
            func figure(_ value: Decimal?, _ column: Int, _ format: CellFormat?) throws {
                try sheet.writeNumber(value, row: row, column: column, format: format)
            }
            try text(line.row.map(String.init) ?? "", 0, centered)
            try text(line.level1, 1, cellStyle)
            try text(line.level2, 2, cellStyle)
            try text(line.name, 3, cellStyle)
            try text(line.target, 4, cellStyle)
            try text(line.targetParsed, 5, cellStyle)
            try text(line.actual, 6, cellStyle)
            try text(line.actualParsed, 7, cellStyle)
            try text(line.kind, 8, centered)
            try text(line.direction, 9, centered)
            try text(line.tier, 10, cellStyle)
            try figure(line.ratio, 11, ratio)
            try text(line.formula, 12, cellStyle)
            try figure(line.weight, 13, centered)
            try figure(line.score, 14, number)
            try figure(line.filled, 15, centered)
            try text(line.notes, 16, cellStyle)
            try sheet.setRowHeight(min(height, 409), row: row)
        }
        try sheet.freezePanes(row: 1, column: 0)

        // Every diagnostic, then the rule set and the result.
        var row = lines.count + 2
        try sheet.writeString(words.detailDiagnostics, row: row, column: 0, format: workbook.format(bold))
        row += 1
        let diagnosticColumns = [(0, 3), (4, 4), (5, 6), (7, 16)]
        for (index, text) in words.diagnosticHeaders.enumerated() {
            let (first, last) = diagnosticColumns[index]
            try writeSpan(text, row: row, first: first, last: last, format: headingFormat, on: sheet)
        }
        row += 1
        let diagnostics = scored.diagnostics
        if diagnostics.isEmpty {
            try sheet.writeString(words.noDiagnostics, row: row, column: 0, format: workbook.format(plain))
            row += 1
        }
        let diagnosticFormat = diagnostics.isEmpty ? nil : try workbook.format(textStyle)
        for diagnostic in diagnostics {
            let texts = [
                diagnostic.location.description,
                words.severity(diagnostic.severity),
                diagnostic.code.rawValue, diagnostic.message,
            ]
            var height = TextMetrics.rowHeight(lines: 1, fontSize: 10)
            for (index, text) in texts.enumerated() {
                let (first, last) = diagnosticColumns[index]
                try writeSpan(text, row: row, first: first, last: last, format: diagnosticFormat, on: sheet)
                let width = (first...last).reduce(0.0) { $0 + Self.widths[$1] }
                height = max(height, FormLayout.neededHeight(text, width: width, fontSize: 10))
            }
            try sheet.setRowHeight(min(height, 409), row: row)
            row += 1
        }
        row += 1
        let choice: String
        switch scored.ruleSetChoice {
        case .given: choice = words.rulesGiven
        case .fromNotes(let cell): choice = words.rulesFromNotes + " " + cell.description
        case .defaulted: choice = words.rulesDefaulted
        }
        // The closing lines: a label over A:B (column A alone, 行号, is narrower than 评分规则 and
        // the label ran into its value), its value over C:H on one line.
        let value = plain.with { $0.wrap = false; $0.horizontal = .left }
        let label = bold.with { $0.horizontal = .left }
        try writeSpan(words.detailRules, row: row, first: 0, last: 1, format: workbook.format(label), on: sheet)
        try writeSpan("\(scored.ruleSet.name)(\(choice))", row: row, first: 2, last: 7, format: workbook.format(value), on: sheet)
        row += 1
        if !scored.sectionWeightsText.isEmpty {
            try writeSpan(Vocabulary.SectionWords.detailLabel, row: row, first: 0, last: 1, format: workbook.format(label), on: sheet)
            try writeSpan(scored.sectionWeightsText, row: row, first: 2, last: 12, format: workbook.format(value), on: sheet)
            row += 1
        }
        try writeSpan(words.detailTotal, row: row, first: 0, last: 1, format: workbook.format(label), on: sheet)
        if scored.isGraded {
            let number = value.with { $0.numberFormat = scoreFormat }
            try sheet.mergeRange(firstRow: row, firstColumn: 2, lastRow: row, lastColumn: 7, text: "", format: workbook.format(number))
            try sheet.writeNumber(scored.totalScore, row: row, column: 2, format: workbook.format(number))
        } else {
            try writeSpan(scored.gradeLabel, row: row, first: 2, last: 7, format: workbook.format(value), on: sheet)
        }
        row += 1
        try writeSpan(words.detailGrade, row: row, first: 0, last: 1, format: workbook.format(label), on: sheet)
        try writeSpan(scored.gradeLabel, row: row, first: 2, last: 7, format: workbook.format(value), on: sheet)

        var setup = PrintSetup(orientation: .landscape, footer: words.detailFooter, repeatRows: 0...0)
        setup.firstPageNumber = 1  // its own pages, numbered from 1 (not on from the form's)
        try sheet.applyPrintSetup(setup)
    }

    private func writeSpan(_ text: String, row: Int, first: Int, last: Int, format: CellFormat?, on sheet: Worksheet) throws {
        if first == last {
            try sheet.writeString(text, row: row, column: first, format: format)
        } else {
            try sheet.mergeRange(firstRow: row, firstColumn: first, lastRow: row, lastColumn: last, text: text, format: format)
        }
    }
}
