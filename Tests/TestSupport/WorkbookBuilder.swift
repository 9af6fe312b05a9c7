import Foundation

/// Builds small .xlsx files in memory for tests, independently of the reader: a ZIP of stored
/// (uncompressed) entries with their CRC-32, and the minimal parts of a workbook.
public enum WorkbookBuilder {
    /// A ZIP archive of `entries`, stored.
    public static func zip(_ entries: [(name: String, data: [UInt8])]) -> [UInt8] {
        var out: [UInt8] = []
        var directory: [UInt8] = []
        func u16(_ v: Int, _ a: inout [UInt8]) { a += [UInt8(v & 0xFF), UInt8(v >> 8 & 0xFF)] }
        func u32(_ v: Int, _ a: inout [UInt8]) { u16(v & 0xFFFF, &a); u16(v >> 16 & 0xFFFF, &a) }
        for (name, data) in entries {
            let nameBytes = Array(name.utf8)
            let crc = Int(crc32(data))
            let offset = out.count
            u32(0x0403_4B50, &out); u16(20, &out); u16(0, &out); u16(0, &out); u16(0, &out); u16(0, &out)
            u32(crc, &out); u32(data.count, &out); u32(data.count, &out); u16(nameBytes.count, &out); u16(0, &out)
            out += nameBytes + data
            u32(0x0201_4B50, &directory); u16(20, &directory); u16(20, &directory); u16(0, &directory); u16(0, &directory)
            u16(0, &directory); u16(0, &directory); u32(crc, &directory); u32(data.count, &directory); u32(data.count, &directory)
            u16(nameBytes.count, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory); u16(0, &directory)
            u32(0, &directory); u32(offset, &directory)
            directory += nameBytes
        }
        let directoryOffset = out.count
        out += directory
        u32(0x0605_4B50, &out); u16(0, &out); u16(0, &out); u16(entries.count & 0xFFFF, &out); u16(entries.count & 0xFFFF, &out)
        u32(directory.count, &out); u32(directoryOffset, &out); u16(0, &out)
        return out
    }

    /// An .xlsx of one sheet ("Sheet1" unless named) with the given sheet XML body (the
    /// `<sheetData>` content), shared strings and optional extra parts; `sheets` adds more sheets.
    public static func xlsx(sheetData: String, sharedStrings: [String] = [], styles: String? = nil,
                            sheets: [(name: String, sheetData: String)] = [], firstName: String = "Sheet1",
                            extra: [(name: String, data: [UInt8])] = [], workbookPrefix: String = "") -> [UInt8] {
        let all = [(firstName, sheetData)] + sheets
        let ns = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
        let rns = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        let rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
        var workbook = "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\(workbookPrefix)<workbook xmlns=\"\(ns)\" xmlns:r=\"\(rns)\"><sheets>"
        var rels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\">"
        var parts: [(String, [UInt8])] = []
        for (i, sheet) in all.enumerated() {
            workbook += "<sheet name=\"\(escape(sheet.0))\" sheetId=\"\(i + 1)\" r:id=\"rId\(i + 1)\"/>"
            rels += "<Relationship Id=\"rId\(i + 1)\" Type=\"\(rel)/worksheet\" Target=\"worksheets/sheet\(i + 1).xml\"/>"
            parts.append(("xl/worksheets/sheet\(i + 1).xml",
                          Array("<?xml version=\"1.0\"?><worksheet xmlns=\"\(ns)\"><sheetData>\(sheet.1)</sheetData></worksheet>".utf8)))
        }
        workbook += "</sheets></workbook>"
        rels += "<Relationship Id=\"rIdS\" Type=\"\(rel)/sharedStrings\" Target=\"sharedStrings.xml\"/>"
        rels += "<Relationship Id=\"rIdT\" Type=\"\(rel)/styles\" Target=\"styles.xml\"/></Relationships>"
        let sst = "<?xml version=\"1.0\"?><sst xmlns=\"\(ns)\">" + sharedStrings.map { "<si><t xml:space=\"preserve\">\(escape($0))</t></si>" }.joined() + "</sst>"
        let rootRels = "<?xml version=\"1.0\"?><Relationships xmlns=\"http://schemas.openxmlformats.org/package/2006/relationships\"><Relationship Id=\"rId1\" Type=\"\(rel)/officeDocument\" Target=\"xl/workbook.xml\"/></Relationships>"
        var entries: [(name: String, data: [UInt8])] = [
            ("[Content_Types].xml", Array("<?xml version=\"1.0\"?><Types xmlns=\"http://schemas.openxmlformats.org/package/2006/content-types\"/>".utf8)),
            ("_rels/.rels", Array(rootRels.utf8)),
            ("xl/workbook.xml", Array(workbook.utf8)),
            ("xl/_rels/workbook.xml.rels", Array(rels.utf8)),
            ("xl/sharedStrings.xml", Array(sst.utf8)),
        ]
        if let styles { entries.append(("xl/styles.xml", Array("<?xml version=\"1.0\"?><styleSheet xmlns=\"\(ns)\">\(styles)</styleSheet>".utf8))) }
        entries += parts.map { (name: $0.0, data: $0.1) }
        entries += extra
        return zip(entries)
    }

    /// XML text escaping.
    public static func escape(_ s: String) -> String {
        s.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// CRC-32 (IEEE), bit by bit.
    public static func crc32(_ data: [UInt8]) -> UInt32 {
        var crc: UInt32 = 0xFFFF_FFFF
        for b in data {
            crc ^= UInt32(b)
            for _ in 0..<8 { crc = crc & 1 != 0 ? (crc >> 1) ^ 0xEDB8_8320 : crc >> 1 }
        }
        return ~crc
    }
}
