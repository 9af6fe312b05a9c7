import Foundation

/// `SOURCE_DATE_EPOCH`, checked before anything is written: whole seconds from 1970-01-01 to
/// 9999-12-31T23:59:59Z. Outside that (empty, negative, not a number, year 10000 and later) it
/// is a usage error (exit 2): a huge value crashed the date code, and years past 9999 or before
/// 1970 do not belong in a workbook's properties.
enum SourceDateEpoch {
    /// The last second of year 9999.
    static let maximum = 253_402_300_799

    /// The environment's value when it is set and not valid; nil when unset or valid.
    static func invalidValue(_ environment: [String: String] = ProcessInfo.processInfo.environment) -> String? {
        guard let raw = environment["SOURCE_DATE_EPOCH"] else { return nil }
        return isValid(raw) ? nil : raw
    }

    /// Whether `raw` (spaces around it allowed) is a whole number of seconds within 1970–9999.
    static func isValid(_ raw: String) -> Bool {
        let text = raw.trimmingCharacters(in: .whitespaces)
        guard !text.isEmpty, text.utf8.count <= 12, text.utf8.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 }),
              let value = Int(text) else { return false }
        return value <= maximum
    }
}
