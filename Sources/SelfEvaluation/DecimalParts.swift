import Foundation

/// The sign, exponent and (when it fits in 64 bits) mantissa of a `Decimal`, read without going
/// through text: `Decimal`'s description and its conversions to `Double` showed in profiles of a
/// batch, and its stored fields are not public on Linux.
///
/// The fields are read from the value's memory, laid out as in swift-foundation: an `Int8`
/// exponent; a byte holding the mantissa's length in words (high four bits), the sign (bit 3)
/// and the compact flag (bit 2); two reserved bytes; eight little-endian `UInt16` mantissa words.
/// That layout is checked once, against values built through the public API; if the check
/// fails (another Foundation), `init` returns nil and callers take their text-based path.
public struct DecimalParts: Equatable, Sendable {
    /// Whether the value is below zero.
    public var isNegative: Bool
    /// The value is `mantissa × 10^exponent`.
    public var exponent: Int
    public var mantissa: UInt64

    /// The parts of `value`, or nil when it is NaN, its mantissa needs more than 64 bits, or the
    /// memory layout is not the one expected.
    public init?(_ value: Decimal) {
        guard Self.layoutIsKnown, let parts = Self.read(value) else { return nil }
        self = parts
    }

    init(isNegative: Bool, exponent: Int, mantissa: UInt64) {
        self.isNegative = isNegative
        self.exponent = exponent
        self.mantissa = mantissa
    }

    private static func read(_ value: Decimal) -> DecimalParts? {
        guard MemoryLayout<Decimal>.size == 20 else { return nil }
        return withUnsafeBytes(of: value) { raw -> DecimalParts? in
            let exponent = Int(raw.load(fromByteOffset: 0, as: Int8.self))
            let flags = raw.load(fromByteOffset: 1, as: UInt8.self)
            let length = Int(flags >> 4)
            let negative = flags & 0x08 != 0
            if length == 0 { return negative ? nil : DecimalParts(isNegative: false, exponent: 0, mantissa: 0) }  // NaN, zero
            guard length <= 8 else { return nil }
            var mantissa: UInt64 = 0
            for word in 0..<8 {
                let bits = UInt64(raw.load(fromByteOffset: 4 + 2 * word, as: UInt16.self))
                if word >= 4 {
                    if bits != 0 { return nil }
                } else {
                    mantissa |= bits << (16 * UInt64(word))
                }
            }
            return DecimalParts(isNegative: negative, exponent: exponent, mantissa: mantissa)
        }
    }

    /// Whether values built through the public API read back as built.
    static let layoutIsKnown: Bool = {
        let cases: [(Decimal, DecimalParts)] = [
            (Decimal(sign: .plus, exponent: -2, significand: 73478), DecimalParts(isNegative: false, exponent: -2, mantissa: 73478)),
            (Decimal(sign: .minus, exponent: 3, significand: 65537), DecimalParts(isNegative: true, exponent: 3, mantissa: 65537)),
            (Decimal(UInt64.max), DecimalParts(isNegative: false, exponent: 0, mantissa: UInt64.max)),
            (Decimal(0), DecimalParts(isNegative: false, exponent: 0, mantissa: 0)),
        ]
        return cases.allSatisfy { value, expected in
            guard let parts = read(value) else { return false }
            // A decimal may keep trailing zeros in its mantissa; compare the values.
            return parts.isNegative == expected.isNegative && normalized(parts) == normalized(expected)
        }
    }()

    private static func normalized(_ parts: DecimalParts) -> DecimalParts {
        var p = parts
        if p.mantissa == 0 { return DecimalParts(isNegative: false, exponent: 0, mantissa: 0) }
        while p.mantissa % 10 == 0 {
            p.mantissa /= 10
            p.exponent += 1
        }
        return p
    }
}
