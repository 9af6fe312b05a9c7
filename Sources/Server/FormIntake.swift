import CSV
import Conversion
import Foundation
import SelfEvaluation
import Spreadsheet
import XLSXReport

/// One file that could not be taken, as the JSON answer and the page show it.
public struct UploadProblem: Error, Sendable, Equatable {
    /// The file's name as uploaded.
    public var source: String
    /// "row:col" as a spreadsheet shows it ("12:F"); empty for the whole file.
    public var place: String
    public var code: DiagnosticCode
    public var message: String
}

/// Scores uploaded files with the CLI's own `Converter` and stores them: the original byte for
/// byte and the JSON report are committed to the index with the version before the upload is
/// answered; the version's folder `files/FORM/VERSION/` (the original, the report, the scored
/// XLSX and CSV) is written after the answer (``OutputWriter``). A file that does not read
/// leaves nothing behind. The scoring runs on the ``WorkQueue``, as many at once as there are cores.
public struct FormIntake: Sendable {
    public let store: DataStore
    public let converter: Converter
    /// Where the blocking work runs.
    public let queue: WorkQueue
    /// Writes the scored XLSX and CSV after the answer.
    public let outputs: OutputWriter

    /// `backgroundOutputs: false` leaves the XLSX and CSV to the first download (for tests).
    public init(store: DataStore, converter: Converter = Converter(), queue: WorkQueue = WorkQueue(), backgroundOutputs: Bool = true) {
        self.store = store
        self.converter = converter
        self.queue = queue
        outputs = OutputWriter(store: store, queue: queue, converter: converter, background: backgroundOutputs)
    }

    /// The names of the stored files in a version's folder.
    public enum StoredFile: String, Sendable, CaseIterable {
        case xlsx = "scored.xlsx"
        case csv = "scored.csv"
        case json = "report.json"
    }

    /// The name a person gave the file, without any folder (old browsers send the whole path)
    /// or control characters, bounded to 120 characters; "表格" when empty.
    public static func displayName(_ raw: String?) -> String {
        // Unicode scalars, not Characters: the separators and controls are single scalars, and
        // only a name longer than 120 bytes needs its characters counted.
        let pieces = (raw ?? "").unicodeScalars.split(whereSeparator: { $0 == "/" || $0 == "\\" })
        var kept = String.UnicodeScalarView()
        for scalar in pieces.last ?? Substring.UnicodeScalarView() where scalar.value >= 0x20 && scalar.value != 0x7F {
            kept.append(scalar)
        }
        let clean = String(kept).trimmingCharacters(in: .whitespaces)
        let bounded = clean.utf8.count > 120 ? String(clean.prefix(120)) : clean
        return bounded.isEmpty || bounded == "." || bounded == ".." ? "表格" : bounded
    }

    /// The extension of the stored original, from its content (never from its name).
    static func originalName(_ bytes: [UInt8]) -> String {
        switch FileSignature(prefix: bytes) {
        case .zip: "original.xlsx"
        case .ole2: "original.xls"
        case .text: "original.csv"
        case .otherBinary: "original.bin"
        }
    }

    /// Scores each upload and stores it as a new form of `unitID` (or a new version of `formID`),
    /// committed before this returns; each of `uploads` (the files of one request) is a job of its
    /// own on the ``WorkQueue``, all queued at once. Returns, in the order of `uploads`, the form's
    /// id and its JSON report, or the located problem.
    public func take(_ uploads: [(bytes: [UInt8], name: String)], unitID: Int64, formID existing: String? = nil) async
        -> [Result<(formID: String, report: [UInt8]), UploadProblem>] {
        // Scoring and the commit in one job on the queue: no hop to another thread between them.
        await queue.runAll(uploads.map { upload in
            let name = Self.displayName(upload.name)
            let bytes = upload.bytes
            return { self.takeNow(bytes: bytes, name: name, unitID: unitID, formID: existing) }
        })
    }

    /// The work of ``take(_:unitID:formID:)`` for one upload, blocking.
    func takeNow(bytes: [UInt8], name: String, unitID: Int64, formID existing: String?)
        -> Result<(formID: String, report: [UInt8]), UploadProblem> {
        let staged: (version: DataStore.NewVersion, scored: Converter.Scored)
        do { staged = try stage(bytes: bytes, name: name).get() } catch { return .failure(error) }
        let formID = existing ?? Secrets.token(bytes: 8)
        let versionFolder = "files/\(formID)/\(Secrets.token(bytes: 8))"
        var version = staged.version
        version.folder = versionFolder
        let number: Int
        do {
            if let existing {
                guard let n = try store.addVersion(unitID: unitID, formID: existing, version) else {
                    return .failure(UploadProblem(source: name, place: "", code: .formNotFound, message: ServerWords.formNotFound))
                }
                number = n
            } else {
                try store.addForm(unitID: unitID, formID: formID, version)
                number = 1
            }
        } catch {
            return .failure(UploadProblem(source: name, place: "", code: .storeFailed, message: ServerWords.storeFailed))
        }
        outputs.schedule(.init(formID: formID, number: number, folder: versionFolder, sourceName: name, original: version.original),
                         kept: .init(scored: staged.scored, original: bytes, report: version.report))
        return .success((formID, version.report))
    }

    /// Scores the upload (read from its bytes, as `name`: no file is written to read it) and
    /// makes the version's record, its JSON report included.
    func stage(bytes: [UInt8], name: String) -> Result<(version: DataStore.NewVersion, scored: Converter.Scored), UploadProblem> {
        do throws(ConversionError) {
            let scored = try converter.score(bytes: bytes, name: name)
            let report = try converter.bytes(scored, format: .json)
            var row = SummaryFacts.row(source: name, scored: scored)
            row.output = name
            let s = scored.scored
            let version = DataStore.NewVersion(
                sourceName: name, folder: "", original: Self.originalName(bytes),
                total: s.isGraded ? s.totalScore.plainText : nil, grade: s.gradeLabel, needsReview: s.needsReview, record: row.recordBytes,
                originalBytes: bytes, report: report)
            return .success((version, scored))
        } catch {
            let d = error.diagnostic
            let place = d.location.row > 0 ? "\(d.location.row):\(d.location.column > 0 ? d.location.columnLetter : "A")" : ""
            var message = d.message
            if d.code == .severalForms {  // no --sheet here: one form a file
                message = message.replacingOccurrences(of: FormLoader.severalFormsChoice, with: ServerWords.severalFormsChoice)
            }
            return .failure(UploadProblem(source: name, place: place, code: d.code, message: message))
        }
    }

    /// Scores a stored version again (for its page), from its original's bytes; blocking.
    public func score(_ version: DataStore.Version) throws -> Converter.Scored? {
        guard let original = try outputs.original(version) else { return nil }
        return try converter.score(bytes: original, name: version.sourceName)
    }
}
