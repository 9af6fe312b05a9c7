import CXLSXWriter
import Foundation
import SelfEvaluation

/// `char *` copies for C struct fields that need mutable pointers (tech.md §1, pitfall 2).
/// The library copies what it keeps, so the copies are freed right after the call.
final class OwnedCStrings {
    private var pointers: [UnsafeMutablePointer<CChar>] = []

    /// A `strdup` copy of `text` (nil stays nil), freed with this object.
    func copy(_ text: String?, operation: String) throws -> UnsafeMutablePointer<CChar>? {
        guard let text else { return nil }
        guard let pointer = strdup(text) else {
            throw XLSXError(
                kind: .library(.memoryMallocFailed), operation: operation, location: nil,
                message: "strdup failed")
        }
        pointers.append(pointer)
        return pointer
    }

    deinit { pointers.forEach { free($0) } }
}

enum CBridge {
    /// Rejects strings that C would silently cut at an embedded NUL.
    static func requireNoNUL(_ text: String, _ what: String, _ operation: String, _ location: XLSXError.Location?) throws {
        if containsNUL(text) {
            throw XLSXError.invalid(operation, location, "\(what) contains a NUL character, which C strings cannot hold")
        }
    }

    /// The text to hand to libxlsxwriter for any XML part: NUL refused (C would cut the string
    /// there), every other character XML 1.0 forbids replaced by U+FFFD (``XMLText/safe(_:)``), and,
    /// with a `limit`, cut to that many UTF-16 units with "…" (``XMLText/fitted(_:limit:)``). Every
    /// string entry point of the writer passes its text through here, so no part of a workbook can
    /// hold a character that makes it malformed, and no text we compose can overflow a cell.
    static func xmlText(_ text: String, _ what: String, _ operation: String, _ location: XLSXError.Location?,
                        limit: Int? = nil) throws -> String {
        try requireNoNUL(text, what, operation, location)
        let safe = XMLText.safe(text)
        guard let limit else { return safe }
        return XMLText.fitted(safe, limit: limit)
    }

    /// The text of a cell or a comment (OOXML `ST_Xstring`): as ``xmlText(_:_:_:_:limit:)``, and a
    /// literal `_xHHHH_` protected so that Excel shows it as typed (``XMLText/cellText(_:limit:)``).
    static func cellText(_ text: String, _ what: String, _ operation: String, _ location: XLSXError.Location?) throws -> String {
        if isCellReady(text) { return text }
        try requireNoNUL(text, what, operation, location)
        return XMLText.cellText(text)
    }

    /// Whether `text` is already what ``cellText(_:_:_:_:)`` makes of it, found in one pass over
    /// its UTF-8: at most ``XMLText/cellLimit`` bytes (so at most as many UTF-16 units: nothing to
    /// cut), no byte below 0x20 but TAB, LF and CR (so no NUL and no forbidden control), no
    /// U+FFFE or U+FFFF (EF BF BE, EF BF BF) and no underscore (so no `_xHHHH_` to protect).
    /// Eight bytes are looked at together: a word with no byte below 0x20, no 0x5F and no 0xEF
    /// holds nothing to look at (every text written is checked, so the byte loop showed in
    /// profiles); a word with one is looked at byte by byte.
    static func isCellReady(_ text: String) -> Bool {
        guard text.utf8.count <= XMLText.cellLimit else { return false }
        var text = text
        return text.withUTF8 { bytes in
            let count = bytes.count
            guard let base = UnsafeRawPointer(bytes.baseAddress) else { return true }
            var index = 0
            while index + 8 <= count {
                let word = base.loadUnaligned(fromByteOffset: index, as: UInt64.self)
                if mayHoldMark(word) {
                    for at in index..<(index + 8) where !isReadyByte(bytes, at) { return false }
                }
                index += 8
            }
            while index < count {
                if !isReadyByte(bytes, index) { return false }
                index += 1
            }
            return true
        }
    }

