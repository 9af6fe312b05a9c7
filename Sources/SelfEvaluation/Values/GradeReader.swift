/// Reads grades: 优秀/优 > 良好/良 > 合格/中等/中/及格 > 不合格/差/不及格.
///
/// Rule: the whole text (without surrounding quotation marks) is a grade word; or, inside a
/// longer text, a grade word stands in quotation marks ("评定等级分别为“优秀”") or directly
/// after an introducer (等级, 等次, 评为, 评定为 … optionally followed by 为/是/:) and is not
/// followed by another ideograph ("等级为优秀" counts, "优秀率" does not). If such mentions name
/// different grades ("分为“优秀”“良好”…"), the text is a description of the scale, not a grade: nil.
/// Achievement words (达标, 完成, 好, 高) are not grades.
enum GradeReader {
    static func read(_ text: ValueScalars) -> Grade? {
        // Every way below needs a grade word in the text: none can start, no grade.
        guard text.items.contains(where: gradeWordFirsts.contains) else { return nil }
        if let grade = exact(unquoted(text.items[...])) { return grade }
        var found = Set<Grade>()
        quoted(text).forEach { found.insert($0) }
        introduced(text).forEach { found.insert($0) }
        return found.count == 1 ? found.first : nil
    }

    /// The first scalar of each grade word: a text holds a grade word only if it holds one of them.
    private static let gradeWordFirsts = Set(ValueMarks.gradeWords.scalars.compactMap(\.first))

    /// The grade a whole word names, spaces around it aside.
    private static func exact(_ scalars: ArraySlice<Unicode.Scalar>) -> Grade? {
        var word = scalars
        while word.first == " " { word = word.dropFirst() }
        while word.last == " " { word = word.dropLast() }
        return ValueMarks.gradeWords.index(ofWhole: word).map { ValueWords.gradeWords[$0].grade }
    }

    /// `scalars` without one pair of surrounding quotation marks.
    private static func unquoted(_ scalars: ArraySlice<Unicode.Scalar>) -> ArraySlice<Unicode.Scalar> {
        guard scalars.count >= 2, let first = scalars.first, let last = scalars.last,
              ValueMarks.quotePairs.contains(where: { $0.open == first && $0.close == last }) else { return scalars }
        return scalars.dropFirst().dropLast()
    }

    /// Grades standing alone in quotation marks.
    private static func quoted(_ text: ValueScalars) -> [Grade] {
        var grades: [Grade] = []
        var i = 0
        while i < text.count {
            guard let pair = ValueMarks.quotePairs.first(where: { $0.open == text[i] }) else { i += 1; continue }
            guard let close = (i + 1..<text.count).first(where: { text[$0] == pair.close }) else { break }
            if let grade = exact(text.items[(i + 1)..<close]) { grades.append(grade) }
            i = close + 1
        }
        return grades
    }

    /// Grades right after an introducer word.
    private static func introduced(_ text: ValueScalars) -> [Grade] {
        var grades: [Grade] = []
        for start in 0..<text.count {
            guard let introducer = text.longestWord(of: ValueMarks.gradeIntroducers, at: start) else { continue }
            var i = text.skippingSpaces(from: start + introducer.length)
            if let link = text.longestWord(of: ValueMarks.gradeLinkWords, at: i) {
                i = text.skippingSpaces(from: i + link.length)
            }
            guard let grade = text.firstWord(of: ValueMarks.gradeWords, at: i) else { continue }
            if let after = text.at(i + grade.length), ValueScalars.isIdeograph(after) { continue }
            grades.append(ValueWords.gradeWords[grade.index].grade)
        }
        return grades
    }
}
