import CSV
import SelfEvaluation

/// Reads a form from a file: bytes → grid → form, with the warnings found on the way.
public struct FormLoader: Sendable {
    public var encoding: EncodingChoice
    public var template: TemplateKind?
    public var limits: CSVLimits
    /// The labels recognised (`--layout FILE.json` extends the built-in table).
    public var labels: LabelTable

    public init(encoding: EncodingChoice = .auto, template: TemplateKind? = nil, limits: CSVLimits = .default,
                labels: LabelTable = .builtIn) {
        self.encoding = encoding
        self.template = template
        self.limits = limits
        self.labels = labels
    }

    /// A form read from a file, with its warnings.
    public struct Loaded: Sendable {
        public var form: Form
        public var diagnostics: [Diagnostic]
    }

    /// Reads and recognises the form at `path`; a bad file throws its first error with its place.
    public func load(path: String) throws(FormError) -> Loaded {
        let document: CSVDocument
        do {
            // Scored CSVs written by selfeval protect formula-like text with an apostrophe.
            document = try CSVReader(encoding: encoding, limits: limits, unprotectFormulas: true).read(contentsOf: path)
        } catch {
            throw FormError(error)
        }
        return try load(document: document)
    }

    /// Recognises the form in an already decoded grid.
    public func load(document: CSVDocument) throws(FormError) -> Loaded {
        let (form, diagnostics) = try TemplateReader(template: template, labels: labels).read(document)
        return Loaded(form: form, diagnostics: diagnostics)
    }
}
