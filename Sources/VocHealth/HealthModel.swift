public import Foundation
public import VocCore

/// Computes account health from per-record signals.
///
/// Each record counts with weight ½^(age / half-life), its age counted in whole UTC days (undated records count fully). Per account, every measure is
/// estimated from the decayed answers, shrunk toward the segment value (when the segment has at least 2 × k answers'
/// evidence) or else the portfolio value in proportion to its evidence (k = `priorStrength`), weighted by the
/// account's segment profile; measures without evidence are excluded and the remaining weights renormalized.
public struct HealthModel: Sendable {
    public var configuration: HealthConfiguration

    public init(configuration: HealthConfiguration = HealthConfiguration()) {
        self.configuration = configuration
    }

    /// Every account with feedback on or before `asOf`, worst first, with its trend against the previous period, from
    /// records (`accountID`s are directory account ids, see `AccountResolver`; records without one count only toward
    /// the portfolio). The records are summed into days first, as the store's rollups sum them, so this gives the
    /// same figures as a `HealthPass` over the rollups of the same records.
    public func assess(_ signals: some Sequence<FeedbackSignal>, directory: [String: DirectoryAccount], asOf: Date) -> [AccountHealth] {
        var accounts: [String?: DaySeries] = [:]
        for signal in signals {
            var day = DaySignals()
            day.add(signal)
            accounts[signal.accountID, default: DaySeries()].add(day, day: signal.submittedAt.map { RollupKey.day(of: $0.timeIntervalSince1970) })
        }
        var pass = HealthPass(model: self, directory: directory, asOf: asOf)
        for (account, days) in accounts { pass.add(days, account: account) }
        return pass.accounts()
    }

    /// The records that pull an account's score furthest from neutral at `asOf`, strongest first (at most `limit`).
    public func drivers(_ signals: some Sequence<FeedbackSignal>, asOf: Date, limit: Int) -> [HealthDriver] {
        guard limit > 0 else { return [] }
        let day = Self.day(closedBy: asOf)
        var drivers: [HealthDriver] = []
        for signal in signals {
            guard let weight = decay(recordDay: signal.submittedAt.map { RollupKey.day(of: $0.timeIntervalSince1970) }, at: day),
                  let pull = pull(of: signal, weight: weight) else { continue }
            let stronger = { (other: HealthDriver) in abs(pull) != abs(other.pull) ? abs(pull) > abs(other.pull) : signal.key < other.key }
            if drivers.count == limit, let weakest = drivers.last, !stronger(weakest) { continue }
            drivers.insert(HealthDriver(key: signal.key, submittedAt: signal.submittedAt, pull: pull, reasons: reasons(for: signal)),
                           at: drivers.firstIndex(where: stronger) ?? drivers.endIndex)
            if drivers.count > limit { drivers.removeLast() }
        }
        return drivers
    }

    /// How far the record pulls its account's score from neutral: its own 0-100 value (the mean of its answered
    /// measures) minus 50, times its decay `weight`; nil when it answers none.
    func pull(of signal: FeedbackSignal, weight: Double) -> Double? {
        var sum = 0.0
        var answers = 0
        func answer(_ value: Double) { sum += value; answers += 1 }
        if let nps = signal.nps {
            switch NPSBand(score: nps) {
            case .promoter: answer(100)
            case .passive: answer(50)
            case .detractor: answer(0)
            }
        }
        if let favourable = signal.csatFavourable { answer(favourable ? 100 : 0) }
        if let favourable = signal.cesFavourable { answer(favourable ? 100 : 0) }
        if let sentiment = signal.sentiment { answer(50 + 50 * sentiment) }
        if signal.churn { answer(0) }
        if signal.effort { answer(0) }
        return answers > 0 ? weight * (sum / Double(answers) - 50) : nil
    }

    /// The answers behind a record's pull, in words.
    func reasons(for signal: FeedbackSignal) -> [String] {
        var reasons: [String] = []
        if let nps = signal.nps { reasons.append("NPS \(nps) (\(NPSBand(score: nps).rawValue))") }
        if let favourable = signal.csatFavourable { reasons.append(favourable ? "satisfied" : "not satisfied") }
        if let favourable = signal.cesFavourable { reasons.append(favourable ? "easy" : "not easy") }
        if let sentiment = signal.sentiment { reasons.append("sentiment \(sentiment >= 0 ? "+" : "")\((sentiment * 100).rounded() / 100)") }
        if signal.churn { reasons.append("churn intent") }
        if signal.effort { reasons.append("effort complaint") }
        return reasons
    }

    /// The length of one period (`periodDays`) in seconds.
    public var periodSeconds: Double { Double(configuration.periodDays) * 86_400 }

    /// `asOf` and the `count − 1` period boundaries before it, oldest first. Periods are counted from Monday 1970-01-05.
    public func periodEnds(asOf: Date, count: Int) -> [Date] {
        let origin = 4 * 86_400.0
        var boundary = origin + ((asOf.timeIntervalSince1970 - origin) / periodSeconds).rounded(.down) * periodSeconds
        if boundary == asOf.timeIntervalSince1970 { boundary -= periodSeconds }
        let earlier = (0..<max(0, count - 1)).map { Date(timeIntervalSince1970: boundary - Double($0) * periodSeconds) }
        return earlier.reversed() + [asOf]
    }

    /// The UTC day (days since 1970) an instant closes: the day it falls in, a midnight closing the day before. The
    /// model counts in whole days, as the store's rollups do: at any instant of a day, every record of that day and
    /// the days before counts, a record of day d with weight ½^((day − d) / half-life).
    public static func day(closedBy instant: Date) -> Int { Int((instant.timeIntervalSince1970 / 86_400).rounded(.up)) - 1 }

    /// The weight at the end of `day` of a record from `recordDay` (nil: undated, weight 1); nil when it is later.
    func decay(recordDay: Int?, at day: Int) -> Double? {
        guard let recordDay else { return 1 }
        guard recordDay <= day else { return nil }
        return pow(0.5, Double(day - recordDay) / configuration.halfLifeDays)
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
                contribution.excluded = .zeroWeight
                measures.append(contribution)
                continue
            }
            guard let estimate = own.estimate(measure, asOf: asOf, configuration: configuration) else {
                contribution.excluded = measure == .sentimentTrend ? .needsTwoPeriods : .noAnswers
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
                    contribution.priorSource = segmentPrior != nil ? .segment : .portfolio
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
