// libFuzzer harness for the whole convert path to a workbook: bytes → a file → Converter.convert
// (read, template, score, FormWorkbook through libxlsxwriter, atomic rename) → every XML part of
// the .xlsx must be well-formed XML 1.0; a 汇总表 of the form (SummaryWorkbook, the batch's
// summary) too. Every failure to convert must be a thrown ConversionError, never a trap.
// Built by scripts/fuzz.sh; see Fuzz/README.md.
import CSV
import Conversion
import Foundation
import SelfEvaluation
import XLSXReport

/// The checker: one python3 process for the whole run, reading an .xlsx path per line and
/// answering `ok` or `PART<TAB>ERROR` after parsing every .xml, .rels and .vml part with expat
/// (strict XML 1.0: undefined entities, bad characters, character references and mismatched tags
/// are errors).
final class XMLChecker {
    static let shared = XMLChecker()
    private let input: FileHandle
    private let output: FileHandle
    private var pending = Data()

    private static let script = """
        import sys, zipfile, xml.parsers.expat
        for line in sys.stdin:
            path = line.rstrip('\\n')
            answer = 'ok'
            try:
                with zipfile.ZipFile(path) as z:
                    for name in z.namelist():
                        if name.endswith(('.xml', '.rels', '.vml')):
                            try:
                                xml.parsers.expat.ParserCreate().Parse(z.read(name), True)
                            except xml.parsers.expat.ExpatError as e:
                                answer = name + '\\t' + str(e)
                                break
            except Exception as e:
                answer = 'zip\\t' + repr(e)
            sys.stdout.write(answer + '\\n')
            sys.stdout.flush()
        """

    private init() {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-u", "-c", Self.script]
        let toChild = Pipe(), fromChild = Pipe()
        process.standardInput = toChild
        process.standardOutput = fromChild
        do { try process.run() } catch { fatalError("cannot start python3: \(error)") }
        input = toChild.fileHandleForWriting
        output = fromChild.fileHandleForReading
    }

    /// nil when every XML part of the workbook at `path` is well-formed, else the part and why.
    func problem(_ path: String) -> String? {
        input.write(Data((path + "\n").utf8))
        while true {
            if let newline = pending.firstIndex(of: 0x0A) {
                let line = String(decoding: pending[pending.startIndex..<newline], as: UTF8.self)
                pending = Data(pending[pending.index(after: newline)...])
                return line == "ok" ? nil : line
            }
            // read(2) with EINTR retried: FileHandle.availableData traps on an interrupted read
            // (a signal during a 10-minute run stopped the harness itself, not the code under test).
            var block = [UInt8](repeating: 0, count: 4096)
            let n = block.withUnsafeMutableBytes { read(output.fileDescriptor, $0.baseAddress, $0.count) }
            if n < 0, errno == EINTR { continue }
            if n <= 0 { fatalError("the XML checker (python3) stopped") }
            pending.append(contentsOf: block[0..<n])
        }
    }
}

/// A scratch folder for the run (tmpfs when there is one).
let scratch: String = {
    let base = FileManager.default.fileExists(atPath: "/dev/shm") ? "/dev/shm" : NSTemporaryDirectory()
    let path = (base as NSString).appendingPathComponent("fuzz-workbook-\(getpid())")
    try? FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
    return path
}()

/// The libFuzzer entry point.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzz(_ data: UnsafePointer<UInt8>, _ size: Int) -> CInt {
    let input = (scratch as NSString).appendingPathComponent("form.csv")
    let output = (scratch as NSString).appendingPathComponent("form.xlsx")
    let summary = (scratch as NSString).appendingPathComponent("summary.xlsx")
    try? FileManager.default.removeItem(atPath: output)
    try? FileManager.default.removeItem(atPath: summary)
    guard FileManager.default.createFile(atPath: input, contents: Data(bytes: data, count: size)) else {
        fatalError("cannot write \(input)")
    }
    let options = FormWorkbookOptions(temporaryDirectory: scratch, created: Date(timeIntervalSince1970: 1_700_000_000),
                                      sourceDateEpoch: nil)
    let converted: Converter.Scored
    do {
        converted = try Converter(xlsx: options).convert(input: input, output: output, format: .xlsx).scored
    } catch {
        precondition(!FileManager.default.fileExists(atPath: output), "a failed conversion left \(output)")
        return 0
    }
    if let problem = XMLChecker.shared.problem(output) {
        fatalError("form workbook not well-formed: \(problem)")
    }
    // The batch's summary workbook with this form's texts in every text column.
    let form = converted.scored.form
    let unit = form.unit?.value ?? ""
    let row = SummaryRow(source: input + unit, templateLabel: form.title?.value ?? "", unit: unit,
                         project: form.title?.value ?? "", supervisor: unit, year: form.year?.value,
                         total: converted.scored.totalScore, grade: converted.scored.grade.label,
                         warnings: converted.diagnostics.count, succeeded: true, output: unit + ".xlsx")
    let errors = converted.diagnostics.prefix(3).map {
        SummaryError(source: input, place: "\($0.location.row):\($0.location.column)", code: $0.code, message: $0.message)
    }
    do {
        try SummaryWorkbook(options: WorkbookOptions(temporaryDirectory: scratch, sourceDateEpoch: "1700000000"))
            .write(rows: [row], errors: Array(errors), to: summary)
    } catch {
        fatalError("the summary workbook failed: \(error)")
    }
    if let problem = XMLChecker.shared.problem(summary) {
        fatalError("summary workbook not well-formed: \(problem)")
    }
    return 0
}
