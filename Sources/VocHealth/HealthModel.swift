public import Foundation
public import VocCore

/// Computes account health from per-record signals.
///
/// Each record counts with weight ½^(age / half-life) (undated records count fully). Per account, every measure is
/// estimated from the decayed answers, shrunk toward the segment value (when the segment has at least 2 × k answers'
/// evidence) or else the portfolio value in proportion to its evidence (k = `priorStrength`), weighted by the
/// account's segment profile; measures without evidence are excluded and the remaining weights renormalized.
public struct HealthModel: Sendable {
    public var configuration: HealthConfiguration

    public init(configuration: HealthConfiguration = HealthConfiguration()) {
        self.configuration = configuration
    }

    /// Every account with feedback on or before `asOf`, worst first, with its trend against the previous period.
    /// `signals` carry directory account ids (see `AccountResolver`); records without an account count only
    /// toward the portfolio.
    public func assess(_ signals: [FeedbackSignal], directory: [String: DirectoryAccount], asOf: Date) -> [AccountHealth] {
        let current = snapshot(signals, directory: directory, asOf: asOf)
        let previous = snapshot(signals, directory: directory, asOf: asOf.addingTimeInterval(-periodSeconds))
        return current.values.map { health in
            var health = health
            if let before = previous[health.account] {
                health.previousScore = before.score
                health.previousBand = before.band
                let change = health.score - before.score
                health.trend = change >= configuration.trendArrowPoints ? .up : change <= -configuration.trendArrowPoints ? .down : .flat
            }
            return health
        }.sorted { ($0.score, $0.account) < ($1.score, $1.account) }
    }

    /// Scores at `asOf` and at the `periods − 1` calendar period boundaries before it (oldest first), per account.
    /// Boundaries are aligned to Mondays 00:00 UTC (for the default 7-day period), so reruns see the same history.
    public func history(_ signals: [FeedbackSignal], directory: [String: DirectoryAccount], asOf: Date, periods: Int) -> [HealthPoint] {
        periodEnds(asOf: asOf, count: periods).flatMap { end in
            snapshot(signals, directory: directory, asOf: end).values
                .sorted { $0.account < $1.account }
                .map { HealthPoint(account: $0.account, periodEnd: end, score: $0.score, band: $0.band, responses: $0.responses) }
        }
    }

    /// The responses of `account` that pull its score furthest from neutral, strongest first (negative pulls first).
    public func drivers(of account: String, in signals: [FeedbackSignal], asOf: Date, limit: Int) -> [HealthDriver] {
        let drivers: [HealthDriver] = signals.compactMap { signal in
            guard signal.accountID == account, let weight = decay(signal, asOf: asOf) else { return nil }
            var values: [Double] = []
            var reasons: [String] = []
            if let nps = signal.nps {
                values.append(nps >= 9 ? 100 : nps <= 6 ? 0 : 50)
                reasons.append("NPS \(nps) (\(nps >= 9 ? "promoter" : nps <= 6 ? "detractor" : "passive"))")
            }
            if let favourable = signal.csatFavourable { values.append(favourable ? 100 : 0); reasons.append(favourable ? "satisfied" : "not satisfied") }
            if let favourable = signal.cesFavourable { values.append(favourable ? 100 : 0); reasons.append(favourable ? "easy" : "not easy") }
            if let sentiment = signal.sentiment {
                values.append(50 + 50 * sentiment)
                reasons.append("sentiment \(sentiment >= 0 ? "+" : "")\((sentiment * 100).rounded() / 100)")
            }
            if signal.churn { values.append(0); reasons.append("churn intent") }
            if signal.effort { values.append(0); reasons.append("effort complaint") }
            guard !values.isEmpty else { return nil }
            let pull = weight * (values.reduce(0, +) / Double(values.count) - 50)
            return HealthDriver(key: signal.key, submittedAt: signal.submittedAt, pull: pull, reasons: reasons)
        }
        return Array(drivers.sorted { abs($0.pull) != abs($1.pull) ? abs($0.pull) > abs($1.pull) : $0.key < $1.key }.prefix(limit))
    }

    var periodSeconds: Double { Double(configuration.periodDays) * 86_400 }

    /// `asOf` and the `count − 1` period boundaries before it, oldest first. Periods are counted from Monday 1970-01-05.
    public func periodEnds(asOf: Date, count: Int) -> [Date] {
        let origin = 4 * 86_400.0
        var boundary = origin + ((asOf.timeIntervalSince1970 - origin) / periodSeconds).rounded(.down) * periodSeconds
        if boundary == asOf.timeIntervalSince1970 { boundary -= periodSeconds }
        let earlier = (0..<max(0, count - 1)).map { Date(timeIntervalSince1970: boundary - Double($0) * periodSeconds) }
        return earlier.reversed() + [asOf]
    }

