/// Estimates of how text lays out in a cell, for sizing rows of wrapped (merged)
/// cells: libxlsxwriter 1.1.4 has no autofit and spreadsheet programs do not size
/// merged rows themselves.
///
/// Widths are in Excel column units (the width of a `0` in Calibri 11, the unit of
/// ``Worksheet/setColumnWidth(_:column:)``), for text at 11 pt: ASCII and other
/// narrow characters count 1, CJK and full-width characters 2 (Unicode East Asian
/// Width `W`/`F`, from the range table below), combining marks and format controls 0.
/// East Asian *ambiguous* characters common in Chinese text (“”, ……, ≥, ×, ℃, ①, ■)
/// are drawn full-width by Chinese fonts such as 宋体, so they count 2 unless
/// `ambiguousIsWide` is false.
public enum TextMetrics {

    /// Points per line of text for each point of font size (≈14.5 pt per line at 10.5–11 pt).
    public static let lineHeightFactor = 1.35
    /// Points added to a row's height for the cell's top and bottom padding.
    public static let rowPadding = 3.0
    /// Column units lost to the cell's left and right padding when wrapping.
    public static let cellPadding = 1.0

    /// How many lines `text` takes in a wrapped cell `columnWidth` units wide (for a
    /// merged cell, the sum of its columns' widths) at `fontSize` points.
    ///
    /// Explicit newlines (LF, CR, CRLF, U+2028) start new lines, and an empty
    /// paragraph still takes a line, so `"a\n"` is 2 lines and `""` is 1. Words of
    /// narrow characters wrap as a whole when they fit on a line; CJK characters may
    /// break anywhere; a word longer than a line is broken by characters. Widths are
    /// summed scalar by scalar (marks, joined emoji and skin tones add nothing).
    ///
    /// The text is read once, as UTF-8 bytes decoded in the loop (an ASCII byte is its own
    /// scalar, answered without Unicode's tables). No character is wider than its UTF-8 bytes
    /// (ASCII 1 byte, width 1; CJK 3 bytes, width 2), so when the bytes fit on a line every
    /// paragraph does: the text takes one line per paragraph, and only its breaks are counted.
    public static func lineCount(
        _ text: String, columnWidth: Double, fontSize: Double = 11, ambiguousIsWide: Bool = true
    ) -> Int {
        let scale = fontSize.isFinite && fontSize > 0 ? fontSize / 11 : 1
        let available = max(columnWidth - cellPadding, 0.5)
        var counter = LineCounter(available: available, scale: scale, ambiguousIsWide: ambiguousIsWide,
                                  fits: Double(text.utf8.count) * scale <= available + 1e-9)
        var text = text
        text.withUTF8 { counter.count($0) }
        return counter.lines
    }

    /// The state of ``lineCount(_:columnWidth:fontSize:ambiguousIsWide:)``: lines so far, the width
    /// used on the last one, and the pending word of narrow characters (the byte it starts at, the
    /// scalar before it, its width; a word longer than a line is broken by characters, measured again).
    private struct LineCounter {
        let available: Double
        let scale: Double
        let ambiguousIsWide: Bool
        /// The whole text fits on a line: only its breaks count.
        let fits: Bool
        var lines = 1
        var used = 0.0
        var wordPending = false
        var wordStart = 0
        var beforeWord: UInt32 = 0
        var wordWidth = 0.0

