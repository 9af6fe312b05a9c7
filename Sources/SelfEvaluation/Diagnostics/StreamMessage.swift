extension Vocabulary {
    /// Messages of the command line about its own streams and environment.
    public enum StreamMessage {
        public static let standardOutput = "标准输出"
        public static let standardError = "标准错误输出"

        /// A write to stdout or stderr failed: the output is incomplete.
        public static func writeFailed(_ stream: String, _ reason: String) -> String {
            let code: DiagnosticCode = stream == standardOutput ? .stdoutWriteFailed : .stderrWriteFailed
            return "selfeval: error: [\(code)] 无法写入\(stream)(\(reason)):输出不完整。"
        }

        /// An argument (a path) holds bytes that are not UTF-8: it cannot be passed on as typed.
        public static func argumentNotUTF8(_ shown: String) -> String {
            "selfeval: error: [\(DiagnosticCode.argumentNotUTF8)] 参数“\(shown)”含有不是 UTF-8 的字节(显示为 �):"
                + "selfeval 无法按原样使用它,请把文件或文件夹改用 UTF-8 名称。"
        }

        /// SOURCE_DATE_EPOCH is not a whole number of seconds within 1970–9999.
        public static func badSourceDateEpoch(_ value: String) -> String {
            "selfeval: error: [\(DiagnosticCode.badSourceDateEpoch)] 环境变量 SOURCE_DATE_EPOCH=“\(value)”无效:"
                + "应为 0 到 253402300799 之间的整数秒数(1970 年至 9999 年)。"
        }
    }
}
