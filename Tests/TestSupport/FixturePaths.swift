import Foundation

/// Paths inside the repository, for tests.
public enum FixturePaths {
    /// The repository root (found from this file's path).
    public static let root: URL = {
        var url = URL(fileURLWithPath: #filePath)
        for _ in 0..<3 { url.deleteLastPathComponent() }
        return url
    }()

    /// `Fixtures/NAME`.
    public static func fixture(_ name: String) -> String {
        root.appendingPathComponent("Fixtures").appendingPathComponent(name).path
    }

    /// The bytes of `Fixtures/NAME`.
    public static func bytes(_ name: String) throws -> [UInt8] {
        [UInt8](try Data(contentsOf: URL(fileURLWithPath: fixture(name))))
    }

    /// A fresh temporary folder inside this test process's own folder (`scratchRoot`), which
    /// is removed when the process exits, so test runs leave nothing behind in /tmp.
    public static func temporaryDirectory(_ prefix: String = "selfeval-test") throws -> URL {
        let url = scratchRoot.appendingPathComponent("\(prefix)-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    /// The folder that holds this process's temporary folders; removed at exit.
    public static let scratchRoot: URL = {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("selfeval-tests-\(ProcessInfo.processInfo.processIdentifier)-\(UUID().uuidString.prefix(8))")
        try? FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        atexit { try? FileManager.default.removeItem(at: FixturePaths.scratchRoot) }
        return url
    }()
}
