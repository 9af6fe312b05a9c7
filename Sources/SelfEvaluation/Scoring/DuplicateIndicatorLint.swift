import Foundation

/// Two scored indicators with the same name (`duplicate-indicator`, at the later one): usually a
/// copied row whose name was not changed.
struct DuplicateIndicatorLint: Sendable {
    static let name = "DuplicateIndicatorLint"

    func check(_ form: Form) -> [Diagnostic] {
        let indicators = form.indicators.filter { !$0.isPlaceholder }
        let keys = Self.keys(indicators.map(\.name.value))
        var firstRow: [NameKey: Int] = [:]
        var diagnostics: [Diagnostic] = []
        for (indicator, key) in zip(indicators, keys) where !key.isEmpty {
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

    /// A name without its white space, as the look-up key: its UTF-8 bytes when every name is
    /// made of simple scalars (bytes then compare as the strings do, see `SimpleScalar`, and hash
    /// without Unicode normalisation), else the string itself.
    enum NameKey: Hashable {
        case bytes([UInt8])
        case text(String)

        var isEmpty: Bool {
            switch self {
            case .bytes(let bytes): bytes.isEmpty
            case .text(let text): text.isEmpty
            }
        }
    }

    /// The keys of `names`, all of one kind (a simple and a non-simple name may be equal).
    static func keys(_ names: [String]) -> [NameKey] {
        let stripped = names.map(\.removingWhitespace)
        if stripped.allSatisfy(SimpleScalar.isSimple) {
            return stripped.map { .bytes(Array($0.utf8)) }
        }
        return stripped.map { .text($0) }
    }
}
