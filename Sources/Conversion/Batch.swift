import CSV
import Dispatch
import Foundation
import SelfEvaluation
import XLSXReport

/// Converts many forms at once: every good form into its submission files, every bad one
/// explained, one summary workbook (汇总表.xlsx) and one report (report.json). Forms are
/// independent and run on `jobs` workers; nothing of a form is held after it is written
/// but its summary line.
public struct Batch: Sendable {
    public var converter: Converter
    /// Parallel workers (default: the number of cores).
    public var jobs: Int
    /// What each form is written as (default: XLSX).
    public var formats: [OutputFormat]
    /// Return every form's summary line in the outcome (for callers that inspect them, such as
    /// tests); off by default so that memory does not grow with the number of forms.
    public var collectRows: Bool

    public init(converter: Converter = Converter(), jobs: Int = ProcessInfo.processInfo.activeProcessorCount,
                formats: [OutputFormat] = [.xlsx], collectRows: Bool = false) {
        self.converter = converter
        self.jobs = max(1, jobs)
        self.formats = formats.isEmpty ? [.xlsx] : formats
        self.collectRows = collectRows
    }

    /// How far a batch has come.
    public struct Progress: Sendable {
        public var done: Int
        public var total: Int
        public var failed: Int
    }

    /// What a batch did.
    public struct Outcome: Sendable {
        /// One line per input file, in input order, when the batch was asked to collect them
        /// (`collectRows`); empty otherwise, so that a batch of any size holds no form in memory.
        public var rows: [SummaryRow]
        /// Forms converted, and forms that failed.
        public var converted: Int
        public var failed: Int
        /// Every error: unreadable paths, and forms that could not be read, scored or written.
        public var errors: [SummaryError]
        public var summaryPath: String
        public var reportPath: String
    }

    /// The result of one form, kept until the end of the batch (small: no form, no workbook, no
    /// name; its output name, summary line and report wait in its worker's spool).
    private struct FormResult: Sendable {
        var record: BatchSpool.Record?
        var error: Diagnostic?
    }

    /// Runs the batch over files and folders, writing into `outputDirectory` (created if needed).
    public func run(inputs: [String], outputDirectory: String,
                    progress: (@Sendable (Progress) -> Void)? = nil) throws(ConversionError) -> Outcome {
        let (files, inputNames, problems) = Self.discover(inputs, outputDirectory: outputDirectory)
        let fm = FileManager.default
        do {
            try fm.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw ConversionError(.writeFailed, path: outputDirectory, Vocabulary.BatchMessage.cannotCreateFolder)
        }
        let staging = (outputDirectory as NSString)
            .appendingPathComponent(".selfeval-staging-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        do {
            try fm.createDirectory(atPath: staging, withIntermediateDirectories: true)
        } catch {
            throw ConversionError(.writeFailed, path: staging, Vocabulary.BatchMessage.cannotCreateFolder)
        }
        defer { try? fm.removeItem(atPath: staging) }

        var configured = self.converter
        if configured.xlsx.temporaryDirectory == nil { configured.xlsx.temporaryDirectory = Self.fastTemporaryDirectory() }
        let converter = configured
        let results = ResultSlots(count: files.count)
        let formats = self.formats
        let workers = min(jobs, max(1, files.count))
        var spoolList: [BatchSpool] = []
        for worker in 0..<workers {
            spoolList.append(try BatchSpool(path: (staging as NSString).appendingPathComponent("spool-\(worker)"), number: worker))
        }
        let spools = spoolList
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while let index = results.next() {
                let result = Self.convertOne(files[index], index: index, staging: staging, spool: spools[worker],
                                             formats: formats, converter: converter)
                let snapshot = results.store(result, at: index)
                progress?(snapshot)
            }
        }

