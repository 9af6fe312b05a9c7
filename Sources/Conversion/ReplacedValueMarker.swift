import CSV
import Foundation
import SelfEvaluation

/// A value selfeval replaced in the scored CSV (a 得分, 执行率, 总分 … that disagreed with the
/// rules) keeps the form's own value beside it: `8.62【原表为9】`. Without it, reading the CSV back
/// would find the corrected value, agree with it, and drop the finding (`score-replaced`,
/// `budget-score-replaced`, `printed-total-mismatch` …) and with it 需复核.
///
/// Reading a grid back, every cell ending with the marker is given back the form's value before
/// the form is recognised, so that scoring it again finds what the first scoring found.
enum ReplacedValueMarker {
    static let opening = "【原表为"
    static let closing = "】"
    /// The marker of a value filled where the form left the cell blank.
    static let blank = "【原表未填】"
    /// The last UTF-8 byte of `closing` (】 is E3 80 91).
    private static let closingLastByte: UInt8 = 0x91

    /// The scored CSV grid with the form's value kept in every cell the engine changed or filled
    /// (a value the form left blank: `【原表未填】`). Generated reasons have their own marker
    /// (``GeneratedReasonMarker``).
    static func mark(_ rows: [[String]], _ grid: ScoredGrid, original: CSVDocument) -> [[String]] {
        var rows = rows
        for (cell, computed) in grid.computed where computed.role != .reason {
            guard cell.row >= 1, cell.row <= rows.count, cell.column >= 1, cell.column <= rows[cell.row - 1].count
            else { continue }
            let old = cell.row <= original.rows.count && cell.column <= original.rows[cell.row - 1].count
                ? original.rows[cell.row - 1][cell.column - 1] : ""
            let new = rows[cell.row - 1][cell.column - 1]
            // Against the form's cell, not what an earlier role wrote into the same cell (a form
            // whose 分值 and 得分 share a column has its 总分值 and 总分 in one cell).
            guard LabelTextCompare.differ(old, new, number: computed.number) else { continue }
            rows[cell.row - 1][cell.column - 1] = new + (LabelText.trim(old).isEmpty ? blank : opening + old + closing)
        }
        return rows
    }

    /// The form's own value of a marked cell, or nil when the cell holds no marker.
    ///
    /// Every marker ends with 】 (U+3011), which no other scalar sequence equals canonically, so a
    /// cell whose UTF-8 does not end with its three bytes holds none: most cells are ruled out
    /// by their last byte, without `String`'s canonical `hasSuffix` (0.5 M instructions a form).
    static func original(of text: String) -> String? {
        guard text.utf8.last == closingLastByte else { return nil }
        if text.hasSuffix(blank) { return "" }
        guard text.hasSuffix(closing), let start = text.range(of: opening, options: .backwards) else { return nil }
        return String(text[start.upperBound..<text.index(text.endIndex, offsetBy: -closing.count)])
    }

    /// The grid with every marked cell given back the form's value.
    static func restore(_ document: CSVDocument) -> CSVDocument {
        var document = document
        for r in document.rows.indices {
            for c in document.rows[r].indices {
                if let old = original(of: document.rows[r][c]) { document.rows[r][c] = old }
            }
        }
        return document
    }
}
