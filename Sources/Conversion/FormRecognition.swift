import CSV
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

    /// The error for a grid that is not a form of ours; nil for a form.
    static func problem(_ form: Form) -> FormError? {
        let here = SourceLocation(file: form.source, row: 1, column: 1)
        if let header = form.indicatorHeader, header.headerRow >= 1, header.headerRow <= form.document.rows.count {
            // Only a cell with white space at an end is trimmed (`String.hasVisibleEnds`).
            let cells = form.document.rows[header.headerRow - 1]
            if cells.contains(where: { detailSheetWords.contains($0.hasVisibleEnds ? $0 : $0.trimmingCharacters(in: .whitespaces)) }) {
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