        // In input order: deterministic names, the renames out of the staging folder, and each
        // form's line streamed into 汇总表.xlsx. Per form only its result slot (where its record
        // lies, or its error) stays in memory; name and summary line are read back from its spool.
        var rows: [SummaryRow] = []
        var errors: [SummaryError] = problems.map {
            SummaryError(source: $0.path, place: "", code: "unreadable-path", message: $0.message)
        }
        var used = UsedNames(inputNames.union([Vocabulary.summaryWorkbookName, Self.reportName]))
        var converted = 0, failed = 0
        let summaryPath = (outputDirectory as NSString).appendingPathComponent(Vocabulary.summaryWorkbookName)
        let summaryOptions = WorkbookOptions(temporaryDirectory: converter.xlsx.temporaryDirectory, created: converter.xlsx.created)
        let keepRows = collectRows
        try AtomicFile.write(to: summaryPath) { (temporary: String) throws(ConversionError) in
            do {
                let summary = try SummaryWorkbook.Stream(path: temporary, options: summaryOptions)
                for index in 0..<results.count {
                    let result = results.result(index)
                    var error = result.error
                    let record = result.record
                    let spool = record.map { spools[Int($0.spool)] }
                    var row = SummaryRow(source: files[index], succeeded: false)
                    var baseName: String?
                    if let record, let spool {
                        if let name = spool.name(record), let bytes = spool.row(record),
                           let decoded = try? JSONDecoder().decode(SummaryRow.self, from: Data(bytes)) {
                            row = decoded
                            baseName = name
                        } else {
                            error = Diagnostic(.error, "write-failed", at: SourceLocation(file: files[index], row: 1, column: 1),
                                               Vocabulary.ConversionMessage.cannotWrite(spool.path))
                        }
                    }
                    if let base = baseName {
                        var outputs: [String] = []
                        for format in formats {
                            let name = OutputNaming.uniqueName(base, extension: Self.batchExtension(format), used: &used)
                            let from = Self.stagedPath(staging, index, format)
                            let to = (outputDirectory as NSString).appendingPathComponent(name)
                            if rename(from, to) != 0 {
                                let reason = String(cString: strerror(errno))
                                row.succeeded = false
                                error = Diagnostic(.error, "write-failed", at: SourceLocation(file: files[index], row: 1, column: 1),
                                                   Vocabulary.ConversionMessage.cannotRename(reason))
                            } else {
                                outputs.append(name)
                            }
                        }
                        row.output = outputs.joined(separator: ", ")
                    }
                    if let e = error {
                        errors.append(SummaryError(source: e.location.file, place: "\(e.location.row):\(e.location.columnLetter)",
                                                   code: e.code, message: e.message))
                    }
                    if row.succeeded { converted += 1 } else { failed += 1 }
                    try summary.add(row)
                    if keepRows { rows.append(row) }
                }
                try summary.finish(errors: errors)
            } catch let error as ConversionError {
                throw error
            } catch {
                throw ConversionError(.writeFailed, path: summaryPath, Vocabulary.ConversionMessage.xlsxFailed(String(describing: error)))
            }
        }

