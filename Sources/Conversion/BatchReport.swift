import Foundation
import SelfEvaluation
import XLSXReport

/// report.json of a batch, written by one writer:
///
/// ```
/// {
/// "outputs" : [ the files this run wrote into the output folder, report.json included ],
/// "forms" : [ each converted form's report: the very bytes of `convert --to json` ],
/// "errors" : [ {"code", "message", "place", "source"} … ]
/// }
/// ```
///
/// "outputs" comes first so that a later run finds which files selfeval made (`EarlierRun`:
/// refused, or removed with `--replace`) by reading the head of the file. When the disk fills up, the staging
/// folder's reserve is given back and a shorter report (outputs and errors, no per-form
/// reports, and an error saying so) is written instead: what was and was not written survives.
enum BatchReport {
    static func reservePath(_ staging: String) -> String { (staging as NSString).appendingPathComponent("reserve") }

    /// Bytes reserved for the shorter report: a name and an error line for every form.
    static func reserveBytes(forms: Int) -> Int { 64 * 1024 + forms * 1024 }

    /// Writes report.json into `outputDirectory`; returns its path. Failures are added to the
    /// assembly's errors.
    static func write(into outputDirectory: String, staging: String, assembly: inout BatchAssembly,
                      files: PathList, results: Batch.ResultSlots, spools: [BatchSpool?]) -> String {
        let path = (outputDirectory as NSString).appendingPathComponent(Batch.reportName)
        let outputs = assembly.written + [Batch.reportName]
        waitUntilTimestampsPass(outputs: assembly.written, in: outputDirectory)
        func attempt(_ errors: [SummaryError], forms: (_ emit: (ArraySlice<UInt8>) -> Bool) -> Bool) -> ConversionError? {
            do throws(ConversionError) {
                try AtomicFile.write(to: path, rule: assembly.rule) { (temporary: String) throws(ConversionError) in
                    try writeReport(to: temporary, outputs: outputs, errors: errors, forms: forms)
                }
                assembly.written.append(Batch.reportName)
                return nil
            } catch {
                return error
            }
        }
        var failure = attempt(assembly.errors) { emit in
            for entry in results.entries(files) {
                guard let record = entry.result.record, let spool = spools[Int(record.spool)],
                      let bytes = spool.report(record) else { continue }
                guard emit(bytes[...]) else { return false }
            }
            return true
        }
        // The disk is full (or the file could not be written): give back the reserve, and write
        // what was and was not written. A refusal (a file not ours holds the name) is final.
        if failure?.diagnostic.code == .writeFailed {
            unlink(reservePath(staging))
            assembly.errors.append(SummaryError(source: path, place: "", code: .reportShortened,
                                                message: OutputMessage.reportShortened(String(cString: strerror(ENOSPC)))))
            failure = attempt(assembly.errors) { _ in true }
        }
        if let failure {
            assembly.errors.append(SummaryError(source: path, place: "", code: failure.diagnostic.code, message: failure.diagnostic.message))
        }
        return path
    }

