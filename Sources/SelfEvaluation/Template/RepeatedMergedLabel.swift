/// A merged 一级/二级指标 label as some WPS exports write it: the label repeated in every row of
/// its block instead of once in the merged range's first cell. A label equal to the block's own
/// that also stands in the cell right above it continues that block; it never starts a new one
/// (which would cut 产出指标(60分) into one block per row and report each row's 分值 against the
/// 60 points, `label-points-mismatch`), and it is not reported again (`unknown-level1` …).
///
/// A label equal to the block's but below a different cell (a group header row, a blank row, the
/// header) still starts a block, as it does in a sheet with real merges.
enum RepeatedMergedLabel {
    /// Whether `text`, at `row` of `column`, repeats the label of the current block (`current`,
    /// nil before the first block) down from the row above.
    static func continues(_ text: String, current: String?, above: String) -> Bool {
        guard let current, !text.isEmpty else { return false }
        return text == current && LabelText.trim(above) == text
    }
}
