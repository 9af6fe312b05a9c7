import Foundation
import Testing

/// Golden files under `Fixtures/golden/`. A mismatch fails with both texts; setting
/// `SELFEVAL_RECORD=1` rewrites the file and fails on purpose ("re-recorded, run again"),
/// so that re-recording is always a deliberate act.
public enum Golden {
    public static var isRecording: Bool { ProcessInfo.processInfo.environment["SELFEVAL_RECORD"] == "1" }

    /// Compares `actual` with `Fixtures/golden/NAME`.
    public static func check(_ actual: String, against name: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let path = FixturePaths.root.appendingPathComponent("Fixtures/golden").appendingPathComponent(name)
        if isRecording {
            try FileManager.default.createDirectory(at: path.deletingLastPathComponent(), withIntermediateDirectories: true)
            try Data(actual.utf8).write(to: path)
            Issue.record("re-recorded \(name); run the tests again without SELFEVAL_RECORD", sourceLocation: sourceLocation)
            return
        }
        guard let data = FileManager.default.contents(atPath: path.path) else {
            Issue.record("missing golden file \(name); record it with SELFEVAL_RECORD=1", sourceLocation: sourceLocation)
            return
        }
        let expected = String(decoding: data, as: UTF8.self)
        if expected != actual {
            let e = expected.split(separator: "\n", omittingEmptySubsequences: false)
            let a = actual.split(separator: "\n", omittingEmptySubsequences: false)
            let first = zip(e, a).enumerated().first { $0.element.0 != $0.element.1 }?.offset ?? min(e.count, a.count)
            let expectedLine = first < e.count ? String(e[first]) : "<end>"
            let actualLine = first < a.count ? String(a[first]) : "<end>"
            Issue.record("golden \(name) differs at line \(first + 1):\n  expected: \(expectedLine)\n  actual:   \(actualLine)",
                         sourceLocation: sourceLocation)
        }
    }
}
