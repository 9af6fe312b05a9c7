import Foundation
import TestSupport

/// A page as Python's `html.parser` reads it (the parser a browser's tokenizer resembles most
/// among those at hand, independent of our writer): every start tag with its attribute names,
/// and every element with an id — its tag, attributes, text (its own and its descendants') and
/// the links inside it. Many pages are parsed in one `python3` process.
struct HTMLStructure: Decodable {
    struct Element: Decodable {
        var tag: String
        var attrs: [String: String]
        var text: String
        var links: [String]
        /// The text of the element's `.sev-text` spans only (a cell's text without its marks).
        var own: String
    }

    /// Every start tag, in order.
    var tags: [String]
    /// Every attribute name used.
    var attributes: [String]
    /// Elements by id.
    var ids: [String: Element]
    /// Ids that occur more than once.
    var duplicateIDs: [String]
    /// Texts of `td.sev-lostpts` cells in the body and in the footer of the 失分 table.
    var lostCells: [String]
    var lostFooter: [String]

    private static let script = #"""
        import sys, json
        from html.parser import HTMLParser
        VOID = {'col', 'br', 'meta', 'img', 'input', 'hr', 'link', 'area', 'base', 'embed', 'source', 'track', 'wbr'}
        class P(HTMLParser):
            def __init__(self):
                super().__init__(convert_charrefs=True)
                self.stack = []
                self.out = {'tags': [], 'attributes': [], 'ids': {}, 'duplicateIDs': [], 'lostCells': [], 'lostFooter': []}
                self.section = None
            def record(self, tag, attrs):
                a = {k: (v if v is not None else '') for k, v in attrs}
                self.out['tags'].append(tag)
                for k in a:
                    if k not in self.out['attributes']: self.out['attributes'].append(k)
                return a
            def handle_starttag(self, tag, attrs):
                a = self.record(tag, attrs)
                if tag in VOID: return
                cls = a.get('class', '').split()
                entry = {'tag': tag, 'id': a.get('id'), 'cls': cls, 'lost': None}
                if tag in ('tbody', 'tfoot', 'thead'): self.section = tag
                if tag == 'td' and 'sev-lostpts' in cls:
                    entry['lost'] = []
                self.stack.append(entry)
                if a.get('id'):
                    if a['id'] in self.out['ids']: self.out['duplicateIDs'].append(a['id'])
                    self.out['ids'][a['id']] = {'tag': tag, 'attrs': a, 'text': '', 'links': [], 'own': ''}
                if tag == 'a' and 'href' in a:
                    for e in self.stack:
                        if e['id']: self.out['ids'][e['id']]['links'].append(a['href'])
            def handle_startendtag(self, tag, attrs):
                self.record(tag, attrs)
            def handle_endtag(self, tag):
                while self.stack:
                    e = self.stack.pop()
                    if e['lost'] is not None:
                        key = 'lostFooter' if self.section == 'tfoot' else 'lostCells'
                        self.out[key].append(''.join(e['lost']))
                    if e['tag'] == tag: break
            def handle_data(self, data):
                inside_text = any('sev-text' in e['cls'] for e in self.stack)
                for e in self.stack:
                    if e['id']:
                        self.out['ids'][e['id']]['text'] += data
                        if inside_text: self.out['ids'][e['id']]['own'] += data
                    if e['lost'] is not None: e['lost'].append(data)
        result = []
        for path in sys.argv[1:]:
            p = P()
            with open(path, encoding='utf-8') as f:
                p.feed(f.read())
            p.close()
            result.append(p.out)
        json.dump(result, sys.stdout, ensure_ascii=False)
        """#

    /// Parses every page (in one process).
    static func parse(_ pages: [String]) throws -> [HTMLStructure] {
        guard !pages.isEmpty else { return [] }
        let folder = try FixturePaths.temporaryDirectory("webgrid-parse")
        defer { try? FileManager.default.removeItem(at: folder) }
        var paths: [String] = []
        for (index, page) in pages.enumerated() {
            let url = folder.appendingPathComponent("page\(index).html")
            try Data(page.utf8).write(to: url)
            paths.append(url.path)
        }
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = ["python3", "-c", script] + paths
        let out = Pipe()
        process.standardOutput = out
        try process.run()
        let data = out.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return try JSONDecoder().decode([HTMLStructure].self, from: data)
    }

    /// The elements and attributes the renderer writes; anything else came from the input.
    static let renderedTags: Set<String> = [
        "section", "header", "h2", "h3", "dl", "div", "dt", "dd", "strong", "p", "span", "table", "colgroup", "col",
        "thead", "tbody", "tfoot", "tr", "th", "td", "a", "ol", "li", "code",
    ]
    static let renderedAttributes: Set<String> = ["class", "id", "lang", "style", "title", "href", "colspan", "rowspan"]
}
