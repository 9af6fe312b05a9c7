import Foundation

/// The files an upload is written to for the reader (which reads from a path), reused from one
/// upload to the next: `scratch/TAG-N.upload`, one per job under way. Creating a file per upload
/// cost more than scoring it (a new inode each time); overwriting one of a few does not.
final class ScratchFiles: @unchecked Sendable {
    let folder: String
    /// Tells this instance's files from another's over the same folder.
    let tag = Secrets.token(bytes: 4)
    private let lock = NSLock()
    private var free: [String] = []
    private var made = 0

    init(folder: String) {
        self.folder = folder
    }

    /// A scratch path no other job holds.
    func take() -> String {
        lock.withLock {
            if let path = free.popLast() { return path }
            made += 1
            return folder + "/\(tag)-\(made).upload"
        }
    }

    /// Puts `bytes` in the scratch file `path`: written over the old content from the start, then
    /// cut to their length (a file truncated to nothing and written again is flushed to disk at
    /// close by ext4, which costs more than the rest of the write); false on an error.
    func write(_ bytes: [UInt8], to path: String) -> Bool {
        let fd = open(path, O_WRONLY | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { return false }
        defer { close(fd) }
        let written = bytes.withUnsafeBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let n = pwrite(fd, base + done, buffer.count - done, off_t(done))
                if n < 0 {
                    if errno == EINTR { continue }
                    return false
                }
                done += n
            }
            return true
        }
        return written && ftruncate(fd, off_t(bytes.count)) == 0
    }

    /// Gives `path` back for the next job.
    func give(_ path: String) {
        lock.withLock { free.append(path) }
    }
}
