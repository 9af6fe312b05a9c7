/// The template vocabulary as `NormalizedText`s, built once: most entries are passed through
/// `LabelText.normalize`; those made with `normalized:` are compared as written (a trailing
/// colon kept: "注:").
enum TemplateLabels {
    static let unitSeal = NormalizedText(Vocabulary.unitSealLabel)
    static let filledOn = NormalizedText(normalized: Vocabulary.filledOnLabel)
    static let unitNames = Vocabulary.unitNameLabels.map { NormalizedText($0) }
    static let projectHeaders = Vocabulary.projectHeaderLabels.map { NormalizedText($0) }
    /// What `headerValue` refuses as a value: the next label.
    static let headerLabels = unitNames + projectHeaders + [NormalizedText(Vocabulary.filledOnLabel)]
    static let projectName = NormalizedText(Vocabulary.projectNameLabel)
    static let budgetSections = Vocabulary.budgetSectionLabels.map { NormalizedText($0) }
    static let budgetTotalLiteral = NormalizedText(normalized: Vocabulary.budgetTotalLabel)
    static let budgetTotal = NormalizedText(Vocabulary.budgetTotalLabel)
    static let goalsSection = NormalizedText(normalized: Vocabulary.goalsSectionLabel)
    static let goalsExpected = NormalizedText(normalized: Vocabulary.goalsExpectedLabel)
    static let goalsActual = NormalizedText(normalized: Vocabulary.goalsActualLabel)
    static let level1 = NormalizedText(Vocabulary.level1Label)
    static let target = NormalizedText(Vocabulary.targetLabel)
    static let targetSub = NormalizedText(normalized: Vocabulary.targetValueSubLabel)
    static let targetSubOpen = NormalizedText(normalized: Vocabulary.targetValueSubLabel + "(")
    static let indicatorSection = NormalizedText(normalized: Vocabulary.indicatorSectionLabel)
    static let total = NormalizedText(normalized: Vocabulary.totalLabel)
    static let conclusions = Vocabulary.conclusionLabels.map { NormalizedText(normalized: $0) }
    static let trailers = Vocabulary.trailerLabels.map { NormalizedText(normalized: $0) }
    static let contact = NormalizedText(normalized: Vocabulary.contactLabel)
    static let notesColon = NormalizedText(normalized: Vocabulary.notesPrefix + ":")
    static let notesOne = NormalizedText(normalized: Vocabulary.notesPrefix + "1")
    static let narrativeConclusion = NormalizedText(normalized: Vocabulary.narrativeConclusionLabel)
}
