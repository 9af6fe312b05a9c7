import Foundation

/// The sign, exponent and (when it fits in 64 bits) mantissa of a `Decimal`, for code outside
/// this module that needs them without going through text (the XLSX writer's conversion to
/// `double`). Read through `DecimalFields`, whose memory layout is checked once against values
/// built through the public API; when it is not the expected one, `init` returns nil and
/// callers take their text-based path.
public struct DecimalParts: Equatable, Sendable {
    /// Whether the value is below zero.
    public var isNegative: Bool
    /// The value is `mantissa × 10^exponent`.
    public var exponent: Int
    public var mantissa: UInt64

    /// The parts of `value`, or nil when it is NaN, its mantissa needs more than 64 bits, or the
    /// memory layout is not the one expected (see `DecimalFields`).
    public init?(_ value: Decimal) {
        guard let fields = DecimalFields(value), !(fields.length == 0 && fields.isNegative),
              let mantissa = UInt64(exactly: fields.mantissa) else { return nil }
        self.init(isNegative: fields.isNegative, exponent: Int(fields.exponent), mantissa: mantissa)
    }

    init(isNegative: Bool, exponent: Int, mantissa: UInt64) {
        self.isNegative = isNegative
        self.exponent = exponent
        self.mantissa = mantissa
    }
}
