public import Foundation
public import VocHealth
public import VocScore

/// The dashboard's account page: metrics, health with its measures and drivers, sentiment over time, its topics and
/// signals as key drivers, and the latest detractor comments with their sentiment trace.
public struct AccountDetail: Sendable, Encodable {
    public var type = "account_detail"
    public var account: AccountSummary
    public var health: AccountHealth?
    public var drivers: [DriverEvidence]
    public var periods: [AccountPeriod]
    /// The account's last `periodDays` days against the ones before.
    public var changes: MetricChanges
    public var detractorComments: [CommentEvidence]
    /// The topics and signals its responses mention, set against its other responses (all time, from the rollups).
    public var keyDrivers: [KeyDriver]
    /// The aspects of its rating matrices, those that rated one unfavourably set against those that rated it
    /// favourably (`voc drivers --by aspect`); empty without aspect ratings.
    public var aspectDrivers: [KeyDriver]
    /// The health bands' edges for this account's segment: red below the first, green above the second.
    public var redBelow: Double
    public var greenAbove: Double
    /// Answers under which a figure is too few to judge (`--min-n`).
    public var minimumSample: Int
}

/// One account during one period: its responses, their mean sentiment, and its health at the period's end.
public struct AccountPeriod: Sendable, Encodable {
    public var end: Date
    public var responses: Int
    /// Mean sentiment of the period's scored comments (`scoredComments`).
    public var sentiment: Double?
    public var scoredComments: Int
    public var score: Double?
    public var band: HealthBand?
}

/// A health driver with the record's text and its strongest sentiment trace items.
public struct DriverEvidence: Sendable, Encodable {
    public var driver: HealthDriver
    /// Where the record was read from (file:line), for the analyst who ingested it.
    public var source: String?
    /// Its channel and respondent, as the dashboard cites it ("survey · ana@northwind.com").
    public var origin: String?
    public var comment: String?
    public var trace: [String]
}

/// A response's comment with its score and the trace items that moved its sentiment most.
public struct CommentEvidence: Sendable, Encodable {
    public var key: String
    public var source: String
    public var origin: String
    public var submittedAt: Date?
    public var nps: Int?
    public var comment: String
    public var sentiment: Double?
    public var label: String?
    public var trace: [String]
}
