import CXLSXWriter
import SelfEvaluation
import Foundation

/// How a ``Workbook`` is created (and a ``FormWorkbook`` or ``BlankTemplate`` written).
public struct WorkbookOptions: Sendable {
    /// The folder for libxlsxwriter's temporary files (one per XML part); nil uses
    /// `$TMPDIR`, then the system default. A tmpfs folder makes writing faster.
    public var temporaryDirectory: String?
    /// The creation date written to the document properties when `SOURCE_DATE_EPOCH`
    /// is not set; nil means "now" (taken once, when the workbook is created).
    /// Pin it (for example to a date derived from the form) for reproducible files.
    public var created: Date?
    /// A form workbook's author, in its properties and on its cell comments.
    public var author: String
    /// The value of `SOURCE_DATE_EPOCH` (whole seconds since 1970); when non-nil it
    /// overrides ``created``. Defaults to the process environment; tests pass it explicitly.
    public var sourceDateEpoch: String?
    /// libxlsxwriter's constant-memory mode: each row is flushed when the next one starts, so
    /// rows must be written in order and merges/comments are not available; memory stays flat
    /// however many rows are written (for the batch summary of thousands of forms).
    public var constantMemory: Bool

    /// Creates options; `sourceDateEpoch` defaults to the environment's `SOURCE_DATE_EPOCH`.
    public init(
        temporaryDirectory: String? = nil, created: Date? = nil, author: String = "selfeval",
        sourceDateEpoch: String? = Workbook.environmentSourceDateEpoch,
        constantMemory: Bool = false
    ) {
        self.temporaryDirectory = temporaryDirectory
        self.created = created
        self.author = author
        self.sourceDateEpoch = sourceDateEpoch
        self.constantMemory = constantMemory
    }
}

/// A value of a custom document property (File ▸ Properties ▸ Custom).
public enum CustomPropertyValue: Hashable, Sendable {
    /// Text.
    case text(String)
    /// A number (written as a double).
    case number(Decimal)
    /// Yes / no.
    case boolean(Bool)
}

/// An XLSX file being written: a safe owner of an `lxw_workbook`.
///
/// Create it, add worksheets, write cells, then call ``close()``, which writes the
/// file and reports any error (libxlsxwriter only opens the output path there, so a
/// missing folder surfaces from `close`). `workbook_close` is called exactly once:
/// by ``close()``, or by `deinit` (errors then ignored) if you never called it.
/// After closing, every ``Worksheet``, ``CellFormat`` and ``Chart`` of this workbook
/// throws ``XLSXError/Kind/workbookClosed``.
///
/// The output is byte-identical for identical content and creation date: zip entry
/// dates are fixed by the library and the document's `created` date is always pinned
/// (from `SOURCE_DATE_EPOCH`, else ``WorkbookOptions/created``).
///
/// Not thread-safe: use one workbook from one thread (separate workbooks may be
/// written in parallel).
public final class Workbook {
    /// The output path given at creation.
    public let path: String

    private var handle: UnsafeMutablePointer<lxw_workbook>?
    private var formats: [CellStyle: CellFormat] = [:]
    /// The formats used last, newest first: cells come in runs of one style, and comparing a
    /// few styles is cheaper than hashing one.
    private var recentFormats: [CellFormat] = []
    private var propertiesSet = false
    private let createdSeconds: Int

    /// Starts a workbook that will be written to `path` on ``close()``.
    ///
    /// - Throws: ``XLSXError`` with kind `invalidArgument` for a path with NUL or a
    ///   malformed `SOURCE_DATE_EPOCH`, `objectNotCreated` if the library refuses.
    public init(path: String, options: WorkbookOptions = WorkbookOptions()) throws {
        try CBridge.requireNoNUL(path, "the path", "workbook_new_opt", .file(path: path))
        self.path = path
        createdSeconds = try Self.creationSeconds(
            sourceDateEpoch: options.sourceDateEpoch, created: options.created ?? Date())

        let owned = OwnedCStrings()
        var cOptions = lxw_workbook_options()
        cOptions.constant_memory = options.constantMemory ? 1 : 0
        cOptions.use_zip64 = 0
        if let dir = options.temporaryDirectory {
            try CBridge.requireNoNUL(dir, "the temporary directory", "workbook_new_opt", .setting("tmpdir"))
        }
        cOptions.tmpdir = try owned.copy(options.temporaryDirectory, operation: "workbook_new_opt")
        guard let newHandle = workbook_new_opt(path, &cOptions) else {
            throw XLSXError.notCreated("workbook_new_opt", .file(path: path), "libxlsxwriter could not create the workbook (out of memory?)")
        }
        handle = newHandle
    }

