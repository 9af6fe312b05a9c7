import CSV

/// Realigns indicator rows that a document conversion shifted left.
///
/// A form rendered from PDF, Word or HTML into text (the seed form is one) loses the cells of
/// merged ranges on some rows, so the rest of the row moves left: 分值 and 得分 land one column
/// early, a 二级指标 lands in the 一级指标 column, a 三级指标 in the 二级指标 column. Excel and
/// WPS exports never do this. The repair anchors on the right-hand numeric block (分值, 得分),
/// shifts the row back, then moves labels whose column is wrong by what they say (a known
/// 二级指标 name; a name where the 三级指标 cell is empty). Each repaired row is reported.
enum ShiftedRowRepair {
    /// The document with shifted indicator rows realigned, and a warning per repaired row.
    static func repair(_ document: CSVDocument, headerRow: Int) -> (CSVDocument, [Diagnostic]) {
        // Only a document converted to text loses cells; a spreadsheet export is never touched.
        guard isTextDocument(document) else { return (document, []) }
        let header = document.rows[headerRow - 1].map(LabelText.normalize)
        func column(_ labels: [String]) -> Int? {
            labels.lazy.compactMap { label in header.firstIndex { !$0.isEmpty && $0.hasPrefix(LabelText.normalize(label)) } }.first
        }
        guard let level1 = column([Vocabulary.level1Label]), let level2 = column([Vocabulary.level2Label]),
              let name = column([Vocabulary.level3Label]), let weight = column(Vocabulary.weightLabels),
              let score = column([Vocabulary.scoreLabel]), score == weight + 1, level2 == level1 + 1, name == level2 + 1
        else { return (document, []) }
        let natures = Vocabulary.natureLabels.compactMap { column([$0]) }

        var repaired = document
        var diagnostics: [Diagnostic] = []
        var r = headerRow
        var previousShift = 0
        while r < repaired.rows.count {
            var row = repaired.rows[r]
            r += 1
            guard let first = row.first(where: { !LabelText.trim($0).isEmpty }) else { continue }
            let label = NormalizedText(first)
            if label.hasPrefix(TemplateLabels.total) || label.hasPrefix(anyOf: TemplateLabels.conclusions) {
                break
            }
            let width = max(row.count, score + 2)
            row += Array(repeating: "", count: width - row.count)
            // Shift only on two pieces of evidence: 分值/得分 found k columns early, and either a level
            // label left of its column or the row above shifted by the same k (the rest of a merged
            // group). An unscored row with bare-number values is never moved on numbers alone.
            var shift = 0
            if !isNumber(row[score]), let k = (1...min(3, weight)).first(where: { isNumber(row[weight - $0]) && isNumber(row[score - $0]) }),
               hasMisplacedLabel(row, level1: level1, level2: level2) || k == previousShift {
                shift = k
            }
            previousShift = shift
            var changed = false
            if shift > 0 {
                row = Array(repeating: "", count: shift) + row.dropLast(shift)
                changed = true
            }
            // A name written in the 二级指标 column, with the 三级指标 cell empty.
            if LabelText.trim(row[name]).isEmpty, !LabelText.trim(row[level2]).isEmpty, !isLevel2Name(row[level2]) {
                row[name] = row[level2]
                row[level2] = ""
                changed = true
            }
            // A 二级指标 written in the 一级指标 column.
            if isLevel2Name(row[level1]), LabelText.trim(row[level2]).isEmpty {
                row[level2] = row[level1]
                row[level1] = ""
                changed = true
            }
            // No repair may leave a row less consistent than it found it.
            if changed {
                var before = repaired.rows[r - 1]
                before += Array(repeating: "", count: max(0, width - before.count))
                let columns = (level1: level1, level2: level2, name: name, weight: weight, score: score, natures: natures)
                if consistency(row, columns) <= consistency(before, columns) { changed = false }
            }
            if changed {
                repaired.rows[r - 1] = row
                diagnostics.append(Diagnostic(.rowRealigned, at: document.location(row: r, column: 1),
                                              Vocabulary.TemplateMessage.rowRealigned(shift)))
            }
        }
        return (repaired, diagnostics)
    }

