import Foundation

/// Small text helpers of the server's hot paths.
enum PlainText {
    /// `text` without white space at either end, as `trimmingCharacters(in: .whitespaces)` gives
    /// it; Foundation is asked only when an end is white space.
    static func trimmed(_ text: String) -> String {
        guard let first = text.unicodeScalars.first, let last = text.unicodeScalars.last else { return text }
        let blank = CharacterSet.whitespaces
        return blank.contains(first) || blank.contains(last) ? text.trimmingCharacters(in: .whitespaces) : text
    }
}
