import Foundation

/// The record layer: bytes or a file into a `CSVDocument`, with every failure reported as a
/// `CSVError` that names the file, row and column.
public struct CSVReader: Sendable {
    public var encoding: EncodingChoice
    public var limits: CSVLimits
    /// Remove the apostrophe that `CSVWriter(protectFormulas: true)` puts before formula-like
    /// text (see `FormulaGuard`).
    public var unprotectFormulas: Bool

    public init(encoding: EncodingChoice = .auto, limits: CSVLimits = .default, unprotectFormulas: Bool = false) {
        self.encoding = encoding
        self.limits = limits
        self.unprotectFormulas = unprotectFormulas
    }

    /// Reads a file (`FileBytes`); its size is checked against the limit before it is read.
    public func read(contentsOf path: String) throws(CSVError) -> CSVDocument {
        let here = SourceLocation(file: path, row: 1, column: 1)
        switch FileBytes.read(open(path, O_RDONLY | O_CLOEXEC | O_NONBLOCK), limit: limits.maxBytes) {
        case .failure(.errno(let code)):
            throw CSVError(.unreadable, at: here, "无法读取文件: \(String(cString: strerror(code)))")
        case .failure(.notRegular(let mode)) where mode & S_IFMT == S_IFDIR:
            throw CSVError(.unreadable, at: here, "这是一个文件夹,不是 CSV 文件")
        case .failure(.notRegular):
            throw CSVError(.unreadable, at: here, "这不是普通文件(命名管道、设备或套接字):不会读取它")
        case .success(let file) where file.size > limits.maxBytes:
            throw CSVError(.fileTooLarge, at: here, "文件有 \(file.size) 字节,超过上限 \(limits.maxBytes) 字节(max-bytes)")
        case .success(let file):
            return try read(bytes: file.bytes, file: path)
        }
    }

    /// Reads in-memory bytes; `file` names them in locations.
    public func read(bytes input: [UInt8], file: String = "") throws(CSVError) -> CSVDocument {
        let first = SourceLocation(file: file, row: 1, column: 1)
        if input.count > limits.maxBytes {
            throw CSVError(.fileTooLarge, at: first, "输入有 \(input.count) 字节,超过上限 \(limits.maxBytes) 字节(max-bytes)")
        }
        if input.isEmpty || input == ByteOrderMark.utf8 {
            throw CSVError(.emptyFile, at: first, "文件是空的")
        }

        // 1. Encoding: a BOM decides; else strict UTF-8; else GB18030. `decoded` is the one
        // validated copy of the content (its UTF-8 is `bytes`): the fields are cut from it.
        var bytes = input
        var hadBOM = false
        var detected = TextEncoding.utf8
        var decoded: String?
        if input.starts(with: ByteOrderMark.utf8) {
            hadBOM = true
            bytes = Array(input.dropFirst(3))
        } else if input.starts(with: ByteOrderMark.utf16LE) || input.starts(with: ByteOrderMark.utf16BE) {
            hadBOM = true
            let big = input.starts(with: ByteOrderMark.utf16BE)
            guard let text = String(data: Data(input), encoding: big ? .utf16BigEndian : .utf16LittleEndian) else {
                throw CSVError(.invalidEncoding, at: first, "文件以 UTF-16 字节序标记开头,但内容不是有效的 UTF-16")
            }
            bytes = Array(text.utf8)
            if bytes.starts(with: ByteOrderMark.utf8) { bytes.removeFirst(3) }
            // Valid UTF-8 cut before a character, still valid: this decoding repairs nothing.
            decoded = String(decoding: bytes, as: UTF8.self)
            // Found by fuzzing: a UTF-16 BOM with nothing after it read into a document of no rows.
            if bytes.isEmpty { throw CSVError(.emptyFile, at: first, "文件是空的") }
            detected = .utf16
        }
        if detected == .utf8 {
            decoded = String(validating: bytes, as: UTF8.self)
            let isUTF8 = decoded != nil
            // GB18030 forced (a UTF-8 BOM overrides it), or guessed for text that is not UTF-8.
            let forced = encoding == .gb18030 && !hadBOM
            if !isUTF8, encoding == .utf8 || (hadBOM && !forced) {
                return try failDecoding(bytes, file: file, as: .utf8)
            }
            if forced || !isUTF8 {
                // Even forced, the rows that are UTF-8 would come out as mojibake: named too.
                if !isUTF8, let mixed = MixedEncoding.find(bytes) { throw Self.mixedError(mixed, file: file) }
                guard let text = TextEncoding.decodeGB18030(bytes[...]) else {
                    return try failDecoding(bytes, file: file, as: .gb18030)
                }
                bytes = Array(text.utf8)
                decoded = text
                detected = .gb18030
            }
        }

        // 2. Records.
        // Every path above either threw or set `decoded`; decoding `bytes` here repairs nothing.
        var content = decoded ?? String(decoding: bytes, as: UTF8.self)
        content.makeContiguousUTF8()
        let text = content
        let separator = CSVTokenizer.detectSeparator(bytes)
        let rows = try content.withUTF8 { buffer in
            Result { () throws(CSVError) in try decodeRows(buffer, of: text, separator: separator, file: file) }
        }.get()
        return CSVDocument(file: file, rows: rows, encoding: detected, hadByteOrderMark: hadBOM,
                           separator: separator == UInt8(ascii: "\t") ? "\t" : ",", lineEnding: Self.firstLineEnding(bytes))
    }

