import Foundation
import SelfEvaluation

/// The batch summary workbook 汇总表.xlsx: one row per form (frozen header, autofilter,
/// number formats), a sheet of errors, and a sheet of statistics with charts of the grade
/// distribution and of the totals. Written in constant-memory mode, so its memory does not
/// grow with the number of forms.
public struct SummaryWorkbook: Sendable {
    /// How the workbook is created (constant-memory mode is forced).
    public var options: WorkbookOptions

    public init(options: WorkbookOptions = WorkbookOptions()) {
        self.options = options
    }

    typealias V = SummaryWords

    /// Writes the workbook to `path` (the caller renames it into place).
    public func write(rows: [SummaryRow], errors: [SummaryError], to path: String) throws {
        let stream = try Stream(path: path, options: options)
        for row in rows { try stream.add(row) }
        try stream.finish(errors: errors)
    }

    /// The summary written one row at a time, so that a batch holds no form's line in memory:
    /// `add` each form in order, then `finish` with the errors.
    public final class Stream {
        private let workbook: Workbook
        private let sheet: Worksheet
        private var count = 0
        private var failed = 0
        private var gradeCounts: [String: Int] = [:]
        private var binCounts: [Int]
        private let text: CellStyle, wrapped: CellStyle, rate: CellStyle, points: CellStyle, integer: CellStyle
        private let centered: CellStyle, header: CellStyle, flagged: CellStyle

        /// Starts the workbook at `path` (constant-memory mode is forced) and writes the header row.
        public init(path: String, options: WorkbookOptions) throws {
            var options = options
            options.constantMemory = true
            workbook = try Workbook(path: path, options: options)
            try workbook.setProperties(title: V.title, subject: V.title, author: V.author, company: nil, comments: nil,
                                       keywords: nil)
            let base = CellStyle(fontName: V.font, fontSize: SummaryWorkbook.fontSize, thinBorder: true, vertical: .center)
            header = base.with { $0.bold = true; $0.wrap = true; $0.horizontal = .center; $0.fillColor = RGBColor(rgb: 0xDDEBF7) }
            text = base
            wrapped = base.with { $0.wrap = true }
            rate = base.with { $0.numberFormat = "0.00%" }
            points = base.with { $0.numberFormat = "0.00" }
            integer = base.with { $0.numberFormat = "0"; $0.horizontal = .center }
            centered = base.with { $0.horizontal = .center }
            flagged = base.with { $0.horizontal = .center; $0.bold = true; $0.fillColor = RGBColor(rgb: 0xFCE4D6) }
            binCounts = Array(repeating: 0, count: SummaryWorkbook.totalBins.count)

            sheet = try workbook.addWorksheet(name: V.formsSheet)
            for column in SummaryColumn.allCases { try sheet.setColumnWidth(column.width, column: column.rawValue) }
            try sheet.freezePanes(row: 1, column: 2)
            // Printed landscape at full size: no shrinking to one page wide (22 columns would be
            // unreadable); the columns go on as many pages as they need, the header row repeated.
            try sheet.applyPrintSetup(PrintSetup(orientation: .landscape, fitWidth: nil, centerHorizontally: false,
                                                 margins: .form, repeatRows: 0...0))
            let headerHeight = SummaryWorkbook.rowHeight(SummaryColumn.allCases.map { ($0.title, $0.width) })
            try sheet.setRowHeight(headerHeight, row: 0)
            for column in SummaryColumn.allCases {
                try sheet.writeString(column.title, row: 0, column: column.rawValue, format: workbook.format(header))
            }
        }

