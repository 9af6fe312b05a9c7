/// A blank 一级 cell where a new 二级 group begins: the 一级 follows from the 二级's family, not from
/// the label carried down from above (a merged cell and an empty one look alike in CSV).
///
/// 数量/质量/时效/成本 → 产出指标; 经济效益/社会效益/生态效益/环境效益/可持续影响 → 效益指标;
/// 满意度 → 满意度指标. Where the carried-down 一级 is of another known family (社会效益指标 under a
/// carried 产出指标), the group is filed under the inferred 一级 — its cell is the blank one — with a
/// `level1-inferred` warning at the 二级 cell. A carried 一级 of the same family, or one of no known
/// family (项目管理), is left as it is. Applied to the `Form` before scoring.
enum LevelInference {
    /// (二级 word, 一级 family) in the order they are tried.
    static let families: [(level2: String, level1: String)] = [
        ("数量", "产出指标"), ("质量", "产出指标"), ("时效", "产出指标"), ("成本", "产出指标"),
        ("经济效益", "效益指标"), ("社会效益", "效益指标"), ("生态效益", "效益指标"), ("环境效益", "效益指标"),
        ("可持续影响", "效益指标"), ("满意度", "满意度指标"),
    ]
    /// The word that names each 一级 family inside a label ("产出指标(50分)", "项目产出").
    static let familyWords: [(word: String, level1: String)] = [
        ("满意", "满意度指标"), ("效益", "效益指标"), ("产出", "产出指标"),
    ]

    /// The words of `families` and `familyWords`, searched in a text's NFC scalars (`WordList`),
    /// which finds what Foundation's `contains` found (seeded test, `LevelInferenceTests`).
    private static let level2Words = WordList(families.map(\.level2))
    private static let level1Words = WordList(familyWords.map(\.word))

    /// The 一级 family of the first of `families`' 二级 words `text` contains.
    static func family(ofLevel2 text: String) -> String? {
        level2Words.firstIndex(in: SearchedText(text), wholeCharacters: true).map { families[$0].level1 }
    }

    /// Whether a group of family `inferred` may sit under a 一级 of family `above`: the same family,
    /// or 满意度 under 效益 (the evaluation framework's 项目效益 holds 满意度, as 银川 forms print it).
    static func compatible(_ above: String, _ inferred: String) -> Bool {
        above == inferred || (above == "效益指标" && inferred == "满意度指标")
    }

    /// The 一级 family of the first of `familyWords` `text` contains.
    static func family(ofLevel1 text: String) -> String? {
        level1Words.firstIndex(in: SearchedText(text), wholeCharacters: true).map { familyWords[$0].level1 }
    }

    /// Re-files the rows of a new 二级 group under a blank 一级 cell; returns the warnings.
    static func apply(_ form: inout Form) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The override of the current group: (carried 一级 cell, 二级 cell) → the inferred 一级.
        var current: (level1: CellAddress, level2: CellAddress, replacement: Located<String>)?
        for i in form.indicators.indices {
            let indicator = form.indicators[i]
            let carried = indicator.level1.cell.row != indicator.row
            if let group = current, group.level1 == indicator.level1.cell, group.level2 == indicator.level2.cell {
                refile(&form.indicators[i], under: group.replacement)
                continue
            }
            current = nil
            guard carried, indicator.level2.cell.row == indicator.row,
                  let inferred = family(ofLevel2: indicator.level2.value),
                  let above = family(ofLevel1: indicator.level1.value), !compatible(above, inferred) else { continue }
            let cell = CellAddress(row: indicator.row, column: indicator.level1.cell.column)
            let replacement = Located(inferred, at: cell)
            current = (indicator.level1.cell, indicator.level2.cell, replacement)
            diagnostics.append(Diagnostic(.level1Inferred, at: form.location(indicator.level2.cell),
                                          Message.level1Inferred(
                                              level2: indicator.level2.value.trimmed, inferred: inferred,
                                              above: indicator.level1Label.trimmed)))
            refile(&form.indicators[i], under: replacement)
        }
        return diagnostics
    }

    private static func refile(_ indicator: inout Indicator, under level1: Located<String>) {
        indicator.level1 = level1
        indicator.level1Label = level1.value
        indicator.level1Points = nil
    }
}

extension LevelInference {
    enum Message {
        static func level1Inferred(level2: String, inferred: String, above: String) -> String {
            "此行一级指标为空,二级指标“\(level2)”属于\(inferred),已归入\(inferred)(上方为“\(above)”),请核实。"
        }
    }
}
