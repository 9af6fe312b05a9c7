extension FormWorkbook {
    /// The name of the 评分明细 sheet: a workbook reader skips it when looking for the form.
    public static let detailSheetName = WorkbookWords.detailSheet
    /// The note written under the table of a scored workbook: figures edited by hand must be
    /// re-scored with selfeval.
    public static let rescoreNote = WorkbookWords.rescoreNote
}