    deinit {
        if let handle {
            pinCreationDateIfNeeded(handle)
            _ = workbook_close(handle)
        }
    }

    /// The seconds since 1970 to write as the creation date.
    ///
    /// `SOURCE_DATE_EPOCH`, when given, must be valid (``sourceDateEpochSeconds(_:)``; else an
    /// error, as the reproducible-builds convention asks). libxlsxwriter treats 0 as "now",
    /// so 0 (and dates before 1970) are written as 1970-01-01T00:00:01Z.
    static func creationSeconds(sourceDateEpoch: String?, created: Date) throws -> Int {
        if let raw = sourceDateEpoch {
            guard let value = sourceDateEpochSeconds(raw) else {
                throw XLSXError.invalid("SOURCE_DATE_EPOCH", .setting("SOURCE_DATE_EPOCH"),
                                        "\"\(raw)\" is not a whole number of seconds from 1970 to the end of year 9999")
            }
            return max(value, 1)
        }
        let interval = created.timeIntervalSince1970
        guard interval.isFinite, interval <= Double(lastSecondOfYear9999) else {
            throw XLSXError.invalid("workbook_set_properties", .setting("created"), "creation date \(created) is out of range")
        }
        return max(Int(interval.rounded(.down)), 1)
    }

    /// The environment's `SOURCE_DATE_EPOCH`, nil when it is not set (read alone: building the
    /// whole environment as a dictionary, as `ProcessInfo` does, would cost every start).
    public static var environmentSourceDateEpoch: String? { getenv("SOURCE_DATE_EPOCH").map { String(cString: $0) } }

    /// The seconds a `SOURCE_DATE_EPOCH` value names: a whole number (spaces around it allowed)
    /// from 0 to the end of year 9999 (a larger one crashed the C library's date conversion);
    /// nil for any other text (empty, negative, a fraction, not a number).
    public static func sourceDateEpochSeconds(_ raw: String) -> Int? {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.allSatisfy({ $0 >= 48 && $0 <= 57 }), let value = Int(text),
              value <= lastSecondOfYear9999 else { return nil }
        return value
    }

    /// 9999-12-31T23:59:59Z, the last second a workbook's dates can hold.
    static let lastSecondOfYear9999 = 253_402_300_799

    /// The live C handle, or an error if the workbook is closed.
    func live(_ operation: String, _ location: XLSXError.Location?) throws -> UnsafeMutablePointer<lxw_workbook> {
        guard let handle else { throw XLSXError.closed(operation, location) }
        return handle
    }

    // MARK: Worksheets

    /// Adds a worksheet named `name` (at most 31 characters, none of `[]:*?/\`,
    /// not starting or ending with `'`, unique in the workbook). A character XML forbids is
    /// written as U+FFFD (``XMLText``); ``Worksheet/name`` is the name as written.
    ///
    /// - Throws: ``XLSXError`` naming the sheet, e.g. `LXW_ERROR_SHEETNAME_ALREADY_USED`.
    public func addWorksheet(name: String) throws -> Worksheet {
        let operation = "workbook_add_worksheet"
        let handle = try live(operation, .sheet(name))
        let name = try CBridge.xmlText(name, "the sheet name", operation, .sheet(name))
        guard !name.isEmpty else { throw XLSXError.invalid(operation, .sheet(name), "the sheet name is empty") }
        try XLSXError.check(workbook_validate_sheet_name(handle, name), "workbook_validate_sheet_name", .sheet(name))
        guard let sheet = workbook_add_worksheet(handle, name) else {
            throw XLSXError.notCreated(operation, .sheet(name), "libxlsxwriter did not create the worksheet")
        }
        return Worksheet(workbook: self, handle: sheet, name: name)
    }

    // MARK: Formats

    /// The workbook format for `style`, created on first use and cached: equal
    /// styles return the identical ``CellFormat``. The worksheet's writes take it.
    public func format(_ style: CellStyle) throws -> CellFormat {
        let handle = try live("workbook_add_format", nil)
        if let index = recentFormats.firstIndex(where: { $0.style == style }) {
            let found = recentFormats[index]
            if index > 0 {
                recentFormats.remove(at: index)
                recentFormats.insert(found, at: 0)
            }
            return found
        }
        if let cached = formats[style] {
            remember(cached)
            return cached
        }
        try style.validate()
        guard let pointer = workbook_add_format(handle) else {
            throw XLSXError.notCreated("workbook_add_format", nil, "libxlsxwriter did not create a format")
        }
        style.apply(to: pointer)
        let format = CellFormat(style: style, pointer: pointer, workbook: ObjectIdentifier(self))
        formats[style] = format
        remember(format)
        return format
    }

