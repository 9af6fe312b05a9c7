/// The messages of output and input safety (Chinese, as every message a user reads).
public enum OutputMessage {
    /// A temporary file (or spool, or staging folder) that cannot be written.
    public static func cannotWrite(_ path: String) -> String { "无法写入临时文件 \(path)" }
    static func cannotRename(_ reason: String) -> String { "无法把临时文件改名为输出文件:\(reason)" }
    static func outputIsInput(_ path: String) -> String { "输出文件 \(path) 就是输入文件:不会覆盖输入" }
    static func xlsxFailed(_ reason: String) -> String { "写入 XLSX 失败:\(reason)" }
    static func outputExists(_ path: String) -> String {
        "输出文件 \(path) 已存在:不会覆盖它(确需覆盖请加 --force)"
    }
    static func outputNotRegular(_ path: String, _ kind: FileKind) -> String {
        "输出位置 \(path) 是\(kind.label),不是普通文件:不会替换它(--force 也不会)"
    }
    static func outputIsAnInput(_ path: String) -> String {
        "输出文件 \(path) 是本次运行的一个输入文件(可能经由链接):不会覆盖输入"
    }
    static func cannotAccess(_ path: String, _ reason: String) -> String { "无法访问输出位置 \(path):\(reason)" }
    static func inputNotRegular(_ kind: FileKind) -> String { "这是\(kind.label),不是普通文件:不会打开它" }
    static let danglingLink = "这个链接指向的文件不存在"
    static let undecodableName = "文件名不是有效的 UTF-8(无法解码的字节显示为 \\xNN):无法处理,请把文件改名后重试"
    static let pathTooLong = "路径太长,超过系统上限(PATH_MAX 或 NAME_MAX):无法打开,请把文件移到较浅的文件夹"
    static func cannotList(_ reason: String) -> String { "无法读取这个文件夹:\(reason)" }
    static func summaryFailed(_ reason: String) -> String { "汇总表写入失败:\(reason)" }
    static func reportShortened(_ reason: String) -> String {
        "report.json 无法完整写入(\(reason)):这里只列出写成的文件和失败的表,各表的评分报告略去"
    }
    static func tooManyJobs(_ asked: Int, _ used: Int, _ limit: Int) -> String {
        "--jobs \(asked) 超过进程可打开的文件数(上限 \(limit)):只用 \(used) 个并行任务"
    }
}
