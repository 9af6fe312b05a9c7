import CXLSXWriter

/// The libxlsxwriter linked in.
public enum XLSXLibrary {
    /// Its version as the library reports it ("1.1.4").
    public static var version: String {
        guard let text = lxw_version() else { return "?" }
        return String(cString: text)
    }
}
