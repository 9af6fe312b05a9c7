import Foundation

/// The formats of one form sheet, each looked up once by what decides a cell's style: its kind,
/// font size, number format and whether it is marked. Made when the sheet starts and filled on
/// first use through ``Workbook/format(_:)``, so the workbook creates its formats in the order
/// the cells first use them (the same order as resolving each cell's style on its own).
struct FormFormats {
    private struct Key: Equatable {
        let kind: FormCellKind
        let fontSize: Double
        let numberFormat: String?
        let marked: Bool
    }

    private let workbook: Workbook
    /// The formats made so far, in the order of first use: a sheet has about a dozen, so they are
    /// searched in turn (hashing the key of every cell cost more).
    private var resolved: [(key: Key, format: CellFormat)] = []

    init(workbook: Workbook) {
        self.workbook = workbook
    }

    /// The format of a cell of `kind` at `fontSize` with `numberFormat`, marked or not
    /// (``FormSheetWriter/style(_:numberFormat:)``, ``FormSheetWriter/markedStyle(_:)``).
    mutating func format(_ kind: FormCellKind, fontSize: Double, numberFormat: String?, marked: Bool) throws -> CellFormat {
        let key = Key(kind: kind, fontSize: fontSize, numberFormat: numberFormat, marked: marked)
        if let found = resolved.first(where: { $0.key == key }) { return found.format }
        var style = FormSheetWriter.style(kind, numberFormat: numberFormat)
        style.fontSize = fontSize
        if marked { style = FormSheetWriter.markedStyle(style) }
        let format = try workbook.format(style)
        resolved.append((key, format))
        return format
    }
}
