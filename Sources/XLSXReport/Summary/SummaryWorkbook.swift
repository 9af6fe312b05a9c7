import Foundation
import SelfEvaluation

/// The batch summary workbook 汇总表.xlsx: one row per form (frozen header, autofilter,
/// number formats), a sheet of errors, and a sheet of statistics with charts of the grade
/// distribution and of the totals. Written in constant-memory mode, so its memory does not
/// grow with the number of forms.
public struct SummaryWorkbook: Sendable {
    public var options: WorkbookOptions

    public init(options: WorkbookOptions = WorkbookOptions()) {
        var options = options
        options.constantMemory = true
        self.options = options
    }

    typealias V = Vocabulary.SummaryWords

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
        private let text: CellStyle, money: CellStyle, rate: CellStyle, points: CellStyle, integer: CellStyle
        private let centered: CellStyle, header: CellStyle

        /// Starts the workbook at `path` (constant-memory mode is forced) and writes the header row.
        public init(path: String, options: WorkbookOptions) throws {
            var options = options
            options.constantMemory = true
            workbook = try Workbook(path: path, options: options)
            try workbook.setProperties(title: V.title, subject: V.title, author: V.author, company: nil, comments: nil,
                                       keywords: nil)
            let base = CellStyle(fontName: V.font, fontSize: 10.5, thinBorder: true, vertical: .center)
            header = base.with { $0.bold = true; $0.wrap = true; $0.horizontal = .center; $0.fillColor = RGBColor(rgb: 0xDDEBF7) }
            text = base
            money = base.with { $0.numberFormat = "0.00" }
            rate = base.with { $0.numberFormat = "0.00%" }
            points = base.with { $0.numberFormat = "0.00" }
            integer = base.with { $0.numberFormat = "0"; $0.horizontal = .center }
            centered = base.with { $0.horizontal = .center }
            binCounts = Array(repeating: 0, count: SummaryWorkbook.totalBins.count)

            sheet = try workbook.addWorksheet(name: V.formsSheet)
            for (i, w) in SummaryWorkbook.widths.enumerated() { try sheet.setColumnWidth(w, column: i) }
            try sheet.freezePanes(row: 1, column: 0)
            // Printed landscape, one page wide, the header row repeated on every page.
            try sheet.applyPrintSetup(PrintSetup(orientation: .landscape, repeatRows: 0...0))
            for (c, title) in V.formsHeader.enumerated() { try sheet.writeString(title, row: 0, column: c, style: header) }
        }

