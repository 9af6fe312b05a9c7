import XLSXReport

/// Versions shown by `selfeval --version`.
public enum Versions {
    /// selfeval's own version.
    public static let selfeval = "0.16.0"
    /// The libxlsxwriter linked in.
    public static var libxlsxwriter: String { XLSXLibrary.version }
}
