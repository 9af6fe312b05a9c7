import Foundation

/// The one writer of selfeval's JSON (`--to json` and every part of report.json): pretty-printed
/// as `JSONEncoder` with `[.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]` prints it:
/// - two spaces of indentation per level, members as `"key" : value`, separated by ",\n";
/// - an empty array or object is its brackets on two lines with an empty line between
///   (`[\n\n  ]`);
/// - strings escape `"` and `\`, `\b \f \n \r \t`, other control characters below U+0020 as
///   `\u00xx` (lower-case hex); everything else, "/" included, is written as UTF-8;
/// - numbers are `Int.description` and `Decimal.description`; a NaN Decimal (which is not a JSON
///   number) is `null`.
///
/// Keys are written as given: callers write them in sorted order (ASCII keys only).
package struct PrettyJSONWriter {
    /// The bytes written so far.
    package private(set) var bytes: [UInt8] = []
    /// For each open container, whether it has an item yet.
    private var hasItems: [Bool] = []

    package init(capacity: Int = 4096) {
        bytes.reserveCapacity(capacity)
    }

    /// Opens an object (after a key, an array item prefix, or at the top).
    package mutating func beginObject() { open(UInt8(ascii: "{")) }
    /// Closes the innermost object.
    package mutating func endObject() { close(UInt8(ascii: "}")) }
    /// Opens an array.
    package mutating func beginArray() { open(UInt8(ascii: "[")) }
    /// Closes the innermost array.
    package mutating func endArray() { close(UInt8(ascii: "]")) }

    /// An object whose members `members` writes.
    package mutating func object(_ members: (inout Self) -> Void) {
        beginObject()
        members(&self)
        endObject()
    }

    /// An array of `elements`, each item written by `write`.
    package mutating func array<Elements: Sequence>(_ elements: Elements, _ write: (inout Self, Elements.Element) -> Void) {
        beginArray()
        for element in elements {
            item()
            write(&self, element)
        }
        endArray()
    }

    /// Starts the next item of the innermost array: separator, newline and indentation.
    package mutating func item() {
        if hasItems.last == true { bytes.append(UInt8(ascii: ",")) }
        if !hasItems.isEmpty { hasItems[hasItems.count - 1] = true }
        bytes.append(0x0A)
        indent(hasItems.count)
    }

    /// Starts a member of the innermost object: `"key" : ` (the key is ASCII, not escaped).
    package mutating func key(_ name: StaticString) {
        item()
        bytes.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { bytes.append(contentsOf: $0) }
        bytes.append(contentsOf: Self.keySeparator)
    }

    package mutating func null() { bytes.append(contentsOf: Self.nullLiteral) }

    package mutating func bool(_ value: Bool) { bytes.append(contentsOf: value ? Self.trueLiteral : Self.falseLiteral) }

    package mutating func int(_ value: Int) { bytes.append(contentsOf: value.description.utf8) }

    package mutating func int(_ value: Int?) {
        if let value { int(value) } else { null() }
    }

    package mutating func decimal(_ value: Decimal) {
        if value.isNaN { null() } else { bytes.append(contentsOf: value.plainText.utf8) }
    }

    package mutating func decimal(_ value: Decimal?) {
        if let value { decimal(value) } else { null() }
    }

    package mutating func string(_ value: String?) {
        if let value { string(value) } else { null() }
    }

    /// A string, quoted and escaped as `JSONEncoder` escapes it.
    package mutating func string(_ value: String) {
        Self.appendString(value, to: &bytes)
    }

    /// `value` as a JSON string literal on its own (the intranet page's compact answers, the
    /// names in report.json).
    package static func quoted(_ value: String) -> [UInt8] {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(value.utf8.count + 2)
        appendString(value, to: &bytes)
        return bytes
    }

    /// Appends `value` as a JSON string literal, quoted and escaped as `JSONEncoder` escapes it:
    /// the one string escaper of selfeval's JSON.
    private static func appendString(_ value: String, to bytes: inout [UInt8]) {
        bytes.append(UInt8(ascii: "\""))
        let utf8 = value.utf8
        // On the contiguous bytes when there are (the generic view checks an index per byte).
        let clean = utf8.withContiguousStorageIfAvailable { !$0.contains(where: needsEscape) }
            ?? !utf8.contains(where: needsEscape)
        if clean {
            bytes.append(contentsOf: utf8)
        } else {
            for byte in utf8 { appendEscaped(byte, to: &bytes) }
        }
        bytes.append(UInt8(ascii: "\""))
    }

    private mutating func open(_ bracket: UInt8) {
        bytes.append(bracket)
        hasItems.append(false)
    }

    private mutating func close(_ bracket: UInt8) {
        let hadItems = hasItems.popLast() ?? false
        if !hadItems { bytes.append(0x0A) }
        bytes.append(0x0A)
        indent(hasItems.count)
        bytes.append(bracket)
    }

    private mutating func indent(_ level: Int) {
        bytes.append(contentsOf: repeatElement(UInt8(ascii: " "), count: 2 * level))
    }

    private static func needsEscape(_ byte: UInt8) -> Bool {
        byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\")
    }

    private static func appendEscaped(_ byte: UInt8, to bytes: inout [UInt8]) {
        guard needsEscape(byte) else { bytes.append(byte); return }
        bytes.append(UInt8(ascii: "\\"))
        switch byte {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"): bytes.append(byte)
        case 0x08: bytes.append(UInt8(ascii: "b"))
        case 0x0C: bytes.append(UInt8(ascii: "f"))
        case 0x0A: bytes.append(UInt8(ascii: "n"))
        case 0x0D: bytes.append(UInt8(ascii: "r"))
        case 0x09: bytes.append(UInt8(ascii: "t"))
        default:
            bytes.append(contentsOf: unicodeEscapePrefix)
            bytes.append(hexDigits[Int(byte >> 4)])
            bytes.append(hexDigits[Int(byte & 0x0F)])
        }
    }

    private static let keySeparator = Array("\" : ".utf8)
    private static let nullLiteral = Array("null".utf8)
    private static let trueLiteral = Array("true".utf8)
    private static let falseLiteral = Array("false".utf8)
    private static let unicodeEscapePrefix = Array("u00".utf8)
    private static let hexDigits = Array("0123456789abcdef".utf8)
}
