import Foundation
import SelfEvaluation

/// Writes a scored form as the workbook finance officers submit:
///
/// 1. sheet **自评表**, the printed form laid out as the template's grid (``FormLayout``): every
///    input cell (unrecognised cells and extra columns included) with the engine's cells
///    replaced, the grid's merges, 宋体 with a 黑体 title, thin borders on the whole table,
///    row heights that show every wrapped line, numbers as numbers, 执行率 / budget 得分 / 总分
///    as formulas with correct cached values (``ScoredCells``), a comment on each cell the
///    engine filled or changed, A4 portrait fitted to one page wide;
/// 2. sheet **评分明细**, one row per scored line and every diagnostic (``DetailSheetWriter``).
///
/// Document properties: the form's title, unit and year, author, keywords, and the custom
/// properties 总分, 自评等级 and 规则. With a pinned date (``FormWorkbookOptions/created`` or
/// `SOURCE_DATE_EPOCH`) the output is byte-identical for identical input.
public struct FormWorkbook: Sendable {
    /// How the workbook is written.
    public var options: FormWorkbookOptions

    /// The name of the 评分明细 sheet: a workbook reader skips it when looking for the form.
    public static let detailSheetName = WorkbookWords.detailSheet
    /// The note written under the table of a scored workbook: figures edited by hand must be
    /// re-scored with selfeval.
    public static let rescoreNote = WorkbookWords.rescoreNote

    /// A writer with `options`.
    public init(options: FormWorkbookOptions = FormWorkbookOptions()) {
        self.options = options
    }

    /// Writes `scored` to `path` (the file is created on close; write to a temporary name and
    /// rename for atomicity).
    ///
    /// - Throws: ``XLSXError`` naming the operation and the cell, range or file that failed.
    public func write(_ scored: ScoredForm, to path: String) throws(XLSXError) {
        try XLSXError.typed("FormWorkbook.write") {
            let workbook = try Workbook(path: path, options: options)
            try setProperties(of: workbook, form: scored.form)
            let words = WorkbookWords.self
            if scored.isGraded { try workbook.setCustomProperty(words.propertyTotal, .number(scored.totalScore)) }
            try workbook.setCustomProperty(words.propertyGrade, .text(scored.gradeLabel))
            try workbook.setCustomProperty(words.propertyRules, .text(scored.ruleSet.name))
            try workbook.setCustomProperty(words.propertyNeedsReview, .boolean(scored.needsReview))

            let grid = ScoredGrid(scored)
            let layout = FormLayout(form: scored.form, rows: grid.rows)
            let cells = ScoredCells(scored, grid: grid)
            let formSheet = try workbook.addWorksheet(name: words.formSheet)
            try FormSheetWriter(layout: layout, contents: cells.contents, comments: cells.comments,
                                commentAuthor: options.author,
                                noteUnderTable: Self.rescoreNote, marked: cells.marked).write(to: formSheet)
            let detailSheet = try workbook.addWorksheet(name: words.detailSheet)
            try DetailSheetWriter(scored: scored).write(to: detailSheet)
            try workbook.close()
        }
    }

    func setProperties(of workbook: Workbook, form: Form) throws {
        let words = WorkbookWords.self
        let title = form.title.map { LabelText.trim($0.value) } ?? Vocabulary.departmentTitle
        let unit = form.unit.map { LabelText.trim($0.value) } ?? ""
        try workbook.setProperties(
            title: title, subject: words.subject(unit: unit, year: form.year?.value), author: options.author,
            company: unit.isEmpty ? nil : unit,
            keywords: form.template == .project ? words.projectKeywords : words.keywords)
    }
}

/// How ``FormWorkbook`` and ``BlankTemplate`` write a workbook: the workbook's own options.
public typealias FormWorkbookOptions = WorkbookOptions
