/// A list of paths held as one block of UTF-8 bytes and their end offsets: a batch keeps its
/// input paths until the end, and ten thousand `String`s cost about twice the bytes they hold.
struct PathList: Sendable, RandomAccessCollection {
    private var bytes: [UInt8] = []
    private var ends: [Int] = []

    init<S: Sequence>(_ paths: S) where S.Element == String {
        for path in paths {
            bytes.append(contentsOf: path.utf8)
            ends.append(bytes.count)
        }
    }

    var startIndex: Int { 0 }
    var endIndex: Int { ends.count }

    subscript(index: Int) -> String {
        let start = index == 0 ? 0 : ends[index - 1]
        return String(decoding: bytes[start..<ends[index]], as: UTF8.self)
    }
}
