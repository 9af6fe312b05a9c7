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

    private static let legacyMarkers = Vocabulary.ScoringWords.legacyTierMarkers.map { Array($0.unicodeScalars) }
    private static let v2020Markers = Vocabulary.ScoringWords.v2020TierMarkers.map { Array($0.unicodeScalars) }

    static func detect(in form: Form) -> Detection {
        var legacyCell: CellAddress?
        var v2020Cell: CellAddress?
        for note in form.notes {
            let text = fold(note.value)
            if legacyCell == nil, legacyMarkers.contains(where: { contains(text, $0) }) {
                legacyCell = note.cell
            }
            if v2020Cell == nil, v2020Markers.contains(where: { contains(text, $0) }) {
                v2020Cell = note.cell
            }
        }
        switch (legacyCell, v2020Cell) {
        case let (legacy?, nil):
            return Detection(ruleSet: .legacy, choice: .fromNotes(legacy), diagnostics: [])
        case let (nil, modern?):
            return Detection(ruleSet: .v2020, choice: .fromNotes(modern), diagnostics: [])
        case let (legacy?, .some):
            let warning = Diagnostic(.rulesAmbiguous, at: form.location(legacy),
                                     Message.rulesAmbiguous(chosen: RuleSet.legacy.name))
            return Detection(ruleSet: .legacy, choice: .fromNotes(legacy), diagnostics: [warning])
        case (nil, nil):
            return Detection(ruleSet: .v2020, choice: .defaulted, diagnostics: [])
        }
    }

    /// The note's scalars with white space dropped and full-width % and the dashes folded to
    /// ASCII. The markers, and every scalar folded, are single scalars without another canonical
    /// form, so comparing scalars finds a marker exactly where comparing characters would.
    static func fold(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.unicodeScalars.count)
        for scalar in text.unicodeScalars {
            // No CJK ideograph (most of a note) is white space: the property look-up is left out for them.
            let space = scalar.isASCII ? scalar == " " || (0x09...0x0D).contains(scalar.value)
                : !(0x4E00...0x9FFF).contains(scalar.value) && scalar.properties.isWhitespace
            if space { continue }
            if scalar == "％" {
                out.append("%")
            } else if dashes.contains(scalar) {
                out.append("-")
            } else {
                out.append(scalar)
            }
        }
        return out
    }

    /// `Vocabulary.ScoringWords.noteDashes` as scalars.
    private static let dashes: [Unicode.Scalar] = Vocabulary.ScoringWords.noteDashes.flatMap(\.unicodeScalars)

    /// Whether `marker` (not empty) stands in `text`.
    private static func contains(_ text: [Unicode.Scalar], _ marker: [Unicode.Scalar]) -> Bool {
        guard let first = marker.first, text.count >= marker.count else { return false }
        return (0...(text.count - marker.count)).contains { i in
            text[i] == first && text[i..<(i + marker.count)].elementsEqual(marker)
        }
    }
}

extension RuleSetDetection {
    enum Message {
        static func rulesAmbiguous(chosen: String) -> String {
            "表注中同时出现80-50%与80-60%两种定性档次,按“\(chosen)”规则评分。"
        }
    }
}
