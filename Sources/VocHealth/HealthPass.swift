public import Foundation
public import VocCore

/// The health of every account from one pass over the rollups' day series, in memory that grows with the number of
/// accounts and periods but not with the number of records: `add` every day (in any order), then read `accounts()`
/// and `history()`.
///
/// Each instant the model looks at (the as-of date, one period before it for the trend, and the history's period
/// ends) keeps its own decayed sums per account, per segment and for the portfolio. The sums are exact, so the
/// figures do not depend on the order the store returns days in.
public struct HealthPass {
    public let model: HealthModel
    public let directory: [String: DirectoryAccount]
    public let asOf: Date
    /// The history's period ends, oldest first (`asOf` last); empty without history.
    public let historyEnds: [Date]

    /// The instants sums are kept for (`asOf` first), and the day each closes (`HealthModel.day(closedBy:)`).
    private let instants: [Date]
    private let instantDays: [Int]
    private let weights: DecayWeights
    private let previousInstant: Int
    private let historyInstants: [Int]
    /// Sums per account, per segment and for the portfolio, each `instants.count` long: an account's sums at every
    /// instant sit side by side, so one record touches one stretch of memory.
    private var accountSums: [SignalAccumulator] = []
    private var segmentSums: [SignalAccumulator] = []
    private var portfolioSums: [SignalAccumulator]
    private var accountIndex: [String: Int] = [:]
    private var accountNames: [String] = []
    private var accountSegments: [Int?] = []
    private var segmentIndex: [String: Int] = [:]

    /// - Parameter historyPeriods: how many period-end scores `history()` gives per account (0: none).
    public init(model: HealthModel, directory: [String: DirectoryAccount], asOf: Date, historyPeriods: Int = 0) {
        self.model = model
        self.directory = directory
        self.asOf = asOf
        historyEnds = historyPeriods > 0 ? model.periodEnds(asOf: asOf, count: historyPeriods) : []
        var instants = [asOf]
        func slot(_ instant: Date) -> Int {
            if let index = instants.firstIndex(of: instant) { return index }
            instants.append(instant)
            return instants.count - 1
        }
        previousInstant = slot(asOf.addingTimeInterval(-model.periodSeconds))
        historyInstants = historyEnds.map(slot)
        self.instants = instants
        instantDays = instants.map(HealthModel.day(closedBy:))
        weights = DecayWeights(model: model)
        portfolioSums = Array(repeating: SignalAccumulator(), count: instants.count)
    }

    /// Counts every day of a rollup group whose records belong to `account` (nil: the portfolio only).
    public mutating func add(_ rollup: GroupRollup, account: String?) {
        for entry in rollup.days { add(entry.signals, account: account, day: entry.day) }
    }

    /// Counts one day's records (`day` nil: the undated ones) of `account`, a directory account id (nil: the
    /// portfolio only).
    public mutating func add(_ cell: DaySignals, account id: String?, day: Int?) {
        let account = id.map { index(ofAccount: $0) }
        let segment = account.flatMap { accountSegments[$0] }
        let count = instants.count
        for (index, instantDay) in instantDays.enumerated() {
            let age = day.map { instantDay - $0 }
            guard let weight = weights.weight(age: age) else { continue }
            let period = age.map { $0 / model.configuration.periodDays }
            portfolioSums[index].add(cell, weight: weight, period: period)
            if let account { accountSums[account * count + index].add(cell, weight: weight, period: period) }
            if let segment { segmentSums[segment * count + index].add(cell, weight: weight, period: period) }
        }
    }

    /// Every account with feedback on or before `asOf`, worst first, with its trend against the previous period.
    public func accounts() -> [AccountHealth] {
        let previous = scores(at: previousInstant)
        return scores(at: 0).values.map { health in
            var health = health
            if let before = previous[health.account] {
                health.previousScore = before.score
                health.previousBand = before.band
                let change = health.score - before.score
                let threshold = model.configuration.trendArrowPoints
                health.trend = change >= threshold ? .up : change <= -threshold ? .down : .flat
            }
            return health
        }.sorted { ($0.score, $0.account) < ($1.score, $1.account) }
    }

    /// Each account's score at each of `historyEnds`, oldest period first, accounts in id order within a period.
    public func history() -> [HealthPoint] {
        zip(historyEnds, historyInstants).flatMap { end, instant in
            scores(at: instant).values.sorted { $0.account < $1.account }
                .map { HealthPoint(account: $0.account, periodEnd: end, score: $0.score, band: $0.band, responses: $0.responses) }
        }
    }

    private mutating func index(ofAccount account: String) -> Int {
        if let index = accountIndex[account] { return index }
        let index = accountNames.count
        accountIndex[account] = index
        accountNames.append(account)
        let segment = directory[account]?.segment.map { name in
            if let index = segmentIndex[name] { return index }
            segmentIndex[name] = segmentIndex.count
            segmentSums += Array(repeating: SignalAccumulator(), count: instants.count)
            return segmentIndex.count - 1
        }
        accountSegments.append(segment)
        accountSums += Array(repeating: SignalAccumulator(), count: instants.count)
        return index
    }

    /// Health per account with feedback at `instants[instant]`, without trend.
    private func scores(at instant: Int) -> [String: AccountHealth] {
        var result: [String: AccountHealth] = [:]
        let count = instants.count
        for (index, account) in accountNames.enumerated() {
            let own = accountSums[index * count + instant]
            guard own.responses > 0 else { continue }
            result[account] = model.score(own, account: account, entry: directory[account],
                                          segment: accountSegments[index].map { segmentSums[$0 * count + instant] },
                                          portfolio: portfolioSums[instant], asOf: instants[instant])
        }
        return result
    }
}

