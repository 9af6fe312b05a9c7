import CXLSXWriter
import SelfEvaluation

/// The chart types the writer offers.
public enum ChartKind: Hashable, Sendable {
    /// Vertical bars.
    case column
    /// A pie (one series).
    case pie

    var lxw: UInt8 {
        switch self {
        case .column: return UInt8(LXW_CHART_COLUMN.rawValue)
        case .pie: return UInt8(LXW_CHART_PIE.rawValue)
        }
    }
}

/// A chart of a ``Workbook``, made by ``Workbook/addChart(_:)`` and placed with
/// ``Worksheet/insertChart(_:row:column:xScale:yScale:)``.
///
/// Series refer to sheet ranges (``SheetRange``); their formulas are built here with
/// the sheet name quoted (`='汇总'!$B$2:$B$5`), never from user text. The chart keeps
/// its workbook alive; after ``Workbook/close()`` its methods throw `workbookClosed`.
public final class Chart {
    /// The title set with ``setTitle(_:)``.
    public private(set) var title: String?
    let workbook: Workbook
    let handle: UnsafeMutablePointer<lxw_chart>

    init(workbook: Workbook, handle: UnsafeMutablePointer<lxw_chart>) {
        self.workbook = workbook
        self.handle = handle
    }

    private func live(_ operation: String) throws -> UnsafeMutablePointer<lxw_chart> {
        _ = try workbook.live(operation, .chart(title: title))
        return handle
    }

    /// Sets the chart's title (XML-safe and cut to 255 characters, ``XMLText``).
    public func setTitle(_ title: String) throws {
        let operation = "chart_title_set_name"
        let chart = try live(operation)
        let title = try CBridge.xmlText(title, "the title", operation, .chart(title: title), limit: Self.textLimit)
        chart_title_set_name(chart, title)
        self.title = title
    }

    /// Adds a series: `values` (numbers), optional `categories` (labels) and a `name`
    /// for the legend, with each value shown on the chart when `showValues`. Ranges are 0-based,
    /// inclusive.
    public func addSeries(
        values: SheetRange, categories: SheetRange? = nil, name: String? = nil, showValues: Bool = false
    ) throws {
        let operation = "chart_add_series"
        let chart = try live(operation)
        for range in [values] + (categories.map { [$0] } ?? []) {
            try CBridge.requireNoNUL(range.sheet, "the sheet name", operation, .chart(title: title))
            guard range.range.isValid else {
                throw XLSXError.invalid(operation, .range(sheet: range.sheet, range.range),
                                        "the range is outside the sheet or reversed")
            }
        }
        let name = try name.map { try CBridge.xmlText($0, "the series name", operation, .chart(title: title), limit: Self.textLimit) }
        guard let series = chart_add_series(chart, categories?.formula, values.formula) else {
            throw XLSXError.notCreated(operation, .chart(title: title), "libxlsxwriter did not add the series \(values.formula)")
        }
        if let name { chart_series_set_name(series, name) }
        if showValues { chart_series_set_labels(series) }
    }

    /// The longest title or series name written (Excel's limit of a chart text).
    static let textLimit = 255

    /// Hides the legend.
    public func hideLegend() throws {
        let chart = try live("chart_legend_set_position")
        chart_legend_set_position(chart, UInt8(LXW_CHART_LEGEND_NONE.rawValue))
    }
}
