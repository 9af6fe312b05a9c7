import Conversion
import Foundation
import SelfEvaluation
import XLSXReport

/// The HTML of one scored form, as the intranet page shows it: the printed grid (the same rows,
/// columns and merges as the scored workbook's 自评表 sheet, from ``XLSXReport/FormLayout``)
/// with every finding marked at its cell, then the numbered list of findings and the 失分明细
/// (each lost point with its formula from 评分明细 and its reason), under a summary of total,
/// grade, rules and 需复核.
///
/// Every string from the input passes through ``HTMLText/escape(_:)``; the markup is also
/// well-formed XML (XHTML-compatible), so an XML parser can check it. Element ids and classes
/// start with `sev-`, so the fragment can sit in any page beside ``stylesheet``.
public enum FormGridHTML {
    /// An HTML fragment (one `<section>`) showing `scored`, read from the file named `sourceName`
    /// (shown as it is, escaped).
    public static func render(_ scored: Converter.Scored, sourceName: String) -> String {
        FormPage(scored, sourceName: sourceName).html()
    }
}
