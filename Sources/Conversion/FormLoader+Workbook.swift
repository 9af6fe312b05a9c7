import Foundation
import CSV
import SelfEvaluation
import Spreadsheet
import XLSXReport

extension FormLoader {
    /// One form of a file: where it is (the path, or `path[sheet]` when its workbook holds more
    /// than one form) and the form read, or why it could not be.
    public struct Each: Sendable {
        public var source: String
        public var result: Result<Loaded, FormError>
    }

    /// Every form of the file at `path`: one for a CSV file, a workbook holding one form or a
    /// `--sheet` choice; one per form sheet for a workbook holding several (its other sheets — a
    /// cover, notes, selfeval's 评分明细 — skipped). A file that cannot be read at all is one
    /// failure.
    public func loadEach(path: String) -> [Each] {
        do {
            let documents = try documents(path: path, every: true)
            return documents.map { document in
                Each(source: document.file, result: Result { () throws(FormError) in try load(document: document) })
            }
        } catch {
            return [Each(source: path, result: .failure(error))]
        }
    }

    /// How a command-line user chooses one of several form sheets: the end of the
    /// `several-forms` message (a caller that has no `--sheet`, such as the web page, replaces it
    /// with its own advice).
    public static let severalFormsChoice = "用 --sheet 名称或序号选定一张;batch 和 check 会逐张读取全部"

    /// The form sheets of a workbook to read: the sheet `sheet` names; else every form sheet
    /// when `every`; otherwise the only form sheet — a workbook holding several forms is an
    /// error (`several-forms`, naming them) rather than a silent choice of the first. Locations
    /// read `FILE.xlsx:ROW:COL`, or `FILE.xlsx[sheet]:ROW:COL` when the workbook holds more than one form. A workbook of
    /// several sheets without a form sheet is one error (`no-form-sheet`); a workbook of one sheet
    /// is read as that sheet's CSV export would be (the same error as the CSV's).
    func workbookDocuments(bytes: [UInt8], path: String, every: Bool) throws(FormError) -> [CSVDocument] {
        func reading<T>(_ body: () throws(SpreadsheetError) -> T) throws(FormError) -> T {
            do { return try body() } catch { throw FormError(DiagnosticCode(spreadsheet: error.code), at: error.location, error.message) }
        }
        let workbook = try reading { () throws(SpreadsheetError) in try SpreadsheetReader(limits: limits).open(bytes: bytes, file: path) }
        func sheetAt(_ i: Int) throws(FormError) -> SpreadsheetReader.Sheet {
            try reading { () throws(SpreadsheetError) in try workbook.sheet(i, qualified: false) }
        }
        // `--sheet`: exactly the sheet named (even 评分明细), read before any other.
        var chosen: (index: Int, sheet: SpreadsheetReader.Sheet)?
        if let wanted = sheet {
            let index = try reading { () throws(SpreadsheetError) in try workbook.index(of: wanted) }
            chosen = (index, try sheetAt(index))
        }
        var forms: [SpreadsheetReader.Sheet] = []
        var read: [SpreadsheetReader.Sheet] = []
        // selfeval's own 评分明细 sheet is never a form: not even read.
        for i in workbook.sheetNames.indices where workbook.sheetNames[i] != FormWorkbook.detailSheetName {
            let sheet: SpreadsheetReader.Sheet
            if let chosen, chosen.index == i { sheet = chosen.sheet } else { sheet = try sheetAt(i) }
            read.append(sheet)
            if FormLoader.isForm(sheet.document) { forms.append(sheet) }
        }
        func named(_ sheet: SpreadsheetReader.Sheet) -> CSVDocument {
            var document = sheet.document
            if forms.count > 1 { document.file = "\(path)[\(sheet.name)]" }
            return document
        }
        if let chosen { return [named(chosen.sheet)] }
        guard let first = forms.first else {
            // One sheet: read as its CSV export would be, for the template reader's own error.
            if read.count == 1, let only = read.first { return [only.document] }
            throw FormError(.noFormSheet, at: SourceLocation(file: path, row: 1, column: 1),
                            ConversionWords.noFormSheet(workbook.sheetNames))
        }
        if every { return forms.map(named) }
        if forms.count > 1 {
            throw FormError(.severalForms, at: SourceLocation(file: path, row: 1, column: 1),
                            ConversionWords.severalForms(forms.map(\.name)))
        }
        return [named(first)]
    }

    /// Whether a sheet holds a form: a title ending 自评表 (or 自评表 and a bracketed year:
    /// "部门整体支出绩效自评表(2021年度)"), or the indicator header (一级指标, 二级指标 and 三级指标
    /// in one row).
    static func isForm(_ document: CSVDocument) -> Bool {
        for row in document.rows {
            var levels = 0
            for cell in row {
                let text = cell.filter { !$0.isWhitespace }
                if isTitle(text) { return true }
                if text == Vocabulary.level1Label || text == Vocabulary.level3Label || text == Vocabulary.level2Label { levels += 1 }
            }
            if levels >= 3 { return true }
        }
        return false
    }

    /// "…自评表", or "…自评表" followed by one short bracketed part ("(2021年度)", "（2023年）").
    static func isTitle(_ text: String) -> Bool {
        guard let marker = text.range(of: Vocabulary.formTitleMarker, options: .backwards) else { return false }
        let rest = text[marker.upperBound...]
        if rest.isEmpty { return true }
        guard let first = rest.first, let last = rest.last, rest.count <= 12 else { return false }
        return "(（".contains(first) && ")）".contains(last)
    }
}
