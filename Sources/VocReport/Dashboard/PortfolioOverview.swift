public import Foundation
public import VocHealth
public import VocScore

/// The dashboard's first page and the HTML report: the whole portfolio at a glance.
public struct PortfolioOverview: Sendable, Encodable {
    public var type = "overview"
    public var asOf: Date
    public var store: String
    public var responses: Int
    public var quarantined: Int
    /// Responses that matched no account.
    public var unmatched: Int
    /// The newest response's date, and whether it is older than one health period before `asOf`: then the weekly
    /// charts are empty and every score has decayed with age, which the page says instead of showing a crisis.
    public var latestResponse: Date?
    public var stale: Bool
    /// NPS, CSAT and CES of every response pooled, with their 95% intervals.
    public var portfolio: AccountSummary
    public var bands: BandCounts
    /// The band boundaries of the default profile (red below, green above).
    public var redBelow: Double
    public var greenAbove: Double
    /// ARR of the red accounts, and how many red accounts have no ARR in the directory.
    public var revenueAtRisk: Double
    public var redWithoutARR: Int
    /// One entry per period (week by default), oldest first.
    public var periods: [PortfolioPeriod]
    /// The last `periodDays` days against the ones before.
    public var changes: MetricChanges
    /// Answers under which a figure is too few to judge (`--min-n`).
    public var minimumSample: Int
    /// The red accounts, worst first.
    public var atRisk: [AccountRow]
    /// Logo churn, GRR and NRR per quarter from the CRM snapshots dated by `asOf` (`voc retention`); empty with
    /// fewer than two.
    public var retention: [RetentionRow]
}

/// How many accounts are in each health band.
public struct BandCounts: Sendable, Encodable {
    public var red = 0
    public var yellow = 0
    public var green = 0

    public init() {}

    public mutating func add(_ band: HealthBand) {
        switch band {
        case .red: red += 1
        case .yellow: yellow += 1
        case .green: green += 1
        }
    }
}

/// The portfolio during one period: responses, NPS and sentiment of that period's feedback, and the accounts per
/// health band at its end.
public struct PortfolioPeriod: Sendable, Encodable {
    public var start: Date
    public var end: Date
    public var responses: Int
    public var npsAnswered: Int
    public var nps: Double?
    /// Mean sentiment of the period's scored comments (`scoredComments`).
    public var sentiment: Double?
    public var scoredComments: Int
    public var bands: BandCounts
}
