import Foundation

/// Shell commands the tests need besides the binary (mounting a small tmpfs for a full disk).
public enum Shell {
    /// Runs `command` with /bin/sh (its stderr discarded); its exit status, -1 when it cannot start.
    @discardableResult
    public static func run(_ command: String) -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/sh")
        process.arguments = ["-c", command + " 2>/dev/null"]
        guard (try? process.run()) != nil else { return -1 }
        process.waitUntilExit()
        return process.terminationStatus
    }

    /// Whether a tmpfs can be mounted here (root, in a container that allows it).
    public static let canMountTmpfs: Bool = {
        guard getuid() == 0, let dir = try? FixturePaths.temporaryDirectory("mount-probe") else { return false }
        defer { try? FileManager.default.removeItem(at: dir) }
        return run("mount -t tmpfs -o size=64k tmpfs '\(dir.path)' && umount '\(dir.path)'") == 0
    }()
}
