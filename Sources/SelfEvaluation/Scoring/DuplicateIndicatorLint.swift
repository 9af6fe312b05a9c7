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
            // Names compare as labels do: NFC, without white space, full-width forms folded.
            let key = NormalizedText(name.value)
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
    enum Message {
        static func duplicateIndicator(_ name: String, firstRow: Int) -> String {
            "三级指标“\(name)”与第\(firstRow)行的指标重名。"
        }
    }
}
