public import Foundation
public import VocCore

/// The health of every account from one pass over the signals, in memory that grows with the number of accounts
/// and periods but not with the number of records: `add` every signal (in any order), then read `accounts()`,
/// `history()` and `drivers(of:)`.
///
/// Each instant the model looks at (the as-of date, one period before it for the trend, and the history's period
/// ends) keeps its own decayed sums per account, per segment and for the portfolio. The sums are exact, so the
/// figures do not depend on the order the store returns records in.
public struct HealthPass {
    public let model: HealthModel
    public let directory: [String: DirectoryAccount]
    public let asOf: Date
    /// How many of each account's strongest drivers are kept.
    public let driverLimit: Int
    /// The history's period ends, oldest first (`asOf` last); empty without history.
    public let historyEnds: [Date]

    /// The instants sums are kept for: `asOf` first.
    private let instants: [Date]
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
    private var drivers: [[HealthDriver]] = []

    /// - Parameters:
    ///   - historyPeriods: how many period-end scores `history()` gives per account (0: none).
    ///   - driverLimit: how many drivers `drivers(of:)` keeps per account (0: none).
    public init(model: HealthModel, directory: [String: DirectoryAccount], asOf: Date, historyPeriods: Int = 0, driverLimit: Int = 0) {
        self.model = model
        self.directory = directory
        self.asOf = asOf
        self.driverLimit = driverLimit
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
        portfolioSums = Array(repeating: SignalAccumulator(), count: instants.count)
    }

    /// Counts one record (its `accountID` already resolved to a directory account).
    public mutating func add(_ signal: FeedbackSignal) {
        var account: Int?
        if let id = signal.accountID { account = index(ofAccount: id) }
        let segment = account.flatMap { accountSegments[$0] }
        let count = instants.count
        var weightAtAsOf: Double?
        for (index, instant) in instants.enumerated() {
            guard let weight = model.decay(signal, asOf: instant) else { continue }
            if index == 0 { weightAtAsOf = weight }
            let period = signal.submittedAt.map { Int(instant.timeIntervalSince($0) / model.periodSeconds) }
            portfolioSums[index].add(signal, weight: weight, period: period)
            if let account { accountSums[account * count + index].add(signal, weight: weight, period: period) }
            if let segment { segmentSums[segment * count + index].add(signal, weight: weight, period: period) }
        }
        if driverLimit > 0, let account, let weight = weightAtAsOf {
            keepDriver(signal, weight: weight, account: account)
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

    /// The account's records that pull its score furthest from neutral, strongest first (at most `driverLimit`).
    public func drivers(of account: String) -> [HealthDriver] {
        accountIndex[account].map { drivers[$0] } ?? []
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
        drivers.append([])
        return index
    }

    private mutating func keepDriver(_ signal: FeedbackSignal, weight: Double, account: Int) {
        guard let pull = model.pull(of: signal, weight: weight) else { return }
        let strongerThan = { (other: HealthDriver) in
            abs(pull) != abs(other.pull) ? abs(pull) > abs(other.pull) : signal.key < other.key
        }
        if drivers[account].count == driverLimit, let weakest = drivers[account].last, !strongerThan(weakest) { return }
        let position = drivers[account].firstIndex(where: strongerThan) ?? drivers[account].endIndex
        drivers[account].insert(HealthDriver(key: signal.key, submittedAt: signal.submittedAt, pull: pull, reasons: model.reasons(for: signal)),
                                at: position)
        if drivers[account].count > driverLimit { drivers[account].removeLast() }
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
