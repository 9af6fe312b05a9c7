import Foundation
import TestSupport
import Testing
@testable import Conversion
import SelfEvaluation

/// Output names from hostile units and project names (issue #15, classes 4 and 5): cut on valid
/// UTF-8 boundaries, never above the limits (the name 200 bytes, its temporary 255), no format
/// controls, and made in linear time.
@Suite("Hostile output names")
struct HostileNameTests {
    /// One grapheme of 601 bytes: "a" and 300 combining acute accents.
    static let accentedA = "a" + String(repeating: "\u{301}", count: 300)
    /// A ZWJ emoji family repeated into one long run of joined graphemes.
    static let longEmoji = String(repeating: "👨‍👩‍👧‍👦", count: 40)

    static let hostileUnits: [(String, String)] = [
        ("601-byte grapheme", accentedA),
        ("long ZWJ emoji", longEmoji),
        ("zero-width space", "财政\u{200B}局"),
        ("right-to-left override", "单位\u{202E}xslx.exe"),
        ("BOM and word joiner", "\u{FEFF}财\u{2060}政局"),
        ("only format controls", "\u{200B}\u{200C}\u{200D}\u{202E}"),
        ("32,767 characters", String(repeating: "单", count: 32_767)),
        ("32,767 dots", String(repeating: ".", count: 32_767)),
        ("32,767 spaces and a name", String(repeating: " ", count: 32_767) + "局"),
        ("slash with an accent", "/\u{301}etc/\u{301}passwd"),
        ("lone surrogate-free 4-byte", String(repeating: "𠀀", count: 100)),
    ]

    @Test(arguments: hostileUnits)
    func hostileUnitGivesABoundedValidName(_ label: String, _ unit: String) throws {
        for template in [TemplateKind.department, .project] {
            let name = OutputNaming.baseName(unit: unit, year: 2023, template: template,
                                             project: template == .project ? unit : nil)
            #expect(name.utf8.count <= OutputNaming.maxNameBytes, "\(label)")
            #expect(String(validating: Array(name.utf8), as: UTF8.self) == name, "\(label)")
            #expect(!name.unicodeScalars.contains { $0.properties.generalCategory == .format }, "\(label)")
            #expect(!name.contains("/") && !name.hasPrefix(".") && !name.hasPrefix(" "), "\(label)")
            #expect(name.hasSuffix(template == .project ? "-2023-项目支出绩效自评表" : "-2023-部门整体支出绩效自评表"), "\(label)")
            // The batch's longest name, "-NNNNN" and the extension added, and its temporary name fit NAME_MAX.
            let longest = name + "-99999.xlsx"
            let temporary = (AtomicFile.temporaryPath(for: "/x/" + longest) as NSString).lastPathComponent
            #expect(temporary.utf8.count <= AtomicFile.nameMax, "\(label)")
        }
    }

    @Test func aGraphemeTooLongForTheNameIsCutOnAScalarBoundary() {
        let cut = OutputNaming.prefix(Self.accentedA, maxBytes: 100)
        #expect(cut.utf8.count <= 100 && cut.utf8.count >= 99)
        #expect(cut.unicodeScalars.first == "a")
        #expect(cut.unicodeScalars.dropFirst().allSatisfy { $0 == "\u{301}" })
        let name = OutputNaming.baseName(unit: Self.accentedA, year: 2023, template: .department)
        #expect(name.utf8.count <= OutputNaming.maxNameBytes)
        #expect(Array(name.utf8).starts(with: Array("a\u{301}\u{301}".utf8)))
    }

    @Test func formatControlsAreDropped() {
        #expect(OutputNaming.sanitize("财政\u{200B}局") == "财政局")
        #expect(OutputNaming.sanitize("单位\u{202E}xslx.exe") == "单位xslx.exe")
        #expect(OutputNaming.sanitize("\u{200B}\u{202E}") == "")
        // Two names that differ only by a zero-width space become the same name, so de-duplication sees them.
        let names = OutputNaming.unique([OutputNaming.sanitize("财政局"), OutputNaming.sanitize("财政\u{200B}局")], extension: "xlsx")
        #expect(names == ["财政局.xlsx", "财政局-2.xlsx"])
    }

    @Test(arguments: [
        ("ab", 1, "a"), ("单位", 4, "单"), ("单位", 2, ""), ("e\u{301}x", 3, "e\u{301}"), ("e\u{301}x", 2, "e"),
        ("👨‍👩‍👧", 4, "👨"), ("abc", 10, "abc"), ("", 0, ""),
    ])
    func prefixKeepsValidUTF8(_ text: String, _ limit: Int, _ expected: String) {
        #expect(OutputNaming.prefix(text, maxBytes: limit) == expected)
    }

    /// Property: for random names built from hostile pieces, the name is bounded, valid, free of
    /// forbidden characters and format controls, and keeps its year and suffix. Seeded (replayable).
    @Test func randomHostileNamesAreSafe() {
        let pieces: [String] = ["单", "a", ".", "..", " ", "\t", "\n", "/", "\\", ":", "*", "?", "\"", "<", ">", "|", "\u{0}",
                                "\u{7F}", "\u{85}", "\u{200B}", "\u{202E}", "\u{FEFF}", "\u{301}", "👨‍👩‍👧‍👦", "𠀀", "CON", "é", "ｅ"]
        var rng = SeededGenerator(seed: 0x15_0005)
        for round in 0..<400 {
            let length = Int.random(in: 0...(round % 10 == 0 ? 3_000 : 80), using: &rng)
            let unit = (0..<length).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            let project = (0..<Int.random(in: 0...80, using: &rng)).map { _ in pieces[Int.random(in: 0..<pieces.count, using: &rng)] }.joined()
            let name = OutputNaming.baseName(unit: unit, year: 2024, template: .project, project: project)
            #expect(name.utf8.count <= OutputNaming.maxNameBytes, "round \(round)")
            #expect(!name.contains { "/\\:*?\"<>|".contains($0) }, "round \(round)")
            #expect(!name.unicodeScalars.contains { $0.value < 0x20 || $0.properties.generalCategory == .format }, "round \(round)")
            #expect(!name.contains(".."), "round \(round)")
            #expect(name.hasSuffix("-2024-项目支出绩效自评表"), "round \(round)")
            #expect(!name.hasPrefix(".") && !name.hasPrefix(" ") && !name.hasPrefix("-"), "round \(round)")
        }
    }

    /// A benchmark guard, not a timed unit test: a 32,767-character unit and project name cost
    /// about what a normal name costs (the old loop removed one character at a time and
    /// recounted the name: 13.6 s for one such unit). Compared with a short name in the same run.
    @Test func longNamesAreLinear() {
        let long = String(repeating: "单", count: 32_767)
        let normal = "黔南州人民政府驻广州办事处"
        func time(_ unit: String, _ rounds: Int) -> Double {
            let start = DispatchTime.now().uptimeNanoseconds
            for _ in 0..<rounds { _ = OutputNaming.baseName(unit: unit, year: 2023, template: .project, project: unit) }
            return Double(DispatchTime.now().uptimeNanoseconds - start) / Double(rounds)
        }
        _ = time(normal, 10)
        let perNormal = time(normal, 200)
        let perLong = time(long, 5)
        // Linear: ~2,500 × the characters of the normal name cost ~2,500 × (plus slack for a busy
        // machine); the quadratic loop cost ~10^7 ×.
        #expect(perLong < max(perNormal, 1_000) * 50_000, "long \(perLong) ns, normal \(perNormal) ns")
        #expect(perLong < 1e9)
    }
}
