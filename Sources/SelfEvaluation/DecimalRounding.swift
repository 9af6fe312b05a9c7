import Foundation

/// The one rounding function of selfeval: half up (away from zero for .5), in decimal.
///
/// Every score, rate and amount that is printed goes through it, so the printed numbers
/// add up: 83/200 × 5 = 2.075 → 2.08 (binary floating point would give 2.07).
public enum DecimalRounding {
    /// Rounds `value` to `places` decimals, half up.
    public static func round(_ value: Decimal, places: Int = 2) -> Decimal {
        var input = value
        var result = Decimal()
        NSDecimalRound(&result, &input, places, .plain)
        return result
    }

    /// The locale of plain number literals ("." as the decimal point), made once.
    static let posix = Locale(identifier: "en_US_POSIX")
}

extension Decimal {
    /// This value rounded half up to `places` decimals (see `DecimalRounding`).
    public func rounded(places: Int = 2) -> Decimal { DecimalRounding.round(self, places: places) }

    /// Plain text without exponent or trailing zeros ("2.08", "10", "0.5").
    public var plainText: String { description }

    /// Text with exactly `places` decimals ("10.00").
    public func fixed(_ places: Int) -> String {
        var text = rounded(places: places).plainText
        guard places > 0 else { return text }
        if let dot = text.firstIndex(of: ".") {
            let have = text.distance(from: dot, to: text.endIndex) - 1
            if have < places { text += String(repeating: "0", count: places - have) }
        } else {
            text += "." + String(repeating: "0", count: places)
        }
        return text
    }

    /// A plain literal ("-12.50", "1e3") read with "." as the decimal point.
    static func parsing(_ literal: String) -> Decimal? { Decimal(string: literal, locale: DecimalRounding.posix) }
}