        /// Counts the lines of `bytes` (valid UTF-8, a `String`'s), scalar by scalar; CR LF is one
        /// line break. A text that fits (``fits``) has one line per paragraph: its breaks are
        /// counted on the bytes (U+0085 is C2 85, U+2028 and U+2029 are E2 80 A8 and A9, and no
        /// lead byte is ever a continuation byte, so these bytes are those characters).
        mutating func count(_ bytes: UnsafeBufferPointer<UInt8>) {
            if fits {
                var previous: UInt8 = 0
                var beforePrevious: UInt8 = 0
                for byte in bytes {
                    switch byte {
                    case 0x0A: if previous != 0x0D { lines += 1 }
                    case 0x0B...0x0D: lines += 1
                    case 0x85: if previous == 0xC2 { lines += 1 }
                    case 0xA8, 0xA9: if previous == 0x80, beforePrevious == 0xE2 { lines += 1 }
                    default: break
                    }
                    beforePrevious = previous
                    previous = byte
                }
                return
            }
            var previous: UInt32 = 0
            var index = 0
            while index < bytes.count {
                let start = index
                let value = TextMetrics.scalar(in: bytes, at: &index)
                let before = previous
                previous = value
                if TextMetrics.isLineBreak(value) {
                    if value == 0x0A, before == 0x0D { continue }
                    flushWord(of: bytes, upTo: start)
                    lines += 1
                    used = 0
                    continue
                }
                let width = width(of: value, after: before)
                if TextMetrics.isSpace(value) {
                    flushWord(of: bytes, upTo: start)
                    space(width)
                } else if width >= 2 * scale {
                    flushWord(of: bytes, upTo: start)  // a wide character (CJK) may break anywhere
                    place(width)
                } else {
                    extendWord(width, at: start, after: before)
                }
            }
            flushWord(of: bytes, upTo: bytes.count)
        }

        /// A scalar's width after `previous`: nothing when it joins the glyph before it (a mark, a
        /// zero-width joiner and what follows it, an emoji skin tone).
        func width(of value: UInt32, after previous: UInt32) -> Double {
            Double(TextMetrics.width(of: value, after: previous, ambiguousIsWide: ambiguousIsWide)) * scale
        }

        /// A character placed alone: on this line if it fits (or the line is empty), else on the next.
        mutating func place(_ width: Double) {
            if used > 0, used + width > available + 1e-9 {
                lines += 1
                used = 0
            }
            used += width
        }

        /// The narrow character at byte `start` (after `previous`) joins the pending word.
        mutating func extendWord(_ width: Double, at start: Int, after previous: UInt32) {
            if !wordPending {
                wordPending = true
                wordStart = start
                beforeWord = previous
            }
            wordWidth += width
        }

        /// The pending word, if any (of `bytes`, ending before byte `end`), placed.
        @inline(__always)
        mutating func flushWord(of bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) {
            if wordPending { placeWord(of: bytes, upTo: end) }
        }

        /// The pending word placed as a whole when it fits a line, else broken by characters.
        mutating func placeWord(of bytes: UnsafeBufferPointer<UInt8>, upTo end: Int) {
            if used + wordWidth <= available + 1e-9 {
                used += wordWidth
            } else if wordWidth <= available + 1e-9 {
                lines += 1
                used = wordWidth
            } else {
                var previous = beforeWord
                var index = wordStart
                while index < end {
                    let value = TextMetrics.scalar(in: bytes, at: &index)
                    place(width(of: value, after: previous))
                    previous = value
                }
            }
            wordPending = false
            wordWidth = 0
        }

        /// A space that does not fit ends the line and is swallowed by the break.
        mutating func space(_ width: Double) {
            if used + width > available + 1e-9 { lines += 1; used = 0 } else { used += width }
        }
    }

    /// The scalar value whose UTF-8 starts at `index` in `bytes` (valid UTF-8), `index` moved past it.
    @inline(__always)
    private static func scalar(in bytes: UnsafeBufferPointer<UInt8>, at index: inout Int) -> UInt32 {
        let lead = UInt32(bytes[index])
        if lead < 0x80 {
            index += 1
            return lead
        }
        func continuation(_ offset: Int) -> UInt32 { UInt32(bytes[index + offset] & 0x3F) }
        let value: UInt32
        let length: Int
        if lead < 0xE0 {
            value = (lead & 0x1F) << 6 | continuation(1)
            length = 2
        } else if lead < 0xF0 {
            value = (lead & 0x0F) << 12 | continuation(1) << 6 | continuation(2)
            length = 3
        } else {
            value = (lead & 0x07) << 18 | continuation(1) << 12 | continuation(2) << 6 | continuation(3)
            length = 4
        }
        index += length
        return value
    }

    /// LF, VT, FF, CR, NEL, LINE and PARAGRAPH SEPARATOR: the scalars that are `Character.isNewline`.
    @inline(__always)
    static func isLineBreak(_ value: UInt32) -> Bool {
        (0x0A...0x0D).contains(value) || value == 0x85 || value == 0x2028 || value == 0x2029
    }

