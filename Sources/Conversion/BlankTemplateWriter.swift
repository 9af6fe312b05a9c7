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
        try AtomicFile.write(to: path, rule: OutputGuard(force: force)) { (temporary: String) throws(ConversionError) in
            if path.lowercased().hasSuffix(".csv") {
                return try AtomicFile.writeDirectly(CSVWriter().bytes(BlankTemplate.rows(kind)), to: temporary)
            }
            do {
                try BlankTemplate.write(to: temporary, kind: kind, options: options)
            } catch {
                throw ConversionError(.writeFailed, path: path, OutputMessage.xlsxFailed(String(describing: error)))
            }
        }
    }
}
