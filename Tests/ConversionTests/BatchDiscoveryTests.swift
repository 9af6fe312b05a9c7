import Foundation
import Testing
import TestSupport
@testable import Conversion

@Suite("Batch discovery")
struct BatchDiscoveryTests {
    @Test("folders searched recursively and sorted; each file once; link loops harmless; a dangling link reported")
    func discovery() throws {
        let root = try FixturePaths.temporaryDirectory("discovery")
        let dir = root.appendingPathComponent("forms")
        let fm = FileManager.default
        try fm.createDirectory(at: dir.appendingPathComponent("sub"), withIntermediateDirectories: true)
        for name in ["a.csv", "b.TSV", "c.txt", ".hidden.csv", "sub/d.csv"] {
            #expect(fm.createFile(atPath: dir.appendingPathComponent(name).path, contents: Data("x".utf8)))
        }
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("link-a.csv").path, withDestinationPath: "a.csv")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("sub/loop").path, withDestinationPath: "..")
        try fm.createSymbolicLink(atPath: dir.appendingPathComponent("dangling.csv").path, withDestinationPath: "nowhere.csv")
        let missing = root.appendingPathComponent("missing").path
        let a = dir.appendingPathComponent("a.csv").path

        let found = BatchDiscovery.search([a, dir.path, missing, dir.appendingPathComponent("sub").path])
        let (files, problems) = (found.files, found.problems)
        #expect(files == [a, dir.appendingPathComponent("b.TSV").path, dir.appendingPathComponent("sub/d.csv").path])
        // A dangling link named like a form is a form that was not converted: reported, not skipped.
        #expect(problems.map(\.path) == [dir.appendingPathComponent("dangling.csv").path, missing])
        #expect(problems.map(\.isForm) == [true, false])
    }
}
