import ArgumentParser
import CSV
import Foundation
import Server

/// `--data DIR`: the server's data folder.
struct DataOption: ParsableArguments {
    @Option(help: ArgumentHelp("数据目录:索引与上传的文件。", valueName: "目录"))
    var data: String = "./selfeval-data"

    func open() throws -> DataStore {
        do {
            return try DataStore(layout: DataLayout(root: data))
        } catch {
            StandardStreams.err(UnitWords.cannotOpen(data, String(describing: error)) + "\n")
            throw ExitCode(1)
        }
    }

    /// Makes a change to the units' links and prints its line; a change the store refuses is exit 1.
    func changeUnits(_ change: (DataStore) throws -> String) throws {
        let store = try open()
        do {
            StandardStreams.out(try change(store) + "\n")
        } catch let error as DataStore.UnitError {
            StandardStreams.err(ServerWords.unitError(error) + "\n")
            throw ExitCode(1)
        }
    }
}

/// `selfeval unit add|revoke|import`: the units' secret links, kept in the data folder.
struct UnitCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "unit",
        abstract: "管理各单位的专属上传链接(供内网页面使用)。",
        subcommands: [Add.self, Revoke.self, Import.self]
    )

    struct Add: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "add", abstract: "为单位生成专属链接,打印 /u/TOKEN。")
        @Argument(help: ArgumentHelp("单位名称。", valueName: "单位")) var name: String
        @OptionGroup var data: DataOption

        func run() throws {
            try data.changeUnits { "/u/" + (try $0.addUnit(name)) }
        }
    }

    struct Revoke: ParsableCommand {
        static let configuration = CommandConfiguration(commandName: "revoke", abstract: "收回单位的链接(正在运行的服务立即生效)。")
        @Argument(help: ArgumentHelp("单位名称。", valueName: "单位")) var name: String
        @OptionGroup var data: DataOption

        func run() throws {
            try data.changeUnits { store in
                try store.revokeUnit(name)
                return UnitWords.revoked(name)
            }
        }
    }

    struct Import: ParsableCommand {
        static let configuration = CommandConfiguration(
            commandName: "import", abstract: "导入财政局的单位名单(CSV,第一列为单位名称),用于列出尚未上传的单位。")
        @Argument(help: ArgumentHelp("单位名单 CSV。", valueName: "名单.csv")) var file: String
        @OptionGroup var data: DataOption

        func run() throws {
            guard FileManager.default.isReadableFile(atPath: file) else {
                StandardStreams.err(UnitWords.listUnreadable(file) + "\n")
                throw ExitCode(1)
            }
            let document: CSVDocument
            do {
                document = try CSVReader().read(contentsOf: file)
            } catch {
                StandardStreams.err(error.description + "\n")
                throw ExitCode(1)
            }
            let names = UnitList.names(document.rows)
            let store = try data.open()
            let added = try store.importUnits(names)
            StandardStreams.out(UnitWords.imported(total: names.count, added: added) + "\n")
        }
    }
}

/// The unit names of a bureau's list: the first non-empty cell of each row, a header row
/// (单位、单位名称、名称) left out.
enum UnitList {
    static let headers: Set<String> = ["单位", "单位名称", "名称", "预算单位", "部门", "部门名称", "name", "unit"]

    static func names(_ rows: [[String]]) -> [String] {
        var names: [String] = []
        for (i, row) in rows.enumerated() {
            guard let cell = row.map({ $0.trimmingCharacters(in: .whitespacesAndNewlines) }).first(where: { !$0.isEmpty }) else { continue }
            if i == 0 && headers.contains(cell.lowercased()) { continue }
            if !names.contains(cell) { names.append(cell) }
        }
        return names
    }
}

/// The command line's words for `serve` and `unit`.
enum UnitWords {
    static func badPort(_ port: Int) -> String { "[port-invalid] --port 须在 1–65535 之间(给了 \(port))" }
    static func serving(host: String, port: Int, data: String) -> String {
        "内网页面已启动:http://\(host):\(port)/admin(管理页面);数据目录 \(data)。按 Ctrl-C 停止。"
    }
    static func serveFailed(_ reason: String) -> String { "[serve-failed] 服务无法启动或意外停止:\(reason)" }
    static let noPassword = "[admin-password] 尚未设置管理员密码:请在终端上启动一次(会提示输入),或设置环境变量 SELFEVAL_ADMIN_PASSWORD"
    static let askPassword = "设置管理员密码(输入时不显示):"
    static let askPasswordAgain = "再输入一次:"
    static let passwordMismatch = "[admin-password] 两次输入的密码不一致或为空,未设置"
    static let passwordSet = "管理员密码已设置(argon2id 散列保存在数据目录中)。"
    static func revoked(_ name: String) -> String { "已收回单位“\(name)”的链接" }
    static func imported(total: Int, added: Int) -> String { "名单中共 \(total) 个单位,新增 \(added) 个" }
    static func listUnreadable(_ file: String) -> String { "\(file): error: [unit-list] 单位名单不存在或没有读权限" }
    static func cannotOpen(_ dir: String, _ reason: String) -> String { "[data-dir] 无法打开数据目录 \(dir):\(reason)" }
}
