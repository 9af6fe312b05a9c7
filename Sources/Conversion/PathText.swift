/// Path arithmetic on the path's text alone, for any string a user can type.
///
/// Foundation's `NSString.deletingLastPathComponent` traps on a one-character path ("q", "."),
/// so the CLI's path handling goes through these instead: no trap for any input.
public enum PathText {
    /// The folder part of `path`: everything before its last component, without the trailing
    /// slash ("" for a bare name, "/" for a name at the root). Trailing slashes are ignored:
    /// the folder of "d/" is "", of "a/b/" is "a".
    public static func directory(of path: String) -> String {
        var scalars = Array(path.unicodeScalars)
        while scalars.count > 1, scalars.last == "/" { scalars.removeLast() }
        guard let slash = scalars.lastIndex(of: "/") else { return "" }
        var end = slash
        while end > 0, scalars[end - 1] == "/" { end -= 1 }
        if end == 0 { return "/" }
        return String(String.UnicodeScalarView(scalars[..<end]))
    }

    /// The last component of `path`, trailing slashes ignored ("" for "/" or "").
    public static func lastComponent(of path: String) -> String {
        var scalars = Array(path.unicodeScalars)
        while let last = scalars.last, last == "/" { scalars.removeLast() }
        guard let slash = scalars.lastIndex(of: "/") else { return String(String.UnicodeScalarView(scalars)) }
        return String(String.UnicodeScalarView(scalars[(slash + 1)...]))
    }

    /// `name` inside `directory` ("" means the current folder).
    public static func join(_ directory: String, _ name: String) -> String {
        if directory.isEmpty { return name }
        return directory.hasSuffix("/") ? directory + name : directory + "/" + name
    }

    /// `name` without its last extension ("form.csv" → "form"); a leading dot is not an
    /// extension (".csv" stays ".csv"), nor are "." and "..".
    public static func deletingExtension(_ name: String) -> String {
        guard name != ".", name != "..", let dot = name.lastIndex(of: "."), dot != name.startIndex else { return name }
        return String(name[..<dot])
    }
}
