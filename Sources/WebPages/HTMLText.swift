/// The one escaping function of the web pages: every string that comes from an input (a cell, a
/// file name, a message quoting a cell) passes through ``escape(_:)`` before it reaches HTML, in
/// text and in attribute values alike.
public enum HTMLText {
    /// `text` safe inside an element or a quoted attribute value, and well-formed XML 1.0 too
    /// (the fragment is also valid XHTML):
    ///
    /// - `&`, `<`, `>`, `"` and `'` become `&amp;`, `&lt;`, `&gt;`, `&quot;` and `&#39;`;
    /// - tab, line feed and carriage return stay (the stylesheet keeps line breaks);
    /// - every other control character (U+0000…U+001F, U+007F…U+009F) and every noncharacter
    ///   (U+FDD0…U+FDEF, U+xFFFE, U+xFFFF) becomes U+FFFD, as the workbook writes them
    ///   (`XMLText`): HTML forbids them, and an XML parser would refuse the page.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count + 16)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\t", "\n", "\r": out.unicodeScalars.append(scalar)
            case "\u{0}"..."\u{1F}", "\u{7F}"..."\u{9F}": out += "\u{FFFD}"
            case _ where (0xFDD0...0xFDEF).contains(scalar.value) || scalar.value & 0xFFFE == 0xFFFE: out += "\u{FFFD}"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
