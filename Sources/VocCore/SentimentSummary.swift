/// What the text stage concluded about a record's comment: stored with the record.
public struct SentimentSummary: Sendable, Hashable, Codable {
    /// −1…1.
    public var compound: Double
    public var label: SentimentLabel
    public var churn: Bool
    public var effort: Bool
    public var topics: [String]

    public init(compound: Double, label: SentimentLabel, churn: Bool, effort: Bool, topics: [String]) {
        self.compound = compound
        self.label = label
        self.churn = churn
        self.effort = effort
        self.topics = topics
    }
}
