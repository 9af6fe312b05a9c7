/// A cell's number format, applied as the spreadsheet displays the value (what a CSV export
/// holds): General, fixed decimals (`0`, `0.00`), thousands (`#,##0.00`), percent (`0%`,
/// `0.00%`), literal text around the number (`0.00"万元"`), dates and times (`yyyy-mm-dd`,
/// `yyyy"年"m"月"d"日"`, `h:mm`), text `@`. Anything else (scientific, fractions) falls back to
/// General.
struct NumberFormat {
    let code: String

    /// The built-in formats by id (zh-CN Excel for the locale-dependent dates).
    static let builtIn: [Int: String] = [
        0: "General", 1: "0", 2: "0.00", 3: "#,##0", 4: "#,##0.00", 9: "0%", 10: "0.00%",
        11: "0.00E+00", 12: "# ?/?", 13: "# ??/??", 14: "yyyy/m/d", 15: "d-mmm-yy", 16: "d-mmm",
        17: "mmm-yy", 18: "h:mm AM/PM", 19: "h:mm:ss AM/PM", 20: "h:mm", 21: "h:mm:ss",
        22: "yyyy/m/d h:mm", 27: "yyyy\"年\"m\"月\"", 28: "m\"月\"d\"日\"", 29: "m\"月\"d\"日\"",
        30: "m-d-yy", 31: "yyyy\"年\"m\"月\"d\"日\"", 32: "h\"时\"mm\"分\"", 33: "h\"时\"mm\"分\"ss\"秒\"",
        34: "上午/下午h\"时\"mm\"分\"", 35: "上午/下午h\"时\"mm\"分\"ss\"秒\"", 36: "yyyy\"年\"m\"月\"",
        37: "#,##0 ;(#,##0)", 38: "#,##0 ;(#,##0)", 39: "#,##0.00;(#,##0.00)", 40: "#,##0.00;(#,##0.00)",
        45: "mm:ss", 46: "[h]:mm:ss", 47: "mm:ss.0", 48: "##0.0E+0", 49: "@",
        50: "yyyy\"年\"m\"月\"", 51: "m\"月\"d\"日\"", 52: "yyyy\"年\"m\"月\"", 53: "m\"月\"d\"日\"",
        54: "m\"月\"d\"日\"", 55: "上午/下午h\"时\"mm\"分\"", 56: "上午/下午h\"时\"mm\"分\"ss\"秒\"",
        57: "yyyy\"年\"m\"月\"", 58: "m\"月\"d\"日\"",
    ]

    /// One piece of a format section.
    enum Token: Equatable {
        case literal(String)
        case digit(Character)      // 0, # or ?
        case point, comma, percent
        case date(String)          // yyyy, yy, m, mm, mmm, d, dd, h, hh, s, ss, AM/PM …
        case general, text, other
    }

    /// `value` as this format displays it; `date1904` for workbooks on the 1904 date system.
    func display(_ value: Double, date1904: Bool = false) -> String {
        let sections = NumberFormat.sections(code)
        var section = sections.first ?? ""
        var value = value
        var signShown = true
        if value < 0, sections.count >= 2 { section = sections[1]; value = -value; signShown = false }
        else if value == 0, sections.count >= 3 { section = sections[2] }
        let tokens = NumberFormat.tokens(section)
        if tokens.contains(where: { if case .date = $0 { return true } else { return false } }) {
            return DateDisplay.display(value, tokens: tokens, date1904: date1904) ?? generalText(value, signShown)
        }
        if tokens.contains(.other) || tokens.isEmpty && !section.isEmpty { return generalText(value, signShown) }
        guard tokens.contains(where: { if case .digit = $0 { return true } else { return false } }) else {
            // General, @, or text only: the number as General, with any literal text around it.
            return tokens.map { t -> String in
                switch t {
                case .literal(let s): s
                case .general, .text: generalText(value, signShown)
                default: ""
                }
            }.joined()
        }
        return fixed(value, tokens, signShown)
    }

    private func generalText(_ value: Double, _ signShown: Bool) -> String {
        guard let d = DecimalDigits(value) else { return String(value) }
        let text = d.general
        return signShown || !text.hasPrefix("-") ? text : String(text.dropFirst())
    }

