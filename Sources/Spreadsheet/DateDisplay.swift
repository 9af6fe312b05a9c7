/// Date and time formats: a serial number (days since 1899-12-30, with Excel's phantom
/// 1900-02-29; or since 1904-01-01) shown through the format's tokens.
enum DateDisplay {
    /// The text of `serial` through `tokens`; nil for a serial no date can show (negative, too big).
    static func display(_ serial: Double, tokens: [NumberFormat.Token], date1904: Bool) -> String? {
        guard serial >= 0, serial < 2_958_466 else { return nil }
        var days = Int(serial.rounded(.down))
        var seconds = Int(((serial - Double(days)) * 86_400).rounded())
        if seconds >= 86_400 { days += 1; seconds -= 86_400 }
        let (year, month, day): (Int, Int, Int)
        if date1904 {
            (year, month, day) = civil(days + daysFrom1970To1904)
        } else if days == 60 {
            (year, month, day) = (1900, 2, 29)  // Excel's phantom leap day
        } else if days == 0 {
            (year, month, day) = (1900, 1, 0)
        } else {
            (year, month, day) = civil(days - (days > 60 ? 1 : 0) + daysFrom1970To1899_12_31)
        }
        let hour = seconds / 3600, minute = seconds / 60 % 60, second = seconds % 60
        let twelveHour = tokens.contains(.date("AM/PM")) || tokens.contains(.date("上午/下午"))
        var out = ""
        for (i, token) in tokens.enumerated() {
            switch token {
            case .literal(let s): out += s
            case .date(let t):
                switch t {
                case "yyyy", "yyy": out += String(year)
                case "yy", "y": out += pad(year % 100)
                case "d": out += String(day)
                case "dd": out += pad(day)
                case "ddd", "dddd": out += weekday(days, date1904: date1904, long: t.count == 4)
                case "h": out += String(twelveHour ? (hour + 11) % 12 + 1 : hour)
                case "hh": out += pad(twelveHour ? (hour + 11) % 12 + 1 : hour)
                case "s": out += String(second)
                case "ss": out += pad(second)
                case "AM/PM": out += hour < 12 ? "AM" : "PM"
                case "上午/下午": out += hour < 12 ? "上午" : "下午"
                default:
                    if t.first == "m" {
                        if t.count <= 2, isMinute(tokens, at: i) {
                            out += t.count == 1 ? String(minute) : pad(minute)
                        } else {
                            switch t.count {
                            case 1: out += String(month)
                            case 2: out += pad(month)
                            case 3: out += monthNames[month - 1]
                            default: out += longMonthNames[month - 1]
                            }
                        }
                    }
                }
            case .digit(let c): out.append(c)
            case .point: out += "."
            default: break
            }
        }
        return out
    }

    /// Whether the m/mm at `index` means minutes: after an hour or before a second.
    static func isMinute(_ tokens: [NumberFormat.Token], at index: Int) -> Bool {
        for t in tokens[..<index].reversed() {
            if case .date(let s) = t { return s.first == "h" }
        }
        for t in tokens[(index + 1)...] {
            if case .date(let s) = t { return s.first == "s" }
        }
        return false
    }

    static let daysFrom1970To1899_12_31 = -25_568
    static let daysFrom1970To1904 = -24_107
    static let monthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    static let longMonthNames = ["January", "February", "March", "April", "May", "June", "July", "August",
                                 "September", "October", "November", "December"]

    static func pad(_ n: Int) -> String { n < 10 ? "0\(n)" : String(n) }

    static func weekday(_ days: Int, date1904: Bool, long: Bool) -> String {
        let names = long ? ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"]
                         : ["Sun", "Mon", "Tue", "Wed", "Thu", "Fri", "Sat"]
        let unix = date1904 ? days + daysFrom1970To1904 : days - (days > 60 ? 1 : 0) + daysFrom1970To1899_12_31
        return names[((unix % 7) + 7 + 4) % 7]  // 1970-01-01 was a Thursday
    }

    /// Year, month, day of a day count from 1970-01-01 (H. Hinnant's civil_from_days).
    static func civil(_ z0: Int) -> (Int, Int, Int) {
        let z = z0 + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365
        let y = yoe + era * 400
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        return (m <= 2 ? y + 1 : y, m, d)
    }
}
