import Foundation
import XLSXReport

/// A version's 汇总表 line as the index keeps it (the `summary` column): a `SummaryRow` as JSON,
/// its keys in the order the type declares them, read back with `JSONDecoder`
/// (`DataStore.Version.summaryRow`). Written with ``JSONText`` on every upload: `JSONEncoder`
/// cost 3 % of an upload here. `SummaryLineTests` reads random rows back field for field, so a
/// field added to `SummaryRow` and not here fails there.
enum SummaryLine {
    static func json(_ row: SummaryRow) -> String {
        var out = JSONText()
        out.field("source", row.source)
        out.field("templateLabel", row.templateLabel)
        out.field("unit", row.unit)
        out.field("project", row.project)
        out.field("supervisor", row.supervisor)
        out.field("year", row.year)
        out.field("filledOn", row.filledOn)
        out.field("contact", row.contact)
        out.field("phone", row.phone)
        out.field("rules", row.rules)
        out.field("totalWeight", row.totalWeight)
        out.field("budget", row.budget)
        out.field("executionRate", row.executionRate)
        out.field("budgetScore", row.budgetScore)
        out.field("outputScore", row.outputScore)
        out.field("benefitScore", row.benefitScore)
        out.field("satisfactionScore", row.satisfactionScore)
        out.field("total", row.total)
        out.field("grade", row.grade)
        out.field("warnings", row.warnings)
        out.field("warningTexts", row.warningTexts)
        out.field("needsReview", row.needsReview)
        out.field("duplicates", row.duplicates)
        out.field("succeeded", row.succeeded)
        out.field("output", row.output)
        return out.object()
    }
}