    private func remember(_ format: CellFormat) {
        recentFormats.insert(format, at: 0)
        if recentFormats.count > 4 { recentFormats.removeLast() }
    }

    // MARK: Document properties

    /// Sets the document properties (File ▸ Properties). `created` is always the
    /// pinned creation date. nil fields are left out. A character XML forbids is written as
    /// U+FFFD and a text is cut to 32,767 UTF-16 units (``XMLText``).
    public func setProperties(
        title: String? = nil, subject: String? = nil, author: String? = nil,
        company: String? = nil, comments: String? = nil, keywords: String? = nil
    ) throws {
        let operation = "workbook_set_properties"
        let handle = try live(operation, .file(path: path))
        let owned = OwnedCStrings()
        var properties = lxw_doc_properties()
        func field(_ value: String?, _ name: String) throws -> UnsafeMutablePointer<CChar>? {
            try owned.copy(value.map { try CBridge.xmlText($0, "the \(name) property", operation, .setting(name), limit: XMLText.cellLimit) },
                           operation: operation)
        }
        properties.title = try field(title, "title")
        properties.subject = try field(subject, "subject")
        properties.author = try field(author, "author")
        properties.company = try field(company, "company")
        properties.comments = try field(comments, "comments")
        properties.keywords = try field(keywords, "keywords")
        properties.created = time_t(createdSeconds)
        try XLSXError.check(workbook_set_properties(handle, &properties), operation, .file(path: path))
        propertiesSet = true
    }

    /// Adds a custom document property (File ▸ Properties ▸ Custom). Name and text value are
    /// made XML-safe and cut to Excel's 255 characters with "…" (``XMLText``).
    public func setCustomProperty(_ name: String, _ value: CustomPropertyValue) throws {
        let location = XLSXError.Location.setting(name)
        let handle = try live("workbook_set_custom_property", location)
        let name = try CBridge.xmlText(name, "the property name", "workbook_set_custom_property", location,
                                       limit: Self.customPropertyLimit)
        switch value {
        case .text(let text):
            let text = try CBridge.xmlText(text, "the property value", "workbook_set_custom_property_string", location,
                                           limit: Self.customPropertyLimit)
            try XLSXError.check(
                workbook_set_custom_property_string(handle, name, text), "workbook_set_custom_property_string", location)
        case .number(let number):
            let double = try CBridge.double(number, "workbook_set_custom_property_number", location)
            try XLSXError.check(
                workbook_set_custom_property_number(handle, name, double), "workbook_set_custom_property_number", location)
        case .boolean(let flag):
            try XLSXError.check(
                workbook_set_custom_property_boolean(handle, name, flag ? 1 : 0), "workbook_set_custom_property_boolean", location)
        }
    }

    /// Excel's limit of a custom property's name and text value (libxlsxwriter checks it).
    static let customPropertyLimit = 255

    // MARK: Charts

    /// Adds a chart to the workbook; fill it with ``Chart/addSeries(values:categories:name:showValues:)``
    /// and place it with ``Worksheet/insertChart(_:row:column:xScale:yScale:)``.
    public func addChart(_ kind: ChartKind) throws -> Chart {
        let handle = try live("workbook_add_chart", .chart(title: nil))
        guard let chart = workbook_add_chart(handle, kind.lxw) else {
            throw XLSXError.notCreated("workbook_add_chart", .chart(title: nil), "libxlsxwriter did not create the chart")
        }
        return Chart(workbook: self, handle: chart)
    }

    // MARK: Closing

    /// Writes the file and frees everything; call it exactly once when done.
    ///
    /// Calling it again does nothing. On failure the error names the path, e.g.
    /// `LXW_ERROR_CREATING_XLSX_FILE` for a missing folder; the file may then be
    /// missing or partial (write to a temporary name and rename on success).
    public func close() throws {
        guard let handle else { return }
        self.handle = nil
        pinCreationDateIfNeeded(handle)
        try XLSXError.check(workbook_close(handle), "workbook_close", .file(path: path))
    }

    /// Without `workbook_set_properties` libxlsxwriter writes the current time; pin it.
    private func pinCreationDateIfNeeded(_ handle: UnsafeMutablePointer<lxw_workbook>) {
        guard !propertiesSet else { return }
        var properties = lxw_doc_properties()
        properties.created = time_t(createdSeconds)
        // It only fails on allocation failure; close then reports the file state.
        _ = workbook_set_properties(handle, &properties)
        propertiesSet = true
    }
}
