extension FormGridHTML {
    /// The CSS of ``render(_:sourceName:)``'s fragment, every rule under `.sev-form`: the grid
    /// scrolls inside its box, at most 85% of the window tall so that its horizontal scroll bar
    /// stays in view (never the page sideways), long texts wrap, line breaks of the form
    /// are kept; errors, warnings and notes differ in colour and in shape (■ ▲ ●); generated
    /// reasons and replaced scores are pale yellow and italic, as in the workbook; every input
    /// text is bidi-isolated, so a stray U+202E in a cell cannot reverse the text around it.
    public static let stylesheet: String = """
        .sev-form { font-family: "Noto Sans CJK SC", "Source Han Sans SC", "Microsoft YaHei", "SimSun", sans-serif;
          font-size: 14px; line-height: 1.45; color: #1a1a1a; max-width: 100%; }
        .sev-form h2.sev-title { font-size: 20px; margin: 0 0 8px; }
        .sev-form h3 { font-size: 16px; margin: 20px 0 6px; }
        .sev-form .sev-facts { display: flex; flex-wrap: wrap; gap: 4px 18px; margin: 0 0 8px; }
        .sev-form .sev-facts div { display: flex; gap: 6px; }
        .sev-form .sev-facts dt { color: #555; }
        .sev-form .sev-facts dt::after { content: ":"; }
        .sev-form .sev-facts dd { margin: 0; overflow-wrap: anywhere; }
        .sev-form .sev-total strong, .sev-form .sev-grade strong { font-size: 18px; }
        .sev-form .sev-review dd strong { color: #b00020; }
        .sev-form .sev-facts .sev-weights { flex-basis: 100%; }
        .sev-form .sev-legend { display: flex; flex-wrap: wrap; gap: 4px 14px; align-items: center;
          font-size: 13px; margin: 6px 0 10px; padding: 6px 8px; background: #f6f7f9; border: 1px solid #dde1e6; }
        .sev-form .sev-legend-title { font-weight: bold; }
        .sev-form .sev-legend-item { display: inline-flex; align-items: center; gap: 3px; }
        .sev-form .sev-sample { padding: 1px 6px; }
        .sev-form .sev-grid-box { overflow: auto; max-width: 100%; max-height: 85vh; border: 1px solid #c9ced6;
          background: #fff; padding: 8px; box-sizing: border-box; }
        .sev-form table.sev-grid { border-collapse: collapse; table-layout: fixed; width: max-content; font-size: 13px; }
        .sev-form .sev-grid td { padding: 3px 4px; vertical-align: middle; white-space: pre-wrap;
          overflow-wrap: anywhere; word-break: break-word; min-height: 1.4em; }
        .sev-form .sev-grid tr { height: 1.6em; }
        .sev-form .sev-grid td.sev-b { border: 1px solid #333; }
        .sev-form .sev-k-title { text-align: center; font-size: 20px; font-weight: bold; padding: 8px 4px; }
        .sev-form .sev-k-subtitle { text-align: center; }
        .sev-form .sev-k-preamble, .sev-form .sev-k-text, .sev-form .sev-k-trailer { text-align: left; }
        .sev-form .sev-k-preamble-right { text-align: right; }
        .sev-form .sev-k-heading { text-align: center; font-weight: bold; background: #f2f4f7; }
        .sev-form .sev-k-label, .sev-form .sev-k-number { text-align: center; }
        .sev-form .sev-marked { background: #fff2cc; font-style: italic; }
        .sev-form td.sev-has-error { box-shadow: inset 0 0 0 2px #c62828; }
        .sev-form td.sev-has-warning { box-shadow: inset 0 0 0 2px #e08a00; }
        .sev-form td.sev-has-note { box-shadow: inset 0 0 0 2px #1e6fd9; }
        .sev-form .sev-marks { display: block; white-space: normal; font-style: normal; margin-top: 2px; }
        .sev-form .sev-mk { display: inline-block; font-size: 12px; font-weight: bold; line-height: 1.3;
          padding: 0 4px; margin: 1px 2px 1px 0; border-radius: 3px; color: #fff; text-decoration: none;
          white-space: nowrap; font-style: normal; }
        .sev-form .sev-mk.sev-error { background: #c62828; }
        .sev-form .sev-mk.sev-warning { background: #b86e00; }
        .sev-form .sev-mk.sev-note { background: #1e6fd9; }
        .sev-form .sev-lostmk { display: inline-block; font-size: 12px; font-weight: bold; line-height: 1.3;
          padding: 0 4px; margin: 1px 2px 1px 0; border: 1px solid #c62828; border-radius: 3px; color: #c62828;
          background: #fff; text-decoration: none; white-space: nowrap; font-style: normal; }
        .sev-form .sev-hint { color: #555; font-size: 13px; margin: 0 0 4px; }
        .sev-form ol.sev-list { list-style: none; padding: 0; margin: 0; }
        .sev-form ol.sev-list li { padding: 4px 6px; border-bottom: 1px solid #e4e7eb; overflow-wrap: anywhere;
          white-space: pre-wrap; }
        .sev-form ol.sev-list li.sev-error { background: #fdecea; }
        .sev-form ol.sev-list li.sev-warning { background: #fff6e5; }
        .sev-form ol.sev-list li.sev-note { background: #eef4fd; }
        .sev-form ol.sev-list li:target, .sev-form .sev-grid td:target, .sev-form .sev-lost-table tr:target {
          outline: 3px solid #6a1b9a; outline-offset: -3px; }
        .sev-form .sev-level { font-weight: bold; }
        .sev-form .sev-place { font-family: monospace; }
        .sev-form code { font-size: 12px; color: #444; }
        .sev-form .sev-lost-box { overflow-x: auto; max-width: 100%; }
        .sev-form table.sev-lost-table { border-collapse: collapse; width: 100%; font-size: 13px; }
        .sev-form .sev-lost-table th, .sev-form .sev-lost-table td { border: 1px solid #c9ced6; padding: 4px 6px;
          vertical-align: top; white-space: pre-wrap; overflow-wrap: anywhere; }
        .sev-form .sev-lost-table th { background: #f2f4f7; white-space: nowrap; }
        .sev-form .sev-lost-table td.sev-num { text-align: center; white-space: nowrap; }
        .sev-form .sev-lost-table .sev-lostpts { color: #c62828; font-weight: bold; }
        .sev-form .sev-lost-table .sev-formula { font-size: 12px; min-width: 16em; }
        .sev-form .sev-lost-table tfoot td { font-weight: bold; text-align: right; }
        .sev-form .sev-tag { display: inline-block; font-size: 11px; font-style: normal; color: #fff;
          background: #6a1b9a; border-radius: 3px; padding: 0 4px; margin-right: 4px; }
        .sev-form .sev-missing { color: #888; }
        .sev-form .sev-text, .sev-form .sev-msg, .sev-form .sev-facts dd, .sev-form .sev-lost-table td,
        .sev-form h2.sev-title { unicode-bidi: isolate; }
        @media print { .sev-form .sev-grid-box { overflow: visible; max-height: none; border: 0; padding: 0; }
          .sev-form table.sev-grid { width: 100%; } }

        """
}
