import CXLSXWriter

/// The one error type of the XLSX writer.
///
/// Every error names *what* failed (``kind``), *which operation* was running
/// (``operation``, usually the libxlsxwriter function), and *where* (``location``:
/// the output file, a sheet, a cell in `A1` style, a range, or a chart).
/// For library errors the ``message`` is libxlsxwriter's own text (`lxw_strerror`).
public struct XLSXError: Error, Hashable, Sendable, CustomStringConvertible {

    /// What went wrong.
    public enum Kind: Hashable, Sendable {
        /// libxlsxwriter returned an `lxw_error` code.
        case library(LibraryError)
        /// libxlsxwriter returned no object (NULL) where one was expected,
        /// e.g. `workbook_new_opt`, `workbook_add_format`, `workbook_add_chart`.
        case objectNotCreated
        /// An argument was rejected before reaching the library (a row or column
        /// outside the sheet, a string containing NUL, a NaN number, a bad
        /// `SOURCE_DATE_EPOCH`, …).
        case invalidArgument
        /// The workbook was already closed; its sheets, formats and charts are gone.
        case workbookClosed
    }

    /// Where the error happened.
    public enum Location: Hashable, Sendable, CustomStringConvertible {
        /// The workbook's output file.
        case file(path: String)
        /// A worksheet, by name.
        case sheet(String)
        /// One cell of a worksheet (0-based row and column).
        case cell(sheet: String, SheetCell)
        /// A rectangular range of a worksheet.
        case range(sheet: String, CellRange)
        /// A chart (with its title when it has one).
        case chart(title: String?)
        /// A named setting (environment variable, option, property name).
        case setting(String)

        /// A readable form: `"/out/a.xlsx"`, `sheet 自评表`, `自评表!B3`, `自评表!A1:I1`.
        public var description: String {
            switch self {
            case .file(let path): return path
            case .sheet(let name): return "sheet \(name)"
            case .cell(let sheet, let address): return "\(sheet)!\(address.a1)"
            case .range(let sheet, let range): return "\(sheet)!\(range.a1)"
            case .chart(let title): return title.map { "chart \"\($0)\"" } ?? "chart"
            case .setting(let name): return name
            }
        }
    }

    /// What went wrong.
    public let kind: Kind
    /// The operation that failed, e.g. `"worksheet_write_string"` or `"workbook_close"`.
    public let operation: String
    /// Where it failed, when known.
    public let location: Location?
    /// A human-readable explanation; for library errors, `lxw_strerror`'s text.
    public let message: String

    /// Creates an error.
    public init(kind: Kind, operation: String, location: Location?, message: String) {
        self.kind = kind
        self.operation = operation
        self.location = location
        self.message = message
    }

    /// `xlsx: error: [LXW_ERROR_CREATING_XLSX_FILE] workbook_close at /out/a.xlsx: Error creating …`
    public var description: String {
        let tag: String
        switch kind {
        case .library(let code): tag = code.name
        case .objectNotCreated: tag = "object-not-created"
        case .invalidArgument: tag = "invalid-argument"
        case .workbookClosed: tag = "workbook-closed"
        }
        let place = location.map { " at \($0)" } ?? ""
        return "xlsx: error: [\(tag)] \(operation)\(place): \(message)"
    }
}

/// An `lxw_error` code of libxlsxwriter 1.1.4, mirrored without exposing the C type.
public struct LibraryError: Hashable, Sendable, RawRepresentable, CustomStringConvertible {
    /// The numeric value of the C enum constant.
    public let rawValue: Int

    /// Wraps a raw `lxw_error` value.
    public init(rawValue: Int) { self.rawValue = rawValue }

    /// `LXW_ERROR_MEMORY_MALLOC_FAILED`.
    public static let memoryMallocFailed = LibraryError(rawValue: 1)

    private static let names = [
        "LXW_NO_ERROR", "LXW_ERROR_MEMORY_MALLOC_FAILED", "LXW_ERROR_CREATING_XLSX_FILE",
        "LXW_ERROR_CREATING_TMPFILE", "LXW_ERROR_READING_TMPFILE", "LXW_ERROR_ZIP_FILE_OPERATION",
        "LXW_ERROR_ZIP_PARAMETER_ERROR", "LXW_ERROR_ZIP_BAD_ZIP_FILE", "LXW_ERROR_ZIP_INTERNAL_ERROR",
        "LXW_ERROR_ZIP_FILE_ADD", "LXW_ERROR_ZIP_CLOSE", "LXW_ERROR_FEATURE_NOT_SUPPORTED",
        "LXW_ERROR_NULL_PARAMETER_IGNORED", "LXW_ERROR_PARAMETER_VALIDATION",
        "LXW_ERROR_SHEETNAME_LENGTH_EXCEEDED", "LXW_ERROR_INVALID_SHEETNAME_CHARACTER",
        "LXW_ERROR_SHEETNAME_START_END_APOSTROPHE", "LXW_ERROR_SHEETNAME_ALREADY_USED",
        "LXW_ERROR_32_STRING_LENGTH_EXCEEDED", "LXW_ERROR_128_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_255_STRING_LENGTH_EXCEEDED", "LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED",
        "LXW_ERROR_SHARED_STRING_INDEX_NOT_FOUND", "LXW_ERROR_WORKSHEET_INDEX_OUT_OF_RANGE",
        "LXW_ERROR_WORKSHEET_MAX_URL_LENGTH_EXCEEDED", "LXW_ERROR_WORKSHEET_MAX_NUMBER_URLS_EXCEEDED",
        "LXW_ERROR_IMAGE_DIMENSIONS",
    ]

    /// The C constant's name, e.g. `"LXW_ERROR_CREATING_XLSX_FILE"`.
    public var name: String {
        Self.names.indices.contains(rawValue) ? Self.names[rawValue] : "LXW_ERROR_\(rawValue)"
    }

    /// The C constant's name.
    public var description: String { name }
}

// MARK: - Internal checking helpers (C types stay here)

extension XLSXError {
    /// Throws unless `code` is `LXW_NO_ERROR`; the message is `lxw_strerror(code)`.
    static func check(_ code: lxw_error, _ operation: String, _ location: Location?) throws {
        guard code != LXW_NO_ERROR else { return }
        throw XLSXError(
            kind: .library(LibraryError(rawValue: Int(code.rawValue))),
            operation: operation,
            location: location,
            message: String(cString: lxw_strerror(code)))
    }

    static func invalid(_ operation: String, _ location: Location?, _ message: String) -> XLSXError {
        XLSXError(kind: .invalidArgument, operation: operation, location: location, message: message)
    }

    static func notCreated(_ operation: String, _ location: Location?, _ message: String) -> XLSXError {
        XLSXError(kind: .objectNotCreated, operation: operation, location: location, message: message)
    }

    static func closed(_ operation: String, _ location: Location?) -> XLSXError {
        XLSXError(
            kind: .workbookClosed, operation: operation, location: location,
            message: "the workbook is already closed; its sheets, formats and charts can no longer be used")
    }

    /// Runs `body`, passing an ``XLSXError`` through and wrapping anything else (which the
    /// writer does not throw today) so that callers see one typed error.
    static func typed<T>(_ operation: String, _ body: () throws -> T) throws(XLSXError) -> T {
        do {
            return try body()
        } catch let error as XLSXError {
            throw error
        } catch {
            throw XLSXError(kind: .invalidArgument, operation: operation, location: nil, message: "\(error)")
        }
    }
}
