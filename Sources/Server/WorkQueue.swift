import Foundation
import NIOCore

/// Blocking CPU work (scoring an upload, writing a version's folder) off the server's event
/// loops, on `width` threads of its own (the machine's cores), first come first served.
///
/// A hundred uploads at once then run two at a time, each at full speed, instead of a hundred
/// sharing two cores and all finishing late together: the queue's median is about half of
/// processor sharing's. Background work (the version folders written after the answer) runs only
/// when no urgent job has come or ended for `idle` seconds, and on one thread at most, so under
/// a burst of uploads it waits for the burst to end, and it never delays an answer by more than
/// the one job under way.
public final class WorkQueue: @unchecked Sendable {
    /// Threads.
    public let width: Int
    /// How long the queue must have had no urgent job before a background job starts.
    public let idle: TimeInterval
    private let condition = NSCondition()
    private var started = false
    private var backgroundRunning = 0
    private var lastUrgent = Date.distantPast
    private var urgent = CircularBuffer<@Sendable () -> Void>()
    private var background = CircularBuffer<@Sendable () -> Void>()

    /// A queue of `width` threads (at least one; started at the first job, kept for the life of the
    /// process); by default the machine's active cores.
    public init(width: Int = ProcessInfo.processInfo.activeProcessorCount, idle: TimeInterval = 0.05) {
        self.width = max(1, width)
        self.idle = max(0, idle)
    }

    /// Runs `work` when its turn comes and returns its result.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T { await runAll([work])[0] }

    /// Queues every job of `works` at once (they run side by side as threads come free) and
    /// returns their results in the order given, resuming the caller once, when the last ends:
    /// no task per job.
    public func runAll<T: Sendable>(_ works: [@Sendable () -> T]) async -> [T] {
        guard !works.isEmpty else { return [] }
        return await withCheckedContinuation { continuation in
            let gather = Gather<T>(count: works.count, continuation: continuation)
            condition.lock()
            for (index, work) in works.enumerated() {
                enqueue(background: false) { gather.put(work(), at: index) }
            }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// Queues `work` behind every urgent job; it is not awaited.
    public func runInBackground(_ work: @escaping @Sendable () -> Void) {
        condition.lock()
        enqueue(background: true, work)
        condition.broadcast()
        condition.unlock()
    }

    /// Jobs waiting (urgent, background), for tests.
    public var waiting: (urgent: Int, background: Int) {
        condition.lock()
        defer { condition.unlock() }
        return (urgent.count, background.count)
    }

    /// Adds `job` to its list, starting the threads at the first job; the caller holds the lock
    /// and broadcasts.
    private func enqueue(background isBackground: Bool, _ job: @escaping @Sendable () -> Void) {
        if !started {
            started = true
            for index in 0..<width {
                let thread = Thread { self.work() }  // the threads live as long as the process
                thread.name = "selfeval-work-\(index)"
                thread.start()
            }
        }
        if isBackground {
            background.append(job)
        } else {
            urgent.append(job)
            lastUrgent = Date()
        }
    }

    /// A thread's loop: the next urgent job, else the next background job when none runs and
    /// the queue has been idle long enough; else wait.
    private func work() {
        while true {
            condition.lock()
            var next: (job: @Sendable () -> Void, background: Bool)?
            while next == nil {
                if let job = urgent.popFirst() {
                    next = (job, false)
                } else if !background.isEmpty, backgroundRunning == 0 {
                    let due = lastUrgent.addingTimeInterval(idle)
                    if Date() >= due, let job = background.popFirst() {
                        backgroundRunning += 1
                        next = (job, true)
                    } else {
                        _ = condition.wait(until: due)
                    }
                } else {
                    condition.wait()
                }
            }
            condition.unlock()
            guard let next else { continue }
            next.job()
            condition.lock()
            if next.background { backgroundRunning -= 1 } else { lastUrgent = Date() }
            condition.broadcast()
            condition.unlock()
        }
    }

    /// The results of ``runAll(_:)``'s jobs as they end; the last one resumes the caller.
    private final class Gather<T: Sendable>: @unchecked Sendable {
        private let lock = NSLock()
        private var results: [T?]
        private var remaining: Int
        private let continuation: CheckedContinuation<[T], Never>

        init(count: Int, continuation: CheckedContinuation<[T], Never>) {
            results = Array(repeating: nil, count: count)
            remaining = count
            self.continuation = continuation
        }

        func put(_ result: T, at index: Int) {
            lock.lock()
            results[index] = result
            remaining -= 1
            let done = remaining == 0 ? results.compactMap { $0 } : nil
            lock.unlock()
            if let done { continuation.resume(returning: done) }
        }
    }
}
