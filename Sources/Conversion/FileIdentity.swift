import Foundation

/// A file's identity: its device and inode numbers. Two paths name the same file exactly when
/// their identities are equal (after following links, when asked to), whatever the paths say.
public struct FileIdentity: Hashable, Sendable {
    public var device: UInt64
    public var inode: UInt64

    /// The identity of the file `path` names, links followed; nil when there is none.
    public init?(path: String) {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        self.init(info)
    }

    init(_ info: stat) {
        device = UInt64(info.st_dev)
        inode = UInt64(info.st_ino)
    }
}

/// What kind of file a path names, as `lstat` or `stat` sees it.
public enum FileKind: Sendable, Equatable {
    case regular, directory, symbolicLink, fifo, characterDevice, blockDevice, socket, other

    init(mode: mode_t) {
        switch mode & S_IFMT {
        case S_IFREG: self = .regular
        case S_IFDIR: self = .directory
        case S_IFLNK: self = .symbolicLink
        case S_IFIFO: self = .fifo
        case S_IFCHR: self = .characterDevice
        case S_IFBLK: self = .blockDevice
        case S_IFSOCK: self = .socket
        default: self = .other
        }
    }

    /// The kind in the words of the messages (e.g. "命名管道(FIFO)").
    public var label: String {
        switch self {
        case .regular: "普通文件"
        case .directory: "文件夹"
        case .symbolicLink: "符号链接"
        case .fifo: "命名管道(FIFO)"
        case .characterDevice: "字符设备"
        case .blockDevice: "块设备"
        case .socket: "套接字"
        case .other: "特殊文件"
        }
    }
}
