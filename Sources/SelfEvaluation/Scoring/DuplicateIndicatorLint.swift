import Foundation

/// Two scored indicators with the same name (`duplicate-indicator`, at the later one): usually a
/// copied row whose name was not changed.
struct DuplicateIndicatorLint: Sendable {
    static let name = "DuplicateIndicatorLint"

    func check(_ form: Form) -> [Diagnostic] {
        var firstRow: [NormalizedText: Int] = Dictionary(minimumCapacity: form.indicators.count)
        var diagnostics: [Diagnostic] = []
        // By index: a row is not copied.
        for i in form.indicators.indices where !form.indicators[i].isPlaceholder {
            let name = form.indicators[i].name
            // The key is the name in NFC without white space, compared and hashed as UTF-8 bytes
            // (equal exactly when the scalars are); most names have no white space to drop.
            let text = LabelText.nfc(name.value)
            var spaced = false
            for scalar in text.unicodeScalars where LabelText.isWhitespace(scalar) { spaced = true; break }
            let key = NormalizedText(normalized: !spaced ? text
                : String(String.UnicodeScalarView(text.unicodeScalars.filter { !LabelText.isWhitespace($0) })))
            guard !key.isEmpty else { continue }
            if let row = firstRow[key] {
                diagnostics.append(Diagnostic(.duplicateIndicator, at: form.location(name.cell),
                                              Message.duplicateIndicator(name.value.trimmed,
                                                                                          firstRow: row)))
            } else {
                firstRow[key] = form.indicators[i].row
            }
        }
        return diagnostics
    }
}

extension DuplicateIndicatorLint {
    /// The rule's messages (Chinese), beside the rule.
    enum Message {
        static func duplicateIndicator(_ name: String, firstRow: Int) -> String {
            "三级指标“\(name)”与第\(firstRow)行的指标重名。"
        }
    }
}
