import Foundation
import Server
import Testing
import TestSupport

/// The queue of blocking work: never more jobs at once than its width, urgent jobs before
/// background ones, background jobs one at a time and only after `idle` seconds without urgent work.
@Suite("Work queue")
struct WorkQueueTests {
    /// Counts the jobs running at once.
    final class Meter: @unchecked Sendable {
        let lock = NSLock()
        var now = 0, most = 0, done: [String] = []
        func enter() { lock.withLock { now += 1; most = max(most, now) } }
        func leave(_ name: String) { lock.withLock { now -= 1; done.append(name) } }
    }

    @Test("width bounds the jobs at once, and is reached", arguments: [1, 2, 3, 5])
    func widthIsTheBound(_ width: Int) async {
        let queue = WorkQueue(width: width, idle: 0)
        let meter = Meter()
        var generator = SeededGenerator(seed: UInt64(width))
        let pauses = (0..<(width * 6)).map { _ in UInt32.random(in: 5_000...15_000, using: &generator) }
        await withTaskGroup(of: Void.self) { group in
            for (i, pause) in pauses.enumerated() {
                group.addTask {
                    await queue.run {
                        meter.enter()
                        usleep(pause)
                        meter.leave("\(i)")
                    }
                }
            }
        }
        #expect(meter.most == width)
        #expect(meter.done.count == pauses.count)
    }

    /// A job that holds the queue's only thread until `release` is signalled.
    static func block(_ queue: WorkQueue, _ release: DispatchSemaphore, _ meter: Meter) -> Task<Void, Never> {
        Task { await queue.run { meter.enter(); release.wait(); meter.leave("block") } }
    }

    static func until(_ condition: () -> Bool) async {
        for _ in 0..<2_000 where !condition() { try? await Task.sleep(nanoseconds: 1_000_000) }
    }

    @Test("urgent jobs waiting go first, in their order; background jobs after them, one at a time, after the idle time")
    func urgentFirstThenBackground() async {
        let queue = WorkQueue(width: 1, idle: 0.2)
        let meter = Meter()
        let release = DispatchSemaphore(value: 0)
        let blocker = Self.block(queue, release, meter)
        await Self.until { meter.lock.withLock { meter.now == 1 } }
        queue.runInBackground { meter.enter(); meter.leave("b1") }
        queue.runInBackground { meter.enter(); meter.leave("b2") }
        var urgent: [Task<Void, Never>] = []
        for i in 1...3 {
            urgent.append(Task { await queue.run { meter.enter(); meter.leave("u\(i)") } })
            await Self.until { queue.waiting.urgent == i }
        }
        #expect(queue.waiting.urgent == 3 && queue.waiting.background == 2)
        let released = Date()
        release.signal()
        await blocker.value
        for t in urgent { await t.value }
        await Self.until { meter.lock.withLock { meter.done.count == 6 } }
        let waited = Date().timeIntervalSince(released)
        #expect(meter.done == ["block", "u1", "u2", "u3", "b1", "b2"])
        #expect(meter.most == 1)
        #expect(waited >= 0.2, "the background jobs waited for the queue to be idle")
    }

    @Test("background jobs alone run, one at a time, on a wide queue too")
    func backgroundAlone() async {
        let queue = WorkQueue(width: 4, idle: 0)
        let meter = Meter()
        for i in 0..<8 { queue.runInBackground { meter.enter(); usleep(2_000); meter.leave("b\(i)") } }
        await Self.until { meter.lock.withLock { meter.done.count == 8 } }
        #expect(meter.done == (0..<8).map { "b\($0)" })
        #expect(meter.most == 1)
    }

    @Test("an urgent job that comes while a background job runs gets a free thread at once")
    func urgentBesideBackground() async {
        let queue = WorkQueue(width: 2, idle: 0)
        let meter = Meter()
        let release = DispatchSemaphore(value: 0)
        queue.runInBackground { meter.enter(); release.wait(); meter.leave("b") }
        await Self.until { meter.lock.withLock { meter.now == 1 } }
        await queue.run { meter.enter(); meter.leave("u") }
        #expect(meter.lock.withLock { meter.done } == ["u"])
        release.signal()
        await Self.until { meter.lock.withLock { meter.done.count == 2 } }
        #expect(meter.done == ["u", "b"])
    }

    @Test("runAll returns every job's result in the order given, the jobs side by side up to the width",
          arguments: [(0, 2), (1, 1), (1, 3), (5, 2), (12, 3)])
    func runAllKeepsOrder(_ count: Int, _ width: Int) async {
        let queue = WorkQueue(width: width, idle: 0)
        let meter = Meter()
        var generator = SeededGenerator(seed: UInt64(count * 10 + width))
        let pauses = (0..<count).map { _ in UInt32.random(in: 1_000...15_000, using: &generator) }
        let jobs: [@Sendable () -> String] = pauses.enumerated().map { i, pause in
            { meter.enter(); usleep(pause); meter.leave("\(i)"); return "r\(i)" }
        }
        let results = await queue.runAll(jobs)
        #expect(results == (0..<count).map { "r\($0)" })
        #expect(meter.lock.withLock { meter.done.count } == count, "every job ended before runAll returned")
        #expect(meter.most == min(count, width))
    }
}
