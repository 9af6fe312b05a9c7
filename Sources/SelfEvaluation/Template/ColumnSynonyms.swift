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
    /// its stem is a synonym, by prefix when its stem starts with one (`LabelTable.rank`).
    func assign(_ cells: [(column: Int, label: NormalizedText, stem: NormalizedText)]) -> [Key: Int] {
        // Exact candidates per key: (synonym's place, column), cells left to right.
        var exact = [[(index: Int, column: Int)]](repeating: [], count: keys.count)
        for cell in cells where !cell.label.isEmpty {
            var found: [(key: Int, index: Int)] = places[cell.label] ?? []
            if cell.stem != cell.label {
                for place in places[cell.stem] ?? [] {
                    if let i = found.firstIndex(where: { $0.key == place.key }) {
                        found[i].index = min(found[i].index, place.index)
                    } else {
                        found.append(place)
                    }
                }
            }
            for place in found { exact[place.key].append((place.index, cell.column)) }
        }
        var taken: Set<Int> = []
        var assigned = [Int?](repeating: nil, count: keys.count)
        for k in keys.indices {
            var best: (index: Int, column: Int)? = nil
            for candidate in exact[k] where !taken.contains(candidate.column) && candidate.index < (best?.index ?? Int.max) {
                best = candidate
            }
            if let best {
                assigned[k] = best.column
                taken.insert(best.column)
            }
        }
        // Prefix matches: a free cell has no exact match with a key still unassigned.
        for k in keys.indices where assigned[k] == nil {
            var best: (index: Int, column: Int)? = nil
            for cell in cells where !cell.label.isEmpty && !taken.contains(cell.column) {
                guard let index = lists[k].firstIndex(where: { !$0.isEmpty && cell.stem.hasPrefix($0) }),
                      index < (best?.index ?? Int.max) else { continue }
                best = (index, cell.column)
            }
            if let best {
                assigned[k] = best.column
                taken.insert(best.column)
            }
        }
        var out: [Key: Int] = [:]
        for (k, column) in assigned.enumerated() { if let column { out[keys[k]] = column } }
        return out
    }
}
