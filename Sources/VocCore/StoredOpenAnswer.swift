/// One stored open answer as an account's question tallies read it: its record's account key and e-mail (to resolve
/// through the directory), its question and place among the record's answers, and its sentiment.
public struct StoredOpenAnswer: Sendable, Hashable {
    public var accountID: String?
    public var respondentEmail: String?
    public var question: String
    public var ordinal: Int
    public var sentiment: Double?
    public var label: SentimentLabel?

    public init(accountID: String?, respondentEmail: String?, question: String, ordinal: Int, sentiment: Double?, label: SentimentLabel?) {
        self.accountID = accountID
        self.respondentEmail = respondentEmail
        self.question = question
        self.ordinal = ordinal
        self.sentiment = sentiment
        self.label = label
    }
}
