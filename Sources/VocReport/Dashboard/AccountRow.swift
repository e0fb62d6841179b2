public import Foundation
public import VocHealth

/// One line of the dashboard's account list: the account's metrics, its health and what the directory knows.
public struct AccountRow: Sendable, Encodable {
    public var account: String
    public var name: String?
    public var segment: String?
    public var owner: String?
    /// The language most of its feedback is in.
    public var language: String?
    public var responses: Int
    public var nps: Double?
    public var npsCiLow: Double?
    public var npsCiHigh: Double?
    /// % who would recommend (yes/no questions), and how many answered.
    public var recommend: Double?
    public var recommendAnswered: Int
    /// % satisfied.
    public var csat: Double?
    /// % easy (as the tiles and charts show CES), and the mean answer on its scale.
    public var ces: Double?
    public var cesMean: Double?
    /// How many answered each question, and whether that is enough to judge (`--min-n`).
    public var npsAnswered: Int
    public var csatAnswered: Int
    public var cesAnswered: Int
    public var npsSufficient: Bool
    public var csatSufficient: Bool
    public var cesSufficient: Bool
    /// Mean compound sentiment, −1…1.
    public var sentiment: Double?
    public var negativePercent: Double?
    public var topics: [String]
    public var score: Double?
    public var band: HealthBand?
    public var trend: HealthTrend?
    /// Health points gained or lost since the previous period.
    public var scoreChange: Double?
    /// Why the score is what it is: the two measures that pull it down most.
    public var weakestMeasures: [HealthMeasure]
    public var confidence: Double?
    public var arr: Double?
    public var renewal: Date?
    public var lastResponse: Date?
    /// A red or yellow account whose renewal falls within `renewalWindow` after the as-of date.
    public var renewalSoon: Bool

    /// How close a renewal must be for a red or yellow account to be highlighted.
    public static let renewalWindow: TimeInterval = 90 * 86_400

    init(summary: AccountSummary, account: String, health: AccountHealth?, language: String?, renewal: Date?, asOf: Date) {
        self.account = account
        name = summary.name
        segment = summary.segment ?? health?.segment
        owner = summary.owner ?? health?.owner
        self.language = language
        responses = summary.responses
        nps = summary.nps?.score
        npsCiLow = summary.nps?.score == nil ? nil : summary.nps?.ciLow
        npsCiHigh = summary.nps?.score == nil ? nil : summary.nps?.ciHigh
        recommend = summary.recommend?.percent
        recommendAnswered = summary.recommend?.answered ?? 0
        csat = summary.csat?.favourablePercent
        ces = summary.ces?.favourablePercent
        cesMean = summary.ces?.mean
        npsAnswered = summary.nps?.answered ?? 0
        csatAnswered = summary.csat?.answered ?? 0
        cesAnswered = summary.ces?.answered ?? 0
        npsSufficient = summary.nps?.sufficient ?? false
        csatSufficient = summary.csat?.sufficient ?? false
        cesSufficient = summary.ces?.sufficient ?? false
        sentiment = summary.sentiment?.mean
        negativePercent = summary.sentiment?.negativePercent
        topics = summary.sentiment?.topics ?? []
        score = health?.score
        band = health?.band
        trend = health?.trend
        scoreChange = health?.scoreChange
        weakestMeasures = health?.weakestMeasures ?? []
        confidence = health?.confidence
        arr = summary.arr ?? health?.arr
        self.renewal = renewal ?? health?.renewal
        lastResponse = summary.lastResponse
        renewalSoon = Self.renewsSoon(band: band, renewal: self.renewal, asOf: asOf)
    }

    /// Whether an account in `band` renewing on `renewal` is a red or yellow one renewing within `renewalWindow`.
    public static func renewsSoon(band: HealthBand?, renewal: Date?, asOf: Date) -> Bool {
        guard let band, band == .red || band == .yellow, let renewal else { return false }
        return renewal >= asOf && renewal.timeIntervalSince(asOf) <= renewalWindow
    }
}
