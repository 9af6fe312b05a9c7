import Foundation

/// How the printed form falls on A4 pages, computed from the column widths and row heights the
/// layout sets, so that the workbook can say it: a print scale that fits the table to one page
/// wide, the indicator header repeated at the top of every page after the one it starts on, page
/// breaks chosen so that no block is cut badly, and the number of pages for the footer.
///
/// Fitting "1 page wide" (`fitToPage`) would leave the scale to the spreadsheet program, and
/// Excel ignores manual page breaks under it; a fixed scale computed here keeps both.
///
/// **Where a page breaks.** Where the next row no longer fits, the break goes before the latest
/// row at which no short vertical merge (a 二级指标 group, 年度总体目标, a merged text) is cut, a
/// long merge (一级指标, 绩效指标) cut keeps at least two of its rows on each side — so no label
/// stands alone at a page foot — and the indicator header is never the last thing on a page;
/// with no such row, the latest row that keeps the header with a row under it; else where it
/// ran out. The capacity is taken a little short of the page (``safety``), so that the program's
/// own automatic breaks (its fonts measure a little differently) never come before ours.
public struct FormPagination: Sendable, Equatable {
    /// The print scale, percent (10…100).
    public let scale: Int
    /// 0-based rows that start a new page (the first page's row 0 not included).
    public let breaks: [Int]
    /// 0-based rows printed again at the top of every later page (the indicator header).
    public let repeatRows: ClosedRange<Int>?
    /// How many pages the form prints on.
    public var pageCount: Int { breaks.count + 1 }

    /// A4 in points.
    static let pageWidth = 595.28
    static let pageHeight = 841.89
    /// The share of a page's height counted as usable.
    static let safety = 0.93

    /// The pagination of `layout` printed over its rows `0...lastRow`, with margins `margins`.
    public init(layout: FormLayout, lastRow: Int, margins: PageMargins = .form) {
        let widthPoints = (0...max(layout.lastUsedColumn, 0)).reduce(0.0) { total, column in
            total + Self.columnPoints(column < layout.columnWidths.count ? layout.columnWidths[column] : 8.43)
        }
        let printableWidth = Self.pageWidth - (margins.left + margins.right) * 72
        // Two points short of the exact fit: renderers round column widths their own way.
        let fit = Int(((printableWidth - 2) / max(widthPoints, 1) * 100).rounded(.down))
        scale = min(max(fit, 10), 100)
        let capacity = (Self.pageHeight - (margins.top + margins.bottom) * 72) * Self.safety * 100 / Double(scale)

        let heights = layout.rowHeights
        let last = min(lastRow, heights.count - 1)
        repeatRows = layout.indicatorHeaderRows
        guard last >= 0 else {
            breaks = []
            return
        }
        func height(_ row: Int) -> Double { heights.indices.contains(row) ? heights[row] : 15 }
        let header = repeatRows
        let headerHeight = header.map { $0.reduce(0.0) { $0 + height($1) } } ?? 0
        let vertical = layout.merges.filter { $0.first.row < $0.last.row && $0.first.row <= last }
        let long = capacity / 3

        /// Whether a page may start at `row`: `strict` also keeps short merges whole and leaves
        /// two rows of a long merge on each side.
        func mayBreak(before row: Int, strict: Bool) -> Bool {
            if let header, row == header.upperBound + 1 || header.contains(row) && row != header.lowerBound { return false }
            guard strict else { return true }
            for range in vertical where range.first.row < row && row <= range.last.row {
                let span = (range.first.row...range.last.row).reduce(0.0) { $0 + height($1) }
                if span <= long { return false }
                if row - range.first.row < 2 || range.last.row - row + 1 < 2 { return false }
            }
            return true
        }

        var found: [Int] = []
        var start = 0
        var used = 0.0
        var row = 0
        while row <= last {
            let h = height(row)
            if used + h <= capacity || row == start {
                used += h
                row += 1
                continue
            }
            // Row `row` does not fit: choose where the next page starts.
            let candidates = stride(from: row, to: start, by: -1)
            let next = candidates.first { mayBreak(before: $0, strict: true) }
                ?? candidates.first { mayBreak(before: $0, strict: false) }
                ?? row
            found.append(next)
            start = next
            // A later page starts with the repeated header (unless the header itself starts it).
            let repeats = header.map { next > $0.upperBound } ?? false
            used = repeats ? headerHeight : 0
            row = next
        }
        breaks = found
    }

    /// The printed width of a column `width` Excel character units wide, in points, as the wider
    /// of the two programs prints it: Excel gives 7 pixels a character plus 5 (5.25 pt a character
    /// plus 3.75), LibreOffice 5.55 pt a character plus 3.96 (measured: its column widths for the
    /// official grid, 8 → 0.6717 in … 22 → 1.7508 in).
    static func columnPoints(_ width: Double) -> Double {
        guard width > 0 else { return 0 }
        return max(5.25 * width + 3.75, 5.56 * width + 4)
    }

    /// The form sheet's footer: page P of the form's own pages (the 评分明细 sheet's are not counted).
    public var footer: String { WorkbookWords.formFooter(pages: pageCount) }
}
