import CZlib

/// A ZIP archive held in memory (an .xlsx is at most `CSVLimits.maxBytes`), read through its
/// central directory; entries are inflated by zlib only when asked for, within limits that stop
/// a zip bomb before it is inflated: at most `maxEntries` entries, at most `maxTotalBytes` declared
/// for all of them, at most `maxRatio` : 1 for an entry above 1 MiB, and never more bytes than an
/// entry declares (its CRC-32 checked).
struct ZipArchive {
    /// One entry of the central directory.
    struct Entry {
        var name: String
        var method: UInt16
        var flags: UInt16
        var crc: UInt32
        var compressedSize: Int
        var size: Int
        var localOffset: Int
    }

    /// The limits on what an archive may hold.
    struct Limits {
        var maxEntries = 10_000
        var maxTotalBytes = 64 << 20
        var maxRatio = 200
    }

    let bytes: [UInt8]
    let file: String
    /// Entries by lower-cased name (OOXML part names are case-insensitive).
    private(set) var entries: [String: Entry] = [:]
    private(set) var names: [String] = []

    init(bytes: [UInt8], file: String, limits: Limits = Limits()) throws(SpreadsheetError) {
        self.bytes = bytes
        self.file = file
        try readDirectory(limits)
    }

    private func fail(_ code: String, _ message: String) -> SpreadsheetError {
        SpreadsheetError(code, file: file, message)
    }

    private func u16(_ at: Int) -> Int { Int(bytes[at]) | Int(bytes[at + 1]) << 8 }
    private func u32(_ at: Int) -> Int { u16(at) | u16(at + 2) << 16 }

    private mutating func readDirectory(_ limits: Limits) throws(SpreadsheetError) {
        let truncated = fail("xlsx-truncated", SpreadsheetMessage.truncated)
        guard bytes.count >= 22 else { throw truncated }
        // The end-of-central-directory record: within the last 22 + 65,535 bytes.
        var end = -1
        var at = bytes.count - 22
        let lowest = max(0, bytes.count - 22 - 65_535)
        while at >= lowest {
            if bytes[at] == 0x50, bytes[at + 1] == 0x4B, bytes[at + 2] == 0x05, bytes[at + 3] == 0x06 { end = at; break }
            at -= 1
        }
        guard end >= 0 else { throw truncated }
        let count = u16(end + 10)
        let directorySize = u32(end + 12)
        let directoryOffset = u32(end + 16)
        if count == 0xFFFF || directoryOffset == 0xFFFF_FFFF {
            throw fail("xlsx-corrupt", SpreadsheetMessage.zip64)
        }
        guard count <= limits.maxEntries else {
            throw fail("xlsx-too-many-entries", SpreadsheetMessage.tooManyEntries(count, limits.maxEntries))
        }
        guard directoryOffset + directorySize <= end else { throw truncated }
        var p = directoryOffset
        var total = 0
        for _ in 0..<count {
            guard p + 46 <= end, u32(p) == 0x0201_4B50 else { throw fail("xlsx-corrupt", SpreadsheetMessage.corruptDirectory) }
            let nameLength = u16(p + 28), extraLength = u16(p + 30), commentLength = u16(p + 32)
            guard p + 46 + nameLength + extraLength + commentLength <= end else {
                throw fail("xlsx-corrupt", SpreadsheetMessage.corruptDirectory)
            }
            let name = String(decoding: bytes[(p + 46)..<(p + 46 + nameLength)], as: UTF8.self)
            let entry = Entry(name: name, method: UInt16(u16(p + 10)), flags: UInt16(u16(p + 8)),
                              crc: UInt32(u32(p + 16)), compressedSize: u32(p + 20), size: u32(p + 24),
                              localOffset: u32(p + 42))
            total += entry.size
            guard total <= limits.maxTotalBytes else {
                throw fail("zip-bomb", SpreadsheetMessage.zipTooLarge(limits.maxTotalBytes))
            }
            if entry.size > 1 << 20, entry.size > limits.maxRatio * max(entry.compressedSize, 1) {
                throw fail("zip-bomb", SpreadsheetMessage.zipRatio(name, limits.maxRatio))
            }
            let key = name.lowercased()
            if entries[key] != nil { throw fail("xlsx-corrupt", SpreadsheetMessage.duplicateEntry(name)) }
            entries[key] = entry
            names.append(name)
            p += 46 + nameLength + extraLength + commentLength
        }
    }

    /// Whether the archive has an entry of this name (any case).
    func contains(_ name: String) -> Bool { entries[name.lowercased()] != nil }

    /// The inflated bytes of an entry, or nil when there is none.
    func data(_ name: String) throws(SpreadsheetError) -> [UInt8]? {
        guard let entry = entries[name.lowercased()] else { return nil }
        if entry.flags & 1 != 0 { throw fail("encrypted-workbook", SpreadsheetMessage.encrypted) }
        let p = entry.localOffset
        guard p + 30 <= bytes.count, u32(p) == 0x0403_4B50 else { throw fail("xlsx-truncated", SpreadsheetMessage.truncated) }
        let start = p + 30 + u16(p + 26) + u16(p + 28)
        guard start + entry.compressedSize <= bytes.count else { throw fail("xlsx-truncated", SpreadsheetMessage.truncated) }
        let out: [UInt8]
        switch entry.method {
        case 0:
            guard entry.compressedSize == entry.size else { throw fail("xlsx-corrupt", SpreadsheetMessage.corruptEntry(entry.name)) }
            out = Array(bytes[start..<(start + entry.size)])
        case 8:
            out = try inflate(entry, from: start)
        default:
            throw fail("xlsx-corrupt", SpreadsheetMessage.unsupportedMethod(entry.name, Int(entry.method)))
        }
        let crc = out.withUnsafeBufferPointer { buf in
            UInt32(crc32(0, buf.baseAddress, UInt32(buf.count)))
        }
        guard crc == entry.crc else { throw fail("xlsx-corrupt", SpreadsheetMessage.corruptEntry(entry.name)) }
        return out
    }

    /// Raw deflate → at most `entry.size` bytes; more, or a stream that ends early, is an error.
    private func inflate(_ entry: Entry, from start: Int) throws(SpreadsheetError) -> [UInt8] {
        var out = [UInt8](repeating: 0, count: entry.size + 1)  // one spare byte shows an overrun
        var stream = z_stream()
        guard selfeval_inflate_init_raw(&stream) == Z_OK else { throw fail("xlsx-corrupt", SpreadsheetMessage.corruptEntry(entry.name)) }
        defer { inflateEnd(&stream) }
        let status: Int32 = bytes.withUnsafeBufferPointer { input in
            out.withUnsafeMutableBufferPointer { output in
                stream.next_in = UnsafeMutablePointer(mutating: input.baseAddress.map { $0 + start })
                stream.avail_in = UInt32(entry.compressedSize)
                stream.next_out = output.baseAddress
                stream.avail_out = UInt32(output.count)
                return CZlib.inflate(&stream, Z_FINISH)
            }
        }
        guard status == Z_STREAM_END, Int(stream.total_out) == entry.size else {
            if Int(stream.total_out) > entry.size { throw fail("zip-bomb", SpreadsheetMessage.entryOverrun(entry.name)) }
            throw fail("xlsx-corrupt", SpreadsheetMessage.corruptEntry(entry.name))
        }
        out.removeLast()
        return out
    }
}
