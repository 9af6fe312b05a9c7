import Foundation
import SelfEvaluation

/// Finding the forms of a batch: files as given, folders searched recursively for
/// *.csv and *.tsv, sorted, each file once, symbolic-link loops followed only once.
public enum BatchDiscovery {
    /// A path that could not be searched.
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var message: String
    }

    /// The input files in a stable order, and the paths that could not be used.
    ///
    /// Files and folders are told apart, and recognised when met again (a file given twice, a
    /// link to a folder already searched, a link loop), by their device and inode numbers: one
    /// `stat` a path, and 16 bytes a file kept until the end, however long its path.
    public static func files(in paths: [String]) -> (files: [String], problems: [Problem]) {
        var files: [String] = []
        var problems: [Problem] = []
        var seenFiles = Set<FileID>()
        var seenDirectories = Set<FileID>()
        let fm = FileManager.default

        func walk(_ dir: String, _ id: FileID) {
            guard seenDirectories.insert(id).inserted else { return }  // a link loop, or a folder given twice
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: dir).sorted()
            } catch {
                problems.append(Problem(path: dir, message: Vocabulary.BatchMessage.unreadableFolder))
                return
            }
            for name in entries where !name.hasPrefix(".") {
                let path = (dir as NSString).appendingPathComponent(name)
                guard let entry = lookUp(path) else { continue }  // a dangling link
                if entry.isDirectory {
                    walk(path, entry.id)
                } else if isFormFile(name), seenFiles.insert(entry.id).inserted {
                    files.append(path)
                }
            }
        }

        for path in paths {
            guard let entry = lookUp(path) else {
                problems.append(Problem(path: path, message: Vocabulary.BatchMessage.noSuchPath))
                continue
            }
            if entry.isDirectory {
                walk(path, entry.id)
            } else if seenFiles.insert(entry.id).inserted {
                files.append(path)
            }
        }
        return (files, problems)
    }

    /// A file's identity: its device and inode numbers (after following links).
    struct FileID: Hashable {
        var device: UInt64
        var inode: UInt64

        init(device: UInt64, inode: UInt64) {
            self.device = device
            self.inode = inode
        }
    }

    /// The identity of `path` and whether it is a folder; nil when it does not exist (or is a
    /// dangling link).
    static func lookUp(_ path: String) -> (id: FileID, isDirectory: Bool)? {
        var info = stat()
        guard stat(path, &info) == 0 else { return nil }
        return (FileID(device: UInt64(info.st_dev), inode: UInt64(info.st_ino)), info.st_mode & S_IFMT == S_IFDIR)
    }

    /// Whether a file name is searched for in folders: *.csv and *.tsv, any case.
    public static func isFormFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
    }
}
