import CSV
import Foundation
@testable import SelfEvaluation
import TestSupport
import Testing

/// Issue #16: a WPS export that writes a merged 一级/二级指标 label (and 绩效指标) into every row of
/// its block reads as the merged label: the same report as the form itself, no false
/// `label-points-mismatch` per row.
struct RepeatedMergedLabelTests {
    /// Every fixture form with 一级/二级 columns.
    static let forms: [String] = {
        var names: [String] = []
        for folder in ["", "project", "real"] {
            let files = (try? FileManager.default.contentsOfDirectory(atPath: FixturePaths.fixture(folder))) ?? []
            for file in files.sorted() where file.hasSuffix(".csv") {
                names.append(folder.isEmpty ? file : folder + "/" + file)
            }
        }
        return names
    }()

    static func document(_ name: String) throws -> CSVDocument {
        var document = try CSVReader().read(contentsOf: FixturePaths.fixture(name))
        document.file = "form.csv"
        return document
    }

    /// The JSON report of a grid, or nil when it is no form.
    static func report(_ document: CSVDocument) -> String? {
        guard let (form, diagnostics) = try? TemplateReader().read(document),
              let scored = try? Scorer.score(form) else { return nil }
        return String(decoding: ScoreReport(scored, diagnostics: diagnostics + scored.diagnostics).jsonBytes(), as: UTF8.self)
    }

    /// The grid as WPS writes it: each indicator row holds its 一级 and 二级 label (and the
    /// section label, when the form has one left of them).
    static func repeatingLabels(_ document: CSVDocument) throws -> CSVDocument {
        let (form, _) = try TemplateReader().read(document)
        var copy = document
        guard let columns = form.indicatorHeader, columns.level1 > 0 else { return copy }
        func put(_ row: Int, _ column: Int, _ text: String) {
            guard column >= 1, row >= 1, row <= copy.rows.count else { return }
            while copy.rows[row - 1].count < column { copy.rows[row - 1].append("") }
            copy.rows[row - 1][column - 1] = text
        }
        for indicator in form.indicators where !indicator.level1.value.isEmpty && !indicator.level2.value.isEmpty {
            put(indicator.row, columns.level1, document[indicator.level1.cell.row, indicator.level1.cell.column])
            put(indicator.row, columns.level2, document[indicator.level2.cell.row, indicator.level2.cell.column])
            if let section = columns.sectionLabel, section.column < columns.level1 {
                put(indicator.row, section.column, document[section.row, section.column])
            }
        }
        return copy
    }

    @Test("the form with its labels repeated down every block gives the form's own report", arguments: forms)
    func repeatedLabelsReadAsMerged(_ name: String) throws {
        let document = try Self.document(name)
        guard let original = Self.report(document) else { return }  // a form that fails has nothing to compare
        let repeated = try Self.repeatingLabels(document)
        #expect(Self.report(repeated) == original)
    }

    @Test func theWPSFixtureReadsAsTheReferenceForm() throws {
        var reference = try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv"))
        var wps = try CSVReader().read(contentsOf: FixturePaths.fixture("variants/wps-repeated-labels.csv"))
        reference.file = "form.csv"
        wps.file = "form.csv"
        // The fixture really repeats the labels: 产出指标(60分) in 13 rows, 数量 in 5.
        #expect(wps.rows.filter { $0.count > 1 && $0[1] == "产出指标(60分)" }.count == 13)
        #expect(wps.rows.filter { $0.count > 2 && $0[2] == "数量" }.count == 5)
        let report = try #require(Self.report(wps))
        #expect(report == Self.report(reference))
        #expect(report.components(separatedBy: "label-points-mismatch").count == 2)  // the one real mismatch (60 vs 50)
    }

    @Test(arguments: [
        ("产出指标", "产出指标", "产出指标", true),  // repeated down the block
        ("产出指标", "产出指标", "一级指标", false),  // the block's first row (under the header)
        ("产出指标", "产出指标", "", false),  // below a blank cell: a new block, as with real merges
        ("效益指标", "产出指标", "产出指标", false),  // another label
        ("产出指标", nil, "产出指标", false),  // no block yet
        ("", "产出指标", "产出指标", false),
        ("产出指标", "产出指标", " 产出指标 ", true),
    ] as [(String, String?, String, Bool)])
    func whatContinuesABlock(_ text: String, _ current: String?, _ above: String, _ continues: Bool) {
        #expect(RepeatedMergedLabel.continues(text, current: current, above: above) == continues)
    }
}
