import Foundation

/// The one rounding function of selfeval: half up (away from zero for .5), in decimal.
///
/// Every score, rate and amount that is printed goes through it, so the printed numbers
/// add up: 83/200 × 5 = 2.075 → 2.08 (binary floating point would give 2.07).
public enum DecimalRounding {
    /// Rounds `value` to `places` decimals, half up.
    public static func round(_ value: Decimal, places: Int = 2) -> Decimal {
        if let fast = FastDecimal.rounded(value, scale: places) { return fast }
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// The locale of `Decimal.plainText`'s fallback, made once.
    static let posix = Locale(identifier: "en_US_POSIX")
}

extension Decimal {
    /// This value rounded half up to `places` decimals (see `DecimalRounding`).
    public func rounded(places: Int = 2) -> Decimal { DecimalRounding.round(self, places: places) }

    /// Plain text without exponent or trailing zeros ("2.08", "10", "0.5").
    public var plainText: String {
        if let fast = FastDecimal.plainText(self) { return fast }
        var copy = self
        return NSDecimalString(&copy, DecimalRounding.posix)
    }

    /// Text with exactly `places` decimals ("10.00").
    public func fixed(_ places: Int) -> String {
        let r = rounded(places: places)
        var text = r.plainText
        if places <= 0 { return text }
        // Plain text is ASCII ("-", digits, "." or "NaN"): bytes count as characters.
        let utf8 = text.utf8
        if let dot = utf8.firstIndex(of: UInt8(ascii: ".")) {
            let have = utf8.distance(from: dot, to: utf8.endIndex) - 1
            if have < places { text += String(repeating: "0", count: places - have) }
        } else {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }
}
