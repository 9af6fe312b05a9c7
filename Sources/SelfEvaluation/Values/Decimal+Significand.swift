import Foundation

extension Decimal {
    /// The magnitude of the significand as a 64-bit integer; nil when it is wider (a figure of more
    /// than 19 digits) or the value is NaN. Read through public API (`NSDecimalNumber.uint64Value`)
    /// and checked by converting back, never from Foundation's memory layout. The one such
    /// conversion: the exact type, the fixed-decimals printing and the workbook's doubles use it.
    public var significandUInt64: UInt64? {
        if isNaN { return nil }
        let magnitude = significand.magnitude
        let value = NSDecimalNumber(decimal: magnitude).uint64Value
        return Decimal(value) == magnitude ? value : nil
    }
}