        /// Writes the next form's line.
        public func add(_ row: SummaryRow) throws {
            count += 1
            let r = count
            let warningText = row.warningTexts.joined(separator: "\n")
            let duplicateText = row.duplicates.isEmpty ? "" : SummaryColumn.duplicatePrefix + row.duplicates.joined(separator: "\n")
            let wrappedTexts: [(String, SummaryColumn)] = [
                (row.unit, .unit), (row.project, .project), (row.rules, .rules), (warningText, .warnings),
                (duplicateText, .duplicates), (row.source, .source), (row.output, .output), (row.filledOn, .filledOn),
            ]
            try sheet.setRowHeight(SummaryWorkbook.rowHeight(wrappedTexts.map { ($0.0, $0.1.width) }), row: r)
            func string(_ value: String, _ column: SummaryColumn, _ style: CellStyle) throws {
                try sheet.writeString(value, row: r, column: column.rawValue, format: workbook.format(style))
            }
            func number(_ value: Decimal?, _ column: SummaryColumn, _ style: CellStyle) throws {
                try sheet.writeNumber(value, row: r, column: column.rawValue, format: workbook.format(style))
            }
            try number(Decimal(r), .number, integer)
            try string(row.unit, .unit, wrapped)
            try string(row.project, .project, wrapped)
            try number(row.year.map { Decimal($0) }, .year, integer)
            try string(row.filledOn, .filledOn, wrapped)
            try string(row.contact, .contact, text)
            try string(row.phone, .phone, text)
            try string(row.rules, .rules, wrapped)
            try number(row.totalWeight, .totalWeight, points)
            try number(row.total, .total, points)
            try string(row.grade, .grade, centered)
            try number(row.executionRate, .executionRate, rate)
            let scores: [(Decimal?, SummaryColumn)] = [
                (row.budgetScore, .budgetScore), (row.outputScore, .outputScore), (row.benefitScore, .benefitScore),
                (row.satisfactionScore, .satisfactionScore), (row.lostPoints, .lostPoints),
            ]
            for (value, column) in scores { try number(value, column, points) }
            let review = row.succeeded ? (row.needsReview ? V.yes : V.no) : V.statusFailed
            try string(review, .needsReview, row.succeeded && !row.needsReview ? centered : flagged)
            try string(warningText, .warnings, wrapped)
            try string(duplicateText, .duplicates, row.duplicates.isEmpty ? wrapped : wrapped.with { $0.bold = true })
            try string(row.source, .source, wrapped)
            try string(row.output, .output, wrapped)
            guard row.succeeded else {
                failed += 1
                return
            }
            gradeCounts[row.grade, default: 0] += 1
            if let t = row.total,
               let bin = SummaryWorkbook.totalBins.firstIndex(where: { t >= $0.low && ($0.high.map { t < $0 } ?? true) }) {
                binCounts[bin] += 1
            }
        }

        /// Writes the autofilter, the errors sheet, the statistics with their charts, and closes the file.
        public func finish(errors: [SummaryError]) throws {
            try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(count, 1),
                                 lastColumn: SummaryColumn.allCases.count - 1)

            let errorSheet = try workbook.addWorksheet(name: V.errorsSheet)
            let errorWidths: [Double] = [36, 10, 22, 70]
            for (i, w) in errorWidths.enumerated() { try errorSheet.setColumnWidth(w, column: i) }
            try errorSheet.freezePanes(row: 1, column: 0)
            // One page wide: four columns of 138 units fit A4 landscape at about full size.
            try errorSheet.applyPrintSetup(PrintSetup(orientation: .landscape, repeatRows: 0...0))
            for (c, title) in V.errorsHeader.enumerated() { try errorSheet.writeString(title, row: 0, column: c, format: workbook.format(header)) }
            for (i, e) in errors.enumerated() {
                // Each row as tall as its longest wrapped text, so no message runs over the next row.
                try errorSheet.setRowHeight(SummaryWorkbook.rowHeight([(e.source, errorWidths[0]), (e.code.rawValue, errorWidths[2]),
                                                                       (e.message, errorWidths[3])]), row: i + 1)
                for (c, (text, style)) in [(e.source, wrapped), (e.place, centered), (e.code.rawValue, wrapped),
                                           (e.message, wrapped)].enumerated() {
                    try errorSheet.writeString(text, row: i + 1, column: c, format: workbook.format(style))
                }
            }

