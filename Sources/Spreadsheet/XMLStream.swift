import CExpat
import Foundation

/// A streaming XML parse through expat: element starts and ends by local name (any namespace
/// prefix dropped), attributes by local name, character data collected on request. A document
/// with a DTD (`<!DOCTYPE`) or an entity declaration is refused outright: no entity is ever
/// expanded and no external one fetched.
final class XMLStream {
    /// Called at each start tag with its local name and attributes.
    var onStart: (String, XMLAttributes) -> Void = { _, _ in }
    /// Called at each end tag with its local name.
    var onEnd: (String) -> Void = { _ in }
    /// Character data is appended to `text` while this is true.
    var collecting = false
    /// The character data collected so far (UTF-8).
    var text: [UInt8] = []
    /// Set by a handler to stop the parse with an error of its own.
    var abort: SpreadsheetError?

    private var parser: XML_Parser?
    private var forbidden = false

    /// Parses `bytes` (the part `part` of `file`); throws a located error for a malformed or
    /// forbidden document, or the error a handler set in `abort`.
    func parse(_ bytes: [UInt8], part: String, file: String) throws(SpreadsheetError) {
        guard let parser = XML_ParserCreate(nil) else {
            throw SpreadsheetError("xlsx-corrupt", file: file, SpreadsheetMessage.xmlMalformed(part, 0, "expat"))
        }
        self.parser = parser
        defer { XML_ParserFree(parser); self.parser = nil }
        XML_SetUserData(parser, Unmanaged.passUnretained(self).toOpaque())
        XML_SetElementHandler(parser, { user, name, attributes in
            guard let me = XMLStream.of(user), let name else { return }
            me.onStart(XMLStream.localName(name), XMLAttributes(pairs: attributes))
            if me.abort != nil { XML_StopParser(me.parser, XML_FALSE) }
        }, { user, name in
            guard let me = XMLStream.of(user), let name else { return }
            me.onEnd(XMLStream.localName(name))
            if me.abort != nil { XML_StopParser(me.parser, XML_FALSE) }
        })
        XML_SetCharacterDataHandler(parser) { user, chars, length in
            guard let me = XMLStream.of(user), me.collecting, let chars, length > 0 else { return }
            chars.withMemoryRebound(to: UInt8.self, capacity: Int(length)) { p in
                me.text.append(contentsOf: UnsafeBufferPointer(start: p, count: Int(length)))
            }
        }
        XML_SetStartDoctypeDeclHandler(parser) { user, _, _, _, _ in XMLStream.forbid(user) }
        XML_SetEntityDeclHandler(parser) { user, _, _, _, _, _, _, _, _ in XMLStream.forbid(user) }
        let status = bytes.withUnsafeBufferPointer { buf in
            buf.withMemoryRebound(to: CChar.self) { chars in
                XML_Parse(parser, chars.baseAddress, Int32(chars.count), 1)
            }
        }
        if forbidden { throw SpreadsheetError("xml-forbidden", file: file, SpreadsheetMessage.xmlForbidden(part)) }
        if let abort { throw abort }
        if status != XML_STATUS_OK {
            let line = Int(XML_GetCurrentLineNumber(parser))
            let reason = XML_ErrorString(XML_GetErrorCode(parser)).map { String(cString: $0) } ?? "?"
            throw SpreadsheetError("xml-malformed", file: file, SpreadsheetMessage.xmlMalformed(part, line, reason))
        }
    }

    /// The stream of a parser's user data.
    private static func of(_ user: UnsafeMutableRawPointer?) -> XMLStream? {
        user.map { Unmanaged<XMLStream>.fromOpaque($0).takeUnretainedValue() }
    }

    /// Stops the parse at a DTD or an entity declaration, which is refused.
    private static func forbid(_ user: UnsafeMutableRawPointer?) {
        guard let me = of(user) else { return }
        me.forbidden = true
        XML_StopParser(me.parser, XML_FALSE)
    }

    /// The collected text as a string, and the buffer emptied.
    func takeText() -> String {
        let s = String(decoding: text, as: UTF8.self)
        text.removeAll(keepingCapacity: true)
        return s
    }

    /// A name without its namespace prefix (`x:c` → `c`, `r:id` → `id`).
    static func localName(_ name: UnsafePointer<CChar>) -> String {
        String(cString: localPart(name))
    }

    /// The bytes after the last colon (all of them when there is none).
    static func localPart(_ name: UnsafePointer<CChar>) -> UnsafePointer<CChar> {
        guard let colon = strrchr(name, 0x3A) else { return name }
        return UnsafePointer(colon) + 1
    }
}

/// The attributes of a start tag as expat passes them (name, value, name, value, …, NULL),
/// looked up by local name only when asked for: no dictionary, no string for what is not read.
struct XMLAttributes {
    let pairs: UnsafeMutablePointer<UnsafePointer<CChar>?>?

    /// The value of the attribute whose local name is `name` (`"id"` finds `r:id`).
    subscript(name: String) -> String? {
        guard var p = pairs else { return nil }
        return name.withCString { wanted -> String? in
            while let key = p.pointee, let value = (p + 1).pointee {
                if strcmp(XMLStream.localPart(key), wanted) == 0 { return String(cString: value) }
                p += 2
            }
            return nil
        }
    }
}
