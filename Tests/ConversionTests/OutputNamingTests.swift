@testable import Conversion
import SelfEvaluation
import Testing

struct OutputNamingTests {
    @Test func departmentName() {
        #expect(OutputNaming.baseName(unit: "黔南州人民政府驻广州办事处", year: 2023, template: .department)
                == "黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表")
        #expect(OutputNaming.baseName(unit: nil, year: nil, template: .department) == "未知单位-未知年度-部门整体支出绩效自评表")
    }

    @Test(arguments: [
        ("a/b", "a_b"), ("..", ""), ("../../etc/passwd", "_._etc_passwd"), ("C:\\x", "C__x"), ("a*b?c", "a_b_c"),
        ("x<y>|\"z\"", "x_y___z_"), ("tab\there", "tab here"), ("nul\u{0}byte", "nulbyte"), (" .hidden. ", "hidden"),
        ("CON", "_CON"), ("com1.txt", "_com1.txt"), ("LPT9", "_LPT9"), ("普通单位", "普通单位"),
    ])
    func sanitizes(_ raw: String, _ expected: String) {
        let safe = OutputNaming.sanitize(raw)
        #expect(safe == expected)
        #expect(!safe.contains("/"))
        #expect(!safe.contains(".."))
        #expect(!safe.contains { $0.unicodeScalars.contains { $0.value < 0x20 } })
    }

    @Test func hostileUnitsGiveSafeNames() {
        for unit in ["../../../root", "a/b/c", "x:y", "*?", String(repeating: "很长的单位名称", count: 40), "..", "/"] {
            let name = OutputNaming.baseName(unit: unit, year: 2023, template: .department)
            #expect(!name.contains("/") && !name.contains("\\") && !name.contains(":") && !name.contains("*") && !name.contains("?"))
            #expect(!name.hasPrefix("."))
            #expect(name.utf8.count <= OutputNaming.maxNameBytes)
            #expect(name.hasSuffix("-2023-部门整体支出绩效自评表"))
        }
    }

    @Test func longNamesKeepYearAndSuffix() {
        let unit = String(repeating: "单", count: 200)
        let name = OutputNaming.baseName(unit: unit, year: 2024, template: .project, project: String(repeating: "项", count: 200))
        #expect(name.utf8.count <= OutputNaming.maxNameBytes)
        #expect(name.hasSuffix("-2024-项目支出绩效自评表"))
    }

    @Test func uniqueNamesAreDeterministicAndCaseInsensitive() {
        let names = OutputNaming.unique(["a", "b", "a", "A", "a"], extension: "xlsx", taken: ["b.xlsx"])
        #expect(names == ["a.xlsx", "b-2.xlsx", "a-2.xlsx", "A-3.xlsx", "a-4.xlsx"])
        #expect(Set(names.map { $0.lowercased() }).count == names.count)
    }

    @Test func usedNamesAreFingerprintedCaseInsensitively() {
        #expect(UsedNames.fingerprint("a") == 0xaf63_dc4c_8601_ec8c)  // FNV-1a 64 of "a"
        #expect(UsedNames.fingerprint("单位-2023.XLSX") == UsedNames.fingerprint("单位-2023.xlsx"))
        var used = UsedNames(["汇总表.xlsx"])
        #expect(used.contains("汇总表.XLSX"))
        #expect(!used.contains("汇总表-2.xlsx"))
        used.insert("汇总表-2.xlsx")
        #expect(used.contains("汇总表-2.xlsx"))
    }

    @Test func tenThousandDistinctNamesKeepTheirNames() {
        let bases = (0..<10_000).map { "单位\($0)-2023-部门整体支出绩效自评表" }
        let names = OutputNaming.unique(bases, extension: "xlsx")
        #expect(names == bases.map { $0 + ".xlsx" })
    }
}

extension OutputNaming {
    /// Unique file names for `bases` in order, as a batch gives them out.
    static func unique(_ bases: [String], extension ext: String, taken: Set<String> = []) -> [String] {
        var used = UsedNames(taken)
        return bases.map { uniqueName($0, extension: ext, used: &used) }
    }
}
