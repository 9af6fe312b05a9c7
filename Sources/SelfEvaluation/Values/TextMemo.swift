import Foundation

/// A bounded, thread-safe memo of a pure function of a text. Forms parse the same texts again
/// and again: a target or actual is parsed for scoring, for its joined text and for reports,
/// and the forms of one batch share many texts ("按时完成", "≥95%", "100"). The function must
/// depend on its text only, so that a remembered result is the result. Texts are told apart by
/// their UTF-8 bytes (`UTF8Key`), so each text gets exactly its own result.
public final class TextMemo<Value: Sendable>: @unchecked Sendable {
    /// Entries kept before the memo starts over (bounds memory on large batches).
    public let capacity: Int

    private let lock = NSLock()
    private var entries: [UTF8Key: Value] = [:]

    public init(capacity: Int = 4096) {
        self.capacity = capacity
    }

    /// The remembered value for `text`, or `make(text)`, remembered.
    public func value(for text: String, _ make: (String) -> Value) -> Value {
        lock.lock()
        let key = UTF8Key(text)
        let known = entries[key]
        lock.unlock()
        if let known { return known }
        let value = make(text)
        lock.lock()
        if entries.count >= capacity { entries.removeAll(keepingCapacity: true) }
        entries[key] = value
        lock.unlock()
        return value
    }
}