    /// Whether the byte at `index` leaves a text cell-ready (``isCellReady(_:)``): not a control
    /// but TAB, LF, CR, not an underscore, not the start of U+FFFE or U+FFFF.
    @inline(__always)
    private static func isReadyByte(_ bytes: UnsafeBufferPointer<UInt8>, _ index: Int) -> Bool {
        let byte = bytes[index]
        if byte < 0x20 { return byte == 0x09 || byte == 0x0A || byte == 0x0D }
        if byte == 0x5F { return false }
        if byte == 0xEF, index + 2 < bytes.count, bytes[index + 1] == 0xBF, bytes[index + 2] >= 0xBE { return false }
        return true
    }

    /// Whether one of the eight bytes of `word` is below 0x20, 0x5F or 0xEF — never false when
    /// one is (the classic exact tests: a byte below n ≤ 0x80 borrows into its own top bit only,
    /// and a zero byte of `word ^ c` is a byte equal to c).
    @inline(__always)
    private static func mayHoldMark(_ word: UInt64) -> Bool {
        let ones: UInt64 = 0x0101_0101_0101_0101
        let highs: UInt64 = 0x8080_8080_8080_8080
        func hasZero(_ v: UInt64) -> Bool { (v &- ones) & ~v & highs != 0 }
        let below = (word &- ones &* 0x20) & ~word & highs != 0
        return below || hasZero(word ^ (ones &* 0x5F)) || hasZero(word ^ (ones &* 0xEF))
    }

    /// Whether `text` holds a NUL, found with `memchr` on its contiguous UTF-8 (every cell written
    /// is checked, so the byte-by-byte generic search showed in profiles).
    static func containsNUL(_ text: String) -> Bool {
        let found = text.utf8.withContiguousStorageIfAvailable { bytes -> Bool in
            guard let base = bytes.baseAddress, bytes.count > 0 else { return false }
            return memchr(base, 0, bytes.count) != nil
        }
        return found ?? text.utf8.contains(0)
    }

    /// `Decimal` → `double`, the only place numbers become binary floating point: the double
    /// nearest the decimal's text ("0.92" → 0.92), as a spreadsheet would read it.
    /// `NSDecimalNumber.doubleValue` is not correctly rounded on Linux (0.92 → 0.9199999999999999).
    static func double(_ value: Decimal, _ operation: String, _ location: XLSXError.Location?) throws -> Double {
        guard !value.isNaN else { throw XLSXError.invalid(operation, location, "the number is NaN") }
        if let exact = exactDouble(value) { return exact }
        guard let result = Double(value.plainText), result.isFinite else {
            throw XLSXError.invalid(operation, location, "the number \(value) is not finite as a double")
        }
        return result
    }

    /// The powers of ten a double holds exactly: 10^0 … 10^22.
    private static let exactPowersOfTen: [Double] = (0...22).map { (0..<$0).reduce(1.0) { value, _ in value * 10 } }

    /// The double nearest `value` with one operation, when that is exact arithmetic: a significand
    /// below 2^53 and 10^|exponent| up to 10^22 are both doubles exactly, so significand × 10^e or
    /// significand ÷ 10^−e is rounded once, to nearest — the double nearest the decimal, as reading
    /// its text gives (the first case of every correct decimal-to-binary conversion, Clinger 1990).
    /// nil for any other value (the text is read then). Every figure of a form is such a value.
    static func exactDouble(_ value: Decimal) -> Double? {
        let exponent = value.exponent
        guard exponent >= -22, exponent <= 22 else { return nil }
        guard let integer = value.significandUInt64, integer < 1 << 53 else { return nil }
        let power = exactPowersOfTen[abs(exponent)]
        let result = exponent >= 0 ? Double(integer) * power : Double(integer) / power
        return value.sign == .minus && integer != 0 ? -result : result  // a zero is 0, never −0
    }
}