    /// White space other than line breaks (space, tab, U+3000 …); ideographs answered without
    /// looking up Unicode properties.
    @inline(__always)
    private static func isSpace(_ value: UInt32) -> Bool {
        if value < 0x80 { return value == 0x20 || value == 0x09 }
        // Ideographs, CJK punctuation after U+3000 and full-width forms are never white space.
        if (0x4E00...0x9FFF).contains(value) || (0x3001...0x303F).contains(value) || (0xFF01...0xFFEF).contains(value) {
            return false
        }
        return Unicode.Scalar(value)?.properties.isWhitespace ?? false
    }

    /// A row height in points that shows `lines` lines at `fontSize` points:
    /// `lines × fontSize × 1.35 + 3`, rounded up to a quarter point, at most `limit`
    /// (Excel's 409 unless told). At 11 pt: 1 line → 18 pt, 3 lines → 47.75 pt.
    public static func rowHeight(lines: Int, fontSize: Double = 11, limit: Double = 409) -> Double {
        let size = fontSize.isFinite && fontSize > 0 ? fontSize : 11
        let raw = Double(max(lines, 1)) * size * lineHeightFactor + rowPadding
        return min((raw * 4).rounded(.up) / 4, limit)
    }

    // MARK: - Scalar widths

    /// The width of the scalar `value` after the scalar `previous`: nothing when it joins the
    /// glyph before it (after a zero-width joiner; an emoji skin tone).
    @inline(__always)
    static func width(of value: UInt32, after previous: UInt32, ambiguousIsWide: Bool) -> Int {
        previous == 0x200D || (0x1F3FB...0x1F3FF).contains(value) ? 0 : width(of: value, ambiguousIsWide: ambiguousIsWide)
    }

    /// The width of the scalar `v` (a valid scalar value): ASCII and the CJK ideographs answered
    /// at once, every other scalar by its category and the range tables.
    @inline(__always)
    static func width(of v: UInt32, ambiguousIsWide: Bool) -> Int {
        if v < 0x7F { return v < 0x20 ? 0 : 1 }  // C0 controls; printable ASCII
        if v >= 0x4E00 && v <= 0x9FFF { return 2 }  // CJK unified ideographs (letters, wide)
        return tableWidth(of: v, ambiguousIsWide: ambiguousIsWide)
    }

    /// ``width(of:ambiguousIsWide:)`` beyond ASCII and the CJK ideographs.
    private static func tableWidth(of v: UInt32, ambiguousIsWide: Bool) -> Int {
        if v < 0xA0 { return 0 }  // DEL and the C1 controls
        // CJK punctuation (before the tone marks U+302A…) and full-width forms: wide, no marks.
        if (v >= 0x3000 && v <= 0x3029) || (v >= 0xFF01 && v <= 0xFF60) { return 2 }
        switch Unicode.Scalar(v)?.properties.generalCategory {
        case .nonspacingMark, .enclosingMark, .format: return 0
        default: break
        }
        if v == 0x200B { return 0 }  // zero width space
        if contains(wideRanges, v) { return 2 }
        if ambiguousIsWide, contains(ambiguousRanges, v) { return 2 }
        return 1
    }

    private static func contains(_ ranges: [ClosedRange<UInt32>], _ value: UInt32) -> Bool {
        var low = 0
        var high = ranges.count - 1
        while low <= high {
            let mid = (low + high) / 2
            if value < ranges[mid].lowerBound {
                high = mid - 1
            } else if value > ranges[mid].upperBound {
                low = mid + 1
            } else {
                return true
            }
        }
        return false
    }

