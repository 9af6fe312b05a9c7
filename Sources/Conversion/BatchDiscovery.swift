import Foundation
import SelfEvaluation

/// Finding the forms of a batch: files as given, folders searched recursively for
/// *.csv, *.tsv, *.xlsx, *.xlsm and *.xls, sorted, each file once, symbolic-link loops followed
/// only once; Office lock files (`~$form.xlsx`) and the batch's own output folder are skipped.
///
/// Every file the search sees is either returned or reported as a `Problem` with its path: a
/// name that is not UTF-8 (shown with its bytes escaped, `\xBB`), a dangling link, a FIFO, device
/// or socket named like a form (never opened: a FIFO would block the batch), a folder that cannot
/// be opened. Folders deeper than PATH_MAX are searched through descriptors and their forms
/// returned (the loader reads them a folder at a time, `DeepPath`).
public enum BatchDiscovery {
    /// A path that could not be searched or used.
    public struct Problem: Sendable, Equatable {
        public var path: String
        public var message: String
        /// The error code reported for it.
        public var code: DiagnosticCode = .unreadablePath
        /// Whether it is a form that was not converted (it then counts as a failed form).
        public var isForm: Bool = false
    }

    /// What a search found: the input files in a stable order, their identities (every input of
    /// the run, for `OutputGuard`) and the paths that could not be used.
    public struct Found {
        public var files: [String] = []
        var identities = Set<FileIdentity>()
        public var problems: [Problem] = []
    }

    /// Searches `paths`. Files and folders are told apart, and recognised when met again (a file
    /// given twice, a link to a folder already searched, a link loop), by their device and inode
    /// numbers: one `stat` a path, and 16 bytes a file kept until the end, however long its path.
    public static func search(_ paths: [String], skipping outputDirectory: String? = nil) -> Found {
        var found = Found()
        var seenDirectories = Set<FileIdentity>()
        // The output folder counts as searched already: a batch never reads its own outputs.
        var outputInfo = stat()
        if let outputDirectory, stat(outputDirectory, &outputInfo) == 0, outputInfo.st_mode & S_IFMT == S_IFDIR {
            seenDirectories.insert(FileIdentity(outputInfo))
        }

        func add(_ path: String, _ info: stat) {
            let kind = FileKind(mode: info.st_mode)
            guard kind == .regular else {
                found.problems.append(Problem(path: path, message: OutputMessage.inputNotRegular(kind),
                                              code: .notARegularFile, isForm: true))
                return
            }
            if found.identities.insert(FileIdentity(info)).inserted { found.files.append(path) }
        }

        /// Searches the folder `name` (of the folder open as `parent`; AT_FDCWD: `name` is the
        /// path) once: a folder met again (a link loop, a folder given twice) or a view of the
        /// system is skipped. Its entries are looked at through its descriptor (`fstatat`), so a
        /// path longer than PATH_MAX is searched as any other (its forms are read a folder at a
        /// time, `DeepPath`).
        func walk(_ parent: Int32, _ name: String, _ path: String, _ id: FileIdentity) {
            guard seenDirectories.insert(id).inserted else { return }  // a link loop, or a folder given twice
            guard !systemFolders.contains(id) else { return }  // /proc, /sys, /dev: no form lives there
            let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard fd >= 0, let handle = fdopendir(fd) else {
                let reason = errno
                if fd >= 0 { close(fd) }
                found.problems.append(Problem(path: path, message: reason == ENAMETOOLONG ? OutputMessage.pathTooLong
                                              : ConversionWords.unreadableFolder))
                return
            }
            defer { closedir(handle) }  // closes fd too
            for entry in entries(of: handle) where entry.bytes.first != UInt8(ascii: ".") && !isLockFile(entry.bytes) {
                guard let child = entry.name else {
                    // Not UTF-8 (GBK bytes as unzip leaves them): reported, with the bytes escaped.
                    if entry.isDirectory || isFormFile(entry.bytes) {
                        found.problems.append(Problem(path: path + "/" + escaped(entry.bytes), message: OutputMessage.undecodableName,
                                                      code: .undecodableName, isForm: !entry.isDirectory))
                    }
                    continue
                }
                let childPath = (path as NSString).appendingPathComponent(child)
                var info = stat()
                guard fstatat(fd, child, &info, 0) == 0 else {
                    let reason = errno
                    if isFormFile(entry.bytes) {
                        found.problems.append(Problem(path: childPath, message: reason == ENOENT ? OutputMessage.danglingLink
                                                      : OutputMessage.cannotList(String(cString: strerror(reason))),
                                                      code: .unreadablePath, isForm: true))
                    }
                    continue
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(fd, child, childPath, FileIdentity(info))
                } else if isFormFile(entry.bytes) {
                    add(childPath, info)
                }
            }
        }

        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let tooLong = errno == ENAMETOOLONG
                found.problems.append(Problem(path: path, message: tooLong ? OutputMessage.pathTooLong : ConversionWords.noSuchPath,
                                              code: tooLong ? .pathTooLong : .unreadablePath))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(AT_FDCWD, path, path, FileIdentity(info))
            } else {
                add(path, info)
            }
        }
        return found
    }

    /// The folders of the running system's own views — /proc, /sys and /dev — known by device
    /// and inode, so that any path that leads there (`check /`, a link) is caught: their "files"
    /// are views of the kernel and devices, some endless or blocking, and no form lives there.
    static let systemFolders: Set<FileIdentity> = Set(["/proc", "/sys", "/dev"].compactMap { path in
        var info = stat()
        guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFDIR else { return nil }
        return FileIdentity(info)
    })

    /// One entry of a folder: its name's bytes, the name when they are UTF-8, and whether the
    /// folder says it is a folder (or does not say what it is).
    struct Entry {
        var bytes: [UInt8]
        var name: String?
        var isDirectory: Bool
    }

    /// The entries of an open folder (but "." and ".."), UTF-8 names sorted as strings, then the
    /// others by their bytes.
    static func entries(of handle: OpaquePointer) -> [Entry] {
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            entries.append(Entry(bytes: bytes, name: String(validating: bytes, as: UTF8.self),
                                 isDirectory: entry.pointee.d_type == UInt8(DT_DIR)))
        }
        return entries.sorted { a, b in
            switch (a.name, b.name) {
            case let (x?, y?): x < y
            case (nil, nil): a.bytes.lexicographicallyPrecedes(b.bytes)
            case (_?, nil): true
            case (nil, _?): false
            }
        }
    }

    /// Bytes of a name as text: valid UTF-8 as it is; otherwise ASCII as it is and every other
    /// byte as `\xNN` (a GBK name would otherwise show as a mix of escapes and wrong characters).
    public static func escaped(_ bytes: [UInt8]) -> String {
        String(validating: bytes, as: UTF8.self)
            ?? bytes.map { $0 < 0x80 ? String(Unicode.Scalar($0)) : "\\x" + String($0, radix: 16, uppercase: true) }.joined()
    }

    /// The extensions searched for in folders, any case.
    static let formExtensions = [".csv", ".tsv", ".xlsx", ".xlsm", ".xls"]

    /// Whether a file name's bytes are searched for in folders: *.csv, *.tsv, *.xlsx, *.xlsm, *.xls, any case.
    static func isFormFile(_ bytes: [UInt8]) -> Bool {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return formExtensions.contains { lower.count > $0.utf8.count && lower.suffix($0.utf8.count).elementsEqual($0.utf8) }
    }

    /// An Office lock file (`~$form.xlsx`, written beside a workbook while it is open): never a form.
    static func isLockFile(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == UInt8(ascii: "~") && bytes[1] == UInt8(ascii: "$")
    }
}

