import Testing
@testable import XLSXReport

@Suite("Cell addresses")
struct SheetCellTests {
    @Test("0-based row/column → A1", arguments: [
        (0, 0, "A1"), (2, 1, "B3"), (0, 25, "Z1"), (0, 26, "AA1"), (9, 27, "AB10"),
        (1_048_575, 16_383, "XFD1048576"),
    ])
    func roundTrip(row: Int, column: Int, name: String) {
        let address = SheetCell(row: row, column: column)
        #expect(address.a1 == name)
        #expect(address.absoluteA1 == "$" + name.filter(\.isLetter) + "$" + String(row + 1))
    }

    @Test("ranges")
    func ranges() {
        let range = CellRange(firstRow: 11, firstColumn: 0, lastRow: 28, lastColumn: 0)
        #expect(range.a1 == "A12:A29")
        #expect(range.absoluteA1 == "$A$12:$A$29")
        #expect(range.isValid)
        #expect(!CellRange(firstRow: 3, firstColumn: 0, lastRow: 2, lastColumn: 0).isValid)
    }
}
