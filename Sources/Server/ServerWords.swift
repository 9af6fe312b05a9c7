/// Every word the server's pages and answers show, in Chinese (the `[code]`s stay as they are).
public enum ServerWords {
    public static let title = "预算绩效自评表"
    public static let storeFailed = "无法保存上传的文件(服务器磁盘或索引出错),请稍后重试"
    public static let formNotFound = "没有这张表"
    /// Replaces the command line's advice in a `several-forms` error: the page reads one form a file.
    public static let severalFormsChoice = "请把每张自评表另存为单独的文件(或只留一张自评表的工作簿)后上传"
    public static let notFound = "[not-found] 没有这个页面或表格"
    public static let revoked = "[link-revoked] 这个链接已被收回,请向财政局索取新链接"
    public static let csrf = "[csrf] 表单已过期或不是从本站页面提交的,请刷新页面后重试"
    public static let needLogin = "[login-required] 请先登录管理页面"
    public static let badLogin = "密码不正确"
    public static let noFile = "[no-file] 没有收到文件:请选择一个或多个表格文件(字段 file)"
    public static let notMultipart = "[not-multipart] 请求不是 multipart/form-data 上传"
    public static func fileTooLarge(_ name: String, _ size: Int, _ limit: Int) -> String {
        "[file-too-large] \(name) 有 \(size) 字节,超过每个文件 \(limit) 字节(8 MiB)的上限"
    }
    public static func tooManyFiles(_ count: Int, _ limit: Int) -> String {
        "[too-many-files] 一次上传了 \(count) 个文件,最多 \(limit) 个"
    }
    public static let requestTooLarge = "[request-too-large] 上传的内容超过上限"
    public static let basicNeedsJSON = "[csrf] 用 HTTP Basic 认证修改数据时,请求须为 Content-Type: application/json"
    public static let badAction = "[bad-request] 请求内容无法理解"
    public static let originMismatch = "[csrf] 请求来自其他网站,已拒绝"

    /// The message of a `DataStore.UnitError`.
    public static func unitError(_ error: DataStore.UnitError) -> String {
        switch error {
        case .emptyName: "[unit-name] 单位名称不能为空"
        case .hasLink(let n): "[unit-has-link] 单位“\(n)”已有有效链接;要换新链接,请先收回旧链接"
        case .notFound(let n): "[unit-not-found] 没有名为“\(n)”的单位"
        case .noLink(let n): "[unit-no-link] 单位“\(n)”没有有效链接"
        }
    }
}
