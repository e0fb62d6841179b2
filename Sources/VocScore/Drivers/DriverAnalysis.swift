public import VocCore

/// Key-driver analysis of one scope (the portfolio, an account, a segment, a CSM's accounts, a period): every topic
/// of the taxonomy and the churn and effort signals that its responses mention, each set against the scope's other
/// responses, or every aspect of its rating matrices, the responses that rated it unfavourably set against those that
/// rated it favourably (`KeyDriver`). Read from a scope's tally alone (its label tallies against its totals), so it
/// costs nothing more than the rollups it is summed from.
///
/// Ranking: drivers with enough answers first, by impact (most harmful first); the rest (`thin`) after them, in the
/// same order. When the scope has no NPS answer (e-mail only, CSAT-only surveys), sentiment is the basis: ranked by
/// its difference, most negative first, and established by its interval.
public struct DriverAnalysis: Sendable {
    public enum Basis: String, Sendable, Hashable, Encodable {
        case nps, sentiment
    }

    /// What is set against the rest: the topics and signals comments mention, or the aspects of rating matrices.
    public enum Dimension: String, Sendable, Hashable, CaseIterable {
        /// Each topic and the churn and effort signals: the responses that mention it against the scope's others.
        case topic
        /// Each aspect of a rating matrix: the responses that rated it unfavourably against those that rated it
        /// favourably (responses that did not rate it are in neither).
        case aspect
    }

    public let scope: AccountTally
    public let dimension: Dimension
    public let basis: Basis
    public let minimumSample: Int
    public let drivers: [KeyDriver]

    /// - Parameter minimumSample: basis answers needed on each side (among the responses mentioning a driver, and the
    ///   rest) for it to be ranked with the others rather than listed apart.
    public init(scope: AccountTally, by dimension: Dimension = .topic, minimumSample: Int = Confidence.defaultMinimumSample) {
        self.scope = scope
        self.dimension = dimension
        self.minimumSample = minimumSample
        let basis: Basis = scope.nps.answered > 0 ? .nps : .sentiment
        self.basis = basis
        let whole = Base(scope)
        let drivers = scope.labels.compactMap { label, tally -> KeyDriver? in
            switch (dimension, label.kind) {
            case (.topic, .topic): return Self.driver(label.label, kind: .topic, tally: tally, base: whole, basis: basis, minimumSample: minimumSample)
            case (.topic, .signal): return Self.driver(label.label, kind: .signal, tally: tally, base: whole, basis: basis, minimumSample: minimumSample)
            case (.aspect, .aspectRated):
                guard let key = AspectKey(labelText: label.label) else { return nil }
                let unfavourable = scope.labels[RollupLabel(kind: .aspectUnfavourable, label: label.label)] ?? LabelTally()
                return Self.driver(key.aspect, kind: .aspect, aspect: key, tally: unfavourable, base: Base(tally), basis: basis, minimumSample: minimumSample)
            default: return nil
            }
        }
        self.drivers = drivers.sorted(by: Self.ranks)
    }

    /// The scope's NPS; nil without answers.
    public var npsScore: Double? { NPSResult(scope.nps).score }

    /// The responses a driver is set against (the scope's, or an aspect's raters): what the rest is counted from.
    private struct Base {
        var responses: Int
        var nps: NPSTally
        var csatAnswered: Int
        var csatFavourable: Int
        var sentimentSum: Double
        var sentimentSquareSum: Double
        var scored: Int

        init(_ scope: AccountTally) {
            responses = scope.responses
            nps = scope.nps
            csatAnswered = scope.csat.answered
            csatFavourable = scope.csat.favourable
            sentimentSum = scope.sentimentSum
            sentimentSquareSum = scope.sentimentSquareSum
            scored = scope.scoredComments
        }

        init(_ tally: LabelTally) {
            responses = tally.records
            nps = tally.signals.nps
            csatAnswered = tally.signals.csatAnswered
            csatFavourable = tally.signals.csatFavourable
            sentimentSum = RollupUnits.value(tally.signals.sentimentUnits)
            sentimentSquareSum = RollupUnits.value(tally.sentimentSquareUnits)
            scored = tally.signals.scored
        }
    }

    private static func driver(_ name: String, kind: KeyDriver.Kind, aspect: AspectKey? = nil, tally: LabelTally, base: Base, basis: Basis,
                               minimumSample: Int) -> KeyDriver {
        let with = tally.signals
        let rest = NPSTally(promoters: base.nps.promoters - with.nps.promoters, passives: base.nps.passives - with.nps.passives,
                            detractors: base.nps.detractors - with.nps.detractors)
        let nps = PeriodChange.nps(with.nps, previous: rest)
        let csat = PeriodChange.share(favourable: with.csatFavourable, of: with.csatAnswered,
                                      previousFavourable: base.csatFavourable - with.csatFavourable, of: base.csatAnswered - with.csatAnswered)
        let withSum = RollupUnits.value(with.sentimentUnits), withSquares = RollupUnits.value(tally.sentimentSquareUnits)
        let sentiment = PeriodChange.mean(sum: withSum, squareSum: withSquares, count: with.scored, previousSum: base.sentimentSum - withSum,
                                          previousSquareSum: base.sentimentSquareSum - withSquares, previousCount: base.scored - with.scored)
        let difference = basis == .nps ? nps : sentiment
        let thin = min(difference.currentAnswered, difference.previousAnswered) < max(1, minimumSample)
        let excludesZero = (difference.changeCiLow ?? 0) > 0 || (difference.changeCiHigh ?? 0) < 0
        let baseNPS = NPSResult(base.nps).score
        return KeyDriver(driver: name, kind: kind, mentions: tally.records, base: base.responses,
                         share: base.responses == 0 ? 0 : Double(tally.records) / Double(base.responses),
                         nps: nps, csat: csat, sentiment: sentiment,
                         negativeShare: with.scored == 0 ? nil : Double(tally.negative) / Double(with.scored),
                         impact: nps.change == nil ? nil : nps.previous.flatMap { without in baseNPS.map { RollupUnits.tidy(without - $0) } },
                         established: !thin && excludesZero, thin: thin, basis: basis, aspect: aspect)
    }

    /// Enough answers first; then the largest impact (NPS basis) or the most negative sentiment difference; then by name.
    private static func ranks(_ a: KeyDriver, _ b: KeyDriver) -> Bool {
        if a.thin != b.thin { return !a.thin }
        let harm = { (driver: KeyDriver) -> Double in
            driver.basis == .nps ? (driver.impact ?? -.infinity) : -(driver.sentiment.change ?? .infinity)
        }
        if harm(a) != harm(b) { return harm(a) > harm(b) }
        return (a.kind.rawValue, a.driver) < (b.kind.rawValue, b.driver)
    }
}
