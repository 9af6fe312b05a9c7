import Foundation
import SelfEvaluation

/// The rule of every output: it never replaces an input of the same run (compared by device and
/// inode, links followed, for every input wherever it lies), never replaces anything that is not
/// a regular file (a link, a FIFO, a device node, a folder — not even with `--force`), and never
/// replaces an existing file unless `force` is set (an earlier batch's outputs are removed
/// before a batch, `--replace`, not replaced).
public struct OutputGuard: Sendable {
    /// Every input of the run.
    public var inputs: Set<FileIdentity>
    /// Replace existing regular files (`--force`).
    public var force: Bool

    public init(inputs: Set<FileIdentity> = [], force: Bool = false) {
        self.inputs = inputs
        self.force = force
    }

    /// What stands at an output's path.
    public enum Verdict: Sendable, Equatable {
        /// Nothing: the output must be put there without replacing anything.
        case free
        /// A regular file that may be replaced.
        case replaceable
        /// Something that must not be replaced: an input or not a regular file, or a file
        /// without `force`.
        case refused(code: DiagnosticCode, message: String)
    }

    /// Looks at what stands at `path` now.
    public func check(_ path: String) -> Verdict {
        var info = stat()
        if lstat(path, &info) != 0 {
            if errno == ENOENT { return .free }
            return .refused(code: .writeFailed, message: OutputMessage.cannotAccess(path, String(cString: strerror(errno))))
        }
        if let target = FileIdentity(path: path), inputs.contains(target) {
            return .refused(code: .outputIsInput, message: OutputMessage.outputIsAnInput(path))
        }
        let kind = FileKind(mode: info.st_mode)
        guard kind == .regular else {
            return .refused(code: .outputNotRegular, message: OutputMessage.outputNotRegular(path, kind))
        }
        if force { return .replaceable }
        return .refused(code: .outputExists, message: OutputMessage.outputExists(path))
    }

    /// Throws the refusal for `path`, if any; returns the verdict otherwise.
    func require(_ path: String) throws(ConversionError) -> Verdict {
        let verdict = check(path)
        if case .refused(let code, let message) = verdict {
            throw ConversionError(code, path: path, message)
        }
        return verdict
    }

    /// Puts the finished file `temporary` at `destination` as the verdict allows: a free place is
    /// taken with `link` (which fails rather than replace a file that appeared meanwhile), a
    /// replaceable file is checked again and replaced with `rename`. `temporary` is gone after.
    func place(_ temporary: String, at destination: String, verdict: Verdict) throws(ConversionError) {
        defer { unlink(temporary) }
        if verdict == .free {
            if link(temporary, destination) == 0 { return }
            let reason = errno
            // EEXIST: something appeared meanwhile; EPERM, ENOTSUP, EXDEV, EMLINK: a file system
            // without hard links. Either way, look again below before renaming.
            guard [EEXIST, EPERM, ENOTSUP, EXDEV, EMLINK].contains(reason) else {
                throw ConversionError(.writeFailed, path: destination,
                                      OutputMessage.cannotRename(String(cString: strerror(reason))))
            }
        }
        _ = try require(destination)
        if rename(temporary, destination) != 0 {
            throw ConversionError(.writeFailed, path: destination,
                                  OutputMessage.cannotRename(String(cString: strerror(errno))))
        }
    }
}
