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
    public static func files(in paths: [String]) -> (files: [String], problems: [Problem]) {
        var files: [String] = []
        var problems: [Problem] = []
        var seenFiles = Set<String>()
        var seenDirectories = Set<String>()
        let fm = FileManager.default

        func key(_ path: String) -> String {
            URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
        }
        func addFile(_ path: String) {
            if seenFiles.insert(key(path)).inserted { files.append(path) }
        }
        func walk(_ dir: String) {
            guard seenDirectories.insert(key(dir)).inserted else { return }  // a link loop, or a folder given twice
            let entries: [String]
            do {
                entries = try fm.contentsOfDirectory(atPath: dir).sorted()
            } catch {
                problems.append(Problem(path: dir, message: Vocabulary.BatchMessage.unreadableFolder))
                return
            }
            for name in entries where !name.hasPrefix(".") {
                let path = (dir as NSString).appendingPathComponent(name)
                var isDir: ObjCBool = false
                guard fm.fileExists(atPath: path, isDirectory: &isDir) else { continue }  // a dangling link
                if isDir.boolValue {
                    walk(path)
                } else if isFormFile(name) {
                    addFile(path)
                }
            }
        }

        for path in paths {
            var isDir: ObjCBool = false
            if !fm.fileExists(atPath: path, isDirectory: &isDir) {
                problems.append(Problem(path: path, message: Vocabulary.BatchMessage.noSuchPath))
            } else if isDir.boolValue {
                walk(path)
            } else {
                addFile(path)
            }
        }
        return (files, problems)
    }

    /// Whether a file name is searched for in folders: *.csv and *.tsv, any case.
    public static func isFormFile(_ name: String) -> Bool {
        let lower = name.lowercased()
        return lower.hasSuffix(".csv") || lower.hasSuffix(".tsv")
    }
}
