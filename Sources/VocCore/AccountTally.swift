public import Foundation

/// Per-account counts, aggregated by the store, from which `VocScore` computes NPS, CSAT and CES.
public struct AccountTally: Sendable {
    /// nil for feedback that could not be matched to an account.
    public var accountID: String?
    public var accountName: String?
    public var responses: Int
    public var nps: NPSTally
    public var csat: RatingTally
    public var ces: RatingTally
    public var firstResponse: Date?
    public var lastResponse: Date?
    public var comments: Int
    /// Scored comments, the sum of their compound scores, and how many were negative / showed churn or effort.
    public var scoredComments: Int
    public var sentimentSum: Double
    public var negativeComments: Int
    public var churnMentions: Int
    public var effortMentions: Int
    /// Topic → number of comments mentioning it, most mentioned first.
    public var topics: [(topic: String, count: Int)]

    public init(accountID: String? = nil, accountName: String? = nil, responses: Int, nps: NPSTally, csat: RatingTally, ces: RatingTally, firstResponse: Date? = nil, lastResponse: Date? = nil, comments: Int,
                scoredComments: Int = 0, sentimentSum: Double = 0, negativeComments: Int = 0, churnMentions: Int = 0,
                effortMentions: Int = 0, topics: [(topic: String, count: Int)] = []) {
        self.accountID = accountID
        self.accountName = accountName
        self.responses = responses
        self.nps = nps
        self.csat = csat
        self.ces = ces
        self.firstResponse = firstResponse
        self.lastResponse = lastResponse
        self.comments = comments
        self.scoredComments = scoredComments
        self.sentimentSum = sentimentSum
        self.negativeComments = negativeComments
        self.churnMentions = churnMentions
        self.effortMentions = effortMentions
        self.topics = topics
    }
}
