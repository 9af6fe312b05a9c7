/// The synonyms of a table's columns (`LabelTable.indicatorColumns`, `budgetColumns`) indexed by
/// word, built once per reader, so that assigning a header row's cells looks each cell up once.
struct ColumnSynonyms<Key: Hashable & Sendable>: Sendable {
    /// The keys in the order in which they claim cells.
    let keys: [Key]
    /// Each key's synonyms, most specific first.
    let lists: [[NormalizedText]]
    /// Each word → the keys (by position in `keys`) listing it, with its first place in their list.
    private let places: [NormalizedText: [(key: Int, index: Int)]]

    init(keys: [Key], synonyms: [Key: [NormalizedText]]) {
        self.keys = keys
        self.lists = keys.map { synonyms[$0] ?? [] }
        var places: [NormalizedText: [(key: Int, index: Int)]] = [:]
        for (k, words) in lists.enumerated() {
            for (index, word) in words.enumerated() where !(places[word]?.contains { $0.key == k } ?? false) {
                places[word, default: []].append((k, index))
            }
        }
        self.places = places
    }

    /// Assigns header cells to columns: every exact match first (in the order of `keys`, the
    /// leftmost cell first), then prefix matches on the cells still free; within a rank the
    /// synonym listed first wins, then the leftmost cell. A cell matches exactly when its label or
    /// its stem is a synonym, by prefix when its stem starts with one (`LabelTable.match`).
    func assign(_ cells: [(column: Int, label: NormalizedText)]) -> [Key: Int] {
        // Exact candidates per key: (synonym's place, column), cells left to right.
        var exact = [[(index: Int, column: Int)]](repeating: [], count: keys.count)
        for cell in cells {
            var found: [Int: Int] = [:]  // key → the first place of the label or the stem in its list
            let stem = cell.label.stem
            for place in (places[cell.label] ?? []) + (stem == cell.label ? [] : places[stem] ?? []) {
                found[place.key] = min(found[place.key] ?? Int.max, place.index)
            }
            for (k, index) in found { exact[k].append((index, cell.column)) }
        }
        var taken: Set<Int> = []
        var assigned = [Int?](repeating: nil, count: keys.count)
        // Exact matches, then prefixes (a free cell has no exact match with a key still unassigned).
        for exactly in [true, false] {
            for k in keys.indices where assigned[k] == nil {
                let candidates = exactly ? exact[k] : cells.compactMap { cell in
                    taken.contains(cell.column) ? nil
                        : lists[k].firstIndex { cell.label.stem.hasPrefix($0) }.map { (index: $0, column: cell.column) }
                }
                var best: (index: Int, column: Int)? = nil
                for candidate in candidates where !taken.contains(candidate.column) && candidate.index < (best?.index ?? Int.max) {
                    best = candidate
                }
                if let best {
                    assigned[k] = best.column
                    taken.insert(best.column)
                }
            }
        }
        return Dictionary(uniqueKeysWithValues: assigned.enumerated().compactMap { k, column in column.map { (keys[k], $0) } })
    }
}
