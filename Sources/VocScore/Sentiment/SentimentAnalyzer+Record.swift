public import VocCore

extension SentimentAnalyzer {
    /// Scores a record's comment in its declared language (identified when it has none) and stores the outcome
    /// on the record. Records without a comment are left as they are.
    public func enrich(_ record: inout FeedbackRecord) {
        guard let comment = record.comment else { return }
        let (language, summary) = summarize(comment, language: record.language)
        if record.language == nil { record.language = language }
        record.sentiment = summary
    }

    /// What ingest stores of `analyze`: the same compound, label and signals, and the language, without building the
    /// trace's texts and steps or the proportions: `voc bench sentiment --summary` 243-258k texts/s against 227-231k for
    /// `analyze` (one core, BENCHMARKS.md).
    public func summarize(_ text: String, language declared: String? = nil) -> (language: String, summary: SentimentSummary) {
        let (guess, context, items, effort) = score(text, language: declared, explains: false)
        let compound = SentimentResult.normalize(items.reduce(0) { $0 + $1.contribution })
        // The indexes are read in place: a local copy of the lexicon retained and released all its tables.
        let rules = context.rules
        return (guess.language, SentimentSummary(
            compound: compound, label: SentimentResult.label(for: compound),
            churn: context.hasMatch(rules.lexicon.churn, .churn), effort: effort,
            topics: Self.distinctSorted(context.matchValues(rules.lexicon.topics, .topic))))
    }
}
