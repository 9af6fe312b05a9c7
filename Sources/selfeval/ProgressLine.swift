import Foundation

/// A progress line on stderr (count, rate, errors), only when stderr is a terminal.
final class ProgressLine: @unchecked Sendable {
    private let lock = NSLock()
    private let start = Date()
    private var lastDraw = Date.distantPast

    /// A progress line when stderr is a terminal; nil otherwise (silent).
    static func forStandardError() -> ProgressLine? {
        isatty(STDERR_FILENO) == 1 ? ProgressLine() : nil
    }

    func update(done: Int, total: Int, failed: Int) {
        lock.lock()
        defer { lock.unlock() }
        let now = Date()
        guard done == total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
        lastDraw = now
        let elapsed = max(now.timeIntervalSince(start), 0.001)
        let rate = Double(done) / elapsed
        let line = CLIWords.progress(done: done, total: total, rate: rate, failed: failed)
        StandardStreams.errRaw(line)
    }

    func finish() {
        StandardStreams.errRaw("\n")
    }
}