    /// The record's weight at `asOf`, or nil when it is dated after it.
    func decay(_ signal: FeedbackSignal, asOf: Date) -> Double? {
        guard let date = signal.submittedAt else { return 1 }
        let age = asOf.timeIntervalSince(date)
        guard age >= 0 else { return nil }
        return pow(0.5, age / 86_400 / configuration.halfLifeDays)
    }

    /// Health per account at `asOf`, without trend.
    func snapshot(_ signals: [FeedbackSignal], directory: [String: DirectoryAccount], asOf: Date) -> [String: AccountHealth] {
        var accounts: [String: SignalAccumulator] = [:]
        var segments: [String: SignalAccumulator] = [:]
        var portfolio = SignalAccumulator()
        for signal in signals {
            guard let weight = decay(signal, asOf: asOf) else { continue }
            let period = signal.submittedAt.map { Int(asOf.timeIntervalSince($0) / periodSeconds) }
            portfolio.add(signal, weight: weight, period: period)
            guard let account = signal.accountID else { continue }
            accounts[account, default: SignalAccumulator()].add(signal, weight: weight, period: period)
            if let segment = directory[account]?.segment {
                segments[segment, default: SignalAccumulator()].add(signal, weight: weight, period: period)
            }
        }
        var result: [String: AccountHealth] = [:]
        for (account, accumulator) in accounts {
            let entry = directory[account]
            result[account] = score(accumulator, account: account, entry: entry,
                                    segment: entry?.segment.flatMap { segments[$0] }, portfolio: portfolio, asOf: asOf)
        }
        return result
    }

    func score(_ own: SignalAccumulator, account: String, entry: DirectoryAccount?, segment: SignalAccumulator?,
               portfolio: SignalAccumulator, asOf: Date) -> AccountHealth {
        let profile = configuration.profile(forSegment: entry?.segment)
        let k = configuration.priorStrength
        var measures: [MeasureContribution] = []
        for measure in HealthMeasure.allCases {
            let weight = profile.weights[measure] ?? 0
            var contribution = MeasureContribution(measure: measure, evidence: 0, weight: weight, share: 0, contribution: 0)
            guard weight > 0 else {
                contribution.excluded = "weight 0"
                measures.append(contribution)
                continue
            }
            guard let estimate = own.estimate(measure, asOf: asOf, configuration: configuration) else {
                contribution.excluded = measure == .sentimentTrend ? "needs comments in both of the last two periods" : "no answers"
                measures.append(contribution)
                continue
            }
            contribution.value = estimate.value
            contribution.evidence = estimate.evidence
            contribution.adjusted = estimate.value
            if measure.isShrunk, k > 0 {
                let segmentPrior = segment?.estimate(measure, asOf: asOf, configuration: configuration).flatMap { $0.evidence >= 2 * k ? $0 : nil }
                if let prior = segmentPrior ?? portfolio.estimate(measure, asOf: asOf, configuration: configuration) {
                    contribution.prior = prior.value
                    contribution.priorSource = segmentPrior != nil ? "segment" : "portfolio"
                    contribution.adjusted = (estimate.evidence * estimate.value + k * prior.value) / (estimate.evidence + k)
                }
            }
            measures.append(contribution)
        }
        let totalWeight = measures.filter { $0.adjusted != nil }.reduce(0) { $0 + $1.weight }
        var score = 0.0
        var confidence = 0.0
        var shrunkShare = 0.0
        for index in measures.indices {
            guard let adjusted = measures[index].adjusted else { continue }
            let share = measures[index].weight / totalWeight
            measures[index].share = share
            measures[index].contribution = share * adjusted
            score += share * adjusted
            if measures[index].measure.isShrunk {
                shrunkShare += share
                confidence += share * (k > 0 ? measures[index].evidence / (measures[index].evidence + k) : 1)
            }
        }
        confidence = shrunkShare > 0 ? confidence / shrunkShare : 0
        return AccountHealth(account: account, name: entry?.name, segment: entry?.segment, owner: entry?.owner, arr: entry?.arr,
                             renewal: entry?.renewal, inDirectory: entry != nil, asOf: asOf, score: score,
                             band: profile.bands.band(score), confidence: confidence, responses: own.responses, measures: measures,
                             trend: .new)
    }
}

/// An account's score at the end of one history period.
public struct HealthPoint: Sendable, Encodable {
    public var account: String
    public var periodEnd: Date
    public var score: Double
    public var band: HealthBand
    public var responses: Int
}
