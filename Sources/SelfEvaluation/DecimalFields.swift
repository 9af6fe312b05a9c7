import Foundation

/// Every stored field of a `Decimal`, read from and written to the value's memory, for the
/// arithmetic of `FastDecimal`.
///
/// The layout is swift-foundation's: an `Int8` exponent; a byte holding the mantissa's length in
/// 16-bit words (high four bits), the sign (bit 3), the compact flag (bit 2) and two reserved
/// bits; two more reserved bytes; eight little-endian `UInt16` mantissa words. The fields are
/// not public on Linux. The layout is checked once against values built through the public API
/// (`isAvailable`); when the check fails (another Foundation), `init?(_:)` gives nil and callers
/// use Foundation's own operations.
struct DecimalFields: Sendable, Equatable {
    /// The value is `±mantissa × 10^exponent`.
    var exponent: Int8
    /// Length (bits 4–7), sign (bit 3), compact flag (bit 2), reserved (bits 0–1).
    var flags: UInt8
    /// The low reserved bits, kept as they are.
    var reserved: UInt16
    /// The eight mantissa words as one number.
    var mantissa: UInt128

    /// Fields as stored.
    init(exponent: Int8, flags: UInt8, reserved: UInt16, mantissa: UInt128) {
        self.exponent = exponent
        self.flags = flags
        self.reserved = reserved
        self.mantissa = mantissa
    }

    /// Fields of a value built from its parts (reserved bits 0), the length computed from `mantissa`.
    init(mantissa: UInt128, exponent: Int8, isNegative: Bool, isCompact: Bool) {
        self.init(exponent: exponent, flags: 0, reserved: 0, mantissa: mantissa)
        self.length = DecimalFields.words(mantissa)
        self.isNegative = isNegative
        self.isCompact = isCompact
    }

    /// The fields of `value`; nil when the layout is not the expected one.
    init?(_ value: Decimal) {
        guard DecimalFields.isAvailable else { return nil }
        self = DecimalFields.read(value)
    }

    /// Mantissa length in 16-bit words (0 for zero and NaN).
    var length: Int {
        get { Int(flags >> 4) }
        set { flags = (flags & 0x0F) | UInt8(truncatingIfNeeded: newValue << 4) }
    }

    var isNegative: Bool {
        get { flags & 0b1000 != 0 }
        set { flags = newValue ? flags | 0b1000 : flags & ~0b1000 }
    }

    var isCompact: Bool {
        get { flags & 0b100 != 0 }
        set { flags = newValue ? flags | 0b100 : flags & ~0b100 }
    }

    /// NaN is stored as length 0 with the sign set.
    var isNaN: Bool { length == 0 && isNegative }

    /// The value these fields describe.
    var decimal: Decimal {
        var value = Decimal()
        withUnsafeMutableBytes(of: &value) { raw in
            raw.storeBytes(of: exponent, toByteOffset: 0, as: Int8.self)
            raw.storeBytes(of: flags, toByteOffset: 1, as: UInt8.self)
            raw.storeBytes(of: reserved, toByteOffset: 2, as: UInt16.self)
            raw.storeBytes(of: UInt64(truncatingIfNeeded: mantissa), toByteOffset: 4, as: UInt64.self)
            raw.storeBytes(of: UInt64(truncatingIfNeeded: mantissa >> 64), toByteOffset: 12, as: UInt64.self)
        }
        return value
    }

    /// The number of 16-bit words `mantissa` needs.
    static func words(_ mantissa: UInt128) -> Int { (128 - mantissa.leadingZeroBitCount + 15) / 16 }

    private static func read(_ value: Decimal) -> DecimalFields {
        withUnsafeBytes(of: value) { raw in
            let low = raw.loadUnaligned(fromByteOffset: 4, as: UInt64.self)
            let high = raw.loadUnaligned(fromByteOffset: 12, as: UInt64.self)
            return DecimalFields(exponent: raw.load(fromByteOffset: 0, as: Int8.self),
                                 flags: raw.load(fromByteOffset: 1, as: UInt8.self),
                                 reserved: raw.loadUnaligned(fromByteOffset: 2, as: UInt16.self),
                                 mantissa: UInt128(high) << 64 | UInt128(low))
        }
    }

    /// Whether values built through the public API read back as built, and rebuild bit for bit.
    static let isAvailable: Bool = {
        guard MemoryLayout<Decimal>.size == 20, UInt16(littleEndian: 1) == 1 else { return false }
        let wide: UInt128 = 12_345_678_901_234_567_890_123_456_789_012_345_678
        let cases: [(Decimal, DecimalFields)] = [
            (Decimal(UInt64(0x1234_5678_9ABC_DEF1)),
             DecimalFields(mantissa: 0x1234_5678_9ABC_DEF1, exponent: 0, isNegative: false, isCompact: true)),
            (Decimal(sign: .minus, exponent: -5, significand: Decimal(UInt64(12_345))),
             DecimalFields(mantissa: 12_345, exponent: -5, isNegative: true, isCompact: true)),
            (Decimal(string: "12345678901234567890123456789012345678") ?? .nan,
             DecimalFields(mantissa: wide, exponent: 0, isNegative: false, isCompact: true)),
            (Decimal(), DecimalFields(exponent: 0, flags: 0, reserved: 0, mantissa: 0)),
        ]
        for (value, expected) in cases {
            let fields = read(value)
            guard fields == expected, fields.decimal == value, fields.decimal.exponent == value.exponent,
                  fields.decimal.sign == value.sign else { return false }
            let same = withUnsafeBytes(of: value) { a in withUnsafeBytes(of: fields.decimal) { b in a.elementsEqual(b) } }
            guard same else { return false }
        }
        return true
    }()
}
