public import VocCore

/// Key-driver analysis of one scope (the portfolio, an account, a segment, a CSM's accounts, a period): every topic
/// of the taxonomy and the churn and effort signals that its responses mention, each set against the scope's other
/// responses (`KeyDriver`). Read from a scope's tally alone (its label tallies against its totals), so it costs
/// nothing more than the rollups it is summed from.
///
/// Ranking: drivers with enough answers first, by impact (most harmful first); the rest (`thin`) after them, in the
/// same order. When the scope has no NPS answer (e-mail only, CSAT-only surveys), sentiment is the basis: ranked by
/// its difference, most negative first, and established by its interval.
public struct DriverAnalysis: Sendable {
    public enum Basis: String, Sendable, Hashable, Encodable {
        case nps, sentiment
    }

    public let scope: AccountTally
    public let basis: Basis
    public let minimumSample: Int
    public let drivers: [KeyDriver]

    /// - Parameter minimumSample: basis answers needed on each side (among the responses mentioning a driver, and the
    ///   rest) for it to be ranked with the others rather than listed apart.
    public init(scope: AccountTally, minimumSample: Int = Confidence.defaultMinimumSample) {
        self.scope = scope
        self.minimumSample = minimumSample
        let basis: Basis = scope.nps.answered > 0 ? .nps : .sentiment
        self.basis = basis
        let scopeNPS = NPSResult(scope.nps).score
        let drivers = scope.labels.compactMap { label, tally -> KeyDriver? in
            let kind: KeyDriver.Kind
            switch label.kind {
            case .topic: kind = .topic
            case .signal: kind = .signal
            case .language: return nil
            }
            return Self.driver(label.label, kind: kind, tally: tally, scope: scope, scopeNPS: scopeNPS, basis: basis, minimumSample: minimumSample)
        }
        self.drivers = drivers.sorted(by: Self.ranks)
    }

    /// The scope's NPS; nil without answers.
    public var npsScore: Double? { NPSResult(scope.nps).score }

    private static func driver(_ name: String, kind: KeyDriver.Kind, tally: LabelTally, scope: AccountTally, scopeNPS: Double?, basis: Basis,
                               minimumSample: Int) -> KeyDriver {
        let with = tally.signals
        let rest = NPSTally(promoters: scope.nps.promoters - with.nps.promoters, passives: scope.nps.passives - with.nps.passives,
                            detractors: scope.nps.detractors - with.nps.detractors)
        let nps = PeriodChange.nps(with.nps, previous: rest)
        let csat = PeriodChange.share(favourable: with.csatFavourable, of: with.csatAnswered,
                                      previousFavourable: scope.csat.favourable - with.csatFavourable, of: scope.csat.answered - with.csatAnswered)
        let withSum = RollupUnits.value(with.sentimentUnits), withSquares = RollupUnits.value(tally.sentimentSquareUnits)
        let sentiment = PeriodChange.mean(sum: withSum, squareSum: withSquares, count: with.scored, previousSum: scope.sentimentSum - withSum,
                                          previousSquareSum: scope.sentimentSquareSum - withSquares, previousCount: scope.scoredComments - with.scored)
        let difference = basis == .nps ? nps : sentiment
        let thin = min(difference.currentAnswered, difference.previousAnswered) < max(1, minimumSample)
        let excludesZero = (difference.changeCiLow ?? 0) > 0 || (difference.changeCiHigh ?? 0) < 0
        return KeyDriver(driver: name, kind: kind, mentions: tally.records, share: scope.responses == 0 ? 0 : Double(tally.records) / Double(scope.responses),
                         nps: nps, csat: csat, sentiment: sentiment,
                         negativeShare: with.scored == 0 ? nil : Double(tally.negative) / Double(with.scored),
                         impact: nps.change == nil ? nil : nps.previous.flatMap { without in scopeNPS.map { RollupUnits.tidy(without - $0) } },
                         established: !thin && excludesZero, thin: thin, basis: basis)
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
