import Conversion
import Foundation
import SelfEvaluation
import TestSupport
import WebPages

/// The fixture forms the page tests render, and the standalone document they are looked at in.
enum WebGridFixtures {
    /// Every fixture form: Fixtures/*.csv, Fixtures/project/*.csv, Fixtures/real/**.csv
    /// (paths relative to Fixtures/), sorted.
    static let forms: [String] = {
        let root = FixturePaths.root.appendingPathComponent("Fixtures").path
        var found: [String] = []
        for folder in ["", "project", "real"] {
            let path = folder.isEmpty ? root : root + "/" + folder
            let deep = folder == "real"
            let names = (deep ? FileManager.default.subpaths(atPath: path)
                              : try? FileManager.default.contentsOfDirectory(atPath: path)) ?? []
            for name in names where name.hasSuffix(".csv") {
                found.append(folder.isEmpty ? name : folder + "/" + name)
            }
        }
        return found.sorted()
    }()

    /// The fixture forms that read and score (a fixture kept as a known failure is skipped here
    /// and named by `unreadable`).
    static func score(_ name: String) throws -> Converter.Scored {
        try Converter().score(path: FixturePaths.fixture(name))
    }

    /// The fragment in a minimal standalone HTML document with the stylesheet (XHTML-compatible).
    static func document(_ fragment: String, title: String) -> String {
        """
        <!DOCTYPE html>
        <html lang="zh-CN"><head><meta charset="utf-8"/><title>\(HTMLText.escape(title))</title>
        <style>
        body { margin: 16px; background: #fafafa; }
        \(FormGridHTML.stylesheet)</style></head>
        <body>
        \(fragment)</body></html>

        """
    }
}
