import Foundation

/// Vocabulary words prepared once for substring searches.
///
/// When the searched text and every word are made of simple scalars (see `SimpleScalar`), a
/// UTF-8 byte search finds exactly what Foundation's `contains`/`replacingOccurrences` find:
/// each scalar is a character of its own and unchanged by canonical equivalence, and a UTF-8
/// match of a whole word always starts and ends on scalar boundaries. Otherwise the searches
/// fall back to Foundation's, as the callers did before.
struct SearchWords: Sendable {
    /// The words, in their order.
    let words: [String]
    /// Their UTF-8 bytes.
    private let bytes: [[UInt8]]
    /// Whether every word is non-empty and simple.
    private let allSimple: Bool

    init(_ words: [String]) {
        self.words = words
        self.bytes = words.map { Array($0.utf8) }
        self.allSimple = words.allSatisfy { !$0.isEmpty && SimpleScalar.isSimple($0) }
    }

    /// The first word (in order) that `text` contains.
    func first(in text: String) -> String? {
        guard allSimple, SimpleScalar.isSimple(text) else { return words.first(where: text.contains) }
        var text = text
        return text.withUTF8 { haystack in
            bytes.indices.first { ByteSearch.contains(haystack, bytes[$0]) }.map { words[$0] }
        }
    }

    /// Whether `text` contains any of the words.
    func anyIn(_ text: String) -> Bool { first(in: text) != nil }

    /// The first word `text` (already simple, as bytes) contains: for callers that prepared
    /// the bytes themselves. Requires `isUsableOnSimpleText`.
    func first(inSimpleBytes haystack: [UInt8]) -> String? {
        haystack.withUnsafeBufferPointer { buffer in
            bytes.indices.first { ByteSearch.contains(buffer, bytes[$0]) }.map { words[$0] }
        }
    }

    /// Every occurrence of each word removed in turn, left to right (as a chain of
    /// `replacingOccurrences(of: word, with: "")`). Requires `isUsableOnSimpleText`.
    func removingAll(fromSimpleBytes haystack: [UInt8]) -> [UInt8] {
        var text = haystack
        for word in bytes { text = ByteSearch.removingAll(word, from: text) }
        return text
    }

    /// Whether the byte searches may be used on simple text.
    var isUsableOnSimpleText: Bool { allSimple }
}

/// Naive substring search on UTF-8 bytes (the texts are short cells).
enum ByteSearch {
    /// Whether `needle` (non-empty) occurs in `haystack`.
    static func contains(_ haystack: UnsafeBufferPointer<UInt8>, _ needle: [UInt8]) -> Bool {
        firstIndex(of: needle, in: haystack, from: 0) != nil
    }

    /// `haystack` without any non-overlapping occurrence of `needle` (non-empty), left to right.
    static func removingAll(_ needle: [UInt8], from haystack: [UInt8]) -> [UInt8] {
        haystack.withUnsafeBufferPointer { buffer in
            guard var match = firstIndex(of: needle, in: buffer, from: 0) else { return haystack }
            var out: [UInt8] = []
            out.reserveCapacity(buffer.count)
            var start = 0
            while true {
                out.append(contentsOf: buffer[start..<match])
                start = match + needle.count
                guard let next = firstIndex(of: needle, in: buffer, from: start) else { break }
                match = next
            }
            out.append(contentsOf: buffer[start...])
            return out
        }
    }

    /// The first index at or after `start` where `needle` (non-empty) begins.
    static func firstIndex(of needle: [UInt8], in haystack: UnsafeBufferPointer<UInt8>, from start: Int) -> Int? {
        let n = needle.count
        guard n > 0, haystack.count - start >= n, let lead = needle.first else { return nil }
        return needle.withUnsafeBufferPointer { pattern -> Int? in
            var i = start
            let last = haystack.count - n
            while i <= last {
                if haystack[i] == lead {
                    var k = 1
                    while k < n, haystack[i + k] == pattern[k] { k += 1 }
                    if k == n { return i }
                }
                i += 1
            }
            return nil
        }
    }
}
