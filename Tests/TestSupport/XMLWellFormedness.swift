import Foundation

/// A strict check that bytes are well-formed XML 1.0, independent of the writer that made them
/// and of Foundation (whose `XMLParser` on Linux recovers from errors such as `<a><b></a>`):
/// Python's expat parses each document in one `python3` process per call, and every character
/// must also be valid UTF-8 and an XML 1.0 `Char` (TAB, LF, CR, U+0020…U+D7FF, U+E000…U+FFFD,
/// U+10000…U+10FFFF), checked here in Swift, so that the verdict does not rest on one parser.
public enum XMLWellFormedness {
    /// Why `data` is not well-formed XML 1.0, or nil when it is.
    public static func problem(in data: Data) -> String? {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("xml-check-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            try data.write(to: folder.appendingPathComponent("part.xml"))
            return try firstProblem(in: folder.path, parts: ["part.xml"])?.message
        } catch {
            return "cannot check: \(error)"
        }
    }

    /// The first of `parts` (paths relative to `folder`) that is not well-formed XML 1.0, with why.
    public static func firstProblem(in folder: String, parts: [String]) throws -> (part: String, message: String)? {
        for part in parts {
            let data = try Data(contentsOf: URL(fileURLWithPath: folder).appendingPathComponent(part))
            if let problem = characterProblem(in: data) { return (part, problem) }
        }
        guard !parts.isEmpty else { return nil }
        let output = try runExpat(folder: folder, parts: parts)
        guard !output.isEmpty else { return nil }
        let line = output.split(separator: "\n", maxSplits: 1).first.map(String.init) ?? output
        let fields = line.split(separator: "\t", maxSplits: 1).map(String.init)
        return (fields.first ?? "?", fields.count > 1 ? fields[1] : line)
    }

    /// XML 1.0 §2.2 `Char`.
    public static func isChar(_ value: UInt32) -> Bool {
        switch value {
        case 0x9, 0xA, 0xD: return true
        case 0x20...0xD7FF, 0xE000...0xFFFD, 0x10000...0x10FFFF: return true
        default: return false
        }
    }

    /// Invalid UTF-8, or a raw character that is not a `Char`.
    static func characterProblem(in data: Data) -> String? {
        guard let text = String(validating: data, as: UTF8.self) else { return "not valid UTF-8" }
        var line = 1
        for scalar in text.unicodeScalars {
            if scalar == "\n" { line += 1 }
            if !isChar(scalar.value) {
                return "line \(line): character U+\(String(scalar.value, radix: 16, uppercase: true)) is not allowed in XML 1.0"
            }
        }
        return nil
    }

    /// Parses every part with expat; prints `part<TAB>error` for the first that fails, nothing when all parse.
    private static let script = """
        import sys, xml.parsers.expat
        folder, parts = sys.argv[1], sys.argv[2:]
        for part in parts:
            parser = xml.parsers.expat.ParserCreate()
            try:
                with open(folder + '/' + part, 'rb') as f:
                    parser.Parse(f.read(), True)
            except xml.parsers.expat.ExpatError as e:
                print(part + '\\t' + str(e))
                break
        """

    private static func runExpat(folder: String, parts: [String]) throws -> String {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script, folder] + parts
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        guard process.terminationStatus == 0 else {
            throw XLSXInspectorError.badXML(entry: folder, message: "python3 (expat) exited \(process.terminationStatus)")
        }
        return String(decoding: data, as: UTF8.self)
    }
}
