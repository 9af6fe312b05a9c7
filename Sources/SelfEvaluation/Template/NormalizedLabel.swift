/// A label already passed through `LabelText.normalize`, with fast comparisons: when both
/// sides are made of simple scalars (see `SimpleScalar`), `==` and `hasPrefix` compare UTF-8
/// bytes, which then agrees with `String`'s canonical-equivalence comparison; otherwise they
/// fall back to `String`'s own comparison.
struct NormalizedLabel: Sendable {
    /// The normalized text.
    let text: String
    /// Whether `text` holds simple scalars only.
    let isSimple: Bool

    /// Wraps a text that is already normalized (or a literal compared as written).
    init(normalized text: String) {
        self.text = text
        self.isSimple = SimpleScalar.isSimple(text)
    }

    /// Normalizes `text` with `LabelText.normalize`.
    init(_ text: String) {
        (self.text, self.isSimple) = LabelText.normalizeReportingSimple(text)
    }

    var isEmpty: Bool { text.isEmpty }

    /// `text == other.text`.
    func equals(_ other: NormalizedLabel) -> Bool {
        guard isSimple && other.isSimple else { return text == other.text }
        return UTF8Bytes.equal(text, other.text)
    }

    /// `text.hasPrefix(prefix.text)`.
    func hasPrefix(_ prefix: NormalizedLabel) -> Bool {
        guard isSimple && prefix.isSimple else { return text.hasPrefix(prefix.text) }
        return UTF8Bytes.hasPrefix(text, prefix.text)
    }

    /// `text.hasSuffix(suffix.text)`.
    func hasSuffix(_ suffix: NormalizedLabel) -> Bool {
        guard isSimple && suffix.isSimple else { return text.hasSuffix(suffix.text) }
        return UTF8Bytes.hasSuffix(text, suffix.text)
    }

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
    static let budgetAdjusted = NormalizedLabel(Vocabulary.budgetAdjustedLabel)
    static let budgetExecuted = NormalizedLabel(Vocabulary.budgetExecutedLabel)
    static let budgetSections = Vocabulary.budgetSectionLabels.map { NormalizedLabel($0) }
    static let budgetTotalLiteral = NormalizedLabel(normalized: Vocabulary.budgetTotalLabel)
    static let budgetTotal = NormalizedLabel(Vocabulary.budgetTotalLabel)
    static let goalsSection = NormalizedLabel(normalized: Vocabulary.goalsSectionLabel)
    static let goalsExpected = NormalizedLabel(normalized: Vocabulary.goalsExpectedLabel)
    static let goalsActual = NormalizedLabel(normalized: Vocabulary.goalsActualLabel)
    static let level1 = NormalizedLabel(Vocabulary.level1Label)
    static let level1Literal = NormalizedLabel(normalized: Vocabulary.level1Label)
    static let level2Literal = NormalizedLabel(normalized: Vocabulary.level2Label)
    static let level3Literal = NormalizedLabel(normalized: Vocabulary.level3Label)
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
