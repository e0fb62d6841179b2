public import Foundation
public import VocCore
public import VocScore


/// An account's metrics as reported: the JSON, NDJSON and CSV shape of `voc accounts` and `voc account`.
public struct AccountSummary: Sendable, Encodable {
    public struct NPS: Sendable, Encodable {
        public var score: Double?
        public var ciLow: Double
        public var ciHigh: Double
        public var ciCenter: Double
        public var answered: Int
        public var promoters: Int
        public var passives: Int
        public var detractors: Int
        public var blank: Int
        public var notApplicable: Int
        public var sufficient: Bool
    }

    public struct Rating: Sendable, Encodable {
        public var favourablePercent: Double?
        public var favourableCiLow: Double?
        public var favourableCiHigh: Double?
        public var mean: Double?
        public var meanCiLow: Double?
        public var meanCiHigh: Double?
        public var scale: String
        public var answered: Int
        public var blank: Int
        public var notApplicable: Int
        public var sufficient: Bool
    }

    /// Yes/no "would you recommend us?" answers: % yes with its Wilson 95 % interval (never part of NPS).
    public struct Recommend: Sendable, Encodable {
        public var percent: Double
        public var ciLow: Double
        public var ciHigh: Double
        public var answered: Int
        public var yes: Int
        public var sufficient: Bool

        public init?(_ tally: YesNoTally, minimumSample: Int) {
            let result = RecommendResult(tally, minimumSample: minimumSample)
            guard let percent = result.percent, let interval = result.interval else { return nil }
            self.percent = percent
            (ciLow, ciHigh) = (interval.lowerBound, interval.upperBound)
            answered = tally.answered
            yes = tally.yes
            sufficient = result.isSufficient
        }
    }

    public struct Sentiment: Sendable, Encodable {
        /// Mean compound score of the scored comments, −1…1.
        public var mean: Double
        public var scoredComments: Int
        /// % of scored comments labelled negative.
        public var negativePercent: Double
        public var churnMentions: Int
        public var effortMentions: Int
        /// Most mentioned topics first.
        public var topics: [String]
    }

    public var type = "account"
    public var account: String?
    public var name: String?
    public var responses: Int
    public var comments: Int
    public var nps: NPS?
    public var recommend: Recommend?
    public var csat: Rating?
    public var ces: Rating?
    public var sentiment: Sentiment?
    /// First-contact resolution of the account's e-mail threads (`ContactLedger`); nil without threads.
    public var fcr: ResolutionResult?
    public var firstResponse: Date?
    public var lastResponse: Date?
    /// From the account directory, when one was imported: segment, CSM, ARR, and whether the directory knows the account.
    public var segment: String?
    public var owner: String?
    public var arr: Double?
    public var inDirectory: Bool?

    public init(_ tally: AccountTally, minimumSample: Int) {
        account = tally.accountID
        name = tally.accountName
        responses = tally.responses
        comments = tally.comments
        firstResponse = tally.firstResponse
        lastResponse = tally.lastResponse
        let nps = NPSResult(tally.nps, minimumSample: minimumSample)
        if tally.nps.answered + tally.nps.blank + tally.nps.notApplicable > 0 {
            self.nps = NPS(score: nps.score, ciLow: nps.interval.lowerBound, ciHigh: nps.interval.upperBound, ciCenter: nps.intervalCenter,
                           answered: nps.answered, promoters: tally.nps.promoters, passives: tally.nps.passives,
                           detractors: tally.nps.detractors, blank: tally.nps.blank, notApplicable: tally.nps.notApplicable,
                           sufficient: nps.isSufficient)
        }
        recommend = Recommend(tally.recommend, minimumSample: minimumSample)
        if tally.scoredComments > 0 {
            sentiment = Sentiment(mean: RollupUnits.tidy(tally.sentimentSum / Double(tally.scoredComments)), scoredComments: tally.scoredComments,
                                  negativePercent: 100 * Double(tally.negativeComments) / Double(tally.scoredComments),
                                  churnMentions: tally.churnMentions, effortMentions: tally.effortMentions, topics: tally.topics.map(\.topic))
        }
        csat = Self.rating(tally.csat, defaultScale: .csat5, minimumSample: minimumSample)
        ces = Self.rating(tally.ces, defaultScale: .ces7, minimumSample: minimumSample)
    }

    /// Adds what the account directory knows (`directoryImported` false: there is no directory, nothing to say).
    public mutating func attach(_ account: DirectoryAccount?, directoryImported: Bool) {
        guard directoryImported else { return }
        inDirectory = account != nil
        segment = account?.segment
        owner = account?.owner
        arr = account?.arr
        if let name = account?.name { self.name = name }
    }

    /// A CSAT, CES or aspect tally as reported; nil when no answer, skipped or not, was counted.
    static func rating(_ tally: RatingTally, defaultScale: RatingScale, minimumSample: Int) -> Rating? {
        guard tally.answered + tally.blank + tally.notApplicable > 0 else { return nil }
        let result = RatingResult(tally, defaultScale: defaultScale, minimumSample: minimumSample)
        return Rating(favourablePercent: result.favourableShare, favourableCiLow: result.favourableInterval?.lowerBound,
                      favourableCiHigh: result.favourableInterval?.upperBound, mean: result.mean,
                      meanCiLow: result.meanInterval?.lowerBound, meanCiHigh: result.meanInterval?.upperBound,
                      scale: result.reportingScale.description + (tally.scale == nil && tally.answered > 0 ? ", pooled from several scales" : ""),
                      answered: tally.answered, blank: tally.blank, notApplicable: tally.notApplicable, sufficient: result.isSufficient)
    }
}
