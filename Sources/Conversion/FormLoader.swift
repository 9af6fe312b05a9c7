import Foundation
import CSV
import SelfEvaluation
import Spreadsheet

/// Reads a form from a file: bytes → grid → form, with the warnings found on the way. What the
/// file is comes from its first bytes: a ZIP is read as .xlsx, an OLE2 file as .xls, other known
/// binaries (PDF, images …) are refused by name, everything else is CSV text.
public struct FormLoader: Sendable {
    public var encoding: EncodingChoice
    public var template: TemplateKind? { didSet { reader = TemplateReader(template: template, labels: labels) } }
    public var limits: CSVLimits
    /// The labels recognised (`--layout FILE.json` extends the built-in table).
    public var labels: LabelTable { didSet { reader = TemplateReader(template: template, labels: labels) } }
    /// The reader of `template` and `labels`, made once for every form.
    private var reader: TemplateReader
    /// The sheet of a workbook to read (`--sheet`): its name or 1-based number; nil: the first
    /// sheet that is a form.
    public var sheet: String?

    public init(encoding: EncodingChoice = .auto, template: TemplateKind? = nil, limits: CSVLimits = .default,
                labels: LabelTable = .builtIn, sheet: String? = nil) {
        self.encoding = encoding
        self.template = template
        self.limits = limits
        self.labels = labels
        self.sheet = sheet
        self.reader = TemplateReader(template: template, labels: labels)
    }

    /// A form read from a file, with its warnings.
    public struct Loaded: Sendable {
        public var form: Form
        public var diagnostics: [Diagnostic]
    }

    /// Reads and recognises the form at `path`; a bad file throws its first error with its place.
    /// What is not a regular file (a FIFO, a device, a socket) is refused before it is opened:
    /// opening some of them blocks or acts on the device.
    public func load(path: String) throws(FormError) -> Loaded {
        // One document: the form sheet `--sheet` names, else the workbook's only form sheet
        // (several are an error, `several-forms`; `loadEach` reads them all).
        try load(document: documents(path: path, every: false)[0])
    }

    /// The grids of the file at `path` to read as forms (`documents(bytes:file:every:)`). Never
    /// empty. What is not a regular file is refused before it is opened; a path longer than
    /// PATH_MAX (found in a batch's folders) is opened a folder at a time (`DeepPath`).
    func documents(path: String, every: Bool) throws(FormError) -> [CSVDocument] {
        let here = SourceLocation(file: path, row: 1, column: 1)
        var info = stat()
        if stat(path, &info) == 0 {
            let kind = FileKind(mode: info.st_mode)
            if kind == .directory { throw FormError(CSVError(.unreadable, at: here, ConversionWords.folderGiven)) }
            if kind != .regular { throw FormError(.notARegularFile, at: here, OutputMessage.inputNotRegular(kind)) }
        }
        switch FileBytes.read(DeepPath.open(path, O_RDONLY | O_NONBLOCK), limit: limits.maxBytes) {
        case .failure(.notRegular(let mode)):
            throw FormError(.notARegularFile, at: here, OutputMessage.inputNotRegular(FileKind(mode: mode)))
        case .failure(.errno(let code)):
            throw FormError(CSVError(.unreadable, at: here, "无法读取文件: \(String(cString: strerror(code)))"))
        case .success(let read):
            if read.size > limits.maxBytes {
                throw FormError(CSVError(.fileTooLarge, at: here, "文件有 \(read.size) 字节,超过上限 \(limits.maxBytes) 字节(max-bytes)"))
            }
            return try documents(bytes: read.bytes, file: path, every: every)
        }
    }

    /// The grids of a file's bytes, located as `file`: a workbook's form sheets
    /// (`workbookDocuments`), or a CSV text's one grid.
    func documents(bytes: [UInt8], file: String, every: Bool) throws(FormError) -> [CSVDocument] {
        if FileSignature(prefix: bytes) != .text { return try workbookDocuments(bytes: bytes, path: file, every: every) }
        do {
            return [try CSVReader(encoding: encoding, limits: limits, unprotectFormulas: true).read(bytes: bytes, file: file)]
        } catch {
            throw FormError(error)
        }
    }

    /// Reads and recognises the form in a file's bytes (an upload), located as `file`.
    public func load(bytes: [UInt8], file: String) throws(FormError) -> Loaded {
        try load(document: documents(bytes: bytes, file: file, every: false)[0])
    }

    /// Recognises the form in an already decoded grid.
    public func load(document: CSVDocument) throws(FormError) -> Loaded {
        // A scored CSV keeps the form's own value beside each value selfeval replaced: given back here.
        let document = ReplacedValueMarker.restore(document)
        let (form, diagnostics) = try reader.read(document)
        if let problem = FormRecognition.problem(form) { throw problem }
        return Loaded(form: form, diagnostics: diagnostics)
    }
}