        // report.json: the per-form reports, streamed from the staging folder.
        let reportPath = (outputDirectory as NSString).appendingPathComponent(Self.reportName)
        try AtomicFile.write(to: reportPath) { (temporary: String) throws(ConversionError) in
            guard fm.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
                throw ConversionError(.writeFailed, path: reportPath, Vocabulary.ConversionMessage.cannotWrite(temporary))
            }
            defer { try? handle.close() }
            handle.write(Data("{\n\"forms\" : [\n".utf8))
            var first = true
            for index in 0..<results.count {
                guard let record = results.result(index).record, let bytes = spools[Int(record.spool)].report(record) else { continue }
                if !first { handle.write(Data(",\n".utf8)) }
                handle.write(Data(bytes))
                first = false
            }
            handle.write(Data("\n],\n\"errors\" : ".utf8))
            let errorObjects = errors.map { e -> [String: String] in
                ["source": e.source, "place": e.place, "code": e.code, "message": e.message]
            }
            let data = (try? JSONSerialization.data(withJSONObject: errorObjects, options: [.prettyPrinted, .sortedKeys])) ?? Data("[]".utf8)
            handle.write(data)
            handle.write(Data("\n}\n".utf8))
        }

        return Outcome(rows: rows, converted: converted, failed: failed, errors: errors, summaryPath: summaryPath,
                       reportPath: reportPath)
    }

    static let reportName = "report.json"

    /// The input files (compactly held), the names of those that sit in the output folder (not
    /// to be given to outputs), and the paths that could not be read.
    private static func discover(_ inputs: [String], outputDirectory: String)
        -> (PathList, Set<String>, [BatchDiscovery.Problem]) {
        let (found, problems) = BatchDiscovery.files(in: inputs)
        let folders = Set(found.map { PathText.directory(of: $0) })
        let here = folders.filter { AtomicFile.sameFile($0, outputDirectory) }
        let inputNames = Set(found.filter { here.contains(PathText.directory(of: $0)) }
            .map { PathText.lastComponent(of: $0) })
        return (PathList(found), inputNames, problems)
    }

    static func batchExtension(_ format: OutputFormat) -> String {
        switch format {
        case .xlsx: "xlsx"
        case .csv: "csv"
        case .json: "json"
        }
    }

    static func stagedPath(_ staging: String, _ index: Int, _ format: OutputFormat) -> String {
        (staging as NSString).appendingPathComponent("\(index).\(batchExtension(format))")
    }

    /// A tmpfs for libxlsxwriter's temporary files when there is one (faster than disk).
    static func fastTemporaryDirectory() -> String? {
        let shm = "/dev/shm"
        var isDir: ObjCBool = false
        if FileManager.default.fileExists(atPath: shm, isDirectory: &isDir), isDir.boolValue,
           FileManager.default.isWritableFile(atPath: shm) {
            return shm
        }
        return nil
    }

    private static func convertOne(_ path: String, index: Int, staging: String, spool: BatchSpool,
                                   formats: [OutputFormat], converter: Converter) -> FormResult {
        do {
            let scored = try converter.score(path: path)
            let form = scored.scored.form
            // The report is made once: for report.json, and as the form's own JSON output when asked.
            let report = try converter.bytes(scored, format: .json)
            for format in formats {
                // Straight into the staging folder, a scratch folder of our own: the rename out of
                // it, once every form is done, is what puts the file in place.
                if format == .json {
                    try AtomicFile.writeDirectly(report, to: stagedPath(staging, index, format))
                } else {
                    try converter.writeScratch(scored, to: stagedPath(staging, index, format), format: format)
                }
            }
            let project = form.projectName?.value
            let supervisor = form.supervisor?.value
            let row = SummaryRow(
                source: path,
                templateLabel: form.template == .project ? Vocabulary.SummaryWords.projectTemplate
                    : Vocabulary.SummaryWords.departmentTemplate,
                unit: form.unit?.value ?? "", project: project ?? "", supervisor: supervisor ?? "",
                year: form.year?.value, budget: scored.scored.budget?.adjusted,
                executionRate: scored.scored.budget?.executionRate, total: scored.scored.totalScore,
                grade: scored.scored.grade.label, warnings: scored.diagnostics.filter { $0.severity == .warning }.count,
                needsReview: scored.scored.needsReview, succeeded: true)
            let base = OutputNaming.baseName(unit: form.unit?.value, year: form.year?.value, template: form.template,
                                             project: form.template == .project ? project : nil)
            let rowBytes = [UInt8]((try? JSONEncoder().encode(row)) ?? Data())
            let record = try spool.append(name: base, row: rowBytes, report: report)
            return FormResult(record: record, error: nil)
        } catch {
            return FormResult(record: nil, error: error.diagnostic)
        }
    }

    /// Per-form results shared by the workers; a lock guards the cursor and the results. Kept
    /// compact (where a converted form's record lies, a diagnostic per failed one), since a batch
    /// of ten thousand forms holds them all until the end.
    private final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var records: [BatchSpool.Record?]
        private var failures: [Int: Diagnostic] = [:]
        private var cursor = 0
        private var done = 0

        init(count: Int) { records = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard cursor < records.count else { return nil }
            cursor += 1
            return cursor - 1
        }

        func store(_ result: FormResult, at index: Int) -> Progress {
            lock.lock()
            defer { lock.unlock() }
            records[index] = result.record
            if let error = result.error { failures[index] = error }
            done += 1
            return Progress(done: done, total: records.count, failed: failures.count)
        }

        /// Form `index`'s result (all forms have been processed).
        func result(_ index: Int) -> FormResult {
            lock.lock()
            defer { lock.unlock() }
            return FormResult(record: records[index], error: failures[index])
        }

        var count: Int { records.count }
    }
}
