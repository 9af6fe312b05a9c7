import Foundation
import SelfEvaluation

/// Writing output safely: through a temporary file in the target's folder and a rename, so a
/// failure leaves no partial file, and never over an input.
public enum AtomicFile {
    /// Most bytes in one file name (Linux's NAME_MAX).
    public static let nameMax = 255

    /// A temporary path beside `destination` (same folder, so the rename is atomic), named
    /// `.NAME.PID-RANDOM.tmp`; NAME is shortened (on a character boundary, valid UTF-8) so that
    /// the temporary name never exceeds `nameMax` bytes, however long the destination's name.
    public static func temporaryPath(for destination: String) -> String {
        let url = URL(fileURLWithPath: destination)
        let dir = url.deletingLastPathComponent()
        let tail = ".\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8)).tmp"
        let name = OutputNaming.prefix(url.lastPathComponent, maxBytes: nameMax - 1 - tail.utf8.count)
        return dir.appendingPathComponent(".\(name)\(tail)").path
    }

    /// Whether `name` is one of `temporaryPath`'s names, made by the process `pid` (the PID is
    /// returned); used to remove what a killed run left behind.
    static func temporaryOwner(_ name: String) -> Int32? {
        guard name.hasPrefix("."), name.hasSuffix(".tmp") else { return nil }
        let body = name.dropLast(4)
        guard let dot = body.lastIndex(of: ".") else { return nil }
        let tag = body[body.index(after: dot)...]
        let parts = tag.split(separator: "-")
        guard parts.count == 2, parts[1].count == 8, parts[1].allSatisfy(\.isHexDigit) else { return nil }
        return Int32(parts[0])
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

    /// Writes `bytes` to `path` in place (created or truncated), without a temporary file of its
    /// own: for the temporary files themselves and for scratch files in a batch's staging folder.
    /// No sync, as for the workbooks libxlsxwriter writes: the rename that follows is what makes
    /// a file appear. (`Data.write` would sync each file, which costs a batch dearly.)
    public static func writeDirectly(_ bytes: [UInt8], to path: String) throws(ConversionError) {
        let fd = open(path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o644)
        guard fd >= 0 else { throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path)) }
        let written = writeAll(fd, bytes, at: 0)
        let closed = close(fd) == 0
        guard written, closed else {
            unlink(path)
            throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path))
        }
    }

    /// Writes all of `bytes` to `fd` at `offset` (retrying short writes and EINTR); false on error.
    package static func writeAll(_ fd: Int32, _ bytes: [UInt8], at offset: Int64) -> Bool {
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

    /// Checks `destination` against `rule` (an existing file that may not be replaced is refused
    /// before anything is written), calls `produce` with a temporary path, then puts it in place;
    /// the temporary file is removed when `produce` or the placing fails.
    public static func write(to destination: String, rule: OutputGuard = OutputGuard(),
                             _ produce: (String) throws(ConversionError) -> Void) throws(ConversionError) {
        let verdict = try rule.require(destination)
        let temporary = temporaryPath(for: destination)
        TemporaryFiles.shared.add(temporary)
        defer { TemporaryFiles.shared.remove(temporary) }
        do {
            try produce(temporary)
        } catch {
            unlink(temporary)
            throw error
        }
        try rule.place(temporary, at: destination, verdict: verdict)
    }
}
