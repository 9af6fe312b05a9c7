import Foundation

/// A file's bytes, read with POSIX calls (one fstat and the reads, where FileManager and
/// FileHandle cost several system calls more per file) and at most `limit` + 1 of them, so that
/// a file above the limit, or one that grew past it, is known as such.
public enum FileBytes {
    /// Why a file was not read: an `errno`, or the `st_mode` of what is not a regular file.
    public enum Failure: Error {
        case errno(Int32)
        case notRegular(mode_t)
    }

    /// The bytes and size of the regular file open as `fd` (closed here; -1 with `errno` set when
    /// the open failed). Open it with O_NONBLOCK: a FIFO must not block the open (it is refused).
    public static func read(_ fd: Int32, limit: Int) -> Result<(bytes: [UInt8], size: Int), Failure> {
        guard fd >= 0 else { return .failure(.errno(errno)) }
        defer { close(fd) }
        var info = stat()
        guard fstat(fd, &info) == 0 else { return .failure(.errno(errno)) }
        guard info.st_mode & S_IFMT == S_IFREG else { return .failure(.notRegular(info.st_mode)) }
        let size = Int(info.st_size)
        if size > limit { return .success(([], size)) }
        var bytes = [UInt8](repeating: 0, count: max(size, 0) + 1)
        var count = 0
        while true {
            if count == bytes.count {
                if count > limit { break }
                bytes += repeatElement(0, count: min(max(count, 4096), limit + 1 - count))
            }
            let n = bytes.withUnsafeMutableBytes { Foundation.read(fd, $0.baseAddress.map { $0 + count }, $0.count - count) }
            if n < 0, errno == EINTR { continue }
            if n < 0 { return .failure(.errno(errno)) }
            if n == 0 { break }
            count += n
        }
        bytes.removeSubrange(count...)
        return .success((bytes, max(size, count)))
    }
}
