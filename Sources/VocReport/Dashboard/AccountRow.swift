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
    /// % satisfied.
    public var csat: Double?
    public var ces: Double?
    /// Mean compound sentiment, −1…1.
    public var sentiment: Double?
    public var negativePercent: Double?
    public var topics: [String]
    public var score: Double?
    public var band: HealthBand?
    public var trend: HealthTrend?
    public var confidence: Double?
    public var arr: Double?
    public var renewal: Date?
    public var lastResponse: Date?

    init(summary: AccountSummary, account: String, health: AccountHealth?, language: String?, renewal: Date?) {
        self.account = account
        name = summary.name
        segment = summary.segment ?? health?.segment
        owner = summary.owner ?? health?.owner
        self.language = language
        responses = summary.responses
        nps = summary.nps?.score
        npsCiLow = summary.nps?.score == nil ? nil : summary.nps?.ciLow
        npsCiHigh = summary.nps?.score == nil ? nil : summary.nps?.ciHigh
        csat = summary.csat?.favourablePercent
        ces = summary.ces?.mean
        sentiment = summary.sentiment?.mean
        negativePercent = summary.sentiment?.negativePercent
        topics = summary.sentiment?.topics ?? []
        score = health?.score
        band = health?.band
        trend = health?.trend
        confidence = health?.confidence
        arr = summary.arr ?? health?.arr
        self.renewal = renewal ?? health?.renewal
        lastResponse = summary.lastResponse
    }
}
