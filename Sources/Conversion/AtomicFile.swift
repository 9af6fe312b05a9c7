import Foundation
import SelfEvaluation

/// Writing output safely: through a temporary file in the target's folder and a rename, so a
/// failure leaves no partial file, and never over an input.
public enum AtomicFile {
    /// A temporary path beside `destination` (same folder, so the rename is atomic).
    public static func temporaryPath(for destination: String) -> String {
        let url = URL(fileURLWithPath: destination)
        let dir = url.deletingLastPathComponent()
        return dir.appendingPathComponent(".\(url.lastPathComponent).\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp").path
    }

    /// Whether two paths name the same file (after resolving links); false when either is missing.
    public static func sameFile(_ a: String, _ b: String) -> Bool {
        let ra = URL(fileURLWithPath: a).resolvingSymlinksInPath().standardizedFileURL.path
        let rb = URL(fileURLWithPath: b).resolvingSymlinksInPath().standardizedFileURL.path
        if ra == rb { return true }
        var sa = stat(), sb = stat()
        guard stat(ra, &sa) == 0, stat(rb, &sb) == 0 else { return false }
        return sa.st_dev == sb.st_dev && sa.st_ino == sb.st_ino
    }

    /// Writes `bytes` to `destination` through a temporary file and a rename.
    public static func write(_ bytes: [UInt8], to destination: String) throws(ConversionError) {
        try write(to: destination) { temporary throws(ConversionError) in
            try writeDirectly(bytes, to: temporary)
        }
    }

    /// Writes `bytes` to `path` in place (created or truncated), without a temporary file of its
    /// own: for the temporary files themselves and for scratch files in a batch's staging folder.
    /// No sync, as for the workbooks libxlsxwriter writes: the rename that follows is what makes
    /// a file appear. (`Data.write` would sync each file, which costs a batch dearly.)
    public static func writeDirectly(_ bytes: [UInt8], to path: String) throws(ConversionError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ConversionError(.writeFailed, path: path, Vocabulary.ConversionMessage.cannotWrite(path)) }
        let written = writeAll(fd, bytes, at: 0)
        let closed = close(fd) == 0
        guard written, closed else {
            unlink(path)
            throw ConversionError(.writeFailed, path: path, Vocabulary.ConversionMessage.cannotWrite(path))
        }
    }

    /// Writes all of `bytes` to `fd` at `offset` (retrying short writes and EINTR); false on error.
    static func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int64) -> Bool {
        bytes.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let n = pwrite(fd, base + done, buffer.count - done, off_t(offset) + off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
    }

    /// Calls `produce` with a temporary path, then renames it onto `destination`; the temporary
    /// file is removed when `produce` or the rename fails.
    public static func write(to destination: String,
                             _ produce: (String) throws(ConversionError) -> Void) throws(ConversionError) {
        let temporary = temporaryPath(for: destination)
        do {
            try produce(temporary)
        } catch {
            try? FileManager.default.removeItem(atPath: temporary)
            throw error
        }
        if rename(temporary, destination) != 0 {
            let reason = String(cString: strerror(errno))
            try? FileManager.default.removeItem(atPath: temporary)
            throw ConversionError(.writeFailed, path: destination, Vocabulary.ConversionMessage.cannotRename(reason))
        }
    }
}
