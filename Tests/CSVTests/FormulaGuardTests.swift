import CSV
import Testing

struct FormulaGuardTests {
    @Test(arguments: [
        ("=1+1", "'=1+1"), ("+1+2", "'+1+2"), ("-cmd|' /C calc'!A0", "'-cmd|' /C calc'!A0"), ("@SUM(A1)", "'@SUM(A1)"),
        ("=HYPERLINK(\"http://x\")", "'=HYPERLINK(\"http://x\")"),
        ("-3", "-3"), ("+5.5", "+5.5"), ("-", "-"), ("—", "—"), ("10家以上", "10家以上"), ("", ""), ("'quoted", "'quoted"),
    ])
    func protects(_ text: String, _ written: String) {
        #expect(FormulaGuard.protect(text) == written)
        #expect(FormulaGuard.unprotect(written) == text)
    }

    @Test func roundTripThroughTheWriterAndReader() throws {
        let rows = [["=1+1", "-3", "@x", "plain"], ["+a,b", "-", "'=kept?", "="]]
        for encoding in CSVWriter.Encoding.allCases {
            let bytes = CSVWriter(encoding: encoding, protectFormulas: true).bytes(rows)
            let text = String(decoding: bytes, as: UTF8.self)
            if encoding != .gb18030 { #expect(text.contains("'=1+1") && text.contains("\"'+a,b\"")) }
            #expect(try CSVReader(unprotectFormulas: true).read(bytes: bytes).rows == [
                ["=1+1", "-3", "@x", "plain"], ["+a,b", "-", "=kept?", "="],
            ])
            // Without unprotecting, the apostrophes are simply text.
            #expect(try CSVReader().read(bytes: bytes).rows[0][0] == "'=1+1")
        }
    }
}