        /// Writes the next form's line.
        public func add(_ row: SummaryRow) throws {
            count += 1
            let r = count
            try sheet.writeString(row.source, row: r, column: 0, style: text)
            try sheet.writeString(row.templateLabel, row: r, column: 1, style: centered)
            try sheet.writeString(row.unit, row: r, column: 2, style: text)
            try sheet.writeString(row.project, row: r, column: 3, style: text)
            try sheet.writeString(row.supervisor, row: r, column: 4, style: text)
            if let year = row.year { try sheet.writeNumber(Decimal(year), row: r, column: 5, style: integer) } else {
                try sheet.writeBlank(row: r, column: 5, style: integer)
            }
            try number(row.budget, r, 6, money)
            try number(row.executionRate, r, 7, rate)
            try number(row.total, r, 8, points)
            try sheet.writeString(row.grade, row: r, column: 9, style: centered)
            try sheet.writeNumber(Decimal(row.warnings), row: r, column: 10, style: integer)
            try sheet.writeString(row.needsReview ? V.yes : V.no, row: r, column: 11, style: centered)
            try sheet.writeString(row.succeeded ? V.statusDone : V.statusFailed, row: r, column: 12, style: centered)
            try sheet.writeString(row.output, row: r, column: 13, style: text)
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
            try sheet.autofilter(firstRow: 0, firstColumn: 0, lastRow: max(count, 1), lastColumn: SummaryWorkbook.widths.count - 1)

            let errorSheet = try workbook.addWorksheet(name: V.errorsSheet)
            for (i, w) in [36.0, 10, 24, 80].enumerated() { try errorSheet.setColumnWidth(w, column: i) }
            try errorSheet.freezePanes(row: 1, column: 0)
            try errorSheet.applyPrintSetup(PrintSetup(orientation: .landscape, repeatRows: 0...0))
            for (c, title) in V.errorsHeader.enumerated() { try errorSheet.writeString(title, row: 0, column: c, style: header) }
            for (i, e) in errors.enumerated() {
                try errorSheet.writeString(e.source, row: i + 1, column: 0, style: text)
                try errorSheet.writeString(e.place, row: i + 1, column: 1, style: centered)
                try errorSheet.writeString(e.code, row: i + 1, column: 2, style: text)
                try errorSheet.writeString(e.message, row: i + 1, column: 3, style: text.with { $0.wrap = true })
            }

            let stats = try workbook.addWorksheet(name: V.statsSheet)
            try stats.applyPrintSetup(PrintSetup(orientation: .portrait, fitWidth: 1, fitHeight: 1))
            try stats.setColumnWidth(14, column: 0)
            try stats.setColumnWidth(10, column: 1)
            try stats.writeString(V.gradeColumn, row: 0, column: 0, style: header)
            try stats.writeString(V.countColumn, row: 0, column: 1, style: header)
            for (i, grade) in EvaluationGrade.allCases.enumerated() {
                try stats.writeString(grade.label, row: i + 1, column: 0, style: centered)
                try stats.writeNumber(Decimal(gradeCounts[grade.label] ?? 0), row: i + 1, column: 1, style: integer)
            }
            let bins = SummaryWorkbook.totalBins
            let binsRow = EvaluationGrade.allCases.count + 2
            try stats.writeString(V.totalBinColumn, row: binsRow, column: 0, style: header)
            try stats.writeString(V.countColumn, row: binsRow, column: 1, style: header)
            for (i, bin) in bins.enumerated() {
                try stats.writeString(bin.label, row: binsRow + 1 + i, column: 0, style: centered)
                try stats.writeNumber(Decimal(binCounts[i]), row: binsRow + 1 + i, column: 1, style: integer)
            }
            let failedRow = binsRow + bins.count + 2
            try stats.writeString(V.formsCount, row: failedRow, column: 0, style: header)
            try stats.writeNumber(Decimal(count), row: failedRow, column: 1, style: integer)
            try stats.writeString(V.failedCount, row: failedRow + 1, column: 0, style: header)
            try stats.writeNumber(Decimal(failed), row: failedRow + 1, column: 1, style: integer)

            let gradeChart = try workbook.addChart(.pie)
            try gradeChart.setTitle(V.gradeChartTitle)
            let grades = EvaluationGrade.allCases.count
            try gradeChart.addSeries(values: SheetRange(sheet: V.statsSheet, firstRow: 1, firstColumn: 1, lastRow: grades, lastColumn: 1),
                                     categories: SheetRange(sheet: V.statsSheet, firstRow: 1, firstColumn: 0, lastRow: grades, lastColumn: 0),
                                     name: V.gradeChartTitle, labels: .values)
            try stats.insertChart(gradeChart, row: 0, column: 3, placement: ChartPlacement(xScale: 0.9, yScale: 0.9))
            let totalsChart = try workbook.addChart(.column)
            try totalsChart.setTitle(V.totalsChartTitle)
            try totalsChart.addSeries(values: SheetRange(sheet: V.statsSheet, firstRow: binsRow + 1, firstColumn: 1,
                                                         lastRow: binsRow + bins.count, lastColumn: 1),
                                      categories: SheetRange(sheet: V.statsSheet, firstRow: binsRow + 1, firstColumn: 0,
                                                             lastRow: binsRow + bins.count, lastColumn: 0),
                                      name: V.countColumn, labels: .values)
            try totalsChart.setLegend(.hidden)
            try stats.insertChart(totalsChart, row: 15, column: 3, placement: ChartPlacement(xScale: 0.9, yScale: 0.9))
            try workbook.close()
        }

        private func number(_ value: Decimal?, _ row: Int, _ column: Int, _ style: CellStyle) throws {
            if let value { try sheet.writeNumber(value, row: row, column: column, style: style) } else {
                try sheet.writeBlank(row: row, column: column, style: style)
            }
        }
    }

    /// Column widths of the forms sheet.
    static let widths: [Double] = [36, 10, 30, 24, 18, 8, 12, 10, 9, 8, 8, 10, 8, 48]

    /// Bins of the totals chart: [low, high) with the last open.
    static let totalBins: [(label: String, low: Decimal, high: Decimal?)] = [
        ("<60", 0, 60), ("60–70", 60, 70), ("70–80", 70, 80), ("80–90", 80, 90), ("90–95", 90, 95), ("≥95", 95, nil),
    ]
}
