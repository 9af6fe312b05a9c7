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
    public var code: String
    public var message: String
}

/// Scores uploaded files with the CLI's own `Converter` and stores them: the original byte for
/// byte, the scored XLSX, the scored CSV and the JSON report, all written in `tmp/` first and
/// moved into `files/FORM/VERSION/` by one rename; the index is told last. A file that does not
/// read leaves nothing behind.
public struct FormIntake: Sendable {
    public let store: DataStore
    public var converter: Converter

    public init(store: DataStore, converter: Converter = Converter()) {
        self.store = store
        self.converter = converter
    }

    /// The names of the stored files in a version's folder.
    public enum StoredFile: String, Sendable, CaseIterable {
        case xlsx = "scored.xlsx"
        case csv = "scored.csv"
        case json = "report.json"
    }

    /// A scored upload in its staging folder, ready to be moved into place.
    struct Staged {
        var folder: String
        var original: String
        var report: [UInt8]
        var version: DataStore.NewVersion
    }

    /// The name a person gave the file, without any folder (old browsers send the whole path),
    /// bounded in length; "表格" when empty.
    public static func displayName(_ raw: String?) -> String {
        let last = (raw ?? "").split(whereSeparator: { $0 == "/" || $0 == "\\" }).last.map(String.init) ?? ""
        let clean = String(last.unicodeScalars.filter { $0.value >= 0x20 && $0.value != 0x7F }.map(Character.init))
            .trimmingCharacters(in: .whitespaces)
        let bounded = String(clean.prefix(120))
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

    /// Scores `bytes` and stores them as a new form of `unitID` (or a new version of `formID`).
    /// Returns the form's id and its JSON report, or the located problem. Blocking work runs off
    /// the server's event loops.
    public func take(bytes: [UInt8], name: String, unitID: Int64, formID existing: String? = nil) async
        -> Result<(formID: String, report: [UInt8]), UploadProblem> {
        let name = Self.displayName(name)
        let staged: Staged
        switch await Self.offLoop({ self.stage(bytes: bytes, name: name) }) {
        case .failure(let problem): return .failure(problem)
        case .success(let s): staged = s
        }
        let formID = existing ?? Secrets.token(bytes: 8)
        let versionFolder = "files/\(formID)/\(Secrets.token(bytes: 8))"
        var version = staged.version
        version.folder = versionFolder
        do {
            try FileManager.default.createDirectory(atPath: store.layout.path("files/\(formID)"), withIntermediateDirectories: true)
            guard rename(staged.folder, store.layout.path(versionFolder)) == 0 else {
                throw ConversionError(.writeFailed, path: versionFolder, Vocabulary.ConversionMessage.cannotWrite(versionFolder))
            }
        } catch {
            try? FileManager.default.removeItem(atPath: staged.folder)
            return .failure(UploadProblem(source: name, place: "", code: "store-failed", message: ServerWords.storeFailed))
        }
        do {
            if let existing {
                guard try await store.addVersion(unitID: unitID, formID: existing, version) != nil else {
                    try? FileManager.default.removeItem(atPath: store.layout.path(versionFolder))
                    return .failure(UploadProblem(source: name, place: "", code: "form-not-found", message: ServerWords.formNotFound))
                }
            } else {
                try await store.addForm(unitID: unitID, formID: formID, version)
            }
        } catch {
            try? FileManager.default.removeItem(atPath: store.layout.path(versionFolder))
            return .failure(UploadProblem(source: name, place: "", code: "store-failed", message: ServerWords.storeFailed))
        }
        return .success((formID, staged.report))
    }

    /// Writes the upload into a fresh staging folder, scores it and writes the three outputs there.
    func stage(bytes: [UInt8], name: String) -> Result<Staged, UploadProblem> {
        let folder = store.layout.staging + "/" + Secrets.token(bytes: 12)
        let original = Self.originalName(bytes)
        func fail(_ d: Diagnostic) -> Result<Staged, UploadProblem> {
            try? FileManager.default.removeItem(atPath: folder)
            let place = d.location.row > 0 ? "\(d.location.row):\(d.location.column > 0 ? d.location.columnLetter : "A")" : ""
            return .failure(UploadProblem(source: name, place: place, code: d.code,
                                          message: Self.relabel(d.message, path: folder + "/" + original, as: name)))
        }
        do {
            try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
            try AtomicFile.writeDirectly(bytes, to: folder + "/" + original)
            let scored = try score(path: folder + "/" + original, name: name)
            for (file, format) in [(StoredFile.xlsx, OutputFormat.xlsx), (.csv, .csv), (.json, .json)] {
                try converter.write(scored, to: folder + "/" + file.rawValue, format: format)
            }
            let report = try converter.bytes(scored, format: .json)
            var row = SummaryFacts.row(source: name, scored: scored)
            row.output = name
            let summary = (try? JSONEncoder().encode(row)).map { String(decoding: $0, as: UTF8.self) } ?? "{}"
            let s = scored.scored
            let version = DataStore.NewVersion(
                sourceName: name, folder: "", original: original,
                total: s.isGraded ? s.totalScore.plainText : nil, grade: s.gradeLabel, needsReview: s.needsReview, summary: summary)
            return .success(Staged(folder: folder, original: original, report: report, version: version))
        } catch let error as ConversionError {
            return fail(error.diagnostic)
        } catch {
            return fail(Diagnostic(.error, "store-failed", at: SourceLocation(file: name, row: 0, column: 0), ServerWords.storeFailed))
        }
    }

    /// Scores the file at `path` as the CLI does, naming it `name` in the report and findings.
    public func score(path: String, name: String) throws(ConversionError) -> Converter.Scored {
        var scored = try converter.score(path: path)
        scored.scored.form.source = name
        for i in scored.diagnostics.indices where scored.diagnostics[i].location.file.hasPrefix(path) {
            scored.diagnostics[i].location.file = name + scored.diagnostics[i].location.file.dropFirst(path.count)
        }
        return scored
    }

    /// Scores a stored version again (for its page).
    public func score(_ version: DataStore.Version) throws(ConversionError) -> Converter.Scored {
        try score(path: store.layout.path(version.folder + "/" + version.original), name: version.sourceName)
    }

    static func relabel(_ message: String, path: String, as name: String) -> String {
        message.replacingOccurrences(of: path, with: name)
    }

    /// Runs blocking work on a global queue and awaits it.
    static func offLoop<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            DispatchQueue.global(qos: .userInitiated).async { continuation.resume(returning: work()) }
        }
    }
}
