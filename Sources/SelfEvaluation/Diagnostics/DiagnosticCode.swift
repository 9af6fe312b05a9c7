import CSV

/// Every stable code of a finding or an error about a form, a file or an output, printed as `[code]`
/// (stderr, the 汇总表, report.json, the pages). The raw value is the code; scripts match on it, so
/// a raw value never changes. Usage errors and the web server's request errors keep their own words.
///
/// The CSV and spreadsheet readers sit below this module and keep their own codes
/// (`CSVError.Kind`, `SpreadsheetError.code`); the same codes are listed here, under the same
/// names, because a file's reading error reaches the user as a ``Diagnostic`` (``init(_:)``).
/// The README's table of codes ("Diagnostics and exit status") lists exactly these.
public enum DiagnosticCode: String, Sendable, CaseIterable, Codable, CustomStringConvertible {
    // MARK: Reading a file (CSV layer: `CSVError.Kind`)
    case unterminatedQuote = "unterminated-quote"
    case invalidEncoding = "invalid-encoding"
    case mixedEncoding = "mixed-encoding"
    case nulByte = "nul-byte"
    case emptyFile = "empty-file"
    case fileTooLarge = "file-too-large"
    case tooManyRows = "too-many-rows"
    case tooManyColumns = "too-many-columns"
    case cellTooLong = "cell-too-long"
    case unreadableFile = "unreadable-file"

    // MARK: Reading a workbook (spreadsheet layer: `SpreadsheetError.code`)
    case notASpreadsheet = "not-a-spreadsheet"
    case encryptedWorkbook = "encrypted-workbook"
    case xlsxCorrupt = "xlsx-corrupt"
    case xlsxTruncated = "xlsx-truncated"
    case xlsxTooManyEntries = "xlsx-too-many-entries"
    case zipBomb = "zip-bomb"
    case xmlForbidden = "xml-forbidden"
    case xmlMalformed = "xml-malformed"
    case sharedStringOutOfRange = "shared-string-out-of-range"
    case xlsUnreadable = "xls-unreadable"
    case sheetNotFound = "sheet-not-found"

    // MARK: Finding the form
    case notARegularFile = "not-a-regular-file"
    case noFormSheet = "no-form-sheet"
    case severalForms = "several-forms"
    case notAForm = "not-a-form"
    case missingIndicatorHeader = "missing-indicator-header"
    case missingColumn = "missing-column"
    case noIndicators = "no-indicators"
    case budgetUnreadable = "budget-unreadable"
    case missingYear = "missing-year"
    case missingUnit = "missing-unit"
    case cellNotRecognised = "cell-not-recognised"
    case rowRealigned = "row-realigned"
    case xmlInvalidCharacter = "xml-invalid-character"
    case unknownLevel1 = "unknown-level1"
    case unknownLevel2 = "unknown-level2"
    case level1FromSection = "level1-from-section"
    case level1Unnamed = "level1-unnamed"
    case level1Inferred = "level1-inferred"
    case indicatorWithoutLevel = "indicator-without-level"
    case weightFromScore = "weight-from-score"
    case weightFromSection = "weight-from-section"

    // MARK: Scoring the budget (预算执行率)
    case budgetMissing = "budget-missing"
    case budgetZero = "budget-zero"
    case budgetNegative = "budget-negative"
    case budgetAmountInvalid = "budget-amount-invalid"
    case budgetSumMismatch = "budget-sum-mismatch"
    case budgetTotalFromParts = "budget-total-from-parts"
    case executionRateWeight = "execution-rate-weight"
    case executionWeightIsTotal = "execution-weight-is-total"
    case printedRateMismatch = "printed-rate-mismatch"
    case rateFromPrint = "rate-from-print"
    case budgetScoreReplaced = "budget-score-replaced"

    // MARK: Scoring an indicator
    case missingWeight = "missing-weight"
    case weightInvalid = "weight-invalid"
    case weightNegative = "weight-negative"
    case weightZero = "weight-zero"
    case scoreInvalid = "score-invalid"
    case scoreAboveWeight = "score-above-weight"
    case scoreReplaced = "score-replaced"
    case scoreOutsideTier = "score-outside-tier"
    case actualMissing = "actual-missing"
    case actualNotQuantity = "actual-not-quantity"
    case unitMismatch = "unit-mismatch"
    case valueNotGiven = "value-not-given"
    case valueUnread = "value-unread"
    case targetImplied = "target-implied"
    case overAchievement = "over-achievement"
    case tierUnplaceable = "tier-unplaceable"
    case directionContradiction = "direction-contradiction"
    case operatorContradiction = "operator-contradiction"
    case directionInferred = "direction-inferred"
    case reasonGenerated = "reason-generated"
    case rulesAmbiguous = "rules-ambiguous"

    // MARK: Totals and checks of the whole form
    case weightsNot100 = "weights-not-100"
    case labelPointsMismatch = "label-points-mismatch"
    case sectionWeightOverridden = "section-weight-overridden"
    case printedTotalMismatch = "printed-total-mismatch"
    case printedTotalWeightMismatch = "printed-total-weight-mismatch"
    case printedGradeMismatch = "printed-grade-mismatch"
    case statedTotalMismatch = "stated-total-mismatch"
    case notFilled = "not-filled"
    case duplicateIndicator = "duplicate-indicator"
    case filledOnYear = "filled-on-year"
    case yearInText = "year-in-text"

    // MARK: Writing, and the program's own
    case outputExists = "output-exists"
    case outputNotRegular = "output-not-regular"
    case outputIsInput = "output-is-input"
    case writeFailed = "write-failed"
    case earlierRun = "earlier-run"
    case reportShortened = "report-shortened"
    case unreadablePath = "unreadable-path"
    case undecodableName = "undecodable-name"
    case pathTooLong = "path-too-long"
    case stdoutWriteFailed = "stdout-write-failed"
    case stderrWriteFailed = "stderr-write-failed"
    case argumentNotUTF8 = "argument-not-utf8"
    case badSourceDateEpoch = "bad-source-date-epoch"
    case formNotFound = "form-not-found"
    case storeFailed = "store-failed"

    /// Whether a finding with this code is a note, not a warning: routine, nothing for the
    /// reviewer to do. Errors are never downgraded.
    public var isNote: Bool {
        switch self {
        case .overAchievement,          // 超额完成: scored in full, the target may be low
             .rowRealigned,             // a row of a converted document moved back into its columns
             .directionInferred,        // 正向/反向 taken from the indicator's words
             .cellNotRecognised,        // a cell that belongs nowhere: kept and written out as it was
             .valueNotGiven,            // a lone mark ("—", "无") read as blank
             .targetImplied,            // an execution-rate indicator scored against 100%
             .sectionWeightOverridden,  // --rules gives a section another weight than its label
             .level1FromSection:        // a 一级 cell that states only its points, named from its place
            true
        default:
            false
        }
    }

    /// The code as printed.
    public var description: String { rawValue }

    /// The code of a CSV reading error: the same raw value (`DiagnosticCodeTests` checks every kind).
    public init(_ kind: CSVError.Kind) {
        self = DiagnosticCode(rawValue: kind.rawValue) ?? .unreadableFile
    }

    /// The code of a workbook reading error (`SpreadsheetError.code`, a string in that layer).
    /// Every code the spreadsheet reader throws is listed here (`DiagnosticCodeTests` reads its
    /// sources); one that is not would read as `xlsx-corrupt`.
    public init(spreadsheet code: String) {
        self = DiagnosticCode(rawValue: code) ?? .xlsxCorrupt
    }
}
