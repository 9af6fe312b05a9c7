import CSV
import CXLSXWriter
import SelfEvaluation

/// A cell position. **Rows and columns are 0-based** everywhere in this API
/// (row 0 / column 0 is `A1`), as in libxlsxwriter; ``a1`` gives Excel's name.
public struct SheetCell: Hashable, Sendable, CustomStringConvertible {
    /// The 0-based row (row 0 is Excel's row 1).
    public let row: Int
    /// The 0-based column (column 0 is Excel's column A).
    public let column: Int

    /// The number of rows in a sheet (1,048,576).
    public static let rowCount = Int(LXW_ROW_MAX)
    /// The number of columns in a sheet (16,384, `A`…`XFD`).
    public static let columnCount = Int(LXW_COL_MAX)

    /// A cell from 0-based `row` and `column`. Values outside the sheet are kept;
    /// writing to them throws ``XLSXError/Kind/invalidArgument``.
    public init(row: Int, column: Int) {
        self.row = row
        self.column = column
    }

    /// True when the cell lies inside a worksheet's grid.
    public var isInSheet: Bool {
        (0..<Self.rowCount).contains(row) && (0..<Self.columnCount).contains(column)
    }

    /// The `A1`-style name (`"B3"`); out-of-sheet cells read like `"R-1C0"`.
    public var a1: String {
        guard isInSheet else { return "R\(row)C\(column)" }
        return SourceLocation.letter(forColumn: column + 1) + String(row + 1)
    }

    /// The absolute name, `"$B$3"`.
    public var absoluteA1: String {
        guard isInSheet else { return a1 }
        return "$" + SourceLocation.letter(forColumn: column + 1) + "$" + String(row + 1)
    }

    /// The `A1`-style name.
    public var description: String { a1 }
}

/// A rectangular range of cells, 0-based and inclusive at both ends.
public struct CellRange: Hashable, Sendable, CustomStringConvertible {
    /// The top-left cell.
    public let first: SheetCell
    /// The bottom-right cell.
    public let last: SheetCell

    /// A range from 0-based, inclusive bounds.
    public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        first = SheetCell(row: firstRow, column: firstColumn)
        last = SheetCell(row: lastRow, column: lastColumn)
    }

    /// `"A1:I1"` (a single cell reads `"A1:A1"`).
    public var a1: String { "\(first.a1):\(last.a1)" }

    /// `"$A$1:$I$1"`.
    public var absoluteA1: String { "\(first.absoluteA1):\(last.absoluteA1)" }

    /// `"A1:I1"`.
    public var description: String { a1 }

    /// True when both corners are in the sheet and `first` is above and left of `last`.
    public var isValid: Bool {
        first.isInSheet && last.isInSheet && first.row <= last.row && first.column <= last.column
    }
}

/// A range on a named sheet, as used by chart series: ``formula`` is `='汇总'!$B$2:$B$5`.
public struct SheetRange: Hashable, Sendable, CustomStringConvertible {
    /// The worksheet's name, unquoted.
    public let sheet: String
    /// The cells, 0-based and inclusive.
    public let range: CellRange

    /// A range of `sheet`, 0-based and inclusive.
    public init(sheet: String, firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
        self.sheet = sheet
        self.range = CellRange(firstRow: firstRow, firstColumn: firstColumn, lastRow: lastRow, lastColumn: lastColumn)
    }

    /// The sheet name as a formula reference: always single-quoted, inner `'` doubled
    /// (`汇总` → `'汇总'`, `O'Neil` → `'O''Neil'`), which Excel accepts for every name; a character
    /// XML forbids becomes U+FFFD, as in the sheet's own name (``Workbook/addWorksheet(name:)``).
    public var quotedSheet: String {
        "'" + XMLText.safe(sheet).replacing("'", with: "''") + "'"
    }

    /// `='汇总'!$B$2:$B$5`.
    public var formula: String { "=\(quotedSheet)!\(range.absoluteA1)" }

    /// The formula.
    public var description: String { formula }
}
