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
        let errors = assembly.errors
        waitUntilTimestampsPass(outputs: assembly.written, in: outputDirectory)
        do throws(ConversionError) {
            try AtomicFile.write(to: path, rule: assembly.rule) { (temporary: String) throws(ConversionError) in
                try writeReport(to: temporary, outputs: outputs, errors: errors) { emit in
                    for entry in results.entries(files) {
                        guard let record = entry.result.record, let spool = spools[Int(record.spool)],
                              let bytes = spool.report(record) else { continue }
                        guard emit(bytes[...]) else { return false }
                    }
                    return true
                }
            }
            assembly.recordWritten(Batch.reportName)
            return path
        } catch {
            guard error.diagnostic.code == .writeFailed else {  // refused: a file not ours holds the name
                assembly.errors.append(SummaryError(source: path, place: "", code: error.diagnostic.code, message: error.diagnostic.message))
                return path
            }
        }
        // The disk is full (or the file could not be written): give back the reserve, and write
        // what was and was not written.
        unlink(reservePath(staging))
        let reason = String(cString: strerror(ENOSPC))
        let shortened = SummaryError(source: path, place: "", code: .reportShortened, message: OutputMessage.reportShortened(reason))
        assembly.errors.append(shortened)
        let shortErrors = assembly.errors
        do throws(ConversionError) {
            try AtomicFile.write(to: path, rule: assembly.rule) { (temporary: String) throws(ConversionError) in
                try writeReport(to: temporary, outputs: outputs, errors: shortErrors) { _ in true }
            }
            assembly.recordWritten(Batch.reportName)
        } catch {
            assembly.errors.append(SummaryError(source: path, place: "", code: error.diagnostic.code, message: error.diagnostic.message))
        }
        return path
    }

    /// Writes the report to `path`: the outputs, the forms `forms` emits (it calls `emit` with
    /// each form's report bytes and stops when `emit` returns false), the errors.
    static func writeReport(to path: String, outputs: [String], errors: [SummaryError],
                            forms: (_ emit: (ArraySlice<UInt8>) -> Bool) -> Bool) throws(ConversionError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path)) }
        var out = BufferedOutput(fd: fd)
        out.append("{\n\"outputs\" : [")
        for (i, name) in outputs.enumerated() {
            out.append(i == 0 ? "\n" : ",\n")
            out.append(PrettyJSONWriter.quoted(name))
        }
        out.append("\n],\n\"forms\" : [\n")
        var first = true
        let complete = forms { bytes in
            if !first { out.append(",\n") }
            first = false
            out.append(bytes)
            return out.ok
        }
        out.append("\n],\n\"errors\" : ")
        out.append(errorsJSON(errors))
        out.append("\n}\n")
        out.flush()
        let closed = close(fd) == 0
        guard complete, out.ok, closed else {
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

/// Bytes written to a descriptor in blocks; `ok` turns false at the first failed write (ENOSPC …).
private struct BufferedOutput {
    let fd: Int32
    var buffer: [UInt8] = []
    var offset: Int64 = 0
    private(set) var ok = true

    init(fd: Int32) {
        self.fd = fd
        buffer.reserveCapacity(1 << 20)
    }

    mutating func append(_ text: String) { append(Array(text.utf8)[...]) }
    mutating func append(_ bytes: [UInt8]) { append(bytes[...]) }

    mutating func append(_ bytes: ArraySlice<UInt8>) {
        buffer.append(contentsOf: bytes)
        if buffer.count >= 1 << 20 { flush() }
    }

    mutating func flush() {
        guard ok, !buffer.isEmpty else {
            buffer.removeAll(keepingCapacity: true)
            return
        }
        ok = AtomicFile.writeAll(fd, buffer, at: offset)
        offset += Int64(buffer.count)
        buffer.removeAll(keepingCapacity: true)
    }
}
