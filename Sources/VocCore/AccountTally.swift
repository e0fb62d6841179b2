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
    public var firstResponse: Date?
    public var lastResponse: Date?
    public var comments: Int

    public init(accountID: String? = nil, accountName: String? = nil, responses: Int, nps: NPSTally, csat: RatingTally, ces: RatingTally, firstResponse: Date? = nil, lastResponse: Date? = nil, comments: Int) {
        self.accountID = accountID
        self.accountName = accountName
        self.responses = responses
        self.nps = nps
        self.csat = csat
        self.ces = ces
        self.firstResponse = firstResponse
        self.lastResponse = lastResponse
        self.comments = comments
    }
}
