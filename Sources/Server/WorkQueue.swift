import Foundation

/// Blocking CPU work (scoring an upload, writing a workbook) off the server's event loops, on at
/// most `width` threads at once (the machine's cores), first come first served.
///
/// A hundred uploads at once then run two at a time, each at full speed, instead of a hundred
/// sharing two cores and all finishing late together: the queue's median is about half of
/// processor sharing's. Background work (the version folders written after the answer) runs only
/// when no urgent work has come for `idle` seconds, and on at most one thread, so under a burst
/// of uploads it waits for the burst to end, and it never delays an answer by more than the one
/// job under way.
public final class WorkQueue: @unchecked Sendable {
    /// Threads running at most.
    public let width: Int
    /// How long no urgent job must have come before a background job starts.
    public let idle: TimeInterval
    private let lock = NSLock()
    private var lastUrgent = DispatchTime(uptimeNanoseconds: 0)
    private var wakeScheduled = false
    private var running = 0
    private var backgroundRunning = 0
    private var urgent = Deque()
    private var background = Deque()

    /// A queue of `width` threads (at least one); by default the machine's active cores.
    public init(width: Int = ProcessInfo.processInfo.activeProcessorCount, idle: TimeInterval = 0.05) {
        self.width = max(1, width)
        self.idle = max(0, idle)
    }

    /// Runs `work` when its turn comes and returns its result.
    public func run<T: Sendable>(_ work: @escaping @Sendable () -> T) async -> T {
        await withCheckedContinuation { continuation in
            submit(background: false) { continuation.resume(returning: work()) }
        }
    }

    /// Queues `work` behind every urgent job; it is not awaited.
    public func runInBackground(_ work: @escaping @Sendable () -> Void) {
        submit(background: true, work)
    }

    /// Jobs waiting (urgent, background), for tests and the bureau's page.
    public var waiting: (urgent: Int, background: Int) {
        lock.withLock { (urgent.count, background.count) }
    }

    private func submit(background isBackground: Bool, _ job: @escaping @Sendable () -> Void) {
        let start: Bool = lock.withLock {
            if isBackground {
                background.append(job)
                return false
            }
            lastUrgent = .now()
            if running < width {
                running += 1
                return true
            }
            urgent.append(job)
            return false
        }
        if start { launch(job, background: false) }
        if isBackground { startBackground() }
    }

    /// Starts the next background job if a thread is free, none runs, no urgent job waits, and
    /// none has come for `idle` seconds; otherwise looks again when that time is up.
    private func startBackground() {
        enum Step { case start(@Sendable () -> Void), wait(DispatchTime), nothing }
        let step: Step = lock.withLock {
            guard background.count > 0, backgroundRunning == 0, running < width, urgent.count == 0 else { return .nothing }
            let due = lastUrgent + idle
            if due > .now() {
                if wakeScheduled { return .nothing }
                wakeScheduled = true
                return .wait(due)
            }
            guard let job = background.popFirst() else { return .nothing }
            running += 1
            backgroundRunning += 1
            return .start(job)
        }
        switch step {
        case .start(let job): launch(job, background: true)
        case .wait(let due):
            DispatchQueue.global(qos: .utility).asyncAfter(deadline: due) {
                self.lock.withLock { self.wakeScheduled = false }
                self.startBackground()
            }
        case .nothing: break
        }
    }

    private func launch(_ job: @escaping @Sendable () -> Void, background isBackground: Bool) {
        DispatchQueue.global(qos: isBackground ? .utility : .userInitiated).async {
            job()
            self.finished(background: isBackground)
        }
    }

    /// A thread is free: the next urgent job, else (perhaps) the next background job.
    private func finished(background wasBackground: Bool) {
        let next: (@Sendable () -> Void)? = lock.withLock {
            if wasBackground { backgroundRunning -= 1 }
            if let job = urgent.popFirst() { return job }
            running -= 1
            return nil
        }
        if let next { launch(next, background: false) } else { startBackground() }
    }

    /// A first-in-first-out list of jobs (amortised O(1) at both ends).
    private struct Deque {
        private var items: [@Sendable () -> Void] = []
        private var head = 0

        var count: Int { items.count - head }

        mutating func append(_ job: @escaping @Sendable () -> Void) { items.append(job) }

        mutating func popFirst() -> (@Sendable () -> Void)? {
            guard head < items.count else { return nil }
            let job = items[head]
            head += 1
            if head > 64, head * 2 > items.count {
                items.removeFirst(head)
                head = 0
            }
            return job
        }
    }
}
