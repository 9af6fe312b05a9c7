import Foundation
import Testing
@testable import Conversion

/// `TemporaryFiles.removeTree` removes links, never what they point at: a staging folder that
/// holds (or is) a link to the user's files must leave those files alone.
@Suite struct TemporaryFilesLinkTests {
    enum Shape: CaseIterable { case linkToFolderInside, linkToFileInside, treeIsALink, nestedLinkInside }

    @Test(arguments: Shape.allCases)
    func removingATreeNeverFollowsALink(_ shape: Shape) throws {
        let fm = FileManager.default
        let root = fm.temporaryDirectory.appendingPathComponent("selfeval-links-\(UUID().uuidString)").path
        defer { try? fm.removeItem(atPath: root) }
        let outside = root + "/outside", tree = root + "/staging"
        try fm.createDirectory(atPath: outside + "/sub", withIntermediateDirectories: true)
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/keep.txt"))
        try Data("keep".utf8).write(to: URL(fileURLWithPath: outside + "/sub/keep.txt"))
        switch shape {
        case .linkToFolderInside:
            try fm.createDirectory(atPath: tree, withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: tree + "/link", withDestinationPath: outside)
        case .linkToFileInside:
            try fm.createDirectory(atPath: tree, withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: tree + "/link", withDestinationPath: outside + "/keep.txt")
        case .treeIsALink:
            try fm.createSymbolicLink(atPath: tree, withDestinationPath: outside)
        case .nestedLinkInside:
            try fm.createDirectory(atPath: tree + "/a/b", withIntermediateDirectories: true)
            try fm.createSymbolicLink(atPath: tree + "/a/b/link", withDestinationPath: outside + "/sub")
        }
        TemporaryFiles().removeTree(tree)
        var isFolder: ObjCBool = false
        #expect(!fm.fileExists(atPath: tree) && (try? fm.destinationOfSymbolicLink(atPath: tree)) == nil)
        #expect(fm.fileExists(atPath: outside + "/keep.txt"))
        #expect(fm.fileExists(atPath: outside + "/sub/keep.txt", isDirectory: &isFolder))
    }
}
