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

    private static let legacyMarkers = WordList(Vocabulary.ScoringWords.legacyTierMarkers)
    private static let v2020Markers = WordList(Vocabulary.ScoringWords.v2020TierMarkers)

    static func detect(in form: Form) -> Detection {
        var legacyCell: CellAddress?
        var v2020Cell: CellAddress?
        for note in form.notes {
            let text = Array(fold(note.value))
            if legacyCell == nil, legacyMarkers.first(in: text) != nil {
                legacyCell = note.cell
            }
            if v2020Cell == nil, v2020Markers.first(in: text) != nil {
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
        var out = ""
        for ch in text {
            if ch.isWhitespace { continue }
            if ch == "％" { out.append("%") } else if Vocabulary.ScoringWords.noteDashes.contains(ch) {
                out.append("-")
            } else { out.append(ch) }
        }
        return out
    }
}