    /// Tokenizes `buffer` (the UTF-8 storage of `text`, validated once) and cuts every field
    /// from `text`, checking the limits and NUL bytes.
    private func decodeRows(_ buffer: UnsafeBufferPointer<UInt8>, of text: String, separator: UInt8,
                            file: String) throws(CSVError) -> [[String]] {
        let output = CSVTokenizer(separator: separator).tokenizeSpans(buffer)
        // Without a NUL byte anywhere, no field needs the per-field check.
        let mayHoldNUL = buffer.contains(0)
        if let open = output.unterminatedQuote {
            throw CSVError(.unterminatedQuote, at: SourceLocation(file: file, row: open.row, column: open.column),
                           "引号未闭合:从这里开始的带引号字段直到文件末尾都没有结束的引号")
        }
        if output.records.count > limits.maxRows {
            throw CSVError(.tooManyRows, at: SourceLocation(file: file, row: limits.maxRows + 1, column: 1),
                           "文件有 \(output.records.count) 行,超过上限 \(limits.maxRows) 行(max-rows)")
        }
        var rows: [[String]] = []
        rows.reserveCapacity(output.records.count)
        for (r, record) in output.records.enumerated() {
            if record.count > limits.maxColumns {
                throw CSVError(.tooManyColumns, at: SourceLocation(file: file, row: r + 1, column: limits.maxColumns + 1),
                               "这一行有 \(record.count) 列,超过上限 \(limits.maxColumns) 列(max-columns)")
            }
            var row: [String] = []
            row.reserveCapacity(record.count)
            for (c, field) in record.enumerated() {
                let cell: String
                switch field {
                case .span(let range) where range.isEmpty:
                    row.append("")
                    continue
                case .span(let range):
                    // A span starts and ends next to ASCII bytes (separators, quotes, line ends)
                    // or at an end, so on character boundaries: copied, not validated again.
                    try checkNUL(UnsafeBufferPointer(rebasing: buffer[range]), when: mayHoldNUL, file: file,
                                 row: r + 1, column: c + 1)
                    let utf8 = text.utf8
                    let start = utf8.index(utf8.startIndex, offsetBy: range.lowerBound)
                    cell = String(Substring(utf8[start..<utf8.index(start, offsetBy: range.count)]))
                    try checkLength(cell, bytes: range.count, file: file, row: r + 1, column: c + 1)
                    // Only a cell starting with an apostrophe can have been protected.
                    if buffer[range.lowerBound] != UInt8(ascii: "'") {
                        row.append(cell)
                        continue
                    }
                case .bytes(let content):
                    // Rare (a quoted field with `""` or text after its closing quote): decoded alone.
                    cell = try content.withUnsafeBufferPointer { content throws(CSVError) in
                        try checkNUL(content, when: mayHoldNUL, file: file, row: r + 1, column: c + 1)
                        let cell = String(decoding: content, as: UTF8.self)
                        try checkLength(cell, bytes: content.count, file: file, row: r + 1, column: c + 1)
                        return cell
                    }
                }
                row.append(unprotectFormulas ? FormulaGuard.unprotect(cell) : cell)
            }
            rows.append(row)
        }
        return rows
    }

