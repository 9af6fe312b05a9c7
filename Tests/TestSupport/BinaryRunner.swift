import Foundation

/// Runs the built `selfeval` binary, as a user would, and captures what it prints.
public struct BinaryRunner: Sendable {
    public struct Result: Sendable {
        public var status: Int32
        public var stdout: String
        public var stderr: String
    }

    /// The binary: `$SELFEVAL_BIN`, else the debug build next to the tests.
    public static var binaryPath: String {
        if let env = ProcessInfo.processInfo.environment["SELFEVAL_BIN"], !env.isEmpty { return env }
        // The test bundle lives in .build/<triple>/debug; the binary beside it.
        let bundle = Bundle.main.bundleURL
        for dir in [bundle, bundle.deletingLastPathComponent()] {
            let candidate = dir.appendingPathComponent("selfeval").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
        }
        return FixturePaths.root.appendingPathComponent(".build/debug/selfeval").path
    }

    public init() {}

    /// Runs `selfeval ARGS` in `directory` (default: the repository root).
    public func run(_ arguments: [String], in directory: URL? = nil, environment: [String: String] = [:]) throws -> Result {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: Self.binaryPath)
        process.arguments = arguments
        process.currentDirectoryURL = directory ?? FixturePaths.root
        var env = ProcessInfo.processInfo.environment
        for (k, v) in environment { env[k] = v }
        process.environment = env
        let out = Pipe(), err = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = FileHandle.nullDevice
        try process.run()
        // Read both pipes at once before waiting, so that a large output on either (warnings that
        // quote a 32,767-character cell fill stderr's pipe) cannot block the child.
        let (outData, errData) = Self.drain(out, err)
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}

extension BinaryRunner {
    /// Everything written to `out` and `err` until their writers close them, read at once (stderr
    /// on a thread of its own), so that a large output on either pipe cannot block the child.
    public static func drain(_ out: Pipe, _ err: Pipe) -> (Data, Data) {
        let errorReader = PipeReader(err.fileHandleForReading)
        let outData = out.fileHandleForReading.readDataToEndOfFile()
        return (outData, errorReader.finish())
    }
}

/// Reads a pipe to its end on a thread of its own.
private final class PipeReader: @unchecked Sendable {
    private let done = DispatchSemaphore(value: 0)
    private var data = Data()

    init(_ handle: FileHandle) {
        Thread.detachNewThread { [self] in
            data = handle.readDataToEndOfFile()
            done.signal()
        }
    }

    /// Everything the pipe held, once its writer closed it.
    func finish() -> Data {
        done.wait()
        return data
    }
}
