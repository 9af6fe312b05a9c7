/// The limits the reader enforces; each error names the limit it guards.
public struct CSVLimits: Sendable, Equatable {
    /// Largest input file in bytes, checked before the file is read.
    public var maxBytes: Int
    /// Most records (spreadsheet rows).
    public var maxRows: Int
    /// Most fields in one record.
    public var maxColumns: Int
    /// Longest field, counted as Excel counts a cell: in UTF-16 code units (Excel's cell limit is
    /// 32,767; a letter with a combining mark is two, CR LF is two, an emoji is two).
    public var maxCellCharacters: Int

    public init(maxBytes: Int = 8 << 20, maxRows: Int = 10_000, maxColumns: Int = 256, maxCellCharacters: Int = 32_767) {
        self.maxBytes = maxBytes
        self.maxRows = maxRows
        self.maxColumns = maxColumns
        self.maxCellCharacters = maxCellCharacters
    }

    /// The defaults: 8 MiB, 10,000 rows, 256 columns, 32,767 UTF-16 units per cell.
    public static let `default` = CSVLimits()
}
