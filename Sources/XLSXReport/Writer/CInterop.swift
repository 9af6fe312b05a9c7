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
        try requireNoNUL(text, what, operation, location)
        return XMLText.cellText(text)
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
        guard let result = Double(value.plainText), result.isFinite else {
            throw XLSXError.invalid(operation, location, "the number \(value) is not finite as a double")
        }
        return result
    }
}
