import Conversion
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

    /// Redraws the line, at most ten times a second (and always at the last form).
    func update(_ p: Batch.Progress) {
        lock.withLock {
            let now = Date()
            guard p.done == p.total || now.timeIntervalSince(lastDraw) >= 0.1 else { return }
            lastDraw = now
            let rate = Double(p.done) / max(now.timeIntervalSince(start), 0.001)
            StandardStreams.errRaw(CLIWords.progress(done: p.done, total: p.total, rate: rate, failed: p.failed))
        }
    }

    func finish() {
        StandardStreams.errRaw("\n")
    }
}
