import CSV
import Foundation
import SelfEvaluation
import XLSXReport

/// The second half of a batch, in input order once every form is converted: each form's
/// outputs moved from the staging folder into the output folder under their deterministic
/// names, and each form's line streamed into 汇总表.xlsx. Per form only its result slot stays in
/// memory; its name and summary line are read back from its worker's spool.
///
/// Every output is placed as `OutputGuard` allows: a name held by an input, a link, a FIFO, a
/// device, a folder, or a file no selfeval run made (without `--force`) is passed over for the
/// next one ("-2", "-3" …), so nothing is replaced that must not be.
struct BatchAssembly {
    let outputDirectory: String
    let staging: String
    let formats: [OutputFormat]
    let rule: OutputGuard
    let keepRows: Bool
    let summaryPath: String

    private var used: UsedNames
    /// The summary lines (when kept), every error, and the counts.
    private(set) var rows: [SummaryRow] = []
    var errors: [SummaryError]
    private(set) var converted = 0
    private(set) var failed = 0
    /// The names of the files this run put into the output folder, in order.
    var written: [String] = []

    init(outputDirectory: String, staging: String, formats: [OutputFormat], rule: OutputGuard,
         problems: [BatchDiscovery.Problem], keepRows: Bool) {
        self.outputDirectory = outputDirectory
        self.staging = staging
        self.formats = formats
        self.rule = rule
        self.keepRows = keepRows
        summaryPath = (outputDirectory as NSString).appendingPathComponent(ConversionWords.summaryWorkbookName)
        used = UsedNames([ConversionWords.summaryWorkbookName, Batch.reportName])
        errors = problems.map { SummaryError(source: $0.path, place: "", code: $0.code, message: $0.message) }
        failed = problems.filter(\.isForm).count
    }

    /// Places every form's outputs and writes 汇总表.xlsx. A summary that cannot be written (a
    /// full disk, a name held by a file not ours) is one more error; the forms' outputs and
    /// errors are kept whatever happens to it.
    mutating func placeAndSummarize(files: PathList, results: Batch.ResultSlots, spools: [BatchSpool?],
                                    options: WorkbookOptions) {
        var placed = false
        do throws(ConversionError) {
            try AtomicFile.write(to: summaryPath, rule: rule) { (temporary: String) throws(ConversionError) in
                let stream = Result { try SummaryWorkbook.Stream(path: temporary, options: options) }
                placed = true
                let failure = placeEach(files: files, results: results, spools: spools, adding: try? stream.get())
                do {
                    if let failure { throw failure }
                    try stream.get().finish(errors: errors)
                } catch {
                    throw ConversionError(.writeFailed, path: summaryPath, OutputMessage.summaryFailed(String(describing: error)))
                }
            }
            written.append(ConversionWords.summaryWorkbookName)
        } catch {
            if !placed { _ = placeEach(files: files, results: results, spools: spools, adding: nil) }
            errors.append(SummaryError(source: summaryPath, place: "", code: error.diagnostic.code, message: error.diagnostic.message))
        }
    }

    /// Places every form's outputs in input order, adding each form's line to `stream` until an
    /// add fails; returns that failure.
    private mutating func placeEach(files: PathList, results: Batch.ResultSlots, spools: [BatchSpool?],
                                    adding stream: SummaryWorkbook.Stream?) -> (any Error)? {
        var stream = stream
        var failure: (any Error)?
        let duplicates = Self.duplicates(files: files, results: results, spools: spools)
        for (ordinal, entry) in results.entries(files).enumerated() {
            var (row, error) = assemble(entry, spools: spools)
            if let others = duplicates[ordinal] { row.duplicates = others }
            if let e = error {
                if !row.succeeded { row.warningTexts = ["\(e.location.row):\(e.location.columnLetter) [\(e.code)] \(e.message)"] }
                errors.append(SummaryError(source: e.location.file, place: "\(e.location.row):\(e.location.columnLetter)",
                                           code: e.code, message: e.message))
            }
            if row.succeeded { converted += 1 } else { failed += 1 }
            do {
                try stream?.add(row)
            } catch {
                stream = nil
                failure = error
            }
            if keepRows { rows.append(row) }
        }
        return failure
    }

    /// The forms of the same unit, year and project (the same output base name) seen more than
    /// once: for each such form's place in `results.entries`, the sources of the others (a
    /// workbook's forms as `path[sheet]`), in input order.
    static func duplicates(files: PathList, results: Batch.ResultSlots, spools: [BatchSpool?]) -> [Int: [String]] {
        var byName: [String: [(ordinal: Int, source: String)]] = [:]
        for (ordinal, entry) in results.entries(files).enumerated() {
            guard let record = entry.result.record, let spool = spools[Int(record.spool)],
                  let base = spool.name(record) else { continue }
            byName[base.lowercased(), default: []].append((ordinal, entry.source))
        }
        var others: [Int: [String]] = [:]
        for group in byName.values where group.count > 1 {
            for form in group { others[form.ordinal] = group.filter { $0.ordinal != form.ordinal }.map(\.source) }
        }
        return others
    }

    /// One form's summary line and error, its outputs placed.
    private mutating func assemble(_ entry: Batch.ResultSlots.Entry, spools: [BatchSpool?]) -> (SummaryRow, Diagnostic?) {
        let result = entry.result, source = entry.source
        var error = result.error
        var row = SummaryRow(source: source, succeeded: false)
        guard let record = result.record else { return (row, error) }
        let here = SourceLocation(file: source, row: 1, column: 1)
        guard let spool = spools[Int(record.spool)], let base = spool.name(record), let bytes = spool.row(record),
              let decoded = SummaryRow(recordBytes: bytes) else {
            let spoolPath = spools[Int(record.spool)]?.path ?? staging
            return (row, Diagnostic(.error, .writeFailed, at: here, OutputMessage.cannotWrite(spoolPath)))
        }
        row = decoded
        var outputs: [String] = []
        for format in formats {
            switch place(Batch.stagedPath(staging, entry.index, entry.sub, format), base: base, extension: Batch.batchExtension(format)) {
            case .success(let name):
                outputs.append(name)
            case .failure(let failure):
                row.succeeded = false
                error = Diagnostic(.error, failure.diagnostic.code, at: here, failure.diagnostic.message)
            }
        }
        row.output = outputs.joined(separator: ", ")
        return (row, error)
    }

    /// Moves `staged` into the output folder under the first name from `base` that is free or
    /// replaceable.
    private mutating func place(_ staged: String, base: String, extension ext: String) -> Result<String, ConversionError> {
        while true {
            let name = OutputNaming.uniqueName(base, extension: ext, used: &used)
            let destination = (outputDirectory as NSString).appendingPathComponent(name)
            let verdict = rule.check(destination)
            if case .refused(let code, let message) = verdict {
                if code == .writeFailed { return .failure(ConversionError(.writeFailed, path: destination, message)) }
                continue  // held by an input, a link, a FIFO … or a file not ours: the next name
            }
            do {
                try rule.place(staged, at: destination, verdict: verdict)
                written.append(name)
                return .success(name)
            } catch {
                return .failure(error)
            }
        }
    }
}
