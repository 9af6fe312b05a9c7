import Foundation
import TestSupport
import Testing

/// `score --json` and `convert --to json` print one report: both go through `Converter.score`
/// (reading warnings count toward 需复核, markers in a scored CSV are read back). `score` once
/// called the scorer by itself and its report differed from convert's (and the intranet page's)
/// on real forms with reading warnings.
@Suite(.serialized)
struct OneReportTests {
    let runner = BinaryRunner()

    static func forms() -> [String] {
        var all: [String] = []
        for folder in ["", "real", "project", "variants"] {
            let path = FixturePaths.fixture(folder)
            let names = (try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            all += names.filter { $0.hasSuffix(".csv") }.sorted().map { folder.isEmpty ? $0 : "\(folder)/\($0)" }
        }
        return all
    }

    @Test func theFixturesAreThere() {
        #expect(Self.forms().count > 40)
    }

    @Test(arguments: forms())
    func scoreJSONIsConvertJSON(_ form: String) throws {
        let dir = try FixturePaths.temporaryDirectory()
        let out = dir.appendingPathComponent("report.json").path
        let score = try runner.run(["score", "--json", "Fixtures/\(form)"])
        let convert = try runner.run(["convert", "Fixtures/\(form)", "--to", "json", "-o", out])
        #expect(score.status == convert.status, "\(form): \(score.stderr) | \(convert.stderr)")
        guard convert.status == 0 else { return }
        let written = try String(contentsOfFile: out, encoding: .utf8)
        #expect(score.stdout == written, "\(form)")
    }
}
