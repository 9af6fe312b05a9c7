import Foundation
import SelfEvaluation
import XLSXReport

/// A form's 汇总表 line as bytes: how a batch's worker keeps it in its spool until the summary
/// is assembled, and how the server's index keeps it with each version. Its fields in
/// declaration order, each string as its UTF-8 length (4 bytes, little-endian) and bytes, each
/// number as its plain text (`Decimal.plainText`, read back by `Decimal.parsing`), an optional
/// behind a presence byte. The index is versioned by its migrations (`DataStore`): a change of
/// these bytes needs one that rewrites the stored lines.
extension SummaryRow {
    /// The line as record bytes.
    public var recordBytes: [UInt8] {
        // Room for every field at once (growing the array byte by byte copied it again and again):
        // each text and its length, and about 45 bytes a number (more only grows it).
        let texts = [source, templateLabel, unit, project, supervisor, filledOn, contact, phone, rules, grade, output]
            + warningTexts + duplicates
        var out = RecordWriter(capacity: texts.reduce(64 + 8 * 45) { $0 + 4 + $1.utf8.count })
        out.string(source)
        out.string(templateLabel)
        out.string(unit)
        out.string(project)
        out.string(supervisor)
        out.integer(year)
        out.string(filledOn)
        out.string(contact)
        out.string(phone)
        out.string(rules)
        for number in [totalWeight, budget, executionRate, budgetScore, outputScore, benefitScore, satisfactionScore, total] {
            out.number(number)
        }
        out.string(grade)
        out.integer(warnings)
        out.strings(warningTexts)
        out.flag(needsReview)
        out.strings(duplicates)
        out.flag(succeeded)
        out.string(output)
        return out.bytes
    }

    /// The line `recordBytes` wrote; nil when the bytes are not such a line (cut short, a number
    /// that does not read back).
    public init?(recordBytes bytes: [UInt8]) {
        var r = RecordReader(bytes: bytes)
        guard let source = r.string() else { return nil }
        self.init(source: source, succeeded: false)
        guard let templateLabel = r.string(), let unit = r.string(), let project = r.string(),
              let supervisor = r.string(), let year = r.integer(), let filledOn = r.string(),
              let contact = r.string(), let phone = r.string(), let rules = r.string() else { return nil }
        (self.templateLabel, self.unit, self.project, self.supervisor, self.year) = (templateLabel, unit, project, supervisor, year)
        (self.filledOn, self.contact, self.phone, self.rules) = (filledOn, contact, phone, rules)
        guard let totalWeight = r.number(), let budget = r.number(), let executionRate = r.number(),
              let budgetScore = r.number(), let outputScore = r.number(), let benefitScore = r.number(),
              let satisfactionScore = r.number(), let total = r.number() else { return nil }
        (self.totalWeight, self.budget, self.executionRate, self.budgetScore) = (totalWeight, budget, executionRate, budgetScore)
        (self.outputScore, self.benefitScore, self.satisfactionScore, self.total) = (outputScore, benefitScore, satisfactionScore, total)
        guard let grade = r.string(), let warnings = r.integer() ?? nil, let warningTexts = r.strings(),
              let needsReview = r.flag(), let duplicates = r.strings(), let succeeded = r.flag(),
              let output = r.string(), r.isAtEnd else { return nil }
        (self.grade, self.warnings, self.warningTexts, self.needsReview) = (grade, warnings, warningTexts, needsReview)
        (self.duplicates, self.succeeded, self.output) = (duplicates, succeeded, output)
    }
}

/// Appends the fields of ``SummaryRow/recordBytes``.
private struct RecordWriter {
    var bytes: [UInt8] = []

    init(capacity: Int) { bytes.reserveCapacity(capacity) }

    mutating func length(_ count: Int) {
        let value = UInt32(truncatingIfNeeded: count)
        for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: value >> UInt32(shift))) }
    }

    mutating func string(_ text: String) {
        length(text.utf8.count)
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }  // the bytes at once, not one by one
    }

    mutating func flag(_ value: Bool) { bytes.append(value ? 1 : 0) }

    mutating func integer(_ value: Int?) {
        guard let value else { return flag(false) }
        flag(true)
        let bits = UInt64(bitPattern: Int64(value))
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt64(shift))) }
    }

    mutating func number(_ value: Decimal?) {
        guard let value else { return flag(false) }
        flag(true)
        string(value.plainText)
    }

    mutating func strings(_ texts: [String]) {
        length(texts.count)
        for text in texts { string(text) }
    }
}

/// Reads the fields of ``SummaryRow/recordBytes`` back; each read is nil past the end. A present
/// optional reads as `.some(value)`, an absent one as `.some(nil)`.
private struct RecordReader {
    let bytes: [UInt8]
    var at = 0

    var isAtEnd: Bool { at == bytes.count }

    mutating func take(_ count: Int) -> ArraySlice<UInt8>? {
        guard count >= 0, count <= bytes.count - at else { return nil }
        defer { at += count }
        return bytes[at..<(at + count)]
    }

    mutating func length() -> Int? {
        guard let four = take(4) else { return nil }
        return Int(four.reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) })
    }

    mutating func string() -> String? {
        guard let count = length(), let utf8 = take(count) else { return nil }
        return String(decoding: utf8, as: UTF8.self)
    }

    mutating func flag() -> Bool? {
        guard let byte = take(1)?.first, byte <= 1 else { return nil }
        return byte == 1
    }

    /// An optional behind its presence byte, the value read by `value`.
    mutating func optional<T>(_ value: (inout RecordReader) -> T?) -> T?? {
        guard let present = flag() else { return nil }
        return present ? value(&self).map { .some($0) } : .some(nil)
    }

    mutating func integer() -> Int?? {
        optional { r in r.take(8).map { eight in Int(Int64(bitPattern: eight.reversed().reduce(UInt64(0)) { $0 << 8 | UInt64($1) })) } }
    }

    mutating func number() -> Decimal?? { optional { $0.string().flatMap(Decimal.parsing) } }

    mutating func strings() -> [String]? {
        guard let count = length(), count <= bytes.count - at else { return nil }
        var texts: [String] = []
        texts.reserveCapacity(count)
        for _ in 0..<count {
            guard let text = string() else { return nil }
            texts.append(text)
        }
        return texts
    }
}
