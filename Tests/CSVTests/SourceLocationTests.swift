import CSV
import TestSupport
import Testing

/// `SourceLocation.description` is built from bytes: it must read as the interpolation it
/// replaced, `file:row:letter` (no `file:` for in-memory input, `A` for a whole-row location).
@Suite("SourceLocation description")
struct SourceLocationTests {
    static func reference(_ location: CSV.SourceLocation) -> String {
        let col = location.column > 0 ? CSV.SourceLocation.letter(forColumn: location.column) : "A"
        return location.file.isEmpty ? "\(location.row):\(col)" : "\(location.file):\(location.row):\(col)"
    }

    @Test(arguments: [
        ("", 1, 1, "1:A"), ("f.csv", 1, 1, "f.csv:1:A"), ("f.csv", 10, 26, "f.csv:10:Z"),
        ("f.csv", 123, 27, "f.csv:123:AA"), ("表/自评表.csv", 7, 0, "表/自评表.csv:7:A"),
        ("b.xlsx[Sheet1]", 0, 703, "b.xlsx[Sheet1]:0:AAA"), ("x", -4, -1, "x:-4:A"),
        ("x", Int.max, 16_384, "x:\(Int.max):XFD"), ("x", Int.min, 1, "x:\(Int.min):A"),
    ])
    func reads(_ file: String, _ row: Int, _ column: Int, _ expected: String) {
        #expect(CSV.SourceLocation(file: file, row: row, column: column).description == expected)
    }

    @Test func seededLocationsReadAsTheInterpolation() {
        var rng = SeededGenerator(seed: 0x5EED)
        let files = ["", "a.csv", "目录/部门整体支出绩效目标自评表.csv", "😀.xlsx[表1]"]
        for _ in 0..<2_000 {
            let location = CSV.SourceLocation(file: files.randomElement(using: &rng) ?? "",
                                          row: Int.random(in: -5...1_000_000, using: &rng),
                                          column: Int.random(in: -2...20_000, using: &rng))
            #expect(location.description == Self.reference(location))
        }
    }
}
