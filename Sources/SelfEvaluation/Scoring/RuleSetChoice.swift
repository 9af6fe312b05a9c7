import Foundation

/// How the rule set of a scored form was chosen.
public enum RuleSetChoice: Sendable, Equatable {
    /// Given by the caller (a flag or a rules file).
    case given
    /// Read from the form's notes (注): the note's cell.
    case fromNotes(CellAddress)
    /// The notes say nothing about tiers: the 2020 baseline.
    case defaulted
}

/// Chooses the rule set from the form's notes: "80-50%" → legacy, "80-60%" → 2020, nothing → 2020.
enum RuleSetDetection {
    struct Detection {
        var ruleSet: RuleSet
        var choice: RuleSetChoice
        var diagnostics: [Diagnostic]
    }

    private static let legacyMarkers = SearchWords(Vocabulary.ScoringWords.legacyTierMarkers)
    private static let v2020Markers = SearchWords(Vocabulary.ScoringWords.v2020TierMarkers)

    static func detect(in form: Form) -> Detection {
        var legacyCell: CellAddress?
        var v2020Cell: CellAddress?
        for note in form.notes {
            if let bytes = foldedSimpleBytes(note.value) {
                if legacyCell == nil, legacyMarkers.first(inSimpleBytes: bytes) != nil {
                    legacyCell = note.cell
                }
                if v2020Cell == nil, v2020Markers.first(inSimpleBytes: bytes) != nil {
                    v2020Cell = note.cell
                }
                continue
            }
            let text = fold(note.value)
            if legacyCell == nil, legacyMarkers.anyIn(text) {
                legacyCell = note.cell
            }
            if v2020Cell == nil, v2020Markers.anyIn(text) {
                v2020Cell = note.cell
            }
        }
        switch (legacyCell, v2020Cell) {
        case let (legacy?, nil):
            return Detection(ruleSet: .legacy, choice: .fromNotes(legacy), diagnostics: [])
        case let (nil, modern?):
            return Detection(ruleSet: .v2020, choice: .fromNotes(modern), diagnostics: [])
        case let (legacy?, .some):
            let warning = Diagnostic(.warning, "rules-ambiguous", at: form.location(legacy),
                                     Vocabulary.ScoringMessage.rulesAmbiguous(chosen: RuleSet.legacy.name))
            return Detection(ruleSet: .legacy, choice: .fromNotes(legacy), diagnostics: [warning])
        case (nil, nil):
            return Detection(ruleSet: .v2020, choice: .defaulted, diagnostics: [])
        }
    }

    /// Full-width % and dashes folded to ASCII, spaces and "(含)" dropped.
    static func fold(_ text: String) -> String {
        if let simple = foldSimple(text) { return simple }
        var out = ""
        for ch in text {
            if ch.isWhitespace { continue }
            if ch == "％" { out.append("%") } else if Vocabulary.ScoringWords.noteDashes.contains(ch) {
                out.append("-")
            } else { out.append(ch) }
        }
        return out
    }

    /// `fold` scalar by scalar for a text of simple scalars (see `SimpleScalar`), which gives
    /// the same result as going `Character` by `Character`; nil for any other text.
    private static func foldSimple(_ text: String) -> String? {
        guard SimpleScalar.isSimple(text) else { return nil }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let value = scalar.value
            if SimpleScalar.isWhitespace(value) { continue }
            if value == fullWidthPercent {
                out.append("%")
            } else if dashScalars.contains(value) {
                out.append("-")
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }

    /// `foldSimple` as UTF-8 bytes, for the byte searches of `SearchWords`; nil when the text is
    /// not simple or a marker list cannot be searched bytewise.
    private static func foldedSimpleBytes(_ text: String) -> [UInt8]? {
        guard markersUsableOnBytes else { return nil }
        var out: [UInt8] = []
        out.reserveCapacity(text.utf8.count)
        let dashes = dashScalarList
        let simple = SimpleScalar.allScalars(of: text) { value in
            guard SimpleScalar.isSimple(value), let scalar = Unicode.Scalar(value) else { return false }
            if SimpleScalar.isWhitespace(value) { return true }
            if value == fullWidthPercent {
                out.append(UInt8(ascii: "%"))
            } else if dashes.contains(value) {
                out.append(UInt8(ascii: "-"))
            } else {
                UTF8.encode(scalar) { out.append($0) }
            }
            return true
        }
        return simple ? out : nil
    }

    /// `dashScalars` as a short array: a linear look-up beats hashing for seven entries.
    private static let dashScalarList: [UInt32] = dashScalars.sorted()

    /// Whether both marker lists can be searched in simple bytes.
    private static let markersUsableOnBytes = legacyMarkers.isUsableOnSimpleText && v2020Markers.isUsableOnSimpleText

    /// U+FF05 FULLWIDTH PERCENT SIGN.
    private static let fullWidthPercent: UInt32 = 0xFF05

    /// The one-scalar members of `Vocabulary.ScoringWords.noteDashes`.
    private static let dashScalars: Set<UInt32> = Set(Vocabulary.ScoringWords.noteDashes.compactMap { dash in
        dash.unicodeScalars.count == 1 ? dash.unicodeScalars.first?.value : nil
    })
}
