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
    static let totalWords = WordList(["自评总分", "自评得分", "综合得分", "评价得分", "绩效得分", "最终得分", "总得分", "总分"])
    /// Characters allowed between the word and the number (one scalar each).
    static let joiners: Set<Unicode.Scalar> = ["为", "是", ":", "：", "达", "到", "共", "计", " ", "\u{3000}", "约"]
    static let maxGap = 4
    var rules: RuleSet

    func check(_ form: Form, totalScore: Decimal) -> [Diagnostic] {
        let notes = Set(form.notes.map(\.cell))
        let texts = ([form.conclusion].compactMap { $0 } + form.trailer).filter { !notes.contains($0.cell) }
        var diagnostics: [Diagnostic] = []
        for text in texts {
            guard let stated = Self.statedTotal(in: text.value), stated != totalScore else { continue }
            diagnostics.append(Diagnostic(.statedTotalMismatch, at: form.location(text.cell),
                                          Message.statedTotalMismatch(
                                              stated: ScoreText.plain(stated),
                                              computed: ScoreText.points(totalScore, rules))))
        }
        return diagnostics
    }

    /// The first total stated in `text`, or nil. Read from the text's scalars in NFC
    /// (`ValueText.scalars(of:)`, searched with `WordList` like every word the rules find).
    static func statedTotal(in text: String) -> Decimal? {
        let scalars = ValueText.scalars(of: text)
        var i = 0
        while i < scalars.count {
            guard let word = totalWords.first(in: scalars, at: i) else { i += 1; continue }
            var j = i + word.length
            var gap = 0
            while j < scalars.count, joiners.contains(scalars[j]), gap < maxGap { j += 1; gap += 1 }
            var literal = String.UnicodeScalarView()
            while j < scalars.count, (0x30...0x39).contains(scalars[j].value) || scalars[j] == "." {
                literal.append(scalars[j]); j += 1
            }
            let percent = j < scalars.count && (scalars[j] == "%" || scalars[j] == "％")
            if !literal.isEmpty, literal.last != ".", !percent, let value = Decimal.parsing(String(literal)) {
                return value
            }
            i += word.length
        }
        return nil
    }
}

extension StatedTotalLint {
    enum Message {
        static func statedTotalMismatch(stated: String, computed: String) -> String {
            "单位文字中写明总分为\(stated),按各项得分合计应为\(computed),请核对。"
        }
    }
}
