import Foundation

/// Two scored indicators with the same name (`duplicate-indicator`, at the later one): usually a
/// copied row whose name was not changed.
struct DuplicateIndicatorLint: Sendable {
    static let name = "DuplicateIndicatorLint"

    func check(_ form: Form) -> [Diagnostic] {
        let indicators = form.indicators.filter { !$0.isPlaceholder }
        var firstRow: [[Unicode.Scalar]: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for indicator in indicators {
            // The key is the name's scalars in NFC without white space.
            let key = ValueText.scalars(of: indicator.name.value).filter { !LabelText.isWhitespace($0) }
            guard !key.isEmpty else { continue }
            if let row = firstRow[key] {
                diagnostics.append(Diagnostic(.warning, "duplicate-indicator", at: form.location(indicator.name.cell),
                                              Vocabulary.ScoringMessage.duplicateIndicator(indicator.name.value.trimmed,
                                                                                          firstRow: row)))
            } else {
                firstRow[key] = indicator.row
            }
        }
        return diagnostics
    }
}
