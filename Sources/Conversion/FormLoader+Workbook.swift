import Foundation
import CSV
import SelfEvaluation
import Spreadsheet
import XLSXReport

extension FormLoader {
    /// The whole file when its first bytes say it is not text (a workbook, a PDF …); nil for a
    /// text file, which the CSV reader reads as before. The size limit is checked first.
    func workbookBytes(path: String) throws(FormError) -> [UInt8]? {
        let here = SourceLocation(file: path, row: 1, column: 1)
        guard let handle = FileHandle(forReadingAtPath: path) else { return nil }  // the CSV reader says why
        defer { try? handle.close() }
        let prefix = (try? handle.read(upToCount: 8)) ?? Data()
        guard FileSignature(prefix: prefix) != .text else { return nil }
        let size = (try? handle.seekToEnd()).map { Int($0) } ?? 0
        if size > limits.maxBytes {
            throw FormError(CSVError(.fileTooLarge, at: here, "文件有 \(size) 字节,超过上限 \(limits.maxBytes) 字节(max-bytes)"))
        }
        do {
            try handle.seek(toOffset: 0)
            return [UInt8](try handle.read(upToCount: limits.maxBytes + 1) ?? Data())
        } catch {
            throw FormError(CSVError(.unreadable, at: here, "无法读取文件: \(error.localizedDescription)"))
        }
    }

    /// Reads the form of a workbook: the sheet `sheet` names, else the first sheet that is a form
    /// (the first sheet when none is). Locations read `FILE.xlsx:ROW:COL`, or
    /// `FILE.xlsx[sheet]:ROW:COL` when the workbook holds more than one form.
    func loadWorkbook(bytes: [UInt8], path: String) throws(FormError) -> Loaded {
        let sheets = try formSheets(bytes: bytes, path: path)
        return try load(document: sheets.chosen)
    }

    /// Every sheet of a workbook that is a form (selfeval's own 评分明细 sheet never is), and the
    /// one to read.
    func formSheets(bytes: [UInt8], path: String) throws(FormError) -> (forms: [SpreadsheetReader.Sheet], chosen: CSVDocument) {
        do {
            let workbook = try SpreadsheetReader(limits: limits).open(bytes: bytes, file: path)
            var forms: [SpreadsheetReader.Sheet] = []
            var all: [SpreadsheetReader.Sheet] = []
            for i in workbook.sheetNames.indices {
                let sheet = try workbook.sheet(i, qualified: false)
                all.append(sheet)
                if sheet.name != FormWorkbook.detailSheetName, FormLoader.isForm(sheet.document) { forms.append(sheet) }
            }
            let qualified = forms.count > 1
            func named(_ sheet: SpreadsheetReader.Sheet) -> SpreadsheetReader.Sheet {
                var s = sheet
                if qualified { s.document.file = "\(path)[\(s.name)]" }
                return s
            }
            forms = forms.map(named)
            let chosen: SpreadsheetReader.Sheet
            if let wanted = sheet {
                chosen = named(all[try workbook.index(of: wanted)])
            } else {
                chosen = forms.first ?? all[0]
            }
            return (forms, chosen.document)
        } catch {
            throw FormError(error.code, at: error.location, error.message)
        }
    }

    /// Whether a sheet holds a form: a title ending 自评表, or the indicator header (一级指标,
    /// 二级指标 and 三级指标 in one row).
    static func isForm(_ document: CSVDocument) -> Bool {
        for row in document.rows {
            var levels = 0
            for cell in row {
                let text = cell.filter { !$0.isWhitespace }
                if text.hasSuffix(Vocabulary.formTitleMarker) { return true }
                if text == Vocabulary.level1Label || text == Vocabulary.level3Label || text == Vocabulary.level2Label { levels += 1 }
            }
            if levels >= 3 { return true }
        }
        return false
    }
}
