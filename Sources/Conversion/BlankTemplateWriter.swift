import CSV
import Foundation
import SelfEvaluation
import XLSXReport

/// Writes the empty official form (部门整体 or 项目支出), XLSX or CSV by the output's extension, atomically.
public enum BlankTemplateWriter {
    /// Writes the blank form to `path` (".csv" → the template's CSV grid, UTF-8 with BOM; else XLSX).
    /// An existing file is replaced only with `force` (a filled form is never lost to a blank one),
    /// and never when it is not a regular file.
    public static func write(to path: String, kind: TemplateKind = .department,
                             options: FormWorkbookOptions = FormWorkbookOptions(), force: Bool = false) throws(ConversionError) {
        let rule = OutputGuard(force: force)
        if path.lowercased().hasSuffix(".csv") {
            try AtomicFile.write(CSVWriter().bytes(BlankTemplate.rows(kind)), to: path, rule: rule)
        } else {
            try AtomicFile.write(to: path, rule: rule) { (temporary: String) throws(ConversionError) in
                do {
                    try BlankTemplate.write(to: temporary, kind: kind, options: options)
                } catch {
                    throw ConversionError(.writeFailed, path: path, OutputMessage.xlsxFailed(String(describing: error)))
                }
            }
        }
    }
}
