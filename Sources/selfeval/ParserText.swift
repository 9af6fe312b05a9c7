import Foundation

/// swift-argument-parser prints its own frame in English (USAGE:, OPTIONS:, "Error: Unknown
/// option …"). Those fixed phrases are put into Chinese here, so that `--help` and every usage
/// error read in one language; option names, values and the `[usage]` code stay as typed.
enum ParserText {
    /// (pattern, template) pairs, applied in order; `$1` … are the pattern's groups.
    private static let table: [(String, String)] = [
        (#"^Error: (?=.*: error: \[)"#, ""),
        (#"^Error: \["#, "selfeval: 错误: ["),
        (#"^Error: "#, "selfeval: 错误: [usage] "),
        (#"Missing expected argument '([^']*)'"#, "缺少参数 $1"),
        (#"Unknown option '([^']*)'\. Did you mean '([^']*)'\?"#, "未知选项 $1(是否想用 $2?)"),
        (#"Unknown option '([^']*)'"#, "未知选项 $1"),
        (#"Unexpected arguments? '([^']*)'"#, "多余的参数 $1"),
        (#"(\d+) unexpected arguments: "#, "$1 个多余的参数:"),
        (#"Missing value for '([^']*)'"#, "选项 $1 缺少值"),
        (#"The value '([^']*)' is invalid for '([^']*)'\. Please provide one of (.*)\."#, "$2 的值“$1”无效,可用:$3"),
        (#"The value '([^']*)' is invalid for '([^']*)'"#, "$2 的值“$1”无效"),
        (#"Please provide one of "#, "可用:"),
        (#"^Help:  "#, "说明: "),
        (#"^Usage: "#, "用法: "),
        (#"^  See '([^']*)' for more information\."#, "  详见 $1"),
        (#"^OVERVIEW: "#, "说明: "),
        (#"^USAGE: "#, "用法: "),
        (#"^ARGUMENTS:"#, "参数:"),
        (#"^OPTIONS:"#, "选项:"),
        (#"^SUBCOMMANDS:"#, "子命令:"),
        (#"Show help information\."#, "显示帮助。"),
        (#"Show the version\."#, "显示版本(含 libxlsxwriter 版本和内置评分规则)。"),
        (#"Show subcommand help information\."#, "显示子命令的帮助。"),
        (#"See 'selfeval help <subcommand>' for detailed help\."#, "各子命令的详细帮助:selfeval help 〈子命令〉 或 selfeval 〈子命令〉 --help"),
        (#"See 'selfeval help ([a-z]+) <subcommand>' for detailed help\."#, "各子命令的详细帮助:selfeval help $1 〈子命令〉 或 selfeval $1 〈子命令〉 --help"),
        (#"\(values: "#, "(可选值:"),
        (#"; default: "#, ";默认:"),
        (#"\(default: "#, "(默认:"),
        (#"<subcommand>"#, "〈子命令〉"),
        (#"\(s\) "#, " "),
    ]

    private static let compiled: [(NSRegularExpression, String)] = table.compactMap { pattern, template in
        (try? NSRegularExpression(pattern: pattern, options: [.anchorsMatchLines])).map { ($0, template) }
    }

    /// The parser's message with its fixed English phrases in Chinese.
    static func translate(_ message: String) -> String {
        var text = message
        for (regex, template) in compiled {
            text = regex.stringByReplacingMatches(in: text, range: NSRange(text.startIndex..., in: text), withTemplate: template)
        }
        return text
    }
}
