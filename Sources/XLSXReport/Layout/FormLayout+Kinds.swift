import Foundation
import SelfEvaluation

/// Each cell's kind (title, heading, label, text, number …), from the form's cells and its structure.
extension FormLayout {
    // MARK: Kinds

    private mutating func setKind(_ cell: CellAddress?, _ kind: FormCellKind) {
        guard let cell, cell.row >= 1, cell.column >= 1 else { return }
        kinds[SheetCell(row: cell.row - 1, column: cell.column - 1)] = kind
    }

    private mutating func setKind(row: Int, column: Int?, _ kind: FormCellKind) {
        guard let column else { return }
        setKind(CellAddress(row: row, column: column), kind)
    }

    mutating func assignKinds(_ form: Form) {
        let last = form.tableLastColumn
        setKind(form.title?.cell, .title)
        if let yearRow = form.yearRow {
            // The year may be written inside the title cell ("2023年度项目支出绩效自评表"): that stays the title.
            for column in 1...columnCount where !isEmpty(yearRow, column)
            && CellAddress(row: yearRow, column: column) != form.title?.cell {
                setKind(row: yearRow, column: column, .subtitle)
            }
        }
        if let seal = form.sealCell { setKind(seal, .preamble) }
        if let filled = form.filledOn?.cell, let first = form.tableFirstRow, filled.row < first { setKind(filled, .preambleRight) }
        for field in form.headerFields {
            setKind(field.label.cell, .heading)
            setKind(field.value.cell, .label)
        }
        if let budget = form.budget {
            for column in 1...max(last, 1) { setKind(row: budget.headerRow, column: column, .heading) }
            setKind(budget.sectionLabel, .heading)
            let c = budget.columns
            for row in budget.rows {
                setKind(row.name.cell, .label)
                for column in [c.initial, c.adjusted, c.executed, c.weight, c.rate, c.score] {
                    setKind(row: row.name.cell.row, column: column, .number)
                }
            }
        }
        if let labelRow = form.goalsLabels?.row {
            for column in 1...last { setKind(row: labelRow, column: column, .heading) }
        }
        if let header = form.indicatorHeader {
            for row in header.headerRows {
                for column in 1...last { setKind(row: row, column: column, .heading) }
            }
            setKind(header.sectionLabel, .heading)
            for indicator in form.indicators {
                let row = indicator.row
                setKind(row: row, column: header.level1, .label)
                setKind(row: row, column: header.level2, .label)
                setKind(indicator.level1.cell, .label)
                setKind(indicator.level2.cell, .label)
                setKind(row: row, column: header.weight, .number)
                setKind(row: row, column: header.score, .number)
                setKind(row: row, column: header.nature, .label)
                setKind(row: row, column: header.unit, .label)
            }
        }
        if let total = form.total {
            setKind(total.label, .heading)
            setKind(total.weight?.cell, .number)
            setKind(total.score?.cell, .number)
        }
        setKind(form.conclusionLabel?.cell, .heading)
        setKind(form.conclusion?.cell, .label)
        // Trailer rows inside the table: labels as headings; the values of a row of several
        // label | value pairs (项目负责人 | 财务负责人) centred, a single value (评价结论) as text.
        if let trailer = form.trailerTable {
            for row in trailer.rows {
                let labels = trailer.labelCells.filter { $0.row == row }
                for column in 1...max(last, 1) where !isEmpty(row, column) {
                    let cell = CellAddress(row: row, column: column)
                    if labels.contains(cell) {
                        setKind(cell, .heading)
                    } else if labels.count > 1 {
                        setKind(cell, .label)
                    }
                }
            }
        }
    }
}
