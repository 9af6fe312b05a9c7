import Foundation
@testable import Server
import Testing
import TestSupport

/// The upload's writes (`DataStore.addForm`, `addVersion`): one transaction each, with its BEGIN
/// and COMMIT compiled once per connection; what fails leaves nothing and no transaction open.
@Suite("Upload transactions")
struct UploadTransactionTests {
    static func version(_ name: String, bytes: [UInt8] = Array("a,b\n".utf8)) -> DataStore.NewVersion {
        DataStore.NewVersion(sourceName: name, folder: "files/x/\(name)", original: "original.csv", total: "90", grade: "优",
                             needsReview: false, record: [], originalBytes: bytes, report: Array("{\"r\": 1}\n".utf8))
    }

    static func store(_ name: String) throws -> (DataStore, Int64, Int64) {
        let store = try DataStore(layout: DataLayout(root: try FixturePaths.temporaryDirectory(name).path))
        guard case .unit(let a, _) = try store.access(token: try store.addUnit("单位甲")),
              case .unit(let b, _) = try store.access(token: try store.addUnit("单位乙")) else {
            throw CancellationError()
        }
        return (store, a, b)
    }

    @Test("forms and versions are committed with their bytes; numbers count up per form")
    func committed() throws {
        let (store, a, _) = try Self.store("tx-commit")
        try store.addForm(unitID: a, formID: "f1", Self.version("v1", bytes: [0, 1, 2]))
        #expect(try store.addVersion(unitID: a, formID: "f1", Self.version("v2")) == 2)
        #expect(try store.addVersion(unitID: a, formID: "f1", Self.version("v3")) == 3)
        try store.addForm(unitID: a, formID: "f2", Self.version("w1"))
        #expect(try store.versions(unitID: a, formID: "f1").map(\.number) == [1, 2, 3])
        #expect(try store.versions(unitID: a, formID: "f1").map(\.sourceName) == ["v1", "v2", "v3"])
        #expect(try store.upload(formID: "f1", number: 1)?.original == [0, 1, 2])
        #expect(try store.upload(formID: "f1", number: 1)?.report == Array("{\"r\": 1}\n".utf8))
        #expect(try store.allVersions().count == 4)
    }

    @Test("a failed write leaves nothing and the writer usable: a taken form id, another unit's form, an unknown form")
    func failures() throws {
        let (store, a, b) = try Self.store("tx-fail")
        try store.addForm(unitID: a, formID: "f1", Self.version("v1"))
        // The same form id again (another unit's upload): refused, nothing of it stays.
        #expect(throws: (any Error).self) { try store.addForm(unitID: b, formID: "f1", Self.version("dup")) }
        #expect(try store.allVersions().count == 1)
        #expect(try store.latestVersions(unitID: b).isEmpty)
        #expect(try store.addVersion(unitID: b, formID: "f1", Self.version("other unit")) == nil)
        #expect(try store.addVersion(unitID: a, formID: "nope", Self.version("unknown")) == nil)
        #expect(try store.allVersions().count == 1)
        // The writer is not left inside a transaction: the next ones commit, and are seen.
        try store.addForm(unitID: b, formID: "f2", Self.version("w1"))
        #expect(try store.addVersion(unitID: a, formID: "f1", Self.version("v2")) == 2)
        #expect(try store.allVersions().count == 3)
        #expect(try store.latestVersions(unitID: b).map(\.formID) == ["f2"])
    }

    @Test("a second store over the same folder (a restarted server) sees every commit")
    func reopened() throws {
        let folder = try FixturePaths.temporaryDirectory("tx-reopen").path
        do {
            let store = try DataStore(layout: DataLayout(root: folder))
            let token = try store.addUnit("单位甲")
            guard case .unit(let a, _) = try store.access(token: token) else { throw CancellationError() }
            for i in 0..<20 { try store.addForm(unitID: a, formID: "f\(i)", Self.version("v\(i)")) }
        }
        let again = try DataStore(layout: DataLayout(root: folder))
        #expect(try again.allVersions().count == 20)
        #expect(try again.allVersions().map(\.sourceName) == (0..<20).map { "v\($0)" })
    }
}
