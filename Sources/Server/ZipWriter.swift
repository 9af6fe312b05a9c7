import CZlib

/// A ZIP archive of stored (uncompressed) entries with UTF-8 names, built in memory: the
/// submission files are .xlsx (compressed already) and small CSVs, so deflating gains little.
/// CRC-32 comes from zlib. No ZIP64: refused past 4 GiB or 65,535 entries.
public struct ZipWriter {
    private var data: [UInt8] = []
    private var central: [UInt8] = []
    private var count = 0

    public init() {}

    /// Why an archive could not be built.
    public enum Failure: Error { case tooLarge }

    /// Adds a file `name` holding `bytes` (DOS date 1980-01-01, so archives are reproducible).
    public mutating func add(name: String, bytes: [UInt8]) throws {
        let nameBytes = Array(name.utf8)
        guard data.count + bytes.count + nameBytes.count + 30 < Int(UInt32.max), count < 65_535,
              bytes.count < Int(UInt32.max), nameBytes.count < 65_535 else { throw Failure.tooLarge }
        let crc = bytes.withUnsafeBufferPointer { UInt32(crc32(0, $0.baseAddress, uInt($0.count))) }
        let offset = UInt32(data.count)
        let size = UInt32(bytes.count)
        // The fields the local header and the central entry share: version 2.0, UTF-8 names,
        // stored, time 00:00, date 1980-01-01, CRC, sizes, name length, no extra field.
        var shared: [UInt8] = []
        put16(&shared, 20); put16(&shared, 0x0800); put16(&shared, 0); put16(&shared, 0); put16(&shared, 0x21)
        put32(&shared, crc); put32(&shared, size); put32(&shared, size); put16(&shared, UInt16(nameBytes.count)); put16(&shared, 0)
        put32(&data, 0x0403_4B50)
        data += shared + nameBytes + bytes
        // central directory entry: made by Unix 3.0; no comment, disk 0, no internal attributes, mode 0644
        put32(&central, 0x0201_4B50); put16(&central, 0x031E)
        central += shared
        put16(&central, 0); put16(&central, 0); put16(&central, 0); put32(&central, 0o100644 << 16); put32(&central, offset)
        central += nameBytes
        count += 1
    }

    /// The whole archive.
    public func finish() -> [UInt8] {
        var out = data
        let centralOffset = UInt32(out.count)
        out += central
        put32(&out, 0x0605_4B50); put16(&out, 0); put16(&out, 0)
        put16(&out, UInt16(count)); put16(&out, UInt16(count))
        put32(&out, UInt32(central.count)); put32(&out, centralOffset); put16(&out, 0)
        return out
    }

    private func put16(_ b: inout [UInt8], _ v: UInt16) { b.append(UInt8(v & 0xFF)); b.append(UInt8(v >> 8)) }
    private func put32(_ b: inout [UInt8], _ v: UInt32) {
        for i in 0..<4 { b.append(UInt8(truncatingIfNeeded: v >> (UInt32(i) * 8))) }
    }
}
