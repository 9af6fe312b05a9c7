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
        public var code: String = "unreadable-path"
        /// Whether it is a form that was not converted (it then counts as a failed form).
        public var isForm: Bool = false
    }

    /// The input files in a stable order, and the paths that could not be used.
    ///
    /// Files and folders are told apart, and recognised when met again (a file given twice, a
    /// link to a folder already searched, a link loop), by their device and inode numbers: one
    /// `stat` a path, and 16 bytes a file kept until the end, however long its path.
    public static func files(in paths: [String], skipping outputDirectory: String? = nil) -> (files: [String], problems: [Problem]) {
        let found = search(paths, skipping: outputDirectory)
        return (found.files, found.problems)
    }

    /// What a search found: the files, their identities (every input of the run, for
    /// `OutputGuard`) and the problems.
    struct Found {
        var files: [String] = []
        var identities = Set<FileIdentity>()
        var problems: [Problem] = []
    }

    static func search(_ paths: [String], skipping outputDirectory: String? = nil) -> Found {
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
                                              code: "not-a-regular-file", isForm: true))
                return
            }
            if found.identities.insert(FileIdentity(info)).inserted { found.files.append(path) }
        }

        func walk(_ dir: String, _ id: FileIdentity) {
            guard seenDirectories.insert(id).inserted else { return }  // a link loop, or a folder given twice
            guard !systemFolders.contains(id) else { return }  // /proc, /sys, /dev: no form lives there
            let entries: [Entry]
            switch listing(dir) {
            case .success(let list): entries = list
            case .failure(let reason):
                found.problems.append(Problem(path: dir, message: reason == ENAMETOOLONG ? OutputMessage.pathTooLong
                                              : ConversionWords.unreadableFolder))
                return
            }
            for entry in entries where entry.bytes.first != UInt8(ascii: ".") && !isLockFile(entry.bytes) {
                guard let name = entry.name else {
                    // Not UTF-8 (GBK bytes as unzip leaves them): reported, with the bytes escaped.
                    if entry.isDirectory || isFormFile(bytes: entry.bytes) {
                        found.problems.append(Problem(path: dir + "/" + escaped(entry.bytes), message: OutputMessage.undecodableName,
                                                      code: "undecodable-name", isForm: !entry.isDirectory))
                    }
                    continue
                }
                let path = (dir as NSString).appendingPathComponent(name)
                var info = stat()
                if stat(path, &info) != 0 {
                    let reason = errno
                    let formLike = isFormFile(name)
                    if reason == ENAMETOOLONG, entry.isDirectory || entry.typeUnknown {
                        walkBeyondPathMax(dir, name, path)
                    } else if reason == ENAMETOOLONG, formLike {
                        var childInfo = stat()
                        let parent = open(dir, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
                        if parent >= 0, fstatat(parent, name, &childInfo, 0) == 0 {
                            add(path, childInfo)
                        } else {
                            found.problems.append(Problem(path: path, message: OutputMessage.pathTooLong, code: "path-too-long", isForm: true))
                        }
                        if parent >= 0 { close(parent) }
                    } else if formLike {
                        found.problems.append(Problem(path: path, message: reason == ENOENT ? OutputMessage.danglingLink
                                                      : OutputMessage.cannotList(String(cString: strerror(reason))),
                                                      code: "unreadable-path", isForm: true))
                    }
                    continue
                }
                if info.st_mode & S_IFMT == S_IFDIR {
                    walk(path, FileIdentity(info))
                } else if isFormFile(name) {
                    add(path, info)
                }
            }
        }

        /// A folder whose path is longer than PATH_MAX: searched through descriptors (`openat`);
        /// its forms are read the same way (`DeepPath`).
        func walkBeyondPathMax(_ parentPath: String, _ name: String, _ path: String) {
            let parent = open(parentPath, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            guard parent >= 0 else {
                found.problems.append(Problem(path: path, message: OutputMessage.pathTooLong, code: "path-too-long"))
                return
            }
            defer { close(parent) }
            walkAt(parent, name, path)
        }

        func walkAt(_ parent: Int32, _ name: String, _ path: String) {
            let fd = openat(parent, name, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
            var info = stat()
            guard fd >= 0, fstat(fd, &info) == 0 else {
                if fd >= 0 { close(fd) }
                found.problems.append(Problem(path: path, message: OutputMessage.pathTooLong, code: "path-too-long"))
                return
            }
            guard seenDirectories.insert(FileIdentity(info)).inserted, let handle = fdopendir(fd) else {
                close(fd)
                return
            }
            defer { closedir(handle) }  // closes fd too
            for entry in entries(of: handle) where entry.bytes.first != UInt8(ascii: ".") && !isLockFile(entry.bytes) {
                guard let child = entry.name else {
                    if entry.isDirectory || isFormFile(bytes: entry.bytes) {
                        found.problems.append(Problem(path: path + "/" + escaped(entry.bytes), message: OutputMessage.undecodableName,
                                                      code: "undecodable-name", isForm: !entry.isDirectory))
                    }
                    continue
                }
                let childPath = path + "/" + child
                var childInfo = stat()
                guard fstatat(fd, child, &childInfo, 0) == 0 else {
                    if isFormFile(child) {
                        found.problems.append(Problem(path: childPath, message: OutputMessage.danglingLink, code: "unreadable-path", isForm: true))
                    }
                    continue
                }
                if childInfo.st_mode & S_IFMT == S_IFDIR {
                    walkAt(fd, child, childPath)
                } else if isFormFile(child) {
                    add(childPath, childInfo)
                }
            }
        }

        for path in paths {
            var info = stat()
            guard stat(path, &info) == 0 else {
                let tooLong = errno == ENAMETOOLONG
                found.problems.append(Problem(path: path, message: tooLong ? OutputMessage.pathTooLong : ConversionWords.noSuchPath,
                                              code: tooLong ? "path-too-long" : "unreadable-path"))
                continue
            }
            if info.st_mode & S_IFMT == S_IFDIR {
                walk(path, FileIdentity(info))
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
        var typeUnknown: Bool = false
    }

    /// The entries of `dir` (but "." and ".."), UTF-8 names sorted as before, then the others by
    /// their bytes; or the `errno` of the failure.
    static func listing(_ dir: String) -> Result<[Entry], Int32Error> {
        guard let handle = opendir(dir) else { return .failure(Int32Error(errno)) }
        defer { closedir(handle) }
        return .success(entries(of: handle))
    }

    /// The entries of an open folder, sorted as `listing` sorts them.
    static func entries(of handle: OpaquePointer) -> [Entry] {
        var entries: [Entry] = []
        while let entry = readdir(handle) {
            let bytes = withUnsafeBytes(of: &entry.pointee.d_name) { raw -> [UInt8] in
                Array(raw.prefix { $0 != 0 })
            }
            if bytes == [0x2E] || bytes == [0x2E, 0x2E] { continue }
            entries.append(Entry(bytes: bytes, name: String(validating: bytes, as: UTF8.self),
                                 isDirectory: entry.pointee.d_type == UInt8(DT_DIR),
                                 typeUnknown: entry.pointee.d_type == UInt8(DT_UNKNOWN)))
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

    /// An `errno` as an error.
    struct Int32Error: Error, Equatable {
        var code: Int32
        init(_ code: Int32) { self.code = code }
        static func == (lhs: Int32Error, rhs: Int32) -> Bool { lhs.code == rhs }
    }

    /// Bytes of a name as text: valid UTF-8 as it is; otherwise ASCII as it is and every other
    /// byte as `\xNN` (a GBK name would otherwise show as a mix of escapes and wrong characters).
    public static func escaped(_ bytes: [UInt8]) -> String {
        if let text = String(validating: bytes, as: UTF8.self) { return text }
        var out = ""
        for b in bytes {
            if b < 0x80 {
                out.unicodeScalars.append(Unicode.Scalar(b))
            } else {
                out += "\\x" + String(b, radix: 16, uppercase: true)
            }
        }
        return out
    }

    /// The extensions searched for in folders, any case.
    static let formExtensions = [".csv", ".tsv", ".xlsx", ".xlsm", ".xls"]

    /// Whether a file name is searched for in folders: *.csv, *.tsv, *.xlsx, *.xlsm, *.xls, any case.
    public static func isFormFile(_ name: String) -> Bool {
        isFormFile(bytes: Array(name.utf8))
    }

    /// The same for a name's raw bytes (a name that is not UTF-8).
    static func isFormFile(bytes: [UInt8]) -> Bool {
        let lower = bytes.map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 0x20 : $0 }
        return formExtensions.contains { lower.count > $0.utf8.count && lower.suffix($0.utf8.count).elementsEqual($0.utf8) }
    }

    /// An Office lock file (`~$form.xlsx`, written beside a workbook while it is open): never a form.
    static func isLockFile(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] == UInt8(ascii: "~") && bytes[1] == UInt8(ascii: "$")
    }
}

