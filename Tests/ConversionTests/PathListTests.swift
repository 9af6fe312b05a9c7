import Testing
@testable import Conversion

@Suite("Path list")
struct PathListTests {
    @Test("holds paths as given, in order", arguments: [
        [String](), ["a.csv"], ["/tmp/表/黔南州-2023.csv", "", "b/../c.tsv", "d"],
    ])
    func roundTrip(paths: [String]) {
        let list = PathList(paths)
        #expect(list.count == paths.count)
        #expect(Array(list) == paths)
    }
}