    /// East Asian Width `W` and `F` (Unicode 15), sorted, merged where adjacent.
    static let wideRanges: [ClosedRange<UInt32>] = [
        0x1100...0x115F, 0x231A...0x231B, 0x2329...0x232A, 0x23E9...0x23EC, 0x23F0...0x23F0,
        0x23F3...0x23F3, 0x25FD...0x25FE, 0x2614...0x2615, 0x2648...0x2653, 0x267F...0x267F,
        0x2693...0x2693, 0x26A1...0x26A1, 0x26AA...0x26AB, 0x26BD...0x26BE, 0x26C4...0x26C5,
        0x26CE...0x26CE, 0x26D4...0x26D4, 0x26EA...0x26EA, 0x26F2...0x26F3, 0x26F5...0x26F5,
        0x26FA...0x26FA, 0x26FD...0x26FD, 0x2705...0x2705, 0x270A...0x270B, 0x2728...0x2728,
        0x274C...0x274C, 0x274E...0x274E, 0x2753...0x2755, 0x2757...0x2757, 0x2795...0x2797,
        0x27B0...0x27B0, 0x27BF...0x27BF, 0x2B1B...0x2B1C, 0x2B50...0x2B50, 0x2B55...0x2B55,
        0x2E80...0x303E, 0x3041...0x33FF, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xA000...0xA4CF,
        0xA960...0xA97F, 0xAC00...0xD7A3, 0xF900...0xFAFF, 0xFE10...0xFE19, 0xFE30...0xFE6F,
        0xFF00...0xFF60, 0xFFE0...0xFFE6, 0x16FE0...0x16FE4, 0x17000...0x18CFF, 0x1AFF0...0x1B2FF,
        0x1F004...0x1F004, 0x1F0CF...0x1F0CF, 0x1F18E...0x1F18E, 0x1F191...0x1F19A, 0x1F200...0x1F202,
        0x1F210...0x1F23B, 0x1F240...0x1F248, 0x1F250...0x1F251, 0x1F260...0x1F265, 0x1F300...0x1F320,
        0x1F32D...0x1F335, 0x1F337...0x1F37C, 0x1F37E...0x1F393, 0x1F3A0...0x1F3CA, 0x1F3CF...0x1F3D3,
        0x1F3E0...0x1F3F0, 0x1F3F4...0x1F3F4, 0x1F3F8...0x1F43E, 0x1F440...0x1F440, 0x1F442...0x1F4FC,
        0x1F4FF...0x1F53D, 0x1F54B...0x1F54E, 0x1F550...0x1F567, 0x1F57A...0x1F57A, 0x1F595...0x1F596,
        0x1F5A4...0x1F5A4, 0x1F5FB...0x1F64F, 0x1F680...0x1F6C5, 0x1F6CC...0x1F6CC, 0x1F6D0...0x1F6D2,
        0x1F6D5...0x1F6D7, 0x1F6DC...0x1F6DF, 0x1F6EB...0x1F6EC, 0x1F6F4...0x1F6FC, 0x1F7E0...0x1F7EB,
        0x1F7F0...0x1F7F0, 0x1F90C...0x1F93A, 0x1F93C...0x1F945, 0x1F947...0x1F9FF, 0x1FA70...0x1FAFF,
        0x20000...0x2FFFD, 0x30000...0x3FFFD,
    ]

    /// East Asian Width `A` characters that Chinese fonts draw full-width (a subset
    /// of the Unicode `A` class: punctuation, symbols, circled numbers, box drawing).
    static let ambiguousRanges: [ClosedRange<UInt32>] = [
        0x00A7...0x00A8, 0x00B0...0x00B1, 0x00D7...0x00D7, 0x00F7...0x00F7,
        0x2010...0x2010, 0x2013...0x2016, 0x2018...0x2019, 0x201C...0x201D, 0x2020...0x2022,
        0x2024...0x2027, 0x2030...0x2030, 0x2032...0x2033, 0x2035...0x2035, 0x203B...0x203B,
        0x2103...0x2103, 0x2105...0x2105, 0x2109...0x2109, 0x2116...0x2116, 0x2121...0x2122,
        0x2160...0x216B, 0x2170...0x2179, 0x2190...0x2199, 0x21D2...0x21D2, 0x21D4...0x21D4,
        0x2200...0x22FF, 0x2312...0x2312, 0x2460...0x24FF, 0x2500...0x257F, 0x2580...0x259F,
        0x25A0...0x25FC, 0x2605...0x2606, 0x2609...0x2609, 0x260E...0x260F, 0x261C...0x261C,
        0x261E...0x261E, 0x2640...0x2640, 0x2642...0x2642, 0x2660...0x266F, 0x273D...0x273D,
        0x2776...0x277F, 0x3248...0x324F,
    ]
}
