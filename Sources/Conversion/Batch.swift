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
    /// Replace existing files in the output folder that no selfeval run made (`--force`); never
    /// an input, a link, a FIFO, a device or a folder.
    public var force: Bool = false
    /// Remove an earlier run's outputs (as its report.json lists them) before this run
    /// (`--replace`); without it a folder holding an earlier run is refused (`earlier-run`).
    public var replace: Bool = false

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
        /// The paths of 汇总表.xlsx and report.json that this run did write (a full disk may
        /// leave either unwritten): what the summary line may name.
        public var writtenPaths: [String] = []
        /// Notes for the user that are not errors (e.g. fewer workers than asked).
        public var notices: [String] = []
    }

    /// The result of one form, kept until the end of the batch (small: no form, no workbook, no
    /// name; its output name, summary line and report wait in its worker's spool).
    struct FormResult: Sendable {
        var record: BatchSpool.Record?
        var error: Diagnostic?
        /// `path[sheet]` for a form of a workbook holding several; nil: the input path.
        var source: String? = nil
    }

    /// Runs the batch over files and folders, writing into `outputDirectory` (created if needed).
    ///
    /// The steps: find the forms (`BatchDiscovery`), clear an earlier run (`clearEarlierRun`),
    /// prepare the output folder and its staging folder, convert every form into the staging
    /// folder (`convertAll`), put the outputs in place and write 汇总表.xlsx (`BatchAssembly`), write
    /// report.json (`BatchReport`). Only a folder that cannot be created throws: a failure after
    /// that (a full disk, a summary that cannot be written) is one more error in the outcome,
    /// beside every form's own.
    public func run(inputs: [String], outputDirectory: String,
                    progress: (@Sendable (Progress) -> Void)? = nil) throws(ConversionError) -> Outcome {
        let found = BatchDiscovery.search(inputs, skipping: outputDirectory)
        let files = PathList(found.files)
        var notices = try clearEarlierRun(in: outputDirectory, sparing: found.identities)
        try Self.prepare(outputDirectory)
        let staging = try Self.makeStaging(in: outputDirectory, reserving: BatchReport.reserveBytes(forms: files.count))
        defer {
            TemporaryFiles.shared.removeTree(staging)
            TemporaryFiles.shared.removeFolder(staging)
        }
        var converter = converter
        if converter.xlsx.temporaryDirectory == nil { converter.xlsx.temporaryDirectory = Self.fastTemporaryDirectory() }
        let workers = Self.workerCount(jobs: jobs, forms: files.count)
        if let limit = workers.cappedAt { notices.append(OutputMessage.tooManyJobs(jobs, workers.count, limit)) }
        let (results, spools) = convertAll(files, staging: staging, workers: workers.count, converter: converter, progress: progress)
        var assembly = BatchAssembly(outputDirectory: outputDirectory, staging: staging, formats: formats,
                                     rule: OutputGuard(inputs: found.identities, force: force),
                                     problems: found.problems, keepRows: collectRows)
        assembly.placeAndSummarize(files: files, results: results, spools: spools,
                                   options: WorkbookOptions(temporaryDirectory: converter.xlsx.temporaryDirectory,
                                                            created: converter.xlsx.created))
        let reportPath = BatchReport.write(into: outputDirectory, staging: staging, assembly: &assembly, files: files,
                                           results: results, spools: spools)
        return Outcome(rows: assembly.rows, converted: assembly.converted, failed: assembly.failed, errors: assembly.errors,
                       summaryPath: assembly.summaryPath, reportPath: reportPath,
                       writtenPaths: [(ConversionWords.summaryWorkbookName, assembly.summaryPath), (Self.reportName, reportPath)]
                           .filter { assembly.written.contains($0.0) }.map(\.1),
                       notices: notices)
    }

    /// Removes an earlier run's outputs when `replace` allows it (the notices say what was kept);
    /// refuses the folder (`earlier-run`) otherwise.
    private func clearEarlierRun(in outputDirectory: String,
                                 sparing inputs: Set<FileIdentity>) throws(ConversionError) -> [String] {
        guard let earlier = EarlierRun.find(in: outputDirectory) else { return [] }
        guard replace else {
            throw ConversionError(.earlierRun, path: outputDirectory,
                                  ConversionWords.earlierRun(outputDirectory, earlier.listed.count + 1))
        }
        return earlier.remove(sparing: inputs)
    }

    static let reportName = "report.json"

    /// Creates the output folder and removes the staging folders and temporary files of dead runs.
    static func prepare(_ outputDirectory: String) throws(ConversionError) {
        do {
            try FileManager.default.createDirectory(atPath: outputDirectory, withIntermediateDirectories: true)
        } catch {
            throw ConversionError(.writeFailed, path: outputDirectory, ConversionWords.cannotCreateFolder)
        }
        TemporaryFiles.shared.removeStale(in: outputDirectory)
    }

    /// Creates this run's staging folder (registered for removal on SIGINT and SIGTERM), with a
    /// reserve file of `reserve` bytes allocated on the disk, given back to write report.json
    /// when the disk fills up.
    static func makeStaging(in outputDirectory: String, reserving reserve: Int) throws(ConversionError) -> String {
        let staging = (outputDirectory as NSString).appendingPathComponent(
            TemporaryFiles.stagingPrefix + "\(getpid())-\(UUID().uuidString.prefix(8))")
        TemporaryFiles.shared.addFolder(staging)
        guard mkdir(staging, 0o700) == 0 else {
            TemporaryFiles.shared.removeFolder(staging)
            throw ConversionError(.writeFailed, path: staging, ConversionWords.cannotCreateFolder)
        }
        let fd = open(BatchReport.reservePath(staging), O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if fd >= 0 {
            _ = posix_fallocate(fd, 0, off_t(reserve))
            close(fd)
        }
        return staging
    }

    /// Workers: `jobs`, at most one a form, and at most what the process may open files for
    /// (each worker holds its spool and libxlsxwriter's files while a workbook is written);
    /// `cappedAt`: the open-file limit, when it lowered the count.
    static func workerCount(jobs: Int, forms: Int, descriptorLimit: Int? = openFileLimit()) -> (count: Int, cappedAt: Int?) {
        let wanted = min(jobs, max(1, forms))
        guard let limit = descriptorLimit else { return (wanted, nil) }
        let affordable = max(1, (limit - reservedDescriptors) / descriptorsPerWorker)
        return wanted > affordable ? (affordable, limit) : (wanted, nil)
    }

    /// Descriptors kept for the process itself (standard streams, the summary, report.json …).
    static let reservedDescriptors = 32
    /// Descriptors one worker may hold at once.
    static let descriptorsPerWorker = 8

    /// The soft limit of open files, nil when unlimited or unknown.
    static func openFileLimit() -> Int? {
        var limit = rlimit()
        guard getrlimit(Int32(RLIMIT_NOFILE.rawValue), &limit) == 0, limit.rlim_cur != rlim_t.max else { return nil }
        return Int(clamping: limit.rlim_cur)
    }

    /// Converts every form on `workers` workers into the staging folder.
    private func convertAll(_ files: PathList, staging: String, workers: Int, converter: Converter,
                            progress: (@Sendable (Progress) -> Void)?) -> (results: ResultSlots, spools: [BatchSpool?]) {
        let results = ResultSlots(count: files.count)
        let formats = self.formats
        let spools = (0..<workers).map { worker in
            try? BatchSpool(path: (staging as NSString).appendingPathComponent("spool-\(worker)"), number: worker)
        }
        DispatchQueue.concurrentPerform(iterations: workers) { worker in
            while let index = results.next() {
                let result: [FormResult]
                if let spool = spools[worker] {
                    result = Self.convertOne(files[index], index: index, staging: staging, spool: spool,
                                             formats: formats, converter: converter)
                } else {
                    let place = SourceLocation(file: files[index], row: 1, column: 1)
                    result = [FormResult(record: nil, error: Diagnostic(.error, .writeFailed, at: place,
                                                                        OutputMessage.cannotWrite(staging)))]
                }
                let snapshot = results.store(result, at: index)  // not inside `progress?(…)`: it must run
                progress?(snapshot)
            }
        }
        return (results, spools)
    }

    /// A batch's outputs are named after the form, never after its input: a CSV is plain ".csv".
    static func batchExtension(_ format: OutputFormat) -> String { format == .csv ? "csv" : format.fileExtension }

    /// Where form `sub` (0 but in a workbook holding several forms) of input `index` is staged.
    static func stagedPath(_ staging: String, _ index: Int, _ sub: Int, _ format: OutputFormat) -> String {
        (staging as NSString).appendingPathComponent(sub == 0 ? "\(index).\(batchExtension(format))"
                                                              : "\(index)-\(sub).\(batchExtension(format))")
    }

    /// A tmpfs for libxlsxwriter's temporary files when there is one (faster than disk).
    static func fastTemporaryDirectory() -> String? {
        var isDir: ObjCBool = false
        let shm = "/dev/shm"
        let usable = FileManager.default.fileExists(atPath: shm, isDirectory: &isDir) && isDir.boolValue
            && FileManager.default.isWritableFile(atPath: shm)
        return usable ? shm : nil
    }

    /// Converts every form of input `index`: one, or one per form sheet of a workbook holding
    /// several (each named `path[sheet]`).
    static func convertOne(_ path: String, index: Int, staging: String, spool: BatchSpool,
                           formats: [OutputFormat], converter: Converter) -> [FormResult] {
        let forms = converter.scoreEach(path: path)
        return forms.enumerated().map { sub, form in
            var result = convertForm(form.source, form.result, index: index, sub: sub, staging: staging, spool: spool,
                                     formats: formats, converter: converter)
            if forms.count > 1 { result.source = form.source }
            return result
        }
    }

    /// Writes one scored form into the staging folder and its records into the spool.
    static func convertForm(_ path: String, _ read: Result<Converter.Scored, ConversionError>, index: Int, sub: Int,
                            staging: String, spool: BatchSpool, formats: [OutputFormat], converter: Converter) -> FormResult {
        do {
            let scored = try read.get()
            let form = scored.scored.form
            // The report is made once: for report.json, and as the form's own JSON output when asked.
            let report = try converter.bytes(scored, format: .json)
            for format in formats {
                // Straight into the staging folder, a scratch folder of our own: the rename out of
                // it, once every form is done, is what puts the file in place.
                let staged = stagedPath(staging, index, sub, format)
                try format == .json ? AtomicFile.writeDirectly(report, to: staged)
                                    : converter.writeScratch(scored, to: staged, format: format)
            }
            let row = SummaryFacts.row(source: path, scored: scored)
            let base = OutputNaming.baseName(unit: form.unit?.value, year: form.year?.value, template: form.template,
                                             project: form.template == .project ? form.projectName?.value : nil)
            let record = try spool.append(name: base, row: row.recordBytes, report: report)
            return FormResult(record: record, error: nil)
        } catch {
            // A failure to write (a full disk …) names the form, not the staging file it happened in.
            let d = error.diagnostic
            return FormResult(record: nil, error: error.kind == .form ? d
                              : Diagnostic(.error, d.code, at: SourceLocation(file: path, row: 1, column: 1), d.message))
        }
    }

    /// Per-form results shared by the workers; a lock guards the cursor and the results. Kept
    /// compact (where a converted form's record lies, a diagnostic per failed one), since a batch
    /// of ten thousand forms holds them all until the end.
    final class ResultSlots: @unchecked Sendable {
        private let lock = NSLock()
        private var records: [BatchSpool.Record?]
        private var failures: [Int: Diagnostic] = [:]
        /// The results of inputs holding several forms (a workbook, one form per sheet).
        private var several: [Int: [FormResult]] = [:]
        private var cursor = 0
        private var done = 0
        private var failed = 0

        init(count: Int) { records = Array(repeating: nil, count: count) }

        func next() -> Int? {
            lock.withLock {
                guard cursor < records.count else { return nil }
                cursor += 1
                return cursor - 1
            }
        }

        /// Stores the results of input `index` (one per form it holds).
        func store(_ results: [FormResult], at index: Int) -> Progress {
            lock.withLock {
                if results.count == 1, let result = results.first, result.source == nil {
                    records[index] = result.record
                    if let error = result.error { failures[index] = error }
                } else {
                    several[index] = results
                }
                failed += results.filter { $0.error != nil }.count
                done += 1
                return Progress(done: done, total: records.count, failed: failed)
            }
        }

        /// One form's result: its input, its place among that input's forms, its source.
        struct Entry {
            var index: Int
            var sub: Int
            var source: String
            var result: FormResult
        }

        /// Every form's result in input order (all inputs have been processed), the forms of one
        /// workbook in sheet order.
        func entries(_ files: PathList) -> some Sequence<Entry> {
            files.indices.lazy.flatMap { index in
                self.lock.withLock { self.several[index] ?? [FormResult(record: self.records[index], error: self.failures[index])] }
                    .enumerated().map { sub, result in
                        Entry(index: index, sub: sub, source: result.source ?? files[index], result: result)
                    }
            }
        }
    }
}