    /// A number section: literals before and after, decimals, grouping, percent.
    private func fixed(_ value: Double, _ tokens: [Token], _ signShown: Bool) -> String {
        guard var number = DecimalDigits(value) else { return String(value) }
        let firstDigit = tokens.firstIndex { if case .digit = $0 { true } else { false } } ?? 0
        let lastDigit = tokens.lastIndex { if case .digit = $0 { true } else { false } } ?? 0
        let body = tokens[firstDigit...lastDigit]
        let pointAt = body.firstIndex(of: .point)
        var minDecimals = 0, maxDecimals = 0, minInteger = 0
        var grouping = false
        var trailingCommas = 0
        for (i, t) in zip(body.indices, body) {
            switch t {
            case .digit(let c):
                if let p = pointAt, i > p { maxDecimals += 1; if c == "0" { minDecimals += 1 } }
                else if c == "0" { minInteger += 1 }
            case .comma:
                if pointAt.map({ i < $0 }) ?? true { grouping = true }
            default: break
            }
        }
        // Commas right after the last digit scale by 1,000 each.
        var j = lastDigit + 1
        while j < tokens.count, tokens[j] == .comma { trailingCommas += 1; j += 1 }
        if trailingCommas > 0 { grouping = body.contains(.comma) }
        let percents = tokens.filter { $0 == .percent }.count
        number = number.shifted(by: 2 * percents - 3 * trailingCommas).rounded(toDecimals: maxDecimals)
        var integer = number.integerDigits
        if integer.count < minInteger { integer = String(repeating: "0", count: minInteger - integer.count) + integer }
        if grouping { integer = NumberFormat.grouped(integer) }
        var fraction = number.fractionDigits
        if fraction.count < minDecimals { fraction += String(repeating: "0", count: minDecimals - fraction.count) }
        var text = integer + (maxDecimals > 0 && (!fraction.isEmpty || pointAt != nil) ? "." + fraction : "")
        if text.hasSuffix("."), minDecimals == 0 { text.removeLast() }
        let sign = number.negative && signShown ? "-" : ""
        var prefix = "", suffix = ""
        for t in tokens[..<firstDigit] { prefix += NumberFormat.literalText(t) }
        for t in tokens[(lastDigit + 1)...] { suffix += NumberFormat.literalText(t) }
        return sign + prefix + text + suffix
    }

    private static func literalText(_ t: Token) -> String {
        switch t {
        case .literal(let s): s
        case .percent: "%"
        default: ""
        }
    }

    static func grouped(_ digits: String) -> String {
        let chars = Array(digits)
        var out = ""
        for (i, c) in chars.enumerated() {
            if i > 0, (chars.count - i) % 3 == 0 { out.append(",") }
            out.append(c)
        }
        return out
    }

    /// The sections of a format code, split on `;` outside quotes and brackets.
    static func sections(_ code: String) -> [String] {
        var out: [String] = [], current = ""
        var quoted = false, bracket = false, escaped = false
        for c in code {
            if escaped { current.append(c); escaped = false; continue }
            switch c {
            case "\\": escaped = true; current.append(c)
            case "\"": quoted.toggle(); current.append(c)
            case "[" where !quoted: bracket = true; current.append(c)
            case "]" where !quoted: bracket = false; current.append(c)
            case ";" where !quoted && !bracket: out.append(current); current = ""
            default: current.append(c)
            }
        }
        out.append(current)
        return out
    }

    /// The tokens of one section.
    static func tokens(_ section: String) -> [Token] {
        let chars = Array(section)
        var out: [Token] = []
        var i = 0
        func literal(_ s: String) {
            if case .literal(let prev)? = out.last { out[out.count - 1] = .literal(prev + s) } else { out.append(.literal(s)) }
        }
        while i < chars.count {
            let c = chars[i]
            let lower = Character(c.lowercased())
            switch c {
            case "\"":
                var j = i + 1, s = ""
                while j < chars.count, chars[j] != "\"" { s.append(chars[j]); j += 1 }
                literal(s); i = j + 1; continue
            case "\\":
                if i + 1 < chars.count { literal(String(chars[i + 1])) }
                i += 2; continue
            case "[":
                var j = i + 1, s = ""
                while j < chars.count, chars[j] != "]" { s.append(chars[j]); j += 1 }
                // [$¥-804] shows its currency symbol; [Red], [$-804], conditions show nothing.
                if s.hasPrefix("$"), let dash = s.firstIndex(of: "-") ?? Optional(s.endIndex) {
                    literal(String(s[s.index(after: s.startIndex)..<dash]))
                } else if s.lowercased().hasPrefix("h") || s.lowercased().hasPrefix("m") || s.lowercased().hasPrefix("s") {
                    out.append(.other)  // elapsed time
                }
                i = j + 1; continue
            case "_":
                literal(" "); i += 2; continue
            case "*":
                i += 2; continue
            case "0", "#", "?":
                out.append(.digit(c))
            case ".":
                out.append(.point)
            case ",":
                out.append(.comma)
            case "%":
                out.append(.percent)
            case "@":
                out.append(.text)
            case "/":
                if out.contains(where: { if case .digit = $0 { true } else { false } }) { out.append(.other) } else { literal("/") }
            default:
                if lower == "e", i + 1 < chars.count, chars[i + 1] == "+" || chars[i + 1] == "-" {
                    out.append(.other); i += 2; continue
                }
                if section.lowercased().dropFirst(i).hasPrefix("general") {
                    out.append(.general); i += 7; continue
                }
                if section.uppercased().dropFirst(i).hasPrefix("AM/PM") {
                    out.append(.date("AM/PM")); i += 5; continue
                }
                if section.dropFirst(i).hasPrefix("上午/下午") {
                    out.append(.date("上午/下午")); i += 5; continue
                }
                if "ymdhse".contains(lower) {
                    var j = i
                    while j < chars.count, Character(chars[j].lowercased()) == lower { j += 1 }
                    out.append(.date(String(repeating: lower == "e" ? "y" : String(lower), count: lower == "e" ? 4 : j - i)))
                    i = j; continue
                }
                literal(String(c))
            }
            i += 1
        }
        return out
    }
}
