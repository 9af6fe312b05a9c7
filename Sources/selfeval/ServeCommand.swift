import ArgumentParser
import Foundation
import Server

/// `selfeval serve [--port 8080] [--host 127.0.0.1] [--data DIR]`: the intranet page.
struct ServeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "serve",
        abstract: "启动内网页面:各单位通过专属链接上传自评表、查看失分,财政局在 /admin 查看汇总。"
    )

    @Option(help: ArgumentHelp("监听端口。", valueName: "端口"))
    var port: Int = 8080

    @Option(help: ArgumentHelp("监听地址;默认只监听本机(127.0.0.1),内网访问请给本机的内网地址或 0.0.0.0。", valueName: "地址"))
    var host: String = "127.0.0.1"

    @OptionGroup var data: DataOption

    func validate() throws {
        guard (1...65_535).contains(port) else { throw ValidationError(UnitWords.badPort(port)) }
    }

    func run() throws {
        let store = try data.open()
        store.layout.clearStaging()
        try AdminPassword.ensure(store)
        let server = try SelfEvalServer(store: store)
        StandardStreams.out(UnitWords.serving(host: host, port: port, data: store.layout.root) + "\n")
        let done = DispatchSemaphore(value: 0)
        let failure = FailureBox()
        Task {
            do { try await server.serve(host: host, port: port) } catch { failure.set(error) }
            done.signal()
        }
        done.wait()
        if let error = failure.error {
            StandardStreams.err(UnitWords.serveFailed(String(describing: error)) + "\n")
            throw ExitCode(1)
        }
    }
}

/// The error that ended the server, handed from its task to the waiting command.
final class FailureBox: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: (any Error)?
    func set(_ e: any Error) { lock.withLock { stored = e } }
    var error: (any Error)? { lock.withLock { stored } }
}

/// The administrator's password: set on first start from `SELFEVAL_ADMIN_PASSWORD`, else asked
/// at the terminal (twice, without echo); a server with no password and no terminal refuses to start.
enum AdminPassword {
    static func ensure(_ store: DataStore) throws {
        if try store.setting(SelfEvalServer.passwordKey) != nil { return }
        let password: String
        if let given = ProcessInfo.processInfo.environment["SELFEVAL_ADMIN_PASSWORD"], !given.isEmpty {
            password = given
        } else {
            guard isatty(0) == 1 else {
                StandardStreams.err(UnitWords.noPassword + "\n")
                throw ExitCode(2)
            }
            guard let first = readHidden(UnitWords.askPassword), !first.isEmpty,
                  let second = readHidden(UnitWords.askPasswordAgain), first == second else {
                StandardStreams.err(UnitWords.passwordMismatch + "\n")
                throw ExitCode(2)
            }
            password = first
        }
        try SelfEvalServer.setPasswordIfUnset(store, password)
        StandardStreams.out(UnitWords.passwordSet + "\n")
    }

    /// One line from the terminal with echo off.
    static func readHidden(_ prompt: String) -> String? {
        StandardStreams.err(prompt)
        var saved = termios()
        tcgetattr(0, &saved)
        var quiet = saved
        quiet.c_lflag &= ~tcflag_t(ECHO)
        tcsetattr(0, TCSAFLUSH, &quiet)
        defer {
            tcsetattr(0, TCSAFLUSH, &saved)
            StandardStreams.err("\n")
        }
        return readLine(strippingNewline: true)
    }
}
