import CSV
import Conversion
import Foundation
import SelfEvaluation
import XLSXReport

/// The markup of the form page. Every input string goes through `e(_:)` (``HTMLText/escape(_:)``).
extension FormPage {
    private func e(_ text: String) -> String { HTMLText.escape(text) }

    /// The whole fragment.
    func html() -> String {
        "<section class=\"sev-form\" lang=\"zh-CN\">\n" + summary() + legend() + gridTable() + findingList() + lostList() + "</section>\n"
    }

    // MARK: Summary

    private func summary() -> String {
        let form = scored.form
        let title = form.title.map { LabelText.trim($0.value) }.flatMap { $0.isEmpty ? nil : $0 } ?? PageWords.untitled
        var out = "<header class=\"sev-head\">\n<h2 class=\"sev-title\">\(e(title))</h2>\n<dl class=\"sev-facts\">\n"
        func fact(_ label: String, _ valueHTML: String, _ cls: String = "") {
            let c = cls.isEmpty ? "" : " class=\"\(cls)\""
            out += "<div\(c)><dt>\(label)</dt><dd>\(valueHTML)</dd></div>\n"
        }
        fact(PageWords.source, e(sourceName))
        fact(PageWords.template, form.template == .project ? PageWords.projectTemplate : PageWords.departmentTemplate)
        if let unit = form.unit { fact(PageWords.unit, e(LabelText.trim(unit.value))) }
        if let project = form.projectName { fact(PageWords.project, e(LabelText.trim(project.value))) }
        if let year = form.year { fact(PageWords.year, String(year.value)) }
        if scored.isGraded {
            fact(PageWords.total, "<strong>\(scored.totalScore.fixed(decimals))</strong> / \(scored.totalWeight.plainText)",
                 "sev-total")
        } else {
            fact(PageWords.total, e(scored.gradeLabel), "sev-total")
        }
        fact(PageWords.grade, "<strong>\(e(scored.gradeLabel))</strong>", "sev-grade")
        fact(PageWords.lost, PageWords.points(lostTotal.fixed(decimals)))
        let choice: String
        switch scored.ruleSetChoice {
        case .given: choice = PageWords.rulesGiven
        case .fromNotes(let cell): choice = PageWords.rulesFromNotes + " " + cell.description
        case .defaulted: choice = PageWords.rulesDefaulted
        }
        fact(PageWords.rules, e("\(RuleSetNames.label(scored.ruleSet.name))(\(choice))"))
        // 评分明细's line after 评分规则: each section's 分值 and where it came from, in its words.
        let weights = scored.sectionWeightsText
        if !weights.isEmpty { fact(PageWords.sectionWeights, e(weights), "sev-weights") }
        fact(PageWords.needsReview, scored.needsReview ? "<strong>\(PageWords.yes)</strong>" : PageWords.no,
             scored.needsReview ? "sev-review" : "")
        let count = { (level: Severity) in findings.filter { $0.diagnostic.severity == level }.count }
        fact(PageWords.findings, PageWords.counts(errors: count(.error), warnings: count(.warning), notes: count(.note)))
        out += "</dl>\n</header>\n"
        return out
    }

    private func legend() -> String {
        var out = "<p class=\"sev-legend\"><span class=\"sev-legend-title\">\(PageWords.legend)</span>"
        for level in [Severity.error, .warning, .note] {
            out += " <span class=\"sev-legend-item\"><span class=\"sev-mk \(level.pageClass)\">\(level.page.mark)</span>\(level.page.label)</span>"
        }
        out += " <span class=\"sev-legend-item\"><span class=\"sev-lostmk\">\(PageWords.lostMark)</span>\(PageWords.legendLost)</span>"
        out += " <span class=\"sev-legend-item\"><span class=\"sev-sample sev-marked\">\(PageWords.legendMarkedSample)</span>"
        out += "\(PageWords.legendMarked)</span>"
        out += "</p>\n"
        return out
    }

    // MARK: Grid

