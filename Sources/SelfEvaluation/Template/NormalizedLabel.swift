/// A cell's label passed through `LabelText.normalize` once, with its stem; compared as
/// `NormalizedText` (bytes).
struct NormalizedLabel: Sendable, Equatable {
    /// The normalized text.
    let text: NormalizedText
    /// The text without its bracketed parts (`LabelTable.stem`), computed once.
    let stem: NormalizedText

    /// Wraps a text that is already normalized (or a literal compared as written).
    init(normalized text: String) {
        self.text = NormalizedText(normalized: text)
        self.stem = LabelTable.stem(self.text)
    }

    /// Normalizes `text` with `LabelText.normalize`; the stem is the text itself unless the
    /// normalized text holds a bracket.
    init(_ text: String) {
        let (normalized, bracketed) = LabelText.normalizeNotingBrackets(text)
        self.text = NormalizedText(normalized: normalized)
        self.stem = bracketed ? LabelTable.stem(self.text) : self.text
    }

    var isEmpty: Bool { text.isEmpty }

    /// `text == other.text`.
    func equals(_ other: NormalizedLabel) -> Bool { text == other.text }

    /// `text.hasPrefix(prefix.text)`.
    func hasPrefix(_ prefix: NormalizedLabel) -> Bool { text.hasPrefix(prefix.text) }

    /// `text.hasSuffix(suffix.text)`.
    func hasSuffix(_ suffix: NormalizedLabel) -> Bool { text.hasSuffix(suffix.text) }

    /// Whether the text or its stem is one of `words` (`LabelTable.match` rank 0, no prefix looked for).
    func isNamed(by words: [NormalizedText]) -> Bool { words.contains(text) || words.contains(stem) }

    /// Whether it equals one of `labels`.
    func isAny(of labels: [NormalizedLabel]) -> Bool { labels.contains { equals($0) } }

    /// Whether it starts with one of `prefixes`.
    func startsWithAny(of prefixes: [NormalizedLabel]) -> Bool { prefixes.contains { hasPrefix($0) } }
}

/// The template vocabulary as `NormalizedLabel`s, built once: `normalized` entries are passed
/// through `LabelText.normalize` (as the reader did for each comparison), `literal` entries are
/// compared as written (as the reader compared them).
enum TemplateLabels {
    static let unitSeal = NormalizedLabel(Vocabulary.unitSealLabel)
    static let filledOn = NormalizedLabel(normalized: Vocabulary.filledOnLabel)
    static let unitNames = Vocabulary.unitNameLabels.map { NormalizedLabel($0) }
    static let projectHeaders = Vocabulary.projectHeaderLabels.map { NormalizedLabel($0) }
    /// What `headerValue` refuses as a value: the next label.
    static let headerLabels = unitNames + projectHeaders + [NormalizedLabel(Vocabulary.filledOnLabel)]
    static let projectName = NormalizedLabel(Vocabulary.projectNameLabel)
    static let budgetSections = Vocabulary.budgetSectionLabels.map { NormalizedLabel($0) }
    static let budgetTotalLiteral = NormalizedLabel(normalized: Vocabulary.budgetTotalLabel)
    static let budgetTotal = NormalizedLabel(Vocabulary.budgetTotalLabel)
    static let goalsSection = NormalizedLabel(normalized: Vocabulary.goalsSectionLabel)
    static let goalsExpected = NormalizedLabel(normalized: Vocabulary.goalsExpectedLabel)
    static let goalsActual = NormalizedLabel(normalized: Vocabulary.goalsActualLabel)
    static let level1 = NormalizedLabel(Vocabulary.level1Label)
    static let target = NormalizedLabel(Vocabulary.targetLabel)
    static let targetSub = NormalizedLabel(normalized: Vocabulary.targetValueSubLabel)
    static let targetSubOpen = NormalizedLabel(normalized: Vocabulary.targetValueSubLabel + "(")
    static let indicatorSection = NormalizedLabel(normalized: Vocabulary.indicatorSectionLabel)
    static let total = NormalizedLabel(normalized: Vocabulary.totalLabel)
    static let conclusions = Vocabulary.conclusionLabels.map { NormalizedLabel(normalized: $0) }
    static let trailers = Vocabulary.trailerLabels.map { NormalizedLabel(normalized: $0) }
    static let contact = NormalizedLabel(normalized: Vocabulary.contactLabel)
    static let notesColon = NormalizedLabel(normalized: Vocabulary.notesPrefix + ":")
    static let notesOne = NormalizedLabel(normalized: Vocabulary.notesPrefix + "1")
    static let narrativeConclusion = NormalizedLabel(normalized: Vocabulary.narrativeConclusionLabel)
}