            let stats = try workbook.addWorksheet(name: V.statsSheet)
            try stats.applyPrintSetup(PrintSetup(orientation: .portrait, fitWidth: 1, fitHeight: 1))
            try stats.setColumnWidth(14, column: 0)
            try stats.setColumnWidth(10, column: 1)
            /// A heading over a column of labels and their counts.
            func heading(_ row: Int, _ label: String) throws {
                for (c, title) in [label, V.countColumn].enumerated() {
                    try stats.writeString(title, row: row, column: c, format: workbook.format(header))
                }
            }
            func line(_ row: Int, _ label: String, _ style: CellStyle, _ count: Int) throws {
                try stats.writeString(label, row: row, column: 0, format: workbook.format(style))
                try stats.writeNumber(Decimal(count), row: row, column: 1, format: workbook.format(integer))
            }
            try heading(0, V.gradeColumn)
            for (i, grade) in EvaluationGrade.allCases.enumerated() { try line(i + 1, grade.label, centered, gradeCounts[grade.label] ?? 0) }
            let bins = SummaryWorkbook.totalBins
            let binsRow = EvaluationGrade.allCases.count + 2
            try heading(binsRow, V.totalBinColumn)
            for (i, bin) in bins.enumerated() { try line(binsRow + 1 + i, bin.label, centered, binCounts[i]) }
            let failedRow = binsRow + bins.count + 2
            try line(failedRow, V.formsCount, header, count)
            try line(failedRow + 1, V.failedCount, header, failed)

            /// A chart of the counts of `rows` (labels in column A, counts in B) with each value shown.
            func chart(_ kind: ChartKind, _ title: String, rows: ClosedRange<Int>, name: String) throws -> Chart {
                let chart = try workbook.addChart(kind)
                try chart.setTitle(title)
                func column(_ c: Int) -> SheetRange {
                    SheetRange(sheet: V.statsSheet, firstRow: rows.lowerBound, firstColumn: c, lastRow: rows.upperBound, lastColumn: c)
                }
                try chart.addSeries(values: column(1), categories: column(0), name: name, showValues: true)
                return chart
            }
            let grades = try chart(.pie, V.gradeChartTitle, rows: 1...EvaluationGrade.allCases.count, name: V.gradeChartTitle)
            try stats.insertChart(grades, row: 0, column: 3, xScale: 0.9, yScale: 0.9)
            let totals = try chart(.column, V.totalsChartTitle, rows: (binsRow + 1)...(binsRow + bins.count), name: V.countColumn)
            try totals.hideLegend()
            try stats.insertChart(totals, row: 15, column: 3, xScale: 0.9, yScale: 0.9)
            try workbook.close()
        }
    }

    /// The font size of every sheet, in points.
    static let fontSize = 10.5
    /// A line's height as a multiple of the font size.
    static let summaryLineHeight = 1.45

    /// The height in points of a row whose wrapped cells hold these texts in columns of these
    /// widths: the most lines any of them takes (Excel and LibreOffice do not grow a row written
    /// with a fixed height, and constant-memory mode writes each row once).
    static func rowHeight(_ cells: [(text: String, width: Double)]) -> Double {
        let lines = cells.map { TextMetrics.lineCount($0.text, columnWidth: $0.width, fontSize: fontSize) }.max() ?? 1
        // LibreOffice sets 宋体 (a Song face such as Noto Serif CJK) a little looser than Excel:
        // 1.45 lines of the font size, so that the last line of a long 提示 stays inside its row.
        let height = Double(max(lines, 1)) * fontSize * summaryLineHeight + TextMetrics.rowPadding + 1
        return min(max(height, 15), 409)
    }

    /// Bins of the totals chart: [low, high) with the last open.
    static let totalBins: [(label: String, low: Decimal, high: Decimal?)] = [
        ("<60", 0, 60), ("60–70", 60, 70), ("70–80", 70, 80), ("80–90", 80, 90), ("90–95", 90, 95), ("≥95", 95, nil),
    ]
}