    private func gridTable() -> String {
        var findingsAt: [SheetCell: [Finding]] = [:]
        for finding in findings { findingsAt[finding.cell, default: []].append(finding) }
        var lostAt: [SheetCell: [Lost]] = [:]
        for item in lost { if let cell = item.cell { lostAt[cell, default: []].append(item) } }

        var out = "<div class=\"sev-grid-box\">\n<table class=\"sev-grid\">\n<colgroup>"
        for column in 0..<columnCount {
            out += "<col style=\"width:\(Self.em(columnWidths[column]))em\"/>"
        }
        out += "</colgroup>\n<tbody>\n"
        for row in 0..<rowCount {
            out += "<tr>"
            for column in 0..<columnCount {
                var rowSpan = 1
                var columnSpan = 1
                if let merge = layout.merge(containing: row, column: column) {
                    guard merge.first.row == row, merge.first.column == column else { continue }
                    rowSpan = min(merge.last.row, rowCount - 1) - row + 1
                    columnSpan = min(merge.last.column, columnCount - 1) - column + 1
                }
                let cell = SheetCell(row: row, column: column)
                out += cellHTML(cell, rowSpan: rowSpan, columnSpan: columnSpan,
                                findings: findingsAt[cell] ?? [], lost: lostAt[cell] ?? [])
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n</table>\n</div>\n"
        return out
    }

    private func cellHTML(_ cell: SheetCell, rowSpan: Int, columnSpan: Int, findings: [Finding], lost: [Lost]) -> String {
        let kind = layout.kind(row: cell.row, column: cell.column)
        var classes = ["sev-k-\(Self.kindName(kind))"]
        if kind.bordered { classes.append("sev-b") }
        if marked.contains(cell) { classes.append("sev-marked") }
        if let worst = findings.map(\.diagnostic.severity).max() { classes.append("sev-has-\(worst.rawValue)") }
        var tips: [String] = findings.map { Self.findingLine($0) }
        if let comment = comments[cell] { tips.append(comment) }

        var out = "<td id=\"\(Self.cellID(cell))\" class=\"\(classes.joined(separator: " "))\""
        if rowSpan > 1 { out += " rowspan=\"\(rowSpan)\"" }
        if columnSpan > 1 { out += " colspan=\"\(columnSpan)\"" }
        if !tips.isEmpty { out += " title=\"\(e(tips.joined(separator: "\n")))\"" }
        out += ">"
        let text = layout.text(row: cell.row, column: cell.column)
        if !text.isEmpty { out += "<span class=\"sev-text\">\(e(text))</span>" }
        if !findings.isEmpty || !lost.isEmpty {
            out += "<span class=\"sev-marks\">"
            for finding in findings {
                let level = finding.diagnostic.severity
                out += "<a class=\"sev-mk \(level.pageClass)\" href=\"#\(Self.findingID(finding.number))\""
                out += " title=\"\(e(Self.findingLine(finding)))\">\(level.page.mark)\(finding.number)</a>"
            }
            for item in lost {
                let points = item.line.lostPoints.fixed(decimals)
                out += "<a class=\"sev-lostmk\" href=\"#\(Self.lostID(item.number))\">"
                out += "\(PageWords.lostMark)\(PageWords.points(points))</a>"
            }
            out += "</span>"
        }
        out += "</td>"
        return out
    }

    /// "▲3 警告 [code] message": a finding as one line of text (hover text).
    static func findingLine(_ finding: Finding) -> String {
        let d = finding.diagnostic
        return "\(d.severity.page.mark)\(finding.number) \(d.severity.page.label) [\(d.code)] \(d.message)"
    }

    // MARK: Lists under the grid

    private func findingList() -> String {
        var out = "<section class=\"sev-findings\">\n<h3>\(PageWords.findingsHeading)</h3>\n"
        guard !findings.isEmpty else { return out + "<p>\(PageWords.noFindings)</p>\n</section>\n" }
        out += "<p class=\"sev-hint\">\(PageWords.findingsHint)</p>\n<ol class=\"sev-list\">\n"
        for finding in findings {
            let d = finding.diagnostic
            let level = d.severity
            out += "<li id=\"\(Self.findingID(finding.number))\" class=\"\(level.pageClass)\">"
            out += "<span class=\"sev-mk \(level.pageClass)\">\(level.page.mark)\(finding.number)</span> "
            out += "<span class=\"sev-level\">\(level.page.label)</span> "
            out += "<a class=\"sev-place\" href=\"#\(Self.cellID(finding.cell))\">\(e(Self.place(d.location)))</a> "
            out += "<code>[\(e(d.code.rawValue))]</code> <span class=\"sev-msg\">\(e(d.message))</span></li>\n"
        }
        out += "</ol>\n</section>\n"
        return out
    }

    private func lostList() -> String {
        var out = "<section class=\"sev-lost\">\n<h3>\(PageWords.lostHeading)</h3>\n"
        guard !lost.isEmpty else { return out + "<p>\(PageWords.noLost)</p>\n</section>\n" }
        out += "<div class=\"sev-lost-box\">\n<table class=\"sev-lost-table\">\n<thead><tr>"
        for heading in [PageWords.lostRow, PageWords.lostIndicator, PageWords.lostWeight, PageWords.lostScore,
                        PageWords.lostPoints, PageWords.lostFormula, PageWords.lostReason] {
            out += "<th>\(heading)</th>"
        }
        out += "</tr></thead>\n<tbody>\n"
        for item in lost {
            let line = item.line
            out += "<tr id=\"\(Self.lostID(item.number))\">"
            let label = "\(PageWords.lostMark)\(item.number) · \(e(line.row.map(String.init) ?? ""))"
            out += "<td class=\"sev-num\">" + (item.cell.map { "<a href=\"#\(Self.cellID($0))\">\(label)</a>" } ?? label) + "</td>"
            let names = [line.level1, line.level2, line.name].map { LabelText.trim($0) }.filter { !$0.isEmpty }
            var unique: [String] = []
            for name in names where !unique.contains(name) { unique.append(name) }
            out += "<td>\(e(unique.joined(separator: " / ")))</td>"
            out += "<td class=\"sev-num\">\(e(line.weight?.plainText ?? ""))</td>"
            out += "<td class=\"sev-num\">\(e(line.score?.fixed(decimals) ?? ""))</td>"
            out += "<td class=\"sev-num sev-lostpts\">\(line.lostPoints.fixed(decimals))</td>"
            out += "<td class=\"sev-formula\">\(e(line.formula))</td>"
            let reason = LabelText.trim(line.reason)
            if line.reasonGenerated {
                out += "<td class=\"sev-marked\"><span class=\"sev-tag\">\(PageWords.generatedTag)</span>\(e(reason))</td>"
            } else if reason.isEmpty {
                out += "<td class=\"sev-missing\">\(PageWords.reasonMissing)</td>"
            } else {
                out += "<td>\(e(reason))</td>"
            }
            out += "</tr>\n"
        }
        out += "</tbody>\n<tfoot><tr><td colspan=\"4\">\(PageWords.lostTotal)</td>"
        out += "<td class=\"sev-num sev-lostpts\">\(lostTotal.fixed(decimals))</td><td colspan=\"2\"></td></tr></tfoot>\n"
        out += "</table>\n</div>\n</section>\n"
        return out
    }

    // MARK: Helpers

    /// "E13", or "第13行" for a whole-row place.
    static func place(_ location: SourceLocation) -> String {
        location.column > 0 ? SourceLocation.letter(forColumn: location.column) + String(location.row) : "第\(location.row)行"
    }

    /// An Excel column width (character units) as CSS em at the page's font (one CJK character
    /// takes two units).
    static func em(_ width: Double) -> String { String((width * 0.55 * 100).rounded() / 100) }

    static func kindName(_ kind: FormCellKind) -> String {
        switch kind {
        case .title: "title"
        case .subtitle: "subtitle"
        case .preamble: "preamble"
        case .preambleRight: "preamble-right"
        case .heading: "heading"
        case .label: "label"
        case .text: "text"
        case .number: "number"
        case .trailer: "trailer"
        }
    }
}
