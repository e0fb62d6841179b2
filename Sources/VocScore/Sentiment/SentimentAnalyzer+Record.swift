public import VocCore

extension SentimentAnalyzer {
    /// Scores a record's comment in its declared language (identified when it has none) and stores the outcome
    /// on the record. Records without a comment are left as they are.
    ///
    /// A response with several open questions has each answer scored on its own, in the language of all of them:
    /// a "but" that opens one answer does not discount the answer before it, which belongs to another question. The
    /// response's compound is the normalized sum of its answers' valences (what one comment of those items would
    /// score, so a bare "No" to "anything else?" does not dilute it); its signals and topics are any answer's.
    /// An e-mail's envelope learns whether the customer says the problem goes on (`saysStillUnresolved`).
    public func enrich(_ record: inout FeedbackRecord) {
        guard let comment = record.comment else { return }
        guard !record.answers.isEmpty else {
            let isMail = record.mail != nil
            let (language, _, summary, stillUnresolved) = summary(of: comment, language: record.language, matchingStillUnresolved: isMail)
            if record.language == nil { record.language = language }
            record.sentiment = summary
            if isMail { record.mail?.stillUnresolved = stillUnresolved }
            return
        }
        let language = record.language.flatMap { model.rules(for: $0) == nil ? nil : $0 } ?? identify(comment)
        if record.language == nil { record.language = language }
        var valence = 0.0, churn = false, effort = false
        var topics: Set<String> = []
        for index in record.answers.indices {
            let (_, sum, summary, _) = summary(of: record.answers[index].text, language: language)
            record.answers[index].sentiment = summary
            valence += sum
            churn = churn || summary.churn
            effort = effort || summary.effort
            topics.formUnion(summary.topics)
        }
        let compound = SentimentResult.normalize(valence)
        record.sentiment = SentimentSummary(compound: compound, label: SentimentResult.label(for: compound), churn: churn, effort: effort,
                                            topics: topics.sorted())
    }

    /// What ingest stores of `analyze`: the same compound, label and signals, and the language, without building the
    /// trace's texts and steps or the proportions: `voc bench sentiment --summary` 243-258k texts/s against 227-231k for
    /// `analyze` (one core, BENCHMARKS.md).
    public func summarize(_ text: String, language declared: String? = nil) -> (language: String, summary: SentimentSummary) {
        let (language, _, summary, _) = summary(of: text, language: declared)
        return (language, summary)
    }

    /// `summarize`, with the sum of the items' valences that the compound normalizes, and (when asked, for e-mail)
    /// whether a still-unresolved phrase occurs (`saysStillUnresolved`, on the same tokens).
    private func summary(of text: String, language declared: String?,
                         matchingStillUnresolved: Bool = false) -> (language: String, valence: Double, summary: SentimentSummary, stillUnresolved: Bool) {
        let (guess, context, items, effort) = score(text, language: declared, explains: false)
        let valence = items.reduce(0) { $0 + $1.contribution }
        let compound = SentimentResult.normalize(valence)
        // The indexes are read in place: a local copy of the lexicon retained and released all its tables.
        let rules = context.rules
        return (guess.language, valence, SentimentSummary(
            compound: compound, label: SentimentResult.label(for: compound),
            churn: context.hasMatch(rules.lexicon.churn, .churn), effort: effort,
            topics: Self.distinctSorted(context.matchValues(rules.lexicon.topics, .topic))),
                matchingStillUnresolved && context.hasMatch(rules.lexicon.stillUnresolved, .stillUnresolved))
    }
}
