import Conversion
import Foundation

/// The folder of a stored version, `files/FORM/VERSION/` (the original byte for byte, the JSON
/// report, the scored XLSX and the scored CSV), written after the upload is answered.
///
/// The answer needs only the JSON report and the stored record, and both are committed to the
/// index (with the original's bytes) before it. The folder is written from them by a background
/// job on the ``WorkQueue`` (behind every upload still waiting), or by the first request that
/// needs it (a download, the form's page), whichever comes first. It is written in `tmp/` and
/// renamed into place in one step, so a request sees the whole folder or none, never part of
/// it; when two writers race, the second rename fails on the first one's folder, which is the
/// same, and the second's copy is removed. A server stopped before its background jobs ran
/// writes the missing folders at its next start (``catchUp()``) or on demand.
public final class OutputWriter: @unchecked Sendable {
    /// Bytes of originals and reports kept in memory for their background jobs, at most (beyond
    /// it, a job reads the original from the index and scores it again): 64 MiB.
    static let memoryLimit = 64 * 1024 * 1024

    let store: DataStore
    let queue: WorkQueue
    let converter: Converter
    /// Whether the background jobs run (off in tests that look at a version before its folder).
    let background: Bool
    private let lock = NSLock()
    private var kept: [String: Kept] = [:]
    private var keptBytes = 0

    init(store: DataStore, queue: WorkQueue, converter: Converter, background: Bool) {
        self.store = store
        self.queue = queue
        self.converter = converter
        self.background = background
    }

    /// Where a version's folder goes, and what it is made from.
    struct Target: Sendable {
        var formID: String
        var number: Int
        var folder: String
        var sourceName: String
        var original: String
    }

    /// What the upload itself already has: its scored form, original and report.
    struct Kept: Sendable {
        var scored: Converter.Scored
        var original: [UInt8]
        var report: [UInt8]

        var size: Int { original.count + report.count }
    }

    /// Queues the background job writing `target`'s folder; `kept` (the upload's own results)
    /// spares it reading and scoring the original again.
    func schedule(_ target: Target, kept upload: Kept?) {
        guard background else { return }
        if let upload {
            lock.withLock {
                if keptBytes + upload.size <= Self.memoryLimit {
                    kept[target.folder] = upload
                    keptBytes += upload.size
                }
            }
        }
        queue.runInBackground {
            _ = self.write(target)
            self.lock.withLock { if let gone = self.kept.removeValue(forKey: target.folder) { self.keptBytes -= gone.size } }
        }
    }

    /// The path of `file` of `version`, its folder written first (as urgent work) if it is not
    /// yet there; nil when it cannot be written.
    public func path(of file: FormIntake.StoredFile, _ version: DataStore.Version) async -> String? {
        let path = store.layout.path(version.folder + "/" + file.rawValue)
        if FileManager.default.fileExists(atPath: path) { return path }
        let target = Target(version)
        let written = await queue.run { self.write(target) }
        return written && FileManager.default.fileExists(atPath: path) ? path : nil
    }

    /// The original upload of `version`, byte for byte: from its folder, or from the index when
    /// the folder is not written yet.
    public func original(_ version: DataStore.Version) throws -> [UInt8]? {
        if let data = FileManager.default.contents(atPath: store.layout.path(version.folder + "/" + version.original)) {
            return [UInt8](data)
        }
        return try store.upload(formID: version.formID, number: version.number)?.original
    }

    /// Whether the version folder `folder` is in place.
    public func isWritten(folder: String) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: store.layout.path(folder), isDirectory: &isDirectory) && isDirectory.boolValue
    }

    /// Writes `target`'s folder unless it is in place; false when it could not be written.
    func write(_ target: Target) -> Bool {
        if isWritten(folder: target.folder) { return true }
        if let mine = lock.withLock({ kept[target.folder] }) {
            return write(target, original: mine.original, report: mine.report, scored: mine.scored)
        }
        guard let saved = try? store.upload(formID: target.formID, number: target.number) else { return false }
        return write(target, original: saved.original, report: saved.report, scored: nil)
    }

    /// Writes the folder in `tmp/` and renames it into place; `scored` nil: the original is read
    /// and scored again (as the CLI would: the same `Converter`).
    private func write(_ target: Target, original: [UInt8], report: [UInt8], scored known: Converter.Scored?) -> Bool {
        let staging = store.layout.staging + "/" + Secrets.token(bytes: 12)
        let final = store.layout.path(target.folder)
        do {
            try FileManager.default.createDirectory(atPath: staging, withIntermediateDirectories: false)
            try AtomicFile.writeDirectly(original, to: staging + "/" + target.original)
            try AtomicFile.writeDirectly(report, to: staging + "/" + FormIntake.StoredFile.json.rawValue)
            let scored = try known ?? converter.score(bytes: original, name: target.sourceName)
            try converter.write(scored, to: staging + "/" + FormIntake.StoredFile.xlsx.rawValue, format: .xlsx)
            try converter.write(scored, to: staging + "/" + FormIntake.StoredFile.csv.rawValue, format: .csv)
            try FileManager.default.createDirectory(atPath: PathText.directory(of: final), withIntermediateDirectories: true)
        } catch {
            try? FileManager.default.removeItem(atPath: staging)
            return false
        }
        if rename(staging, final) == 0 { return true }
        // Another writer put the same folder in place first.
        try? FileManager.default.removeItem(atPath: staging)
        return isWritten(folder: target.folder)
    }

    /// Queues the folder of every stored version that lacks one (a server stopped before its
    /// background jobs ran); returns how many lack one (none is queued when background jobs are off).
    @discardableResult
    public func catchUp() throws -> Int {
        var queued = 0
        for version in try store.allVersions() where !isWritten(folder: version.folder) {
            schedule(Target(version), kept: nil)
            queued += 1
        }
        return queued
    }
}

extension OutputWriter.Target {
    init(_ version: DataStore.Version) {
        self.init(formID: version.formID, number: version.number, folder: version.folder, sourceName: version.sourceName,
                  original: version.original)
    }
}
