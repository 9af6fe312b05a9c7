import CSV
import Testing

struct CSVWriterTests {
    @Test(arguments: ["plain", "a,b", "say \"hi\"", "two\nlines", "two\r\nlines", "cr\ronly", "", "=1+1", "“窗口”"])
    func roundTrips(_ text: String) throws {
        for encoding in CSVWriter.Encoding.allCases {
            let rows = [[text, "x"], ["", text]]
            let bytes = CSVWriter(encoding: encoding).bytes(rows)
            let doc = try CSVReader().read(bytes: bytes)
            #expect(doc.rows == rows, "\(encoding)")
        }
    }

    @Test func quotesOnlyWhenNeeded() {
        let w = CSVWriter()
        #expect(w.escape("abc") == "abc")
        #expect(w.escape("a,b") == "\"a,b\"")
        #expect(w.escape("a\"b") == "\"a\"\"b\"")
    }

    @Test func gb18030BytesHaveNoBOM() {
        let bytes = CSVWriter(encoding: .gb18030).bytes([["部门"]])
        #expect(bytes == [0xB2, 0xBF, 0xC3, 0xC5, 0x0D, 0x0A])
    }
}
