import Foundation
import Server
import Testing
import TestSupport

/// The server's JSON answers quote their strings with `jsonString` (JSONEncoder's output): any text
/// — quotes, backslashes, control characters, line breaks, CJK, astral scalars — reads back as itself.
/// (Read back with JSONDecoder: Foundation's JSONSerialization on Linux drops a U+FEFF that follows
/// an escape sequence, whoever wrote the JSON.)
struct JSONStringTests {
    static let table = ["", "单位", "a\"b", "back\\slash", "line\nbreak\r\t", "\u{0}\u{1F}\u{7F}", "</script>", "𠀀😀", "a/b"]

    @Test(arguments: table)
    func readsBackAsItself(_ text: String) throws {
        let data = Data("[\(jsonString(text))]".utf8)
        let back = try JSONDecoder().decode([String].self, from: data)
        #expect(back == [text])
    }

    @Test func randomTextsReadBackAsThemselves() throws {
        var rng = SeededGenerator(seed: 0x5E1F_E7A1)
        let pool: [Unicode.Scalar] = ["\"", "\\", "/", "\n", "\u{0}", "\u{1F}", "<", "&", "单", "位", "😀", "\u{FEFF}", "a", " "]
        for _ in 0..<500 {
            let count = Int.random(in: 0...24, using: &rng)
            var text = String.UnicodeScalarView()
            for _ in 0..<count { text.append(pool[Int.random(in: 0..<pool.count, using: &rng)]) }
            let string = String(text)
            let data = Data("[\(jsonString(string))]".utf8)
            let back = try JSONDecoder().decode([String].self, from: data)
            #expect(back == [string])
        }
    }
}