    /// Writes the report to `path`: the outputs, the forms `forms` emits (it calls `emit` with
    /// each form's report bytes and stops when `emit` returns false), the errors.
    static func writeReport(to path: String, outputs: [String], errors: [SummaryError],
                            forms: (_ emit: (ArraySlice<UInt8>) -> Bool) -> Bool) throws(ConversionError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path)) }
        // stdio buffers the writes; the first that fails (ENOSPC …) sets the stream's error flag.
        guard let file = fdopen(fd, "w") else {
            close(fd)
            unlink(path)
            throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path))
        }
        setvbuf(file, nil, _IOFBF, 1 << 20)
        func put(_ bytes: ArraySlice<UInt8>) -> Bool {
            bytes.withUnsafeBytes { fwrite($0.baseAddress, 1, $0.count, file) == $0.count }
        }
        fputs("{\n\"outputs\" : [", file)
        for (i, name) in outputs.enumerated() {
            fputs(i == 0 ? "\n" : ",\n", file)
            _ = put(PrettyJSONWriter.quoted(name)[...])
        }
        fputs("\n],\n\"forms\" : [\n", file)
        var first = true
        let complete = forms { bytes in
            if !first { fputs(",\n", file) }
            first = false
            return put(bytes) && ferror(file) == 0
        }
        fputs("\n],\n\"errors\" : ", file)
        _ = put(errorsJSON(errors)[...])
        fputs("\n}\n", file)
        let written = ferror(file) == 0
        let closed = fclose(file) == 0
        guard complete, written, closed else {
            unlink(path)
            throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path))
        }
    }

    /// The errors as a JSON array, each an object of "code", "message", "place", "source".
    static func errorsJSON(_ errors: [SummaryError]) -> [UInt8] {
        var w = PrettyJSONWriter(capacity: 64 + 256 * errors.count)
        w.array(errors) { w, error in
            w.object { w in
                w.key("code"); w.string(error.code.rawValue)
                w.key("message"); w.string(error.message)
                w.key("place"); w.string(error.place)
                w.key("source"); w.string(error.source)
            }
        }
        return w.bytes
    }

    /// Waits (a few milliseconds at most) until the clock that stamps files has passed the
    /// status-change time of every output, so that report.json's own time is strictly later
    /// than theirs: a later run then tells our outputs (earlier than the report) from a file the
    /// user put there afterwards (as late as the report or later, even on a reused inode number
    /// within the same clock tick).
    static func waitUntilTimestampsPass(outputs: [String], in outputDirectory: String) {
        var latest = timespec()
        for name in outputs {
            var entry = stat()
            if lstat((outputDirectory as NSString).appendingPathComponent(name), &entry) == 0,
               (entry.st_ctim.tv_sec, entry.st_ctim.tv_nsec) > (latest.tv_sec, latest.tv_nsec) {
                latest = entry.st_ctim
            }
        }
        for _ in 0..<200 {
            var now = timespec()
            clock_gettime(CLOCK_REALTIME_COARSE, &now)
            if (now.tv_sec, now.tv_nsec) > (latest.tv_sec, latest.tv_nsec) { return }
            var pause = timespec(tv_sec: 0, tv_nsec: 1_000_000)
            nanosleep(&pause, nil)
        }
    }

    /// Whether `file`'s status changed when or after `reference`'s did (a tie is a change: a
    /// doubt never goes against the user's file).
    static func changed(_ file: stat, after reference: stat) -> Bool {
        (file.st_ctim.tv_sec, file.st_ctim.tv_nsec) >= (reference.st_ctim.tv_sec, reference.st_ctim.tv_nsec)
    }

    /// The "outputs" list at the head of a report.json, read a block at a time until the list
    /// ends; nil when the file does not start as selfeval's report.json does.
    static func outputsListed(in path: String) -> [String]? {
        let fd = open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK)
        guard fd >= 0 else { return nil }
        defer { close(fd) }
        let header = Array("{\n\"outputs\" : [".utf8)
        var bytes: [UInt8] = []
        var block = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            if let end = findListEnd(bytes, after: header.count) { return decodeNames(bytes[header.count..<end]) }
            if bytes.count >= header.count, !bytes.starts(with: header) { return nil }
            if bytes.count > 64 << 20 { return nil }
            let n = block.withUnsafeMutableBytes { read(fd, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { return nil }
            bytes.append(contentsOf: block[0..<n])
        }
    }

    /// Where the outputs list closes: the first "\n]" after the header.
    private static func findListEnd(_ bytes: [UInt8], after start: Int) -> Int? {
        (start..<max(start, bytes.count - 1)).first { bytes[$0] == 0x0A && bytes[$0 + 1] == UInt8(ascii: "]") }
    }

    /// The names of the list's lines (`"name",`); nil when one is not a JSON string.
    private static func decodeNames(_ list: ArraySlice<UInt8>) -> [String]? {
        var names: [String] = []
        for line in list.split(separator: 0x0A) {
            var item = line
            if item.last == UInt8(ascii: ",") { item = item.dropLast() }
            guard let name = try? JSONDecoder().decode(String.self, from: Data(item)) else { return nil }
            names.append(name)
        }
        return names
    }
}
