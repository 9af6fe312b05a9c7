/// Comparisons of strings' UTF-8 bytes on their contiguous storage (the generic `UTF8View`
/// algorithms validate an index per byte).
enum UTF8Bytes {
    /// Whether `a` and `b` have the same bytes.
    static func equal(_ a: String, _ b: String) -> Bool {
        let x = a.utf8, y = b.utf8
        guard x.count == y.count else { return false }
        return compare(x, y, count: y.count, atEnd: false)
    }

    /// Whether `text`'s bytes start with `prefix`'s.
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        let x = text.utf8, y = prefix.utf8
        guard x.count >= y.count else { return false }
        return compare(x, y, count: y.count, atEnd: false)
    }

    /// Whether `text`'s bytes end with `suffix`'s.
    static func hasSuffix(_ text: String, _ suffix: String) -> Bool {
        let x = text.utf8, y = suffix.utf8
        guard x.count >= y.count else { return false }
        return compare(x, y, count: y.count, atEnd: true)
    }

    /// Whether the first (or last) `count` bytes of `x` are `y`'s (`y.count == count`).
    private static func compare(_ x: String.UTF8View, _ y: String.UTF8View, count: Int, atEnd: Bool) -> Bool {
        let fast = x.withContiguousStorageIfAvailable { p in
            y.withContiguousStorageIfAvailable { q in
                let start = atEnd ? p.count - count : 0
                var i = 0
                while i < count {
                    if p[start + i] != q[i] { return false }
                    i += 1
                }
                return true
            }
        }
        if let fast, let result = fast { return result }
        if atEnd { return x.dropFirst(x.count - count).elementsEqual(y) }
        return x.prefix(count).elementsEqual(y)
    }
}
