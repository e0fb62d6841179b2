public import VocCore

extension SentimentAnalyzer {
    /// Scores a record's comment in its declared language (identified when it has none) and stores the outcome
    /// on the record. Records without a comment are left as they are.
    public func enrich(_ record: inout FeedbackRecord) {
        guard let comment = record.comment else { return }
        let result = analyze(comment, language: record.language)
        if record.language == nil { record.language = result.language }
        record.sentiment = SentimentSummary(compound: result.compound, label: result.label.rawValue,
                                            churn: !result.churn.isEmpty, effort: !result.effort.isEmpty, topics: result.topics)
    }
}
