public import Foundation

/// Per-account counts, aggregated by the store, from which `VocScore` computes NPS, CSAT and CES.
public struct AccountTally: Sendable, Hashable {
    /// nil for feedback that could not be matched to an account.
    public var accountID: String?
    public var accountName: String?
    public var responses: Int
    public var nps: NPSTally
    public var csat: RatingTally
    public var ces: RatingTally
    /// The yes/no would-recommend answers.
    public var recommend: YesNoTally
    public var firstResponse: Date?
    public var lastResponse: Date?
    public var comments: Int
    /// Scored comments, the sums of their compound scores and of their squares, and how many were negative / showed
    /// churn or effort.
    public var scoredComments: Int
    public var sentimentSum: Double
    public var sentimentSquareSum: Double
    public var negativeComments: Int
    public var churnMentions: Int
    public var effortMentions: Int
    /// The tallies of the records that mention each topic, are in each language, or show churn or effort.
    public var labels: [RollupLabel: LabelTally]

    /// Topic → number of comments mentioning it, most mentioned first.
    public var topics: [(topic: String, count: Int)] {
        labels.filter { $0.key.kind == .topic }.map { (topic: $0.key.label, count: $0.value.records) }
            .sorted { $0.count != $1.count ? $0.count > $1.count : $0.topic < $1.topic }
    }

    public init(accountID: String? = nil, accountName: String? = nil, responses: Int, nps: NPSTally, csat: RatingTally, ces: RatingTally, firstResponse: Date? = nil, lastResponse: Date? = nil, comments: Int,
                scoredComments: Int = 0, sentimentSum: Double = 0, sentimentSquareSum: Double = 0, negativeComments: Int = 0,
                churnMentions: Int = 0, effortMentions: Int = 0, labels: [RollupLabel: LabelTally] = [:], recommend: YesNoTally = YesNoTally()) {
        self.accountID = accountID
        self.accountName = accountName
        self.responses = responses
        self.nps = nps
        self.csat = csat
        self.ces = ces
        self.recommend = recommend
        self.firstResponse = firstResponse
        self.lastResponse = lastResponse
        self.comments = comments
        self.scoredComments = scoredComments
        self.sentimentSum = sentimentSum
        self.sentimentSquareSum = sentimentSquareSum
        self.negativeComments = negativeComments
        self.churnMentions = churnMentions
        self.effortMentions = effortMentions
        self.labels = labels
    }
}
