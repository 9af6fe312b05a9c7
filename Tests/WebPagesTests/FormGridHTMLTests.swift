import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import Testing
import WebPages

struct FormGridHTMLTests {
    static let sample = "qiannan-guangzhou-2023.csv"

    @Test func sampleFormIsWellFormedXHTML() throws {
        let scored = try WebGridFixtures.score(Self.sample)
        let html = FormGridHTML.render(scored, sourceName: Self.sample)
        #expect(XMLWellFormedness.problem(in: Data(html.utf8)) == nil)
        #expect(html.contains("黔南州人民政府驻广州办事处"))
    }

    /// The sample form's page, byte for byte (re-record on purpose: SELFEVAL_RECORD=1).
    @Test func sampleFormMatchesItsGolden() throws {
        let scored = try WebGridFixtures.score(Self.sample)
        try Golden.check(FormGridHTML.render(scored, sourceName: Self.sample), against: "qiannan-guangzhou-2023.form.html")
    }

    /// Writes the standalone pages looked at by scripts/webgrid-shot.sh (only when
    /// SELFEVAL_WEBGRID_OUT names a folder).
    @Test func writePagesForScreenshots() throws {
        guard let folder = ProcessInfo.processInfo.environment["SELFEVAL_WEBGRID_OUT"], !folder.isEmpty else { return }
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let pages = ["qiannan-guangzhou-2023.csv": "sample", "project/national.csv": "project",
                     "real/ningxia-yinchuanliuzhong-2021-project.csv": "real", "real/chongqing-kexuechengrongmeiti-2021-department.csv": "real2"]
        for (name, file) in pages {
            let scored = try WebGridFixtures.score(name)
            let page = WebGridFixtures.document(FormGridHTML.render(scored, sourceName: name), title: name)
            try Data(page.utf8).write(to: URL(fileURLWithPath: folder).appendingPathComponent(file + ".html"))
        }
    }
}
