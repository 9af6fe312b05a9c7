import CSV
import Testing

/// The byte layer, case by case, each with LF, CRLF and CR line ends.
struct CSVTokenizerTests {
    struct Case: CustomTestStringConvertible, Sendable {
        let name: String
        /// Input with "⏎" standing for the line end under test.
        let input: String
        let expected: [[String]]
        var testDescription: String { name }
    }

    static let cases: [Case] = [
        Case(name: "simple", input: "a,b,c⏎1,2,3⏎", expected: [["a", "b", "c"], ["1", "2", "3"]]),
        Case(name: "no final line end", input: "a,b⏎1,2", expected: [["a", "b"], ["1", "2"]]),
        Case(name: "quoted comma", input: "\"a,b\",c⏎", expected: [["a,b", "c"]]),
        Case(name: "doubled quote", input: "\"say \"\"hi\"\"\",x⏎", expected: [["say \"hi\"", "x"]]),
        Case(name: "empty fields", input: ",,⏎", expected: [["", "", ""]]),
        Case(name: "quoted empty", input: "\"\",a⏎", expected: [["", "a"]]),
        Case(name: "blank line kept", input: "a⏎⏎b⏎", expected: [["a"], [""], ["b"]]),
        Case(name: "ragged rows", input: "a,b,c⏎d⏎e,f⏎", expected: [["a", "b", "c"], ["d"], ["e", "f"]]),
        Case(name: "stray quote inside unquoted field", input: "5\"x,y⏎", expected: [["5\"x", "y"]]),
        Case(name: "text after closing quote", input: "\"ab\"c,d⏎", expected: [["abc", "d"]]),
        Case(name: "leading ideographic space kept", input: "\u{3000}\u{3000}缩进, x ⏎", expected: [["\u{3000}\u{3000}缩进", " x "]]),
        Case(name: "chinese quotes are data", input: "“窗口”,b⏎", expected: [["“窗口”", "b"]]),
    ]

    static let lineEnds: [String] = ["\n", "\r\n", "\r"]

    @Test(arguments: cases, lineEnds)
    func tokenizes(_ c: Case, lineEnd: String) {
        let input = c.input.replacingOccurrences(of: "⏎", with: lineEnd)
        let out = CSVTokenizer().tokenize(Array(input.utf8))
        #expect(out.unterminatedQuote == nil)
        #expect(out.records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } } == c.expected)
    }

    @Test(arguments: lineEnds)
    func lineBreaksInsideQuotesAreData(lineEnd: String) {
        let input = "\"line1\(lineEnd)line2\",b\(lineEnd)c,d\(lineEnd)"
        let out = CSVTokenizer().tokenize(Array(input.utf8))
        let rows = out.records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } }
        #expect(rows == [["line1\(lineEnd)line2", "b"], ["c", "d"]])
    }

    @Test(arguments: lineEnds)
    func unterminatedQuoteIsReportedAtItsOpening(lineEnd: String) {
        let input = "a,b\(lineEnd)c,\"open\(lineEnd)never closed"
        let out = CSVTokenizer().tokenize(Array(input.utf8))
        #expect(out.unterminatedQuote?.row == 2)
        #expect(out.unterminatedQuote?.column == 2)
    }

    @Test func tabSeparatorIsDetected() {
        #expect(CSVTokenizer.detectSeparator(Array("a\tb\tc\n\"x,y\"\tz\n".utf8)) == UInt8(ascii: "\t"))
        #expect(CSVTokenizer.detectSeparator(Array("a,b,c\n\"x\ty\",z\n".utf8)) == UInt8(ascii: ","))
    }

    @Test func tabSeparatedRecords() {
        let out = CSVTokenizer(separator: UInt8(ascii: "\t")).tokenize(Array("a\tb,c\n".utf8))
        #expect(out.records.map { $0.fields.map { String(decoding: $0, as: UTF8.self) } } == [["a", "b,c"]])
    }
}

extension String {
    func replacingOccurrences(of target: String, with replacement: String) -> String {
        split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}