    /// Whether a document reads as converted to text rather than exported by a spreadsheet.
    /// Excel and WPS write every row with the same number of cells (a rectangular grid), or,
    /// trimmed, every row ending on a filled cell; a text conversion does neither (short rows
    /// beside rows padded with empty cells).
    static func isTextDocument(_ document: CSVDocument) -> Bool {
        let rows = document.rows.filter { row in row.contains { !LabelText.trim($0).isEmpty } }
        guard let first = rows.first else { return false }
        let rectangular = rows.allSatisfy { $0.count == first.count }
        let trimmed = rows.allSatisfy { !LabelText.trim($0.last ?? "").isEmpty }
        return !rectangular && !trimmed
    }

    /// How many cells of an indicator row hold what their column expects: 分值 and 得分 a number
    /// or nothing, 一级/二级指标 a known label or nothing, the name a text that is neither a number
    /// nor an operator word, 指标性质 an operator/direction word or nothing.
    static func consistency(_ row: [String],
                            _ c: (level1: Int, level2: Int, name: Int, weight: Int, score: Int, natures: [Int])) -> Int {
        func text(_ i: Int) -> String { i < row.count ? LabelText.trim(row[i]) : "" }
        func isNatureWord(_ t: String) -> Bool {
            Vocabulary.natureWords.contains(LabelText.normalize(t)) || ValueParser.comparator(t) != nil
        }
        var count = 0
        for i in [c.weight, c.score] where text(i).isEmpty || isNumber(text(i)) { count += 1 }
        if text(c.level1).isEmpty || isLevel1Label(text(c.level1)) { count += 1 }
        if text(c.level2).isEmpty || isLevel2Name(text(c.level2)) { count += 1 }
        let name = text(c.name)
        if !name.isEmpty, !isNumber(name), !isNatureWord(name), !isLevel2Name(name) { count += 1 }
        for i in c.natures where text(i).isEmpty || isNatureWord(text(i)) { count += 1 }
        return count
    }

    /// Whether the row's first level label sits left of its column: a 一级指标 label
    /// (产出指标(50分) …) before the 一级指标 column, or a 二级指标 name before the 二级指标 column.
    static func hasMisplacedLabel(_ row: [String], level1: Int, level2: Int) -> Bool {
        for (i, text) in row.enumerated() where !LabelText.trim(text).isEmpty {
            return (i < level1 && isLevel1Label(text)) || (i < level2 && isLevel2Name(text))
        }
        return false
    }

    /// A known 一级指标 label, with or without its points.
    static func isLevel1Label(_ text: String) -> Bool {
        let (name, _) = LabelTable.sectionPoints(text)
        return level1Names.contains(NormalizedText(name))
    }

    /// A plain number (分值, 得分): digits with an optional decimal point.
    static func isNumber(_ text: String) -> Bool {
        let t = LabelText.trim(text)
        // Byte by byte: a character that is "." or an ASCII digit is that one byte, and any
        // other character has a byte that is neither.
        guard let first = t.utf8.first, first != UInt8(ascii: ".") else { return false }
        var dots = 0
        for byte in t.utf8 {
            if byte == UInt8(ascii: ".") { dots += 1 } else if !(byte >= 0x30 && byte <= 0x39) { return false }
        }
        return dots <= 1
    }

    /// A known 二级指标 name, with or without its 指标 suffix.
    static func isLevel2Name(_ text: String) -> Bool {
        let n = NormalizedText(text)
        guard !n.isEmpty else { return false }
        guard n.hasSuffix(indicatorSuffix) else { return level2Names.contains(n) }
        let bytes = n.string.utf8
        let stem = String(decoding: bytes.prefix(bytes.count - indicatorSuffix.string.utf8.count), as: UTF8.self)
        return level2Names.contains(NormalizedText(normalized: stem))
    }

    /// `Vocabulary.level1Names`, `level2Names` and `indicatorSuffix`, compared as written.
    private static let level1Names = Vocabulary.level1Names.map { NormalizedText(normalized: $0) }
    private static let level2Names = Vocabulary.level2Names.map { NormalizedText(normalized: $0) }
    private static let indicatorSuffix = NormalizedText(normalized: Vocabulary.indicatorSuffix)
}
