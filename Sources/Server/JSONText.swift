import Foundation
import SelfEvaluation

/// JSON text written as bytes: string literals escaped as `JSONEncoder` escapes them with
/// `.withoutEscapingSlashes` (`\"`, `\\`, `\b`, `\f`, `\n`, `\r`, `\t`, other controls as
/// `\u00xx`; everything else as its UTF-8), and objects whose keys come in the order written.
/// The server's JSON answers and the 汇总表 line it stores are made with it: a JSONEncoder made
/// and run per value cost more than the rest of the answer.
struct JSONText {
    /// The text so far.
    private(set) var bytes: [UInt8] = []
    private var fieldCount = 0

    /// `text` as a JSON string literal.
    static func quoted(_ text: String) -> String {
        var out = JSONText()
        out.appendQuoted(text)
        return String(decoding: out.bytes, as: UTF8.self)
    }

    /// Appends `text` as a JSON string literal (`PrettyJSONWriter`'s escaping: one escaper for
    /// all of selfeval's JSON).
    mutating func appendQuoted(_ text: String) {
        PrettyJSONWriter.appendString(text, to: &bytes)
    }

    // MARK: an object's fields, in the order written

    /// Starts the next field of an object: `{` or `,`, then the key.
    private mutating func key(_ name: String) {
        bytes.append(fieldCount == 0 ? 0x7B : 0x2C)
        fieldCount += 1
        appendQuoted(name)
        bytes.append(0x3A)
    }

    mutating func field(_ name: String, _ value: String) {
        key(name)
        appendQuoted(value)
    }

    mutating func field(_ name: String, _ value: Int) {
        key(name)
        bytes.append(contentsOf: String(value).utf8)
    }

    mutating func field(_ name: String, _ value: Bool) {
        key(name)
        bytes.append(contentsOf: (value ? "true" : "false").utf8)
    }

    mutating func field(_ name: String, _ values: [String]) {
        key(name)
        bytes.append(0x5B)
        for (i, value) in values.enumerated() {
            if i > 0 { bytes.append(0x2C) }
            appendQuoted(value)
        }
        bytes.append(0x5D)
    }

    /// A number field; none when `value` is nil (as a synthesized `Encodable` leaves out a nil
    /// optional). A decimal is written as its `description`, as `JSONEncoder` writes it (exact:
    /// `JSONDecoder` reads the same `Decimal` back); a NaN, which no JSON number spells, is left out too.
    mutating func field(_ name: String, _ value: Decimal?) {
        guard let value, !value.isNaN else { return }
        key(name)
        bytes.append(contentsOf: value.description.utf8)
    }

    mutating func field(_ name: String, _ value: Int?) {
        guard let value else { return }
        field(name, value)
    }

    /// The object's text: its fields and the closing brace (`{}` when none was written).
    func object() -> String {
        String(decoding: bytes + (fieldCount == 0 ? [0x7B, 0x7D] : [0x7D]), as: UTF8.self)
    }
}
