import Foundation

/// The command line's own bytes. Swift decodes arguments with repair, so a path holding bytes
/// that are not UTF-8 (a file named in GBK on a UTF-8 system) would silently become another
/// path, and "no such file" would be reported for a file that exists.
enum Arguments {
    /// The first argument that is not valid UTF-8, as Swift shows it (with U+FFFD); nil if none.
    static func firstNotUTF8() -> String? {
        for index in stride(from: 1, to: Int(CommandLine.argc), by: 1) {
            guard let pointer = CommandLine.unsafeArgv[index] else { continue }
            let bytes = UnsafeBufferPointer(start: UnsafeRawPointer(pointer).assumingMemoryBound(to: UInt8.self),
                                            count: strlen(pointer))
            if String(validating: bytes, as: UTF8.self) == nil { return String(decoding: bytes, as: UTF8.self) }
        }
        return nil
    }
}
