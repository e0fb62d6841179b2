public import Foundation

/// One stored feedback record, as read back for display.
public struct StoredFeedback: Sendable, Hashable {
    public var key: String
    public var channel: String
    public var position: SourcePosition
    public var responseID: String?
    public var accountID: String?
    public var accountName: String?
    public var respondentEmail: String?
    public var submittedAt: Date?
    public var nps: ScoreAnswer?
    public var csat: ScoreAnswer?
    public var ces: ScoreAnswer?
    /// The yes/no would-recommend answer (yes is `.rating(1)`).
    public var recommend: ScoreAnswer?
    public var comment: String?
    public var language: String?
    public var sentiment: SentimentSummary?
    /// E-mail: the subject and the quoted replies, forwards and signature stripped from `comment`.
    public var subject: String?
    public var quoted: String?

    public init(key: String, channel: String, position: SourcePosition, responseID: String? = nil, accountID: String? = nil, accountName: String? = nil, respondentEmail: String? = nil, submittedAt: Date? = nil, nps: ScoreAnswer? = nil, csat: ScoreAnswer? = nil, ces: ScoreAnswer? = nil, recommend: ScoreAnswer? = nil, comment: String? = nil, language: String? = nil, sentiment: SentimentSummary? = nil, subject: String? = nil, quoted: String? = nil) {
        self.key = key
        self.channel = channel
        self.position = position
        self.responseID = responseID
        self.accountID = accountID
        self.accountName = accountName
        self.respondentEmail = respondentEmail
        self.submittedAt = submittedAt
        self.nps = nps
        self.csat = csat
        self.ces = ces
        self.recommend = recommend
        self.comment = comment
        self.language = language
        self.sentiment = sentiment
        self.subject = subject
        self.quoted = quoted
    }
}
