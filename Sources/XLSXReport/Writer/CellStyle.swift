import CXLSXWriter

/// A 24-bit RGB colour, `0xRRGGBB`.
public struct RGBColor: Hashable, Sendable {
    /// `0xRRGGBB`.
    public let rgb: UInt32

    /// A colour from `0xRRGGBB` (higher bits are ignored).
    public init(rgb: UInt32) { self.rgb = rgb & 0xFF_FFFF }

    /// The value libxlsxwriter expects: its "unset" is 0, so black is `LXW_COLOR_BLACK`.
    var lxwColor: lxw_color_t {
        rgb == 0 ? lxw_color_t(LXW_COLOR_BLACK.rawValue) : lxw_color_t(rgb)
    }
}

/// Horizontal alignment of a cell's content.
public enum HorizontalAlignment: Hashable, Sendable {
    /// Excel's default (text left, numbers right).
    case general
    /// Left.
    case left
    /// Centred.
    case center
    /// Right.
    case right

    var lxw: lxw_format_alignments {
        switch self {
        case .general: return LXW_ALIGN_NONE
        case .left: return LXW_ALIGN_LEFT
        case .center: return LXW_ALIGN_CENTER
        case .right: return LXW_ALIGN_RIGHT
        }
    }
}

/// Vertical alignment of a cell's content.
public enum VerticalAlignment: Hashable, Sendable {
    /// Excel's default (bottom).
    case bottom
    /// Centred.
    case center

    var lxw: lxw_format_alignments {
        switch self {
        case .bottom: return LXW_ALIGN_VERTICAL_BOTTOM
        case .center: return LXW_ALIGN_VERTICAL_CENTER
        }
    }
}

/// How a cell looks, as a plain value. Equal styles share one workbook format
/// (``Workbook/format(_:)`` caches them), so build styles freely.
///
/// `nil` fields keep Excel's defaults (Calibri 11, no border, general alignment,
/// number format `General`, no fill).
public struct CellStyle: Hashable, Sendable {
    /// The font name, e.g. `"宋体"`; nil for the workbook default (Calibri).
    public var fontName: String?
    /// The font size in points; nil for 11.
    public var fontSize: Double?
    /// Bold text.
    public var bold: Bool
    /// Italic text.
    public var italic: Bool
    /// A thin border on all four sides.
    public var thinBorder: Bool
    /// Wrap text inside the cell.
    public var wrap: Bool
    /// Horizontal alignment.
    public var horizontal: HorizontalAlignment
    /// Vertical alignment.
    public var vertical: VerticalAlignment
    /// An Excel number format such as `"0.00"`, `"0.00%"`, `"#,##0.00"`; nil for `General`.
    public var numberFormat: String?
    /// A solid background fill; nil for none.
    public var fillColor: RGBColor?

    /// Creates a style; every parameter defaults to Excel's default.
    public init(
        fontName: String? = nil, fontSize: Double? = nil, bold: Bool = false, italic: Bool = false,
        thinBorder: Bool = false, wrap: Bool = false,
        horizontal: HorizontalAlignment = .general, vertical: VerticalAlignment = .bottom,
        numberFormat: String? = nil, fillColor: RGBColor? = nil
    ) {
        self.fontName = fontName
        self.fontSize = fontSize
        self.bold = bold
        self.italic = italic
        self.thinBorder = thinBorder
        self.wrap = wrap
        self.horizontal = horizontal
        self.vertical = vertical
        self.numberFormat = numberFormat
        self.fillColor = fillColor
    }

    /// Hashes the cheap fields only: hashing the font name (Chinese text, hashed through Unicode
    /// normalisation) showed in profiles, since every cell written looks its style up. Equal
    /// styles still hash equal; `==` compares every field.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(fontSize)
        hasher.combine(bold)
        hasher.combine(italic)
        hasher.combine(thinBorder)
        hasher.combine(wrap)
        hasher.combine(horizontal)
        hasher.combine(vertical)
        hasher.combine(fillColor)
        hasher.combine(numberFormat?.utf8.count ?? -1)
        hasher.combine(fontName?.utf8.count ?? -1)
    }

    /// A copy with some fields changed: `base.with { $0.bold = true }`.
    public func with(_ change: (inout CellStyle) -> Void) -> CellStyle {
        var copy = self
        change(&copy)
        return copy
    }

    /// Fails when a string field cannot be passed to C (it contains NUL) or the size is not usable.
    func validate() throws {
        for (field, value) in [("fontName", fontName), ("numberFormat", numberFormat)] {
            if let value, value.utf8.contains(0) {
                throw XLSXError.invalid("workbook_add_format", .setting("CellStyle.\(field)"), "contains a NUL character")
            }
        }
        if let fontSize, !(fontSize.isFinite && fontSize > 0 && fontSize <= 409) {
            throw XLSXError.invalid("workbook_add_format", .setting("CellStyle.fontSize"), "font size \(fontSize) is not in 1…409")
        }
    }

    /// Applies the style to a fresh libxlsxwriter format.
    func apply(to format: UnsafeMutablePointer<lxw_format>) {
        if let fontName { format_set_font_name(format, fontName) }
        if let fontSize { format_set_font_size(format, fontSize) }
        if bold { format_set_bold(format) }
        if italic { format_set_italic(format) }
        if thinBorder { format_set_border(format, UInt8(LXW_BORDER_THIN.rawValue)) }
        if wrap { format_set_text_wrap(format) }
        if horizontal != .general { format_set_align(format, UInt8(horizontal.lxw.rawValue)) }
        if vertical != .bottom { format_set_align(format, UInt8(vertical.lxw.rawValue)) }
        if let numberFormat { format_set_num_format(format, numberFormat) }
        if let fillColor {
            format_set_pattern(format, UInt8(LXW_PATTERN_SOLID.rawValue))
            format_set_bg_color(format, fillColor.lxwColor)
        }
    }
}

/// A workbook format made from a ``CellStyle`` (``Workbook/format(_:)``: equal styles give the
/// identical object), given to the worksheet's writes. It belongs to its workbook, which frees
/// it on close.
public final class CellFormat {
    /// The style this format was made from.
    public let style: CellStyle
    let pointer: UnsafeMutablePointer<lxw_format>
    /// The workbook that made the format (a worksheet of another workbook refuses it).
    let workbook: ObjectIdentifier

    init(style: CellStyle, pointer: UnsafeMutablePointer<lxw_format>, workbook: ObjectIdentifier) {
        self.style = style
        self.pointer = pointer
        self.workbook = workbook
    }
}
