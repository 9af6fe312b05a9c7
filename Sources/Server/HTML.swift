import Foundation
import SelfEvaluation
import WebPages

/// A JSON string literal of `text`, as Foundation's `JSONEncoder` writes it with
/// `.withoutEscapingSlashes` (`PrettyJSONWriter`'s escaper): the server's small JSON answers put
/// it around the JSON report, which is already JSON.
public func jsonString(_ text: String) -> String {
    String(decoding: PrettyJSONWriter.quoted(text), as: UTF8.self)
}

/// The page around every page's content: one stylesheet, Chinese, fits a 1366×768 screen.
enum PageFrame {
    static func page(title: String, body: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN">
        <head>
        <meta charset="utf-8">
        <meta name="viewport" content="width=device-width, initial-scale=1">
        <title>\(HTMLText.escape(title)) · \(ServerWords.title)</title>
        <link rel="stylesheet" href="/style.css">
        </head>
        <body>
        <header class="top"><span class="brand">\(ServerWords.title)自评系统</span> <span class="where">\(HTMLText.escape(title))</span></header>
        <main>
        \(body)
        </main>
        </body>
        </html>
        """
    }

    /// The one stylesheet (`/style.css`): the pages' own rules, then the grid's (WebPages).
    static let stylesheet = pageRules + "\n" + FormGridHTML.stylesheet

    static let pageRules = """
        * { box-sizing: border-box; }
        body { margin: 0; font: 14px/1.5 "Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "WenQuanYi Micro Hei", sans-serif;
               color: #1f2328; background: #f6f7f9; }
        header.top { background: #1f4e79; color: #fff; padding: 8px 20px; font-size: 15px; }
        header.top .brand { font-weight: bold; margin-right: 16px; }
        main { max-width: 1320px; margin: 0 auto; padding: 14px 20px 40px; }
        h1 { font-size: 20px; margin: 6px 0 12px; }
        h2 { font-size: 16px; margin: 20px 0 8px; }
        a { color: #0b5cad; }
        .card { background: #fff; border: 1px solid #d8dde3; border-radius: 6px; padding: 12px 16px; margin-bottom: 14px; }
        table.list { border-collapse: collapse; width: 100%; background: #fff; }
        table.list th, table.list td { border: 1px solid #d8dde3; padding: 4px 8px; text-align: left; vertical-align: top; }
        table.list th { background: #e8eef5; white-space: nowrap; }
        table.list th.sortable { cursor: pointer; }
        table.list td.num { text-align: right; font-variant-numeric: tabular-nums; white-space: nowrap; }
        table.wide { font-size: 13px; }
        table.wide td:nth-child(-n+2) { min-width: 9em; }
        .scroll { overflow-x: auto; }
        .drop { border: 2px dashed #8aa4c0; border-radius: 6px; padding: 18px; text-align: center; color: #44607d; background: #f9fbfd; }
        .pick { position: relative; display: inline-block; border: 1px solid #1f4e79; color: #1f4e79; background: #fff;
                border-radius: 4px; padding: 5px 14px; cursor: pointer; }
        .pick input[type=file] { position: absolute; inset: 0; width: 100%; height: 100%; opacity: 0; cursor: pointer; }
        .chosen { display: inline-block; margin: 0 16px 0 8px; color: #44607d; min-width: 8em; text-align: left; }
        .drop.over { background: #e3eefa; border-color: #1f4e79; }
        .errors { border-left: 4px solid #c62828; background: #fdecea; padding: 8px 14px; margin-bottom: 14px; }
        .errors li { margin: 2px 0; }
        .ok { color: #2e7d32; }
        .review { color: #b45309; font-weight: bold; }
        .mark-error { color: #c62828; font-weight: bold; }
        .mark-warning { color: #b45309; font-weight: bold; }
        .mark-note { color: #4b5563; }
        .lost { color: #c62828; font-weight: bold; }
        .muted { color: #6b7280; }
        button, input[type=submit] { background: #1f4e79; color: #fff; border: 0; border-radius: 4px; padding: 6px 14px; font: inherit; cursor: pointer; }
        button.link { background: none; color: #c62828; padding: 0; text-decoration: underline; }
        input[type=text], input[type=password], input[type=search] { font: inherit; padding: 4px 8px; border: 1px solid #b8c2cc; border-radius: 4px; }
        .downloads a { margin-right: 12px; }
        .totals { font-size: 16px; }
        .totals b { font-size: 20px; }
        code { background: #eef1f4; padding: 0 4px; border-radius: 3px; }
        """
}
