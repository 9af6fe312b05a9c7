import CSV
import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing

/// "Not a form of ours is an error" (issue #16): a CSV of another sheet fails with `not-a-form`,
/// and every form the repository holds still reads.
struct FormRecognitionTests {
    /// Every input form under Fixtures/ (the malformed corpus and fuzz findings aside).
    static func allFixtureForms() -> [String] {
        let root = FixturePaths.fixture("")
        let skipped = ["malformed", "fuzz-regressions", "golden", "rules"]
        guard let walker = FileManager.default.enumerator(atPath: root) else { return [] }
        var found: [String] = []
        for case let path as String in walker {
            if skipped.contains(where: { path.hasPrefix($0 + "/") || path == $0 }) { continue }
            if path.hasSuffix(".csv") || path.hasSuffix(".tsv") || path.hasSuffix(".txt") { found.append(path) }
        }
        return found.sorted()
    }

    @Test func thereAreRealFormsToCheck() {
        let forms = Self.allFixtureForms()
        #expect(forms.filter { $0.hasPrefix("real/") }.count >= 25)
        #expect(forms.contains("seed-qiannan-guangzhou-2023.txt"))
    }

    @Test(arguments: allFixtureForms())
    func noFixtureFormIsTakenForAnotherSheet(_ name: String) {
        do {
            _ = try FormLoader().load(path: FixturePaths.fixture(name))
        } catch {
            // Some real forms fail for their own reasons (a missing column); never as not-a-form.
            #expect(error.diagnostic.code != .notAForm, "\(name): \(error)")
        }
    }

    /// The reference form with its first `cut` rows removed.
    static func referenceRows(droppingFirst cut: Int) throws -> [[String]] {
        Array(try CSVReader().read(contentsOf: FixturePaths.fixture("qiannan-guangzhou-2023.csv")).rows.dropFirst(cut))
    }

    @Test func aTableWithoutTitleUnitOrYearIsNotAForm() throws {
        let rows = try Self.referenceRows(droppingFirst: 4)
        let document = CSVDocument(file: "other.csv", rows: rows)
        #expect(throws: FormError.self) { try FormLoader().load(document: document) }
        do {
            _ = try FormLoader().load(document: document)
        } catch {
            #expect(error.diagnostic.code == .notAForm)
            #expect(error.diagnostic.severity == .error)
            #expect(error.diagnostic.message.contains("自评表"))
        }
    }

    /// Each one of title, unit and year is enough to keep a form a form.
    @Test(arguments: [0, 1, 2])
    func anyOneOfTitleUnitYearKeepsAForm(_ kept: Int) throws {
        let full = try Self.referenceRows(droppingFirst: 0)
        // rows 1 title, 2 year, 3 unit: keep one of them, blank the others
        var rows = full
        for index in 0..<3 where index != kept { rows[index] = Array(repeating: "", count: rows[index].count) }
        rows[3] = Array(repeating: "", count: rows[3].count)  // 部门(单位)名称 would give the unit again
        let loaded = try FormLoader().load(document: CSVDocument(file: "kept.csv", rows: rows))
        #expect(!loaded.form.scoredIndicators.isEmpty)
    }

    @Test func theDetailSheetExportedIsNotAForm() throws {
        // The header of the 评分明细 sheet as selfeval writes it.
        var rows: [[String]] = [["行号", "一级指标", "二级指标", "三级指标", "年度指标值(A)", "A 解析为", "实际完成值(B)",
                                 "B 解析为", "类型", "计算方法", "分值", "得分"]]
        for index in 1...5 {
            rows.append(["\(12 + index)", "产出指标", "数量指标", "指标\(index)", "≥10家", "≥ 10 家", "12家", "12 家",
                         "定量", "B/A", "5", "5"])
        }
        // With the title rows of the form above it, it is still the detail sheet.
        let withTitle = [["部门整体支出绩效目标自评表"], ["(2023年度)"], ["单位(盖章): 某单位"]] + rows
        for grid in [rows, withTitle] {
            do {
                let loaded = try FormLoader().load(document: CSVDocument(file: "detail.csv", rows: grid))
                Issue.record("read as a form: \(loaded.form.scoredIndicators.count) indicators")
            } catch {
                #expect([.notAForm, .missingColumn, .missingIndicatorHeader, .noIndicators].contains(error.diagnostic.code),
                        "\(error)")
            }
        }
    }
}
