public import Foundation

/// The slim view of one stored record that the health model and alerts read: scores and text signals, no text.
public struct FeedbackSignal: Sendable, Hashable {
    public var key: String
    /// The account key the record was stored with (declared id, or company domain); see `AccountResolver`.
    public var accountID: String?
    public var respondentEmail: String?
    public var submittedAt: Date?
    /// 0-10, when answered.
    public var nps: Int?
    /// Whether a CSAT or CES answer was favourable (satisfied / easy), when answered.
    public var csatFavourable: Bool?
    public var cesFavourable: Bool?
    /// −1…1, when the record has a scored comment.
    public var sentiment: Double?
    public var churn: Bool
    public var effort: Bool
    /// The record's language (es, pt, en, other), when detected or declared.
    public var language: String?

    public init(key: String, accountID: String? = nil, respondentEmail: String? = nil, submittedAt: Date? = nil, nps: Int? = nil,
                csatFavourable: Bool? = nil, cesFavourable: Bool? = nil, sentiment: Double? = nil, churn: Bool = false, effort: Bool = false,
                language: String? = nil) {
        self.key = key
        self.accountID = accountID
        self.respondentEmail = respondentEmail
        self.submittedAt = submittedAt
        self.nps = nps
        self.csatFavourable = csatFavourable
        self.cesFavourable = cesFavourable
        self.sentiment = sentiment
        self.churn = churn
        self.effort = effort
        self.language = language
    }

    public var isDetractor: Bool { nps.map { NPSBand(score: $0) == .detractor } ?? false }
}
