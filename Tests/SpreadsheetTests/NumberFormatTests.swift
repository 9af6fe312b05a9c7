@testable import Spreadsheet
import Testing

/// Numbers as a spreadsheet displays them (what a CSV export holds), one row a case.
struct NumberFormatTests {
    static let cases: [(code: String, value: Double, shown: String)] = [
        // General: 15 significant digits, no exponent, no trailing zeros.
        ("General", 702.7100000000001, "702.71"),
        ("General", 0.1 + 0.2, "0.3"),
        ("General", 1, "1"),
        ("General", -2.5, "-2.5"),
        ("General", 0, "0"),
        ("General", -0.0, "0"),
        ("General", 1e20, "100000000000000000000"),
        ("General", 1.5e-7, "0.00000015"),
        ("General", 123456789012345678, "123456789012346000"),
        ("General", 39.99999999999999, "40"),
        // Fixed decimals, rounded half away from zero on the displayed decimal (2.675 → 2.68).
        ("0", 2.5, "3"),
        ("0", -2.5, "-3"),
        ("0", 0.4, "0"),
        ("0.00", 2.675, "2.68"),
        ("0.00", 10, "10.00"),
        ("0.00", -0.001, "0.00"),
        ("0.00", 99.995, "100.00"),
        ("0.0", 0.05, "0.1"),
        // Thousands.
        ("#,##0", 1234567.4, "1,234,567"),
        ("#,##0.00", 120000, "120,000.00"),
        ("#,##0.00", 999.999, "1,000.00"),
        ("#,##0.00", -1234.5, "-1,234.50"),
        ("#,##0.00", 12, "12.00"),
        ("#,##0.##", 12.5, "12.5"),
        // Percent.
        ("0%", 1, "100%"),
        ("0%", 0.995, "100%"),
        ("0.00%", 0.7027, "70.27%"),
        ("0.00%", 1, "100.00%"),
        ("0.0%", -0.125, "-12.5%"),
        // Literal text and sections.
        ("0.00\"万元\"", 702.71, "702.71万元"),
        ("[$¥-804]#,##0.00", 1234.5, "¥1,234.50"),
        ("#,##0.00;(#,##0.00)", -5, "(5.00)"),
        ("#,##0.00;-#,##0.00;\"-\"", 0, "-"),
        ("#,##0_);[Red](#,##0)", -7, "(7)"),
        // Text and unknown formats: General.
        ("@", 702.7100000000001, "702.71"),
        ("0.00E+00", 1234.5, "1234.5"),
        ("# ?/?", 0.5, "0.5"),
        // Dates and times (serial 45291 = 2023-12-31; 1900's phantom leap day kept).
        ("yyyy-mm-dd", 45291, "2023-12-31"),
        ("yyyy\\-mm\\-dd", 45291, "2023-12-31"),
        ("YYYY-MM-DD", 45291, "2023-12-31"),
        ("yyyy\"年\"m\"月\"d\"日\"", 45306, "2024年1月15日"),
        ("[$-804]yyyy\"年\"m\"月\"d\"日\";@", 45306, "2024年1月15日"),
        ("yyyy/m/d", 45306, "2024/1/15"),
        ("m/d/yyyy", 1, "1/1/1900"),
        ("yyyy-mm-dd", 60, "1900-02-29"),
        ("yyyy-mm-dd", 61, "1900-03-01"),
        ("yyyy-mm-dd hh:mm:ss", 45291.5, "2023-12-31 12:00:00"),
        ("h:mm", 0.75, "18:00"),
        ("h:mm AM/PM", 0.75, "6:00 PM"),
        ("mm:ss", 0.0006944444444444445, "01:00"),
        ("d-mmm-yy", 45291, "31-Dec-23"),
    ]

    @Test(arguments: cases)
    func displaysAsTheSpreadsheetShowsIt(_ c: (code: String, value: Double, shown: String)) {
        #expect(NumberFormat(code: c.code).display(c.value) == c.shown, "\(c.code) \(c.value)")
    }

    @Test func builtInFormatsByIdShowAsTheirCodes() {
        #expect(NumberFormat(code: NumberFormat.builtIn[9] ?? "").display(1) == "100%")
        #expect(NumberFormat(code: NumberFormat.builtIn[10] ?? "").display(0.5) == "50.00%")
        #expect(NumberFormat(code: NumberFormat.builtIn[4] ?? "").display(1234.5) == "1,234.50")
        #expect(NumberFormat(code: NumberFormat.builtIn[14] ?? "").display(45291) == "2023/12/31")
        #expect(NumberFormat(code: NumberFormat.builtIn[31] ?? "").display(45291) == "2023年12月31日")
    }

    @Test func the1904DateSystemStartsIn1904() {
        #expect(NumberFormat(code: "yyyy-mm-dd").display(0, date1904: true) == "1904-01-01")
        #expect(NumberFormat(code: "yyyy-mm-dd").display(43829, date1904: true) == "2023-12-31")
    }

    /// Property: General of a number with at most 15 significant digits reads back to the same
    /// number (the shortest text of the displayed value round-trips).
    @Test func generalRoundTripsFifteenDigitNumbers() {
        var seed: UInt64 = 0x5EED_0013
        for _ in 0..<2000 {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            let mantissa = Double(Int64(bitPattern: seed >> 14) % 1_000_000_000_000_000)
            let scale = Double(Int(seed % 13)) - 6
            let value = mantissa / 1e9 * pow10(scale)
            let shown = NumberFormat(code: "General").display(value)
            #expect(!shown.contains("e"), "\(value) → \(shown)")
            let back = Double(shown) ?? .nan
            #expect(abs(back - value) <= abs(value) * 1e-14, "\(value) → \(shown)")
        }
    }

    private func pow10(_ e: Double) -> Double {
        var r = 1.0
        if e >= 0 { for _ in 0..<Int(e) { r *= 10 } } else { for _ in 0..<Int(-e) { r /= 10 } }
        return r
    }
}
