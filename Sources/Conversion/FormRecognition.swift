import CSV
import Foundation
import SelfEvaluation

/// After a grid was read as a form: is it a form of ours at all? A CSV of some other sheet (the
/// 评分明细 sheet exported, a list with 一级/二级/三级 columns) reads as "a form" with no title,
/// no unit and no year; converting it gave `未知单位-未知年度-….xlsx` and exit 0. It is an error
/// (`not-a-form`) instead.
///
/// Narrow on purpose: a real form whose unit and year the reader missed (inline labels of some
/// local exports) still has its title and passes; every file of `Fixtures/` and `Fixtures/real/`
/// is tested.
enum FormRecognition {
    /// Header words that only the 评分明细 sheet written by selfeval has.
    static let detailSheetWords: Set<String> = ConversionWords.detailSheetHeader

    /// `text` without spaces and tabs at its ends; only a text with white space at an end is trimmed.
    private static func trimmed(_ text: String) -> String {
        let scalars = text.unicodeScalars
        let spaced = [scalars.first, scalars.last].contains { $0?.properties.isWhitespace ?? false }
        return spaced ? text.trimmingCharacters(in: .whitespaces) : text
    }

    /// The error for a grid that is not a form of ours; nil for a form.
    static func problem(_ form: Form) -> FormError? {
        let here = SourceLocation(file: form.source, row: 1, column: 1)
        if let header = form.indicatorHeader, header.headerRow >= 1, header.headerRow <= form.document.rows.count {
            let cells = form.document.rows[header.headerRow - 1]
            if cells.contains(where: { detailSheetWords.contains(trimmed($0)) }) {
                return FormError(.notAForm, at: SourceLocation(file: form.source, row: header.headerRow, column: 1),
                                 ConversionWords.detailSheet)
            }
        }
        if form.title == nil, form.unit == nil, form.year == nil {
            return FormError(.notAForm, at: here, ConversionWords.noTitleUnitYear)
        }
        return nil
    }
}
