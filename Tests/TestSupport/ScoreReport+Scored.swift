import SelfEvaluation

extension ScoreReport {
    /// The report of a scored form, its warnings those of the scorer (the tests' shorthand).
    public init(_ scored: ScoredForm) {
        self.init(scored, diagnostics: scored.diagnostics)
    }
}