    /// Refuses a field holding a NUL byte (looked for only when the file `mayHold` one).
    private func checkNUL(_ field: UnsafeBufferPointer<UInt8>, when mayHold: Bool, file: String, row: Int,
                          column: Int) throws(CSVError) {
        if mayHold, field.contains(0) {
            throw CSVError(.nulByte, at: SourceLocation(file: file, row: row, column: column),
                           "单元格含有 NUL 字节:这不是文本 CSV(可能是 Excel 二进制文件或无字节序标记的 UTF-16)")
        }
    }

    /// Refuses a cell longer than Excel allows; `bytes` is its UTF-8 length.
    private func checkLength(_ text: String, bytes: Int, file: String, row: Int, column: Int) throws(CSVError) {
        // Counted as Excel counts a cell, in UTF-16 units (never fewer than libxlsxwriter's code
        // points); UTF-8 has at least as many bytes as UTF-16 has units, so short fields skip it.
        if bytes > limits.maxCellCharacters, text.utf16.count > limits.maxCellCharacters {
            throw CSVError(.cellTooLong, at: SourceLocation(file: file, row: row, column: column),
                           "单元格长 \(text.utf16.count) 个 UTF-16 单位(Excel 的计数方式),超过 Excel 的上限 \(limits.maxCellCharacters)(max-cell)")
        }
    }

    /// Finds the first field that does not decode, to name its place, and throws.
    private func failDecoding(_ bytes: [UInt8], file: String, as encoding: TextEncoding) throws(CSVError) -> CSVDocument {
        let output = CSVTokenizer(separator: CSVTokenizer.detectSeparator(bytes)).tokenize(bytes)
        let what = encoding == .gb18030 ? "既不是有效的 UTF-8,也不是有效的 GB18030" : "不是有效的 UTF-8"
        for (r, record) in output.records.enumerated() {
            for (c, field) in record.fields.enumerated() {
                // In GB18030 mode a field fails when it is neither encoding, so a UTF-8 file
                // with one bad byte is reported at that byte's cell, not at its first Chinese cell.
                let utf8 = String(validating: field, as: UTF8.self) != nil
                let ok = encoding == .gb18030 ? (utf8 || TextEncoding.decodeGB18030(field[...]) != nil) : utf8
                if !ok {
                    let hex = field.prefix(8).map { String(format: "%02X", $0) }.joined(separator: " ")
                    throw CSVError(.invalidEncoding, at: SourceLocation(file: file, row: r + 1, column: c + 1),
                                   "单元格的字节\(what)(开头字节 \(hex));可用 --encoding 指定编码")
                }
            }
        }
        // Every cell decodes alone, so the file is cut inside a character: name its last cell.
        throw CSVError(.invalidEncoding, at: SourceLocation(file: file, row: max(1, output.records.count),
                                                            column: max(1, output.records.last?.fields.count ?? 1)),
                       "文件的字节\(what)(可能在文件末尾被截断)")
    }

    /// The error for a file whose rows are in two encodings, at the first row of the fewer.
    private static func mixedError(_ mixed: MixedEncoding.Finding, file: String) -> CSVError {
        func name(_ encoding: TextEncoding) -> String { encoding == .utf8 ? "UTF-8" : "GB18030(GBK)" }
        let more = mixed.oddRows > 1 ? "(共 \(mixed.oddRows) 行如此,这是第一行)" : ""
        return CSVError(.mixedEncoding, at: SourceLocation(file: file, row: mixed.row, column: mixed.column),
                        "这一行是 \(name(mixed.rowEncoding)) 编码\(more),而文件的其他 \(mixed.otherRows) 行是 "
                            + "\(name(mixed.fileEncoding)) 编码:一个文件混用了两种编码,整体按哪一种读都会把另一种读成乱码。"
                            + "请把这些行改用同一种编码后重新保存。")
    }

    private static func firstLineEnding(_ bytes: [UInt8]) -> String {
        let cr = UInt8(ascii: "\r"), lf = UInt8(ascii: "\n"), quote = UInt8(ascii: "\"")
        var inQuotes = false
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            if b == quote { inQuotes.toggle() } else if !inQuotes {
                if b == lf { return "\n" }
                if b == cr { return i + 1 < bytes.count && bytes[i + 1] == lf ? "\r\n" : "\r" }
            }
            i += 1
        }
        return "\r\n"
    }
}
