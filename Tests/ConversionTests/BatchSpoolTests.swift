import Foundation
import Testing
import TestSupport
@testable import Conversion

@Suite("Batch spool")
struct BatchSpoolTests {
    @Test("records read back as appended, in any order")
    func roundTrip() throws {
        let dir = try FixturePaths.temporaryDirectory("spool")
        let spool = try BatchSpool(path: dir.appendingPathComponent("spool-0").path, number: 3)
        let entries: [(String, [UInt8], [UInt8])] = [
            ("黔南州人民政府驻广州办事处-2023-部门整体支出绩效自评表", Array("{\"a\":1}".utf8), Array("{\"forms\":[]}\n".utf8)),
            ("", [], []),
            ("b", Array(repeating: 0x41, count: 100_000), [0, 1, 2]),
        ]
        let records = try entries.map { try spool.append(name: $0.0, row: $0.1, report: $0.2) }
        for (record, entry) in zip(records, entries).reversed() {
            #expect(record.spool == 3)
            #expect(spool.name(record) == entry.0)
            #expect(spool.row(record) == entry.1)
            #expect(spool.report(record) == entry.2)
        }
    }

    @Test("a spool that cannot be created is an error naming its path")
    func cannotCreate() throws {
        let path = "/nonexistent-\(UUID().uuidString)/spool-0"
        let error = try #require(throws: ConversionError.self) { try BatchSpool(path: path, number: 0) }
        #expect(String(describing: error).contains(path))
    }
}
