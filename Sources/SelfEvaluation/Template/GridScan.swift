import CSV

/// Read access to a grid while the template is being recognised, remembering which cells
/// have been taken so that the rest can be reported and kept.
///
/// Every cell's label (`NormalizedText`) is computed once, when the scan is made; the reading
/// after compares those.
struct GridScan {
    let document: CSVDocument
    /// The normalized label of every cell, in the grid's shape.
    private let labels: [[NormalizedText]]
    /// Whether each cell of the grid has been taken (cells outside the grid are never listed, so
    /// taking them needs no record).
    private var consumed: [[Bool]]

    init(document: CSVDocument) {
        self.document = document
        self.labels = document.rows.map { row in row.map { NormalizedText($0) } }
        self.consumed = document.rows.map { Array(repeating: false, count: $0.count) }
    }

    var rowCount: Int { document.rows.count }

    /// The grid's rows from `start` up to `end` (excluded), empty when there are none.
    func rows(from start: Int = 1, before end: Int) -> Range<Int> { start..<max(start, min(end, rowCount + 1)) }

    func width(_ row: Int) -> Int {
        guard row >= 1, row <= document.rows.count else { return 0 }
        return document.rows[row - 1].count
    }

    func text(_ row: Int, _ column: Int) -> String { document[row, column] }

    func rowTexts(_ row: Int) -> [String] {
        guard row >= 1, row <= document.rows.count else { return [] }
        return document.rows[row - 1]
    }

    /// The normalized label of a cell (empty outside the grid).
    func label(_ row: Int, _ column: Int) -> NormalizedText {
        guard row >= 1, row <= labels.count, column >= 1, column <= labels[row - 1].count else {
            return .empty
        }
        return labels[row - 1][column - 1]
    }

    /// The normalized labels of `row`'s cells.
    func rowLabels(_ row: Int) -> [NormalizedText] {
        guard row >= 1, row <= labels.count else { return [] }
        return labels[row - 1]
    }

    private static let yearSuffix = NormalizedText(Vocabulary.yearSuffix)

    mutating func consume(_ row: Int, _ column: Int) {
        guard row >= 1, row <= consumed.count, column >= 1, column <= consumed[row - 1].count else { return }
        consumed[row - 1][column - 1] = true
    }
    mutating func consume(_ cell: CellAddress) { consume(cell.row, cell.column) }

    /// Takes a cell: marks it taken and returns its trimmed text where it is.
    mutating func take(_ row: Int, _ column: Int) -> Located<String> {
        consume(row, column)
        return Located(LabelText.trim(text(row, column)), at: CellAddress(row: row, column: column))
    }

    /// Takes every non-empty cell of `row`.
    mutating func consumeRow(_ row: Int) {
        for column in 1...max(1, width(row)) where !text(row, column).isEmpty { consume(row, column) }
    }

    /// Whether a cell has been taken.
    func isConsumed(_ row: Int, _ column: Int) -> Bool {
        guard row >= 1, row <= consumed.count, column >= 1, column <= consumed[row - 1].count else { return false }
        return consumed[row - 1][column - 1]
    }

    /// The first column of `row` whose text satisfies `predicate`.
    func column(in row: Int, where predicate: (String) -> Bool) -> Int? {
        rowTexts(row).firstIndex(where: { !$0.isEmpty && predicate($0) }).map { $0 + 1 }
    }

    /// The first column of `row` with a non-empty text whose label satisfies `predicate`.
    func column(in row: Int, whereLabel predicate: (NormalizedText) -> Bool) -> Int? {
        guard row >= 1, row <= labels.count else { return nil }
        let texts = document.rows[row - 1]
        let rowLabels = labels[row - 1]
        for index in rowLabels.indices where !texts[index].isEmpty && predicate(rowLabels[index]) {
            return index + 1
        }
        return nil
    }

    /// The first column of `row` whose label starts with `prefix`.
    func column(in row: Int, labelStartingWith prefix: NormalizedText) -> Int? {
        column(in: row, whereLabel: { $0.hasPrefix(prefix) })
    }

    /// The first row before `end` whose labels satisfy `predicate`.
    func findRow(before end: Int, whereLabels predicate: ([NormalizedText]) -> Bool) -> Int? {
        rows(before: end).first { predicate(labels[$0 - 1]) }
    }

    /// The first cell before row `end` whose normalized text equals `label`.
    func findLabel(_ label: String, before end: Int) -> CellAddress? {
        let want = NormalizedText(label)
        guard let row = findRow(before: end, whereLabels: { $0.contains(want) }),
              let col = column(in: row, whereLabel: { $0 == want }) else { return nil }
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

    /// The title: the first cell before `end` that contains "自评表".
    func findTitle(before end: Int) -> Located<String>? {
        for row in rows(before: end) {
            if let col = column(in: row, where: { $0.contains(Vocabulary.formTitleMarker) }) {
                // A text rendering may mark the title as a heading ("## 部门整体…").
                let title = LabelText.trim(String(LabelText.trim(text(row, col)).drop { $0 == "#" }))
                return Located(title, at: CellAddress(row: row, column: col))
            }
        }
        return nil
    }

    /// The year: "(2023年度)" in a cell of its own, or "2023年度" inside the title.
    ///
    /// A cell whose label does not hold 年度 is passed over unsearched: the label is the text in
    /// NFC without white space, so it holds 年度 wherever the text does.
    func findYear(before end: Int) -> Located<Int>? {
        for row in rows(before: end) {
            for (i, t) in rowTexts(row).enumerated() where labels[row - 1][i].contains(GridScan.yearSuffix) {
                if let year = YearText.yearBefore(Vocabulary.yearSuffix, in: t) {
                    return Located(year, at: CellAddress(row: row, column: i + 1))
                }
            }
        }
        return nil
    }

    /// Every non-empty cell not taken by the template.
    func unconsumedCells() -> [Located<String>] {
        var out: [Located<String>] = []
        for (r, row) in document.rows.enumerated() {
            for (c, t) in row.enumerated() where !consumed[r][c] && !LabelText.trim(t).isEmpty {
                out.append(Located(t, at: CellAddress(row: r + 1, column: c + 1)))
            }
        }
        return out
    }
}
