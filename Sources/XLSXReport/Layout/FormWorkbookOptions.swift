import Foundation

/// How ``FormWorkbook`` (and ``BlankTemplate``) write a workbook.
public struct FormWorkbookOptions: Sendable {
    /// The folder for libxlsxwriter's temporary files; nil uses `$TMPDIR`, then the system default.
    public var temporaryDirectory: String?
    /// The creation date written to the document properties; nil means "now".
    /// `SOURCE_DATE_EPOCH`, when set, wins (see ``WorkbookOptions``).
    public var created: Date?
    /// The document's author, and the author of the cell comments.
    public var author: String
    /// The value of `SOURCE_DATE_EPOCH`; defaults to the process environment, tests pass it explicitly.
    public var sourceDateEpoch: String?

    /// Creates options; `sourceDateEpoch` defaults to the environment's `SOURCE_DATE_EPOCH`.
    public init(
        temporaryDirectory: String? = nil, created: Date? = nil, author: String = "selfeval",
        sourceDateEpoch: String? = ProcessInfo.processInfo.environment["SOURCE_DATE_EPOCH"]
    ) {
        self.temporaryDirectory = temporaryDirectory
        self.created = created
        self.author = author
        self.sourceDateEpoch = sourceDateEpoch
    }

    /// The options of the underlying ``Workbook``.
    public var workbookOptions: WorkbookOptions {
        WorkbookOptions(temporaryDirectory: temporaryDirectory, created: created, sourceDateEpoch: sourceDateEpoch)
    }
}

extension XLSXError {
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
