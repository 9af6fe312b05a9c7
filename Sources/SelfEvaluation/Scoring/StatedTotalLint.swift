import Foundation

/// A total stated in the unit's own text — 评价结论 ("自评得分94.53分"), 自评结论 or any row after
/// the table — is checked against the computed total: `stated-total-mismatch` at that cell when
/// they differ. The 总分 row itself is `PrintedTotalsLint`'s; notes (注) are the template's, not the
/// unit's, and are skipped.
///
/// A stated total is a total word (`totalWords`: 总分, 自评得分, 综合得分 …), then at most
/// `maxGap` joining characters (为, 是, :, 达, 共, 计, spaces), then a number not followed by %.
struct StatedTotalLint: Sendable {
    static let name = "StatedTotalLint"
    /// Words that introduce the form's total (a plain 得分 may be one indicator's and is not one).
    static let totalWords: [String] = ["自评总分", "自评得分", "综合得分", "评价得分", "绩效得分", "最终得分", "总得分",
                                       "总分"]
    /// Characters allowed between the word and the number.
    static let joiners: Set<Character> = ["为", "是", ":", "：", "达", "到", "共", "计", " ", "\u{3000}", "约"]
    static let maxGap = 4
    var rules: RuleSet

    func check(_ form: Form, totalScore: Decimal) -> [Diagnostic] {
        let notes = Set(form.notes.map(\.cell))
        let texts = ([form.conclusion].compactMap { $0 } + form.trailer).filter { !notes.contains($0.cell) }
        var diagnostics: [Diagnostic] = []
        for text in texts {
            guard let stated = Self.statedTotal(in: text.value), stated != totalScore else { continue }
            diagnostics.append(Diagnostic(.warning, "stated-total-mismatch", at: form.location(text.cell),
                                          Vocabulary.ScoringMessage.statedTotalMismatch(
                                              stated: ScoreText.plain(stated),
                                              computed: ScoreText.points(totalScore, rules))))
        }
        return diagnostics
    }

    /// The first total stated in `text`, or nil.
    static func statedTotal(in text: String) -> Decimal? {
        let characters = Array(text)
        var i = 0
        while i < characters.count {
            guard let word = totalWords.first(where: { matches($0, characters, at: i) }) else { i += 1; continue }
            var j = i + word.count
            var gap = 0
            while j < characters.count, joiners.contains(characters[j]), gap < maxGap { j += 1; gap += 1 }
            var literal = ""
            while j < characters.count, characters[j].isASCII, characters[j].isNumber || characters[j] == "." {
                literal.append(characters[j]); j += 1
            }
            let percent = j < characters.count && (characters[j] == "%" || characters[j] == "％")
            if !literal.isEmpty, !literal.hasSuffix("."), !percent, let value = Decimal.parsing(literal) { return value }
            i += word.count
        }
        return nil
    }

    private static func matches(_ word: String, _ characters: [Character], at index: Int) -> Bool {
        var k = index
        for c in word {
            guard k < characters.count, characters[k] == c else { return false }
            k += 1
        }
        return true
    }
}
