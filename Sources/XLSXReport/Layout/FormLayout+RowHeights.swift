import Foundation
import SelfEvaluation

/// Row heights from each cell's text width (merged and unmerged cells alike), and smaller fonts
/// for texts too long for Excel's tallest row.
extension FormLayout {
    // MARK: Row heights

    /// The font size of a cell kind.
    public static func fontSize(_ kind: FormCellKind) -> Double {
        kind == .title ? titleFontSize : bodyFontSize
    }

    /// The font size of a 0-based cell (the top-left of its merged range decides).
    public func fontSize(row: Int, column: Int) -> Double {
        let first = merge(containing: row, column: column)?.first ?? SheetCell(row: row, column: column)
        return shrunkFonts[first] ?? Self.fontSize(kind(row: first.row, column: first.column))
    }

    /// Widths are estimated for 宋体; renderers may substitute a slightly wider face, so lines
    /// are counted on this share of the width.
    static let widthSafety = 0.92

    /// The height a text needs in a cell `width` units wide at `fontSize`, not capped at 409 pt,
    /// so that overflow can be seen.
    static func neededHeight(_ text: String, width: Double, fontSize: Double) -> Double {
        let lines = TextMetrics.lineCount(text, columnWidth: width * widthSafety, fontSize: fontSize)
        return TextMetrics.rowHeight(lines: lines, fontSize: fontSize, limit: .infinity)
    }

    /// Sets ``rowHeights``: every row as tall as its tallest single-row text needs, then vertical
    /// merges spread what they still miss over their rows. A text that would need more than
    /// 409 pt (Excel's limit) at the body size gets the largest smaller font that fits.
    mutating func computeRowHeights() {
        let minimum = TextMetrics.rowHeight(lines: 1, fontSize: Self.bodyFontSize)
        var heights = Array(repeating: minimum, count: rows.count)
        var tall: [(range: CellRange, height: Double)] = []
        for (r, row) in rows.enumerated() {
            for (c, text) in row.enumerated() where !text.isEmpty {
                let kind = self.kind(row: r, column: c)
                let range = merge(containing: r, column: c) ?? CellRange(firstRow: r, firstColumn: c, lastRow: r, lastColumn: c)
                let width = (range.first.column...range.last.column).reduce(0.0) { $0 + columnWidths[$1] }
                var size = Self.fontSize(kind)
                var needed = Self.neededHeight(text, width: width, fontSize: size)
                let limit = 409.0 * Double(range.last.row - range.first.row + 1)
                if needed > limit {
                    for smaller in Self.shrinkSizes where smaller < size {
                        size = smaller
                        needed = Self.neededHeight(text, width: width, fontSize: size)
                        if needed <= limit { break }
                    }
                    shrunkFonts[range.first] = size
                    needed = min(needed, limit)
                }
                if range.first.row == range.last.row {
                    heights[r] = max(heights[r], needed)
                } else {
                    tall.append((range, needed))
                }
            }
        }
        // Vertical merges: spread what is missing over their rows, shortest spans first.
        for (range, needed) in tall.sorted(by: { $0.range.last.row - $0.range.first.row < $1.range.last.row - $1.range.first.row }) {
            let span = range.first.row...range.last.row
            let have = span.reduce(0.0) { $0 + heights[$1] }
            guard needed > have else { continue }
            let extra = ((needed - have) / Double(span.count) * 4).rounded(.up) / 4
            for row in span { heights[row] = min(heights[row] + extra, 409) }
        }
        // Room to write in the goals' text row, even when it is empty (a blank form).
        if let textRow = goalsTextRow, textRow >= 0, textRow < heights.count {
            heights[textRow] = max(heights[textRow], TextMetrics.rowHeight(lines: Self.goalsMinimumLines, fontSize: Self.bodyFontSize))
        }
        rowHeights = heights
    }
}
