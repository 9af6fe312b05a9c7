import Foundation
import SelfEvaluation

/// stdout and stderr, written with `write(2)` so that a failed write is an error we see, never a
/// trap (FileHandle.write traps on EBADF, ENOSPC or EPIPE).
///
/// - Text is escaped for the terminal (`TerminalText`): cell text in a message cannot clear the
///   screen or set the window title. The JSON report and the progress line go out as bytes.
/// - The first failed write on a stream stops further writes to it; ``exit(_:)`` then turns
///   it into exit status 1 (never 0) with a message on the other stream when that one still
///   works: `selfeval: error: [stdout-write-failed] …`.
/// - ``prepare()`` ignores SIGPIPE and SIGXFSZ (a closed pipe and `ulimit -f` become write
///   errors, reported as such) and puts /dev/null, read-only, on a closed descriptor 0, 1 or 2,
///   so that no file the program opens gets that number and writes to a closed stream fail.
final class StandardStreams: @unchecked Sendable {
    static let shared = StandardStreams()

    private let lock = NSLock()
    /// The errno of the first failed write, per descriptor (1, 2).
    private var failure: [Int32: Int32] = [:]
    /// The C `stderr` pipe's write end and the signal that its reader is done.
    private var cStandardError: (UnsafeMutablePointer<FILE>, DispatchSemaphore)?

    static func prepare() {
        signal(SIGPIPE, SIG_IGN)
        signal(SIGXFSZ, SIG_IGN)
        for fd: Int32 in [0, 1, 2] where fcntl(fd, F_GETFD) == -1 && errno == EBADF {
            let opened = open("/dev/null", O_RDONLY)
            if opened >= 0, opened != fd {
                dup2(opened, fd)
                close(opened)
            }
        }
        routeCStandardError()
    }

    /// C code (libxlsxwriter's `[ERROR] … 'PATH'` lines) prints to stdio's `stderr`. That
    /// stream is replaced by the write end of a pipe, whose other end a thread reads and passes
    /// on through ``err(_:)``: a path with an escape in it is shown escaped there too, and a
    /// failed write is counted. ``exit(_:)`` closes the pipe and waits for the thread.
    private static func routeCStandardError() {
        var ends: [Int32] = [0, 0]
        guard pipe(&ends) == 0 else { return }
        let (readEnd, writeEnd) = (ends[0], ends[1])
        _ = fcntl(readEnd, F_SETFD, FD_CLOEXEC)
        _ = fcntl(writeEnd, F_SETFD, FD_CLOEXEC)
        guard let stream = fdopen(writeEnd, "w") else {
            close(readEnd)
            close(writeEnd)
            return
        }
        setvbuf(stream, nil, _IOLBF, 4096)
        let done = DispatchSemaphore(value: 0)
        let thread = Thread {
            var pending: [UInt8] = []
            var chunk = [UInt8](repeating: 0, count: 4096)
            while true {
                let n = chunk.withUnsafeMutableBytes { Foundation.read(readEnd, $0.baseAddress, $0.count) }
                if n < 0, errno == EINTR { continue }
                if n <= 0 { break }
                pending += chunk[..<n]
                // Whole lines only, so a character is never cut in two.
                if let lastLine = pending.lastIndex(of: 0x0A) {
                    err(String(decoding: pending[...lastLine], as: UTF8.self))
                    pending.removeSubrange(...lastLine)
                }
            }
            if !pending.isEmpty { err(String(decoding: pending, as: UTF8.self)) }
            close(readEnd)
            done.signal()
        }
        thread.start()
        setCStandardError(stream)
        shared.lock.lock()
        shared.cStandardError = (stream, done)
        shared.lock.unlock()
    }

    /// Sets stdio's `stderr` variable, found by name (Swift 6 does not let a global C variable
    /// be assigned directly).
    private static func setCStandardError(_ stream: UnsafeMutablePointer<FILE>) {
        guard let variable = dlsym(UnsafeMutableRawPointer(bitPattern: 0), "stderr") else { return }
        variable.assumingMemoryBound(to: UnsafeMutablePointer<FILE>?.self).pointee = stream
    }

    /// Flushes and closes the C `stderr` pipe and waits until all it held has been passed on;
    /// `stderr` is then stdio's own stream on descriptor 2 again.
    private static func drainCStandardError() {
        shared.lock.lock()
        let route = shared.cStandardError
        shared.cStandardError = nil
        shared.lock.unlock()
        guard let (stream, done) = route else { return }
        // Descriptor 2 may be /dev/null opened read-only (it was closed): then stdio's stderr
        // becomes a write-only /dev/null, never the closed pipe.
        if let direct = fdopen(2, "w") ?? fopen("/dev/null", "w") { setCStandardError(direct) }
        fclose(stream)
        done.wait()
    }

    /// Text on stdout, escaped for the terminal.
    static func out(_ text: String) { shared.write(1, Array(TerminalText.escaped(text).utf8)) }

    /// Text on stderr, escaped for the terminal.
    static func err(_ text: String) { shared.write(2, Array(TerminalText.escaped(text).utf8)) }

    /// A finding on stderr as compilers print them: `FILE:ROW:COL: error|warning|note: [code] message`.
    static func err(_ diagnostic: Diagnostic) { err(diagnostic.description + "\n") }

    /// Bytes on stdout as they are (the JSON report: its own escapes already).
    static func outBytes(_ bytes: [UInt8]) { shared.write(1, bytes) }

    /// Text on stderr as it is (the progress line's carriage return).
    static func errRaw(_ text: String) { shared.write(2, Array(text.utf8)) }

    private func write(_ fd: Int32, _ bytes: [UInt8]) {
        lock.lock()
        defer { lock.unlock() }
        guard failure[fd] == nil else { return }
        var done = 0
        while done < bytes.count {
            let n = bytes.withUnsafeBytes { buffer -> Int in
                guard let base = buffer.baseAddress else { return 0 }
                return Foundation.write(fd, base + done, buffer.count - done)
            }
            if n < 0 {
                if errno == EINTR { continue }
                failure[fd] = errno
                return
            }
            if n == 0 {
                failure[fd] = EIO
                return
            }
            done += n
        }
    }

    /// Ends the process with `status` (0, 1 or 2), or 1 when a write to stdout or stderr failed,
    /// saying so where it still can be said.
    static func exit(_ status: Int32) -> Never {
        drainCStandardError()
        let failure = shared.lock.withLock { shared.failure }
        let words = Vocabulary.StreamMessage.self
        if let code = failure[1] { err(words.writeFailed(words.standardOutput, String(cString: strerror(code))) + "\n") }
        if let code = failure[2] { out(words.writeFailed(words.standardError, String(cString: strerror(code))) + "\n") }
        Foundation.exit(failure.isEmpty ? status : max(status, 1))
    }
}
