/// Every message of the workbook readers, in Chinese (the codes stay English).
enum SpreadsheetMessage {
    static let truncated = "工作簿不完整(ZIP 目录缺失或被截断),文件可能未下载完整,请重新获取原文件"
    static let zip64 = "工作簿使用 ZIP64 格式,表单不应这么大,请另存为普通 .xlsx 后再试"
    static let corruptDirectory = "工作簿的 ZIP 目录已损坏,请用 Excel 或 WPS 打开后另存为 .xlsx 再试"
    static let encrypted = "文件已加密,请去除密码后再试"
    static func tooManyEntries(_ count: Int, _ limit: Int) -> String {
        "工作簿包含 \(count) 个部件,超过上限 \(limit) 个,不是正常的表单文件"
    }
    static func zipTooLarge(_ limit: Int) -> String {
        "工作簿解压后超过 \(limit >> 20) MiB 上限(可能是压缩炸弹),已拒绝读取"
    }
    static func zipRatio(_ name: String, _ ratio: Int) -> String {
        "工作簿部件 \(name) 的压缩比超过 \(ratio):1(可能是压缩炸弹),已拒绝读取"
    }
    static func entryOverrun(_ name: String) -> String {
        "工作簿部件 \(name) 解压后比声明的大小更大(可能是压缩炸弹),已拒绝读取"
    }
    static func duplicateEntry(_ name: String) -> String { "工作簿中部件 \(name) 出现了两次,文件已损坏" }
    static func corruptEntry(_ name: String) -> String { "工作簿部件 \(name) 已损坏(解压或校验失败)" }
    static func unsupportedMethod(_ name: String, _ method: Int) -> String {
        "工作簿部件 \(name) 使用了不支持的压缩方法 \(method)"
    }
    static let notAWorkbook = "这是 ZIP 压缩包,但不是 Excel 工作簿(没有 xl/workbook.xml)"
    static let wordDocument = "这是 Word 文档(.docx),不是表格;请把表格复制到 Excel 中保存为 .xlsx 后再试"
    static let presentation = "这是 PowerPoint 演示文稿,不是表格"
    static let openDocument = "这是 OpenDocument 文件(.ods/.odt),请另存为 .xlsx 后再试"
    static func otherBinary(_ kind: String) -> String { "这是 \(kind),不是表格;请使用 Excel/WPS 导出的 .xlsx、.xls 或 .csv" }
    static let ole2NotExcel = "这是 Office 97–2003 复合文档,但不是 Excel 工作簿(可能是 Word .doc)"
    static let xlsUnreadable = "无法读取 .xls 工作簿(BIFF 格式损坏或不受支持),请用 Excel 或 WPS 另存为 .xlsx 后再试"
    static let xlsCrashed = "读取 .xls 工作簿时出错(文件结构异常,可能已损坏或被篡改),请用 Excel 或 WPS 另存为 .xlsx 后再试"
    static let noSheets = "工作簿中没有工作表"
    static func missingPart(_ name: String) -> String { "工作簿缺少部件 \(name)" }
    static func xmlForbidden(_ part: String) -> String {
        "工作簿部件 \(part) 含有 DTD 或实体声明,为安全起见拒绝读取"
    }
    static func xmlMalformed(_ part: String, _ line: Int, _ reason: String) -> String {
        "工作簿部件 \(part) 第 \(line) 行的 XML 格式错误: \(reason)"
    }
    static func sharedStringOutOfRange(_ index: String, _ count: Int) -> String {
        "单元格引用了第 \(index) 个共享字符串,而工作簿只有 \(count) 个"
    }
    static func badReference(_ ref: String) -> String { "单元格地址 \(ref) 无效" }
    static func tooManyRows(_ limit: Int) -> String { "行数超过上限 \(limit) 行(max-rows)" }
    static func tooManyColumns(_ limit: Int) -> String { "列数超过上限 \(limit) 列(max-columns)" }
    static func cellTooLong(_ length: Int, _ limit: Int) -> String {
        "单元格有 \(length) 个字符,超过上限 \(limit) 个(max-cell)"
    }
    static func sheetNotFound(_ wanted: String, _ names: [String]) -> String {
        "工作簿中没有工作表“\(wanted)”;现有工作表: " + names.map { "“\($0)”" }.joined(separator: "、")
    }
}
