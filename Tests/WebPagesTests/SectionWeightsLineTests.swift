import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import WebPages

/// The page shows 评分明细's 一级指标分值 line: every section with a 分值, its points and where they
/// came from (the form's label, the rule set's default, or the rule set given), in the order of
/// the form, and no such line when no section has a 分值.
struct SectionWeightsLineTests {
    /// The text of the page's 一级指标分值 fact, unescaped; nil when the page has none.
    static func weightsLine(_ html: String) -> String? {
        let open = "<div class=\"sev-weights\"><dt>一级指标分值</dt><dd>"
        guard let start = html.range(of: open), let end = html.range(of: "</dd></div>", range: start.upperBound..<html.endIndex)
        else { return nil }
        #expect(html.components(separatedBy: open).count == 2, "one line only")
        return String(html[start.upperBound..<end.lowerBound])
            .replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
            .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&#39;", with: "'")
            .replacingOccurrences(of: "&amp;", with: "&")
    }

    /// What the line must say of each section, worked out from the sections themselves.
    static func expectedParts(_ scored: ScoredForm) -> [String] {
        scored.sections.compactMap { section in
            guard let weight = section.weight, let source = section.source else { return nil }
            let note = switch source {
            case .formLabel: "分值取自表头标注"
            case .rulesDefault: "分值取自评分规则默认值"
            case .rulesGiven: "分值取自指定的评分规则(--rules)"
            case .formCell: "分值取自表内分值栏"
            case .notScored: "资金表没有分值、得分栏,各指标分值已合计100分:执行率不计分"
            }
            return "\(section.name) \(weight.plainText)分(\(note))"
        }
    }

    /// Every fixture form: the line lists exactly its sections with a 分值, in order; across the
    /// fixtures both the form's labels and the rule set's defaults occur, and a form without any
    /// section 分值 shows no line.
    @Test func everyFixtureShowsItsSectionWeights() throws {
        var sources: Set<WeightSource> = []
        var withLine = 0
        for name in WebGridFixtures.forms {
            guard let scored = try? WebGridFixtures.score(name) else { continue }
            let html = FormGridHTML.render(scored, sourceName: name)
            let parts = Self.expectedParts(scored.scored)
            if parts.isEmpty {
                #expect(Self.weightsLine(html) == nil, "\(name)")
                continue
            }
            withLine += 1
            let line = try #require(Self.weightsLine(html), "\(name)")
            #expect(line.components(separatedBy: ";") == parts, "\(name)")
            // The workbook's 评分明细 says the same.
            #expect(line == scored.scored.sectionWeightsText, "\(name)")
            sources.formUnion(scored.scored.sections.compactMap(\.source))
        }
        #expect(withLine >= 10)
        #expect(sources.isSuperset(of: [.formLabel, .rulesDefault]), "\(sources)")
    }

    /// A rule set given with --rules wins over the form's labels, and the line says so.
    @Test(arguments: ["legacy", "v2020"])
    func givenRulesAreNamedAsTheSource(_ rules: String) throws {
        let ruleSet = try #require(RuleSet.builtIn(named: rules))
        let scored = try Converter(rules: ruleSet).score(path: FixturePaths.fixture(FormGridHTMLTests.sample))
        let line = try #require(Self.weightsLine(FormGridHTML.render(scored, sourceName: FormGridHTMLTests.sample)))
        let parts = Self.expectedParts(scored.scored)
        #expect(!parts.isEmpty)
        #expect(line.components(separatedBy: ";") == parts)
        #expect(parts.allSatisfy { $0.hasSuffix("(分值取自指定的评分规则(--rules))") })
    }

    /// A section name with markup characters is escaped in the line (and reads back as itself).
    @Test func sectionNamesAreEscaped() throws {
        var scored = try WebGridFixtures.score(FormGridHTMLTests.sample)
        let index = try #require(scored.scored.sections.firstIndex { $0.weight != nil && $0.source != nil })
        scored.scored.sections[index].name = "产出<指标>&\"'"
        let html = FormGridHTML.render(scored, sourceName: FormGridHTMLTests.sample)
        #expect(!html.contains("产出<指标>"))
        let line = try #require(Self.weightsLine(html))
        #expect(line.components(separatedBy: ";") == Self.expectedParts(scored.scored))
    }

    /// No section with a 分值 (every weight taken away): no line, and nothing else of the page moves.
    @Test func noWeightsNoLine() throws {
        var scored = try WebGridFixtures.score(FormGridHTMLTests.sample)
        let before = FormGridHTML.render(scored, sourceName: FormGridHTMLTests.sample)
        #expect(Self.weightsLine(before) != nil)
        for i in scored.scored.sections.indices { scored.scored.sections[i].weight = nil }
        let after = FormGridHTML.render(scored, sourceName: FormGridHTMLTests.sample)
        #expect(Self.weightsLine(after) == nil)
        let start = try #require(before.range(of: "<div class=\"sev-weights\">"))
        let end = try #require(before.range(of: "</dd></div>\n", range: start.upperBound..<before.endIndex))
        #expect(before.replacingCharacters(in: start.lowerBound..<end.upperBound, with: "") == after)
    }
}
