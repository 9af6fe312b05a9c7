import CSV
import Foundation
import SelfEvaluation
import XLSXReport

/// What `convert` writes.
public enum OutputFormat: String, Sendable, CaseIterable {
    /// The printed form as a workbook (with the 评分明细 sheet).
    case xlsx
    /// The scored form in the template's own 9-column CSV layout.
    case csv
    /// The JSON report of `score --json` (README, Commands).
    case json

    /// The file extension written (a CSV output gets ".scored.csv", never the input's own name).
    public var fileExtension: String {
        switch self {
        case .xlsx: "xlsx"
        case .csv: "scored.csv"
        case .json: "json"
        }
    }
}

/// Converts one form: read, score, write — through a temporary file and a rename.
public struct Converter: Sendable {
    public var loader: FormLoader
    /// nil: the rule set is chosen from the form's own notes.
    public var rules: RuleSet?
    /// Encoding of CSV output.
    public var csvEncoding: CSVWriter.Encoding
    /// Options of the XLSX writer (temporary folder, pinned dates).
    public var xlsx: FormWorkbookOptions
    /// Replace an existing regular file at the output (`--force`); never the input, never a link,
    /// FIFO, device or folder.
    public var force: Bool = false

    public init(loader: FormLoader = FormLoader(), rules: RuleSet? = nil, csvEncoding: CSVWriter.Encoding = .utf8BOM,
                xlsx: FormWorkbookOptions = FormWorkbookOptions()) {
        self.loader = loader
        self.rules = rules
        self.csvEncoding = csvEncoding
        self.xlsx = xlsx
    }

    /// A scored form with every finding: those of reading, then those of scoring.
    public struct Scored: Sendable {
        public var scored: ScoredForm
        /// Reading warnings followed by the scorer's diagnostics.
        public var diagnostics: [Diagnostic]
    }

    /// Reads and scores the form at `path`.
    public func score(path: String) throws(ConversionError) -> Scored {
        try scored { () throws(FormError) in try loader.load(path: path) }
    }

    /// Reads and scores the form in a file's bytes (an upload), located as `name`.
    public func score(bytes: [UInt8], name: String) throws(ConversionError) -> Scored {
        try scored { () throws(FormError) in try loader.load(bytes: bytes, file: name) }
    }

    /// Reads and scores every form of the file at `path` (a workbook may hold several, one per
    /// sheet: `FormLoader.loadEach`), each with its source (`path` or `path[sheet]`).
    public func scoreEach(path: String) -> [(source: String, result: Result<Scored, ConversionError>)] {
        loader.loadEach(path: path).map { each in
            (each.source, Result { () throws(ConversionError) in try scored { () throws(FormError) in try each.result.get() } })
        }
    }

    /// Scores the form `load` reads, with its reading warnings.
    private func scored(_ load: () throws(FormError) -> FormLoader.Loaded) throws(ConversionError) -> Scored {
        do {
            let loaded = try load()
            var scored = try Scorer.score(loaded.form, rules: rules)
            GeneratedReasonMarker.readBack(&scored)
            // A warning found while reading (no unit, a cell of another year) needs a human too.
            if loaded.diagnostics.needReview { scored.needsReview = true }
            return Scored(scored: scored, diagnostics: loaded.diagnostics + scored.diagnostics)
        } catch {
            throw ConversionError(error)
        }
    }

    /// The file a form was read from: its source without the `[sheet]` that names the sheet of a
    /// workbook holding several forms (the file must still be known, so as never to write over it).
    static func inputPath(of form: Form) -> String {
        guard let sheet = form.document.sheet, form.source.hasSuffix("[\(sheet)]"),
              !FileManager.default.fileExists(atPath: form.source) else { return form.source }
        return String(form.source.dropLast(sheet.count + 2))
    }

    /// The default output path: the input's path with the format's extension.
    /// Worked on the path's text (`PathText`): Foundation's path methods trap on "q" or ".".
    public static func defaultOutput(for input: String, format: OutputFormat) -> String {
        var base = PathText.deletingExtension(PathText.lastComponent(of: input))
        if base.isEmpty || base == "." || base == ".." { base = "form" }
        return PathText.join(PathText.directory(of: input), "\(base).\(format.fileExtension)")
    }

    /// The bytes of a CSV or JSON output (XLSX is written by `write`).
    public func bytes(_ scored: Scored, format: OutputFormat) throws(ConversionError) -> [UInt8] {
        switch format {
        case .csv:
            let grid = ScoredGrid(scored.scored)
            let marked = ReplacedValueMarker.mark(grid.rows, grid, original: scored.scored.form.document)
            let rows = GeneratedReasonMarker.mark(marked, scored.scored)
            return CSVWriter(encoding: csvEncoding, protectFormulas: true).bytes(rows)
        case .json:
            return ScoreReport(scored.scored, diagnostics: scored.diagnostics).jsonBytes() + [0x0A]
        case .xlsx:
            throw ConversionError(.writeFailed, path: scored.scored.form.source, "xlsx is written with write(_:to:format:)")
        }
    }

    /// Writes a scored form to `output` atomically, as `OutputGuard` allows: never over the input
    /// (also through a link), never over what is not a regular file, over an existing file only
    /// with `force`.
    public func write(_ scored: Scored, to output: String, format: OutputFormat) throws(ConversionError) {
        let input = Self.inputPath(of: scored.scored.form)
        if AtomicFile.sameFile(input, output) {
            throw ConversionError(.outputIsInput, path: output, OutputMessage.outputIsInput(output))
        }
        let rule = OutputGuard(inputs: Set([FileIdentity(path: input)].compactMap { $0 }), force: force)
        try AtomicFile.write(to: output, rule: rule) { (temporary: String) throws(ConversionError) in
            try writeScratch(scored, to: temporary, format: format, naming: output)
        }
    }

    /// Writes a scored form straight to `path`, with no temporary file and no check against the
    /// input: the temporary file of `write`, or a file of a batch's staging folder, renamed into
    /// place afterwards. A workbook that cannot be written is reported at `naming`.
    func writeScratch(_ scored: Scored, to path: String, format: OutputFormat, naming: String? = nil) throws(ConversionError) {
        guard format == .xlsx else { return try AtomicFile.writeDirectly(try bytes(scored, format: format), to: path) }
        do {
            try FormWorkbook(options: xlsx).write(scored.scored, to: path)
        } catch {
            unlink(path)
            throw ConversionError(.writeFailed, path: naming ?? path, OutputMessage.xlsxFailed(String(describing: error)))
        }
    }

    /// Reads, scores and writes one form; returns the scored form and where it was written.
    @discardableResult
    public func convert(input: String, output: String? = nil, format: OutputFormat = .xlsx) throws(ConversionError)
        -> (scored: Scored, output: String) {
        let target = output ?? Self.defaultOutput(for: input, format: format)
        let scored = try score(path: input)
        try write(scored, to: target, format: format)
        return (scored, target)
    }
}
