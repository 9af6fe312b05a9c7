import CSV

/// Reads a workbook's sheets as grids, the same `CSVDocument` the CSV reader yields, so that the
/// template reader never learns which format a form came in. What the file is comes from its
/// content (`FileSignature`), never from its name.
public struct SpreadsheetReader: Sendable {
    public var limits: CSVLimits

    public init(limits: CSVLimits = .default) {
        self.limits = limits
    }

    /// One sheet of a workbook: its name, 1-based position and grid. The grid's `file` is the
    /// path given, or `path[name]` when `qualified`.
    public struct Sheet: Sendable {
        public var name: String
        public var index: Int
        public var document: CSVDocument
    }

    /// An opened workbook: its sheet names, and each sheet's grid on demand.
    public struct Workbook {
        enum Backend { case xlsx(XLSXWorkbook), xls(XLSWorkbook) }
        let backend: Backend
        public let file: String
        /// The sheet names in workbook order.
        public var sheetNames: [String] {
            switch backend {
            case .xlsx(let x): x.sheets.map(\.name)
            case .xls(let x): x.sheetNames
            }
        }

        /// The grid of the sheet at 0-based `index`, located as `file` (or `file[name]` when `qualified`).
        public func sheet(_ index: Int, qualified: Bool) throws(SpreadsheetError) -> Sheet {
            let name = sheetNames[index]
            let gridFile = qualified ? "\(file)[\(name)]" : file
            let document = switch backend {
            case .xlsx(let x): try x.grid(sheet: index, file: gridFile)
            case .xls(let x): try x.grid(sheet: index, file: gridFile)
            }
            return Sheet(name: name, index: index + 1, document: document)
        }

        /// The 0-based index of the sheet `wanted` names: its exact name, else its 1-based number.
        public func index(of wanted: String) throws(SpreadsheetError) -> Int {
            if let i = sheetNames.firstIndex(of: wanted) { return i }
            if let n = Int(wanted), n >= 1, n <= sheetNames.count { return n - 1 }
            throw SpreadsheetError("sheet-not-found", file: file, SpreadsheetMessage.sheetNotFound(wanted, sheetNames))
        }
    }

    /// Opens the workbook in `bytes` (already known to be a ZIP or OLE2 file by its signature).
    public func open(bytes: [UInt8], file: String) throws(SpreadsheetError) -> Workbook {
        switch FileSignature(prefix: bytes) {
        case .zip:
            return Workbook(backend: .xlsx(try XLSXWorkbook(bytes: bytes, file: file, limits: limits)), file: file)
        case .ole2:
            if OLE2Names.contains(bytes, "EncryptionInfo") || OLE2Names.contains(bytes, "EncryptedPackage") {
                throw SpreadsheetError("encrypted-workbook", file: file, SpreadsheetMessage.encrypted)
            }
            return Workbook(backend: .xls(try XLSWorkbook(bytes: bytes, file: file, limits: limits)), file: file)
        case .otherBinary(let kind):
            throw SpreadsheetError("not-a-spreadsheet", file: file, SpreadsheetMessage.otherBinary(kind))
        case .text:
            throw SpreadsheetError("not-a-spreadsheet", file: file, SpreadsheetMessage.notAWorkbook)
        }
    }

    /// The error for an OLE2 file FreeXL does not read: another compound document, or a damaged
    /// one (an encrypted OOXML workbook is refused by ``open(bytes:file:)`` before).
    static func ole2Error(_ bytes: [UInt8], file: String) -> SpreadsheetError {
        if OLE2Names.contains(bytes, "WordDocument") {
            return SpreadsheetError("not-a-spreadsheet", file: file, SpreadsheetMessage.ole2NotExcel)
        }
        return SpreadsheetError("xls-unreadable", file: file, SpreadsheetMessage.xlsUnreadable)
    }
}

/// Stream names in an OLE2 file's directory (UTF-16LE, 64 bytes an entry), found by their bytes.
enum OLE2Names {
    static func contains(_ bytes: [UInt8], _ name: String) -> Bool {
        var pattern: [UInt8] = []
        for unit in name.utf16 { pattern.append(UInt8(unit & 0xFF)); pattern.append(UInt8(unit >> 8)) }
        pattern += [0, 0]
        guard bytes.count >= pattern.count, let first = pattern.first else { return false }
        var i = 0
        let end = bytes.count - pattern.count
        while i <= end {
            if bytes[i] == first, bytes[i..<(i + pattern.count)].elementsEqual(pattern) { return true }
            i += 1
        }
        return false
    }
}
