/// Values by 0-based cell, stored flat for the cells of a `rows` × `columns` grid (a layout looks
/// every cell up several times; hashing a `SheetCell` for each showed in profiles) and in a
/// dictionary for any cell outside it.
struct CellGrid<Value: Sendable>: Sendable {
    private let rows: Int
    private let columns: Int
    private var flat: [Value?]
    private var outside: [SheetCell: Value] = [:]

    init(rows: Int, columns: Int) {
        self.rows = max(rows, 0)
        self.columns = max(columns, 0)
        flat = Array(repeating: nil, count: self.rows * self.columns)
    }

    subscript(cell: SheetCell) -> Value? {
        get {
            if let index = index(cell) { return flat[index] }
            return outside[cell]
        }
        set {
            if let index = index(cell) {
                flat[index] = newValue
            } else {
                outside[cell] = newValue
            }
        }
    }

    private func index(_ cell: SheetCell) -> Int? {
        guard cell.row >= 0, cell.row < rows, cell.column >= 0, cell.column < columns else { return nil }
        return cell.row * columns + cell.column
    }
}
