import CSV
import Foundation
import SelfEvaluation
import TestSupport
import Testing

/// The codes are one type: the README's table lists exactly its cases, every code a lower layer
/// throws is one of them, and a note is a note because of its code.
@Suite struct DiagnosticCodeTests {
    /// The backquoted codes of the README's table of codes ("Diagnostics and exit status").
    static func readmeCodes() throws -> [String] {
        let readme = try String(contentsOf: FixturePaths.root.appendingPathComponent("README.md"), encoding: .utf8)
        let section = try #require(readme.components(separatedBy: "### Diagnostics and exit status").dropFirst().first)
        let table = section.components(separatedBy: "| stage | codes |").dropFirst().first ?? ""
        let rows = table.split(separator: "\n").dropFirst().prefix { $0.hasPrefix("|") }
        return rows.flatMap { row in
            row.split(separator: "|").dropFirst().first.map { cell in
                cell.split(separator: "`").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) }
            } ?? []
        }
    }

    @Test func theReadmeTableListsExactlyTheCodes() throws {
        let documented = try Self.readmeCodes()
        #expect(documented.count == Set(documented).count, "a code listed twice")
        #expect(Set(documented) == Set(DiagnosticCode.allCases.map(\.rawValue)))
        #expect(documented == DiagnosticCode.allCases.map(\.rawValue), "the table follows the type's order")
    }

    @Test func rawValuesAreStableKebabCase() {
        for code in DiagnosticCode.allCases {
            #expect(code.rawValue.allSatisfy { $0.isASCII && ($0.isLowercase || $0.isNumber || $0 == "-") }, "\(code)")
            #expect("\(code)" == code.rawValue)
            #expect(DiagnosticCode(rawValue: code.rawValue) == code)
        }
    }

    /// Every code the CSV and spreadsheet readers write in their sources is a case (they cannot
    /// name the type: they sit below it).
    @Test(arguments: [("Sources/CSV", #"case \w+ = "([a-z0-9-]+)""#),
                      ("Sources/Spreadsheet", #"SpreadsheetError\("([a-z0-9-]+)""#)])
    func lowerLayersCodesAreCases(_ folder: String, _ pattern: String) throws {
        let dir = FixturePaths.root.appendingPathComponent(folder)
        let files = try FileManager.default.contentsOfDirectory(atPath: dir.path).filter { $0.hasSuffix(".swift") }
        let regex = try NSRegularExpression(pattern: pattern)
        var found: Set<String> = []
        for file in files where folder != "Sources/CSV" || file == "CSVError.swift" {
            let text = try String(contentsOf: dir.appendingPathComponent(file), encoding: .utf8)
            for match in regex.matches(in: text, range: NSRange(text.startIndex..., in: text)) {
                if let range = Range(match.range(at: 1), in: text) { found.insert(String(text[range])) }
            }
        }
        #expect(found.count >= 8)
        for code in found { #expect(DiagnosticCode(rawValue: code) != nil, "\(folder): \(code)") }
        for code in found { #expect(DiagnosticCode(spreadsheet: code).rawValue == code) }
    }

    @Test(arguments: [
        CSVError.Kind.unterminatedQuote, .invalidEncoding, .mixedEncoding, .nulByte, .emptyFile, .fileTooLarge,
        .tooManyRows, .tooManyColumns, .cellTooLong, .unreadable,
    ])
    func aCSVKindKeepsItsCode(_ kind: CSVError.Kind) {
        let here = SourceLocation(file: "a.csv", row: 2, column: 3)
        let error = FormError(CSVError(kind, at: here, "消息"))
        #expect(error.diagnostic.code.rawValue == kind.rawValue)
        #expect(error.diagnostic.severity == .error)
        #expect(error.description == CSVError(kind, at: here, "消息").description)
    }

    /// A note code makes a warning a note; an error stays an error; other codes stay warnings.
    @Test func theLevelFollowsTheCode() {
        let here = SourceLocation(file: "a.csv", row: 1, column: 1)
        let notes = DiagnosticCode.allCases.filter(\.isNote).map(\.rawValue)
        #expect(Set(notes) == ["over-achievement", "row-realigned", "direction-inferred", "cell-not-recognised",
                               "value-not-given", "target-implied", "section-weight-overridden", "level1-from-section"])
        for code in DiagnosticCode.allCases {
            #expect(Diagnostic(code, at: here, "").severity == (code.isNote ? .note : .warning), "\(code)")
            #expect(Diagnostic(.error, code, at: here, "").severity == .error, "\(code)")
            #expect(FormError(code, at: here, "").diagnostic.severity == .error, "\(code)")
        }
        #expect(Diagnostic(.budgetMissing, at: here, "未找到").description == "a.csv:1:A: warning: [budget-missing] 未找到")
    }
}
