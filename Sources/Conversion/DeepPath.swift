import Foundation

/// Reading a form's file, whatever the length of its path: a path longer than PATH_MAX (4,096
/// bytes), which the kernel refuses in one call, is opened a piece at a time, each folder
/// relative to the one before (`openat`).
enum DeepPath {
    /// Longest path one system call accepts, with its terminating NUL.
    static let pathMax = Int(PATH_MAX)

    /// Opens `path` with `flags`, folder by folder when it is too long for one call; -1 and
    /// `errno` on failure.
    static func open(_ path: String, _ flags: Int32) -> Int32 {
        guard path.utf8.count >= pathMax else { return Foundation.open(path, flags | O_CLOEXEC) }
        var components = path.split(separator: "/", omittingEmptySubsequences: true).map(String.init)
        guard let last = components.popLast() else { return -1 }
        var dir = Foundation.open(path.hasPrefix("/") ? "/" : ".", O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        var index = 0
        while dir >= 0 && index < components.count {
            // As many components as fit in one call.
            var group = components[index]
            index += 1
            while index < components.count, group.utf8.count + 1 + components[index].utf8.count < pathMax - 1 {
                group += "/" + components[index]
                index += 1
            }
            let next = openat(dir, group, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            let saved = errno
            close(dir)
            dir = next
            errno = saved
        }
        guard dir >= 0 else { return -1 }
        let fd = openat(dir, last, flags | O_CLOEXEC)
        let saved = errno
        close(dir)
        errno = saved
        return fd
    }
}
