/// What a file is by its first bytes, never by its name: an .xlsx renamed .csv is still a ZIP.
public enum FileSignature: Sendable, Equatable {
    /// A ZIP archive (`PK\u{3}\u{4}`, or the end record of an empty one): .xlsx, .xlsm, .docx …
    case zip
    /// An OLE2 compound file (`D0 CF 11 E0`): .xls, .doc, or an encrypted .xlsx.
    case ole2
    /// A file of another known binary kind, named in Chinese for the message (PDF, PNG …).
    case otherBinary(String)
    /// Anything else: read as CSV text.
    case text

    /// The kind of the file that begins with `prefix` (its first 8 bytes suffice).
    public init(prefix: some Collection<UInt8>) {
        let b = Array(prefix.prefix(8))
        func starts(_ sig: [UInt8]) -> Bool { b.count >= sig.count && Array(b.prefix(sig.count)) == sig }
        if starts([0x50, 0x4B, 0x03, 0x04]) || starts([0x50, 0x4B, 0x05, 0x06]) || starts([0x50, 0x4B, 0x07, 0x08]) {
            self = .zip
        } else if starts([0xD0, 0xCF, 0x11, 0xE0, 0xA1, 0xB1, 0x1A, 0xE1]) {
            self = .ole2
        } else if let name = FileSignature.known.first(where: { starts($0.0) })?.1 {
            self = .otherBinary(name)
        } else {
            self = .text
        }
    }

    /// Signatures of files people mistake for a form, with what to call them.
    static let known: [([UInt8], String)] = [
        (Array("%PDF-".utf8), "PDF 文件"),
        ([0x89, 0x50, 0x4E, 0x47], "PNG 图片"),
        ([0xFF, 0xD8, 0xFF], "JPEG 图片"),
        (Array("GIF8".utf8), "GIF 图片"),
        (Array("Rar!".utf8), "RAR 压缩包"),
        ([0x37, 0x7A, 0xBC, 0xAF, 0x27, 0x1C], "7z 压缩包"),
        ([0x1F, 0x8B], "gzip 压缩文件"),
        (Array("{\\rtf".utf8), "RTF 文档"),
    ]
}
