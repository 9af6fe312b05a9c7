import Foundation

/// The outputs of an earlier batch run in the output folder, as its report.json lists them.
///
/// A batch into a folder that holds an earlier run's outputs is refused (exit 2), so that two
/// runs' files never lie side by side unnoticed; with `--replace` exactly the files that
/// report.json lists (and report.json itself) are removed first. Every rule of `OutputGuard`
/// holds for the removal: never an input of this run (by device and inode, links followed),
/// never what is not a regular file, never a file changed after report.json was written (a file
/// the user put there since); such a file is kept and named in a notice.
struct EarlierRun: Sendable {
    /// report.json's path.
    var report: String
    /// The listed files, as paths in the output folder (names with "/" and ".." are not ours).
    var listed: [String]

    /// The earlier run in `folder`, if its report.json is selfeval's; nil otherwise.
    static func find(in folder: String) -> EarlierRun? {
        let report = (folder as NSString).appendingPathComponent(Batch.reportName)
        var info = stat()
        guard lstat(report, &info) == 0, info.st_mode & S_IFMT == S_IFREG,
              let names = BatchReport.outputsListed(in: report) else { return nil }
        let listed = names.filter { !$0.isEmpty && !$0.contains("/") && $0 != "." && $0 != ".." && $0 != Batch.reportName }
            .map { (folder as NSString).appendingPathComponent($0) }
        return EarlierRun(report: report, listed: listed)
    }

    /// Removes the listed files that may be removed, then report.json; returns a notice for each
    /// listed file kept.
    func remove(sparing inputs: Set<FileIdentity>) -> [String] {
        var reportInfo = stat()
        guard lstat(report, &reportInfo) == 0 else { return [] }
        var notices: [String] = []
        for path in listed {
            var info = stat()
            guard lstat(path, &info) == 0 else { continue }  // already gone
            let isInput = FileIdentity(path: path).map(inputs.contains) ?? false
            if info.st_mode & S_IFMT != S_IFREG || isInput || BatchReport.changed(info, after: reportInfo) {
                notices.append(ConversionWords.earlierRunKept(path))
                continue
            }
            unlink(path)
        }
        if !(FileIdentity(path: report).map(inputs.contains) ?? false) { unlink(report) }
        return notices
    }
}
