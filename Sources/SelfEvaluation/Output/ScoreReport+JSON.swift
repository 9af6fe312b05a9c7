import Foundation

extension ScoreReport {
    /// The report as UTF-8 JSON (pretty-printed, keys sorted, slashes unescaped), written by
    /// `PrettyJSONWriter`: `--to json`, and each form of report.json.
    public func jsonBytes() -> [UInt8] {
        var writer = PrettyJSONWriter(capacity: 1024 + 640 * indicators.count + 160 * warnings.count)
        write(to: &writer)
        return writer.bytes
    }

    /// Members in sorted key order, as `.sortedKeys` orders them.
    private func write(to w: inout PrettyJSONWriter) {
        w.beginObject()
        w.key("budget")
        if let budget { budget.write(to: &w) } else { w.null() }
        w.key("filledOn"); w.string(filledOn)
        w.key("grade"); w.string(grade)
        w.key("indicators")
        w.array(indicators) { w, indicator in indicator.write(to: &w) }
        w.key("layout"); w.string(layout)
        w.key("needsReview"); w.bool(needsReview)
        w.key("rules"); w.string(rules)
        w.key("sections")
        w.array(sections) { w, section in
            w.object { w in
                w.key("indicatorsWeight"); w.decimal(section.indicatorsWeight)
                w.key("name"); w.string(section.name)
                w.key("score"); w.decimal(section.score)
                w.key("stated"); w.decimal(section.stated)
                w.key("weight"); w.decimal(section.weight)
                w.key("weightSource"); w.string(section.weightSource)
            }
        }
        w.key("source"); w.string(source)
        w.key("title"); w.string(title)
        w.key("total")
        if let total {
            w.object { w in
                w.key("score"); w.decimal(total.score)
                w.key("weight"); w.decimal(total.weight)
            }
        } else {
            w.null()
        }
        w.key("unit"); w.string(unit)
        w.key("warnings")
        w.array(warnings) { w, warning in
            w.object { w in
                w.key("code"); w.string(warning.code.rawValue)
                w.key("column"); w.string(warning.column)
                w.key("message"); w.string(warning.message)
                w.key("row"); w.int(warning.row)
            }
        }
        w.key("year"); w.int(year)
        w.endObject()
    }
}

extension ScoreReport.Budget {
    fileprivate func write(to w: inout PrettyJSONWriter) {
        w.beginObject()
        w.key("executionRate"); w.decimal(executionRate)
        w.key("rows")
        w.array(rows) { w, row in
            w.object { w in
                w.key("adjusted"); w.decimal(row.adjusted)
                w.key("executed"); w.decimal(row.executed)
                w.key("initial"); w.decimal(row.initial)
                w.key("name"); w.string(row.name)
            }
        }
        w.key("score"); w.decimal(score)
        w.key("weight"); w.decimal(weight)
        if let weightSource { w.key("weightSource"); w.string(weightSource) }
        w.endObject()
    }
}

extension ScoreReport.IndicatorEntry {
    fileprivate func write(to w: inout PrettyJSONWriter) {
        w.beginObject()
        w.key("actual"); w.string(actual)
        w.key("direction"); w.string(direction)
        w.key("filledScore"); w.decimal(filledScore)
        w.key("kind"); w.string(kind)
        w.key("level1"); w.string(level1)
        w.key("level2"); w.string(level2)
        w.key("name"); w.string(name)
        w.key("reason"); w.string(reason)
        w.key("reasonGenerated"); w.bool(reasonGenerated)
        w.key("row"); w.int(row)
        w.key("score"); w.decimal(score)
        w.key("target"); w.string(target)
        w.key("tier"); w.string(tier)
        w.key("weight"); w.decimal(weight)
        w.endObject()
    }
}
