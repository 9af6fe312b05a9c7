import Foundation

/// The text encodings an export comes in.
public enum TextEncoding: String, Sendable, Equatable, CaseIterable {
    case utf8 = "utf-8"
    case gb18030 = "gb18030"
    case utf16 = "utf-16"

    /// Foundation's GB 18030-2000 encoding on Linux (there is no named constant).
    public static let foundationGB18030 = String.Encoding(rawValue: 0x8000_0632)
}

/// What the caller asks for: detect, or force one encoding.
public enum EncodingChoice: String, Sendable, Equatable, CaseIterable {
    case auto
    case utf8 = "utf-8"
    case gb18030
}

enum ByteOrderMark {
    static let utf8: [UInt8] = [0xEF, 0xBB, 0xBF]
    static let utf16LE: [UInt8] = [0xFF, 0xFE]
    static let utf16BE: [UInt8] = [0xFE, 0xFF]
}

extension TextEncoding {
    /// Decodes a whole buffer as GB18030; nil when the bytes are not valid GB18030.
    static func decodeGB18030(_ bytes: ArraySlice<UInt8>) -> String? {
        if bytes.allSatisfy({ $0 < 0x80 }) { return String(decoding: bytes, as: UTF8.self) }
        return String(data: Data(bytes), encoding: foundationGB18030)
    }

    /// Encodes text as GB18030; nil when a character has no GB18030 form (none in practice).
    public static func encodeGB18030(_ text: String) -> [UInt8]? {
        text.data(using: foundationGB18030).map { [UInt8]($0) }
    }
}
