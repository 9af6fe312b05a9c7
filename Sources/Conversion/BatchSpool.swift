import Foundation
import SelfEvaluation

/// A worker's scratch file in a batch's staging folder: each form's summary line and report are
/// appended to it, and read back in input order when the batch assembles 汇总表.xlsx and
/// report.json. One file per worker, opened once: no file per form, no sync (the folder is
/// scratch; the outputs that matter are renamed into place), and nothing of a form in memory
/// but where its record lies (`BatchSpool.Record`).
final class BatchSpool: @unchecked Sendable {
    /// Where one form's record lies in its worker's spool.
    /// The form's output base name comes first, then its summary line, then its report.
    struct Record: Sendable {
        var spool: Int32
        var nameLength: Int32
        var rowLength: Int32
        var reportLength: Int32
        var offset: Int64

        var rowOffset: Int64 { offset + Int64(nameLength) }
        var reportOffset: Int64 { rowOffset + Int64(rowLength) }
    }

    let path: String
    let number: Int32
    private let descriptor: Int32
    private var end: Int64 = 0

    /// Creates (truncates) the spool file `path`; `number` identifies it in records.
    init(path: String, number: Int) throws(ConversionError) {
        self.path = path
        self.number = Int32(number)
        descriptor = open(path, O_RDWR | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        if descriptor < 0 {
            throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path))
        }
    }

    deinit { close(descriptor) }

    /// Appends one form's output base name, summary line and report; returns where they lie.
    func append(name: String, row: [UInt8], report: [UInt8]) throws(ConversionError) -> Record {
        let nameBytes = Array(name.utf8)
        let record = Record(spool: number, nameLength: Int32(nameBytes.count), rowLength: Int32(row.count),
                            reportLength: Int32(report.count), offset: end)
        let bytes = nameBytes + row + report
        guard AtomicFile.writeAll(descriptor, bytes, at: end) else {
            throw ConversionError(.writeFailed, path: path, OutputMessage.cannotWrite(path))
        }
        end += Int64(bytes.count)
        return record
    }

    /// Reads `length` bytes at `offset` (nil on a short read).
    func read(offset: Int64, length: Int32) -> [UInt8]? {
        guard length > 0 else { return [] }
        var bytes = [UInt8](repeating: 0, count: Int(length))
        let ok = bytes.withUnsafeMutableBytes { buffer -> Bool in
            var done = 0
            while done < buffer.count {
                guard let base = buffer.baseAddress else { return false }
                let n = pread(descriptor, base + done, buffer.count - done, off_t(offset) + off_t(done))
                if n < 0, errno == EINTR { continue }
                if n <= 0 { return false }
                done += n
            }
            return true
        }
        return ok ? bytes : nil
    }

    /// The output base name of `record`.
    func name(_ record: Record) -> String? {
        read(offset: record.offset, length: record.nameLength).map { String(decoding: $0, as: UTF8.self) }
    }

    /// The summary line of `record`.
    func row(_ record: Record) -> [UInt8]? { read(offset: record.rowOffset, length: record.rowLength) }

    /// The report of `record`.
    func report(_ record: Record) -> [UInt8]? { read(offset: record.reportOffset, length: record.reportLength) }
}
