import CSV

/// Read access to a grid while the template is being recognised, remembering which cells
/// have been taken so that the rest can be reported and kept.
struct GridScan {
    let document: CSVDocument
    private var consumed: Set<CellAddress> = []

    init(document: CSVDocument) {
        self.document = document
    }

    var rowCount: Int { document.rows.count }

    func width(_ row: Int) -> Int {
        guard row >= 1, row <= document.rows.count else { return 0 }
        return document.rows[row - 1].count
    }

    func text(_ row: Int, _ column: Int) -> String { document[row, column] }

    func rowTexts(_ row: Int) -> [String] {
        guard row >= 1, row <= document.rows.count else { return [] }
        return document.rows[row - 1]
    }

    mutating func consume(_ row: Int, _ column: Int) { consumed.insert(CellAddress(row: row, column: column)) }
    mutating func consume(_ cell: CellAddress) { consumed.insert(cell) }

    /// The first column of `row` whose text satisfies `predicate`.
    func column(in row: Int, where predicate: (String) -> Bool) -> Int? {
        rowTexts(row).firstIndex(where: { !$0.isEmpty && predicate($0) }).map { $0 + 1 }
    }

    /// The first row before `end` whose texts satisfy `predicate`.
    func findRow(before end: Int, where predicate: ([String]) -> Bool) -> Int? {
        var row = 1
        while row < end && row <= rowCount {
            if predicate(rowTexts(row)) { return row }
            row += 1
        }
        return nil
    }

    /// The first cell before row `end` whose normalized text equals `label`.
    func findLabel(_ label: String, before end: Int) -> CellAddress? {
        let want = LabelText.normalize(label)
        guard let row = findRow(before: end, where: { $0.contains { LabelText.normalize($0) == want } }),
              let col = column(in: row, where: { LabelText.normalize($0) == want }) else { return nil }
        return CellAddress(row: row, column: col)
    }

    /// The first non-empty cell of `row` after `column`.
    func nextValue(_ row: Int, after column: Int) -> Located<String>? {
        firstValue(row, from: column + 1, upTo: width(row) + 1)
    }

    /// The first non-empty cell of `row` in `from..<upTo`.
    func firstValue(_ row: Int, from: Int, upTo: Int) -> Located<String>? {
        guard from < upTo else { return nil }
        for c in from..<upTo {
            let t = LabelText.trim(text(row, c))
            if !t.isEmpty { return Located(t, at: CellAddress(row: row, column: c)) }
        }
        return nil
    }

    /// The indicator header: the first row holding 一级指标, 二级指标 and 三级指标.
    func findIndicatorHeader() -> Int? {
        findRow(before: rowCount + 1, where: { texts in
            let labels = Set(texts.map { LabelText.normalize($0) })
            return labels.contains(Vocabulary.level1Label) && labels.contains(Vocabulary.level2Label)
                && labels.contains(Vocabulary.level3Label)
        })
    }

    /// The title: the first cell before `end` that contains "自评表".
    func findTitle(before end: Int) -> Located<String>? {
        var row = 1
        while row < end && row <= rowCount {
            if let col = column(in: row, where: { $0.contains(Vocabulary.formTitleMarker) }) {
                return Located(LabelText.trim(text(row, col)), at: CellAddress(row: row, column: col))
            }
            row += 1
        }
        return nil
    }

    /// The year: "(2023年度)" in a cell of its own, or "2023年度" inside the title.
    func findYear(before end: Int) -> Located<Int>? {
        var row = 1
        while row < end && row <= rowCount {
            for (i, t) in rowTexts(row).enumerated() where t.contains(Vocabulary.yearSuffix) {
                if let year = YearText.yearBefore(Vocabulary.yearSuffix, in: t) {
                    return Located(year, at: CellAddress(row: row, column: i + 1))
                }
            }
            row += 1
        }
        return nil
    }

    /// Every non-empty cell not taken by the template.
    func unconsumedCells() -> [Located<String>] {
        var out: [Located<String>] = []
        for (r, row) in document.rows.enumerated() {
            for (c, t) in row.enumerated() where !LabelText.trim(t).isEmpty {
                let cell = CellAddress(row: r + 1, column: c + 1)
                if !consumed.contains(cell) { out.append(Located(t, at: cell)) }
            }
        }
        return out
    }
}
