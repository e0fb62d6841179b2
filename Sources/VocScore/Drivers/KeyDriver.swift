public import VocCore

/// A topic or text signal set against a scope's other responses: how NPS, CSAT and sentiment differ between the
/// responses that mention it and the rest, and what the scope's NPS would gain if those scored like the rest. An
/// aspect of a rating matrix the same way, among the responses that rated it: those that rated it unfavourably
/// ("mention" it) against those that rated it favourably (the rest).
public struct KeyDriver: Sendable, Hashable {
    public enum Kind: String, Sendable, Hashable, Encodable {
        case topic, signal, aspect
    }

    /// The topic's name, `churn` / `effort`, or the aspect (the matrix's row).
    public var driver: String
    public var kind: Kind
    /// Responses that mention it (rated the aspect unfavourably), and their share of `base` (0…1).
    public var mentions: Int
    public var share: Double
    /// The responses it is set against: the scope's, or those that rated the aspect.
    public var base: Int
    /// The aspect's question, row and kind; nil for a topic or signal.
    public var aspect: AspectKey?
    /// NPS among the responses that mention it (`current`) and among the rest (`previous`), the difference with its
    /// adjusted-Wald 95 % interval (`PeriodChange.nps`).
    public var nps: PeriodChange
    /// CSAT % satisfied with and without, Agresti-Caffo interval of the difference (percentage points).
    public var csat: PeriodChange
    /// Mean sentiment with and without, Welch interval of the difference.
    public var sentiment: PeriodChange
    /// The share of the scored comments that mention it which are negative (0…1); nil without any.
    public var negativeShare: Double?
    /// NPS points the scope would gain if the responses that mention it scored like the rest: NPS without − the
    /// scope's NPS (for an aspect, − the NPS of its raters). Positive: the driver costs NPS. nil without NPS answers
    /// on either side.
    public var impact: Double?
    /// Whether the difference on the basis measure (`basis`) has a 95 % interval that excludes zero, on enough answers.
    public var established: Bool
    /// Fewer than the minimum sample of basis answers among the responses that mention it, or among the rest: listed
    /// apart.
    public var thin: Bool
    /// The measure drivers are ranked and established on: NPS when the scope has NPS answers, else sentiment.
    public var basis: DriverAnalysis.Basis

    init(driver: String, kind: Kind, mentions: Int, base: Int, share: Double, nps: PeriodChange, csat: PeriodChange, sentiment: PeriodChange,
                negativeShare: Double?, impact: Double?, established: Bool, thin: Bool, basis: DriverAnalysis.Basis, aspect: AspectKey? = nil) {
        self.driver = driver
        self.kind = kind
        self.mentions = mentions
        self.base = base
        self.share = share
        self.nps = nps
        self.csat = csat
        self.sentiment = sentiment
        self.negativeShare = negativeShare
        self.impact = impact
        self.established = established
        self.thin = thin
        self.basis = basis
        self.aspect = aspect
    }

    /// The rollup label of the responses that mention it (rated the aspect unfavourably).
    public var label: RollupLabel {
        switch kind {
        case .topic: RollupLabel(kind: .topic, label: driver)
        case .signal: RollupLabel(kind: .signal, label: driver)
        case .aspect: RollupLabel(kind: .aspectUnfavourable, label: aspect?.labelText ?? driver)
        }
    }

    /// The basis measure's difference and interval.
    public var difference: PeriodChange { basis == .nps ? nps : sentiment }
}

extension KeyDriver: Encodable {
    private enum CodingKeys: String, CodingKey {
        case driver, kind, question, rated, mentions, share, npsWith, npsWithout, npsAnsweredWith, npsAnsweredWithout, difference, differenceCi, impact,
             established, thin, basis, negativeShare, csatWith, csatWithout, csatDifference, csatDifferenceCi, sentimentWith, sentimentWithout,
             sentimentDifference, sentimentDifferenceCi
    }

    /// Every key is written, null when there is no value: the field set is stable for scripts.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        /// A difference's four keys: the value with, without, the difference and its interval.
        func put(_ change: PeriodChange, _ with: CodingKeys, _ without: CodingKeys, _ difference: CodingKeys, _ interval: CodingKeys) throws {
            try container.encode(change.current, forKey: with)
            try container.encode(change.previous, forKey: without)
            try container.encode(change.change, forKey: difference)
            let bounds = change.changeCiLow.flatMap { low in change.changeCiHigh.map { [low, $0] } }
            try container.encode(bounds, forKey: interval)
        }
        try container.encode(driver, forKey: .driver)
        try container.encode(kind, forKey: .kind)
        try container.encode(aspect?.question, forKey: .question)
        try container.encode(aspect.map { _ in base }, forKey: .rated)
        try container.encode(mentions, forKey: .mentions)
        try container.encode(share, forKey: .share)
        try put(nps, .npsWith, .npsWithout, .difference, .differenceCi)
        try container.encode(nps.currentAnswered, forKey: .npsAnsweredWith)
        try container.encode(nps.previousAnswered, forKey: .npsAnsweredWithout)
        try container.encode(impact, forKey: .impact)
        try container.encode(established, forKey: .established)
        try container.encode(thin, forKey: .thin)
        try container.encode(basis, forKey: .basis)
        try container.encode(negativeShare, forKey: .negativeShare)
        try put(csat, .csatWith, .csatWithout, .csatDifference, .csatDifferenceCi)
        try put(sentiment, .sentimentWith, .sentimentWithout, .sentimentDifference, .sentimentDifferenceCi)
    }
}
