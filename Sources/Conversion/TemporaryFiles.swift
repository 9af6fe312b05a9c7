import Foundation

/// What a run has on disk that is not yet an output: temporary files beside outputs and a
/// batch's staging folder. They are registered while they exist, so that an interrupted run
/// (`SignalCleanup`) removes them, and they are named after the process, so that a later run
/// removes what a killed one (SIGKILL, power loss) left (`removeStale(in:)`).
public final class TemporaryFiles: @unchecked Sendable {
    /// The process's registry.
    public static let shared = TemporaryFiles()

    private let lock = NSLock()
    private var files: Set<String> = []
    private var folders: Set<String> = []

    func add(_ path: String) { lock.withLock { _ = files.insert(path) } }
    func remove(_ path: String) { lock.withLock { _ = files.remove(path) } }
    func addFolder(_ path: String) { lock.withLock { _ = folders.insert(path) } }
    func removeFolder(_ path: String) { lock.withLock { _ = folders.remove(path) } }

    /// Removes every registered file and folder (for an interrupted run). Workers may still be
    /// writing into a folder: it is emptied until it can be removed, after which their writes
    /// fail for want of the folder.
    public func removeAll() {
        let (files, folders) = lock.withLock { (self.files, self.folders) }
        for file in files { unlink(file) }
        for folder in folders {
            for _ in 0..<20 {
                removeTree(folder)
                if rmdir(folder) == 0 || errno == ENOENT { break }
            }
        }
    }

    /// Removes `path` and everything under it (links are removed, not followed).
    func removeTree(_ path: String) { try? FileManager.default.removeItem(atPath: path) }

    /// The prefix of a batch's staging folder; the folder is `PREFIX PID-RANDOM`.
    static let stagingPrefix = ".selfeval-staging-"

    /// Whether process `pid` is gone (so that what it left may be removed).
    static func isDead(_ pid: Int32) -> Bool {
        pid > 0 && pid != getpid() && kill(pid, 0) != 0 && errno == ESRCH
    }

    /// Removes, in `folder`, the staging folders and temporary files of selfeval processes that
    /// no longer run (a live process's, and files of any other name, are left alone).
    public func removeStale(in folder: String) {
        guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
        for name in entries where name.hasPrefix(".") {
            let path = (folder as NSString).appendingPathComponent(name)
            if name.hasPrefix(Self.stagingPrefix) {
                let pid = name.dropFirst(Self.stagingPrefix.count).split(separator: "-").first.flatMap { Int32($0) }
                if let pid, Self.isDead(pid) { removeTree(path) }
            } else if let pid = AtomicFile.temporaryOwner(name), Self.isDead(pid) {
                var info = stat()
                if lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG { unlink(path) }
            }
        }
    }
}

/// On SIGINT or SIGTERM: remove the run's temporary files and staging folders, then exit with
/// 128 + the signal's number (130, 143), as a shell reports a process the signal ended.
///
/// The signal handler only writes the signal's number to a pipe; a thread of its own (not one of
/// the batch's workers, which may all be busy) reads it, cleans up and exits.
public enum SignalCleanup {
    /// Installs the handlers (once; later calls do nothing).
    public static func install() { _ = installed }

    /// Set up on first use: Swift runs a static's initializer once, whichever thread asks first.
    private static let installed: Bool = {
        var fds: [Int32] = [0, 0]
        guard pipe(&fds) == 0 else { return false }
        signalPipe = fds[1]
        let reader = fds[0]
        let thread = Thread {
            var byte: UInt8 = 0
            while true {
                let n = read(reader, &byte, 1)
                if n == 1 { break }
                if n < 0, errno == EINTR { continue }
                return
            }
            TemporaryFiles.shared.removeAll()
            _exit(128 + Int32(byte))
        }
        thread.start()
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for sig in [SIGINT, SIGTERM] {
            signal(sig) { number in
                var byte = UInt8(truncatingIfNeeded: number)
                _ = write(signalPipe, &byte, 1)
            }
            sigaddset(&unblock, sig)
        }
        // A parent may have left them blocked (the mask is inherited): they must reach us.
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        return true
    }()
}

/// The write end of the pipe the signal handler writes to (set once, before any handler runs).
nonisolated(unsafe) private var signalPipe: Int32 = -1
