extension LabelTable {
    /// Labels that open the breakdown notes under a money table's total row (湖南's 部门整体 form:
    /// "按收入性质分:" | "按支出性质分:", then "其中: 一般公共预算:…", "政府性基金拨款:…", "项目支出:…"):
    /// text rows, not money rows. From the first of them to the goals, the rows are kept as they
    /// are and not read as amounts. Stored normalised.
    static let budgetNoteLabels: [NormalizedText] = ["按收入性质分", "按支出性质分"]

    /// Whether a cell's label opens the breakdown notes.
    static func opensBudgetNotes(_ label: NormalizedText) -> Bool {
        budgetNoteLabels.contains { label.hasPrefix($0) }
    }
}
