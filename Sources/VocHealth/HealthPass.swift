public import Foundation
public import VocCore

/// The health of every account from one pass over the rollups' day series, in memory that grows with the number of
/// accounts and periods but not with the number of records: `add` every group's days (groups in any order), then
/// read `accounts()` and `history()`.
///
/// Each instant the model looks at (the as-of date, one period before it for the trend, and the history's period
/// ends) keeps its own decayed sums per account, per segment and for the portfolio. Every day is weighted once, by
/// its age at the as-of day: ½^((asOf − d)/h) = ½^((asOf − t)/h) × ½^((t − d)/h), so an instant t's sums are the
/// sums of the days up to t, read with the factor 2^((asOf − t)/h). A group's days are walked in order and its
/// running sums handed to each instant as the walk passes it: the work grows with days plus instants, not their
/// product (an account page with twelve weeks of history: 0.97 → … s on a million responses). The sums are exact,
/// so the figures do not depend on the order the store returns groups in, nor on how the days are grouped.
public struct HealthPass {
    public let model: HealthModel
    public let directory: [String: DirectoryAccount]
    public let asOf: Date
    /// The history's period ends, oldest first (`asOf` last); empty without history.
    public let historyEnds: [Date]

    /// The instants sums are kept for (`asOf` first), and the day each closes (`HealthModel.day(closedBy:)`).
    private let instants: [Date]
    private let instantDays: [Int]
    /// The days a group's walk reads its running totals at, in order: for each instant, two periods and one period
    /// before its day (the trend windows' edges, `slot` 0 and 1) and its day itself (`slot` 2, where the running
    /// sums are handed over too).
    private let marks: [(day: Int, instant: Int, slot: Int)]
    private let weights: DecayWeights
    /// The as-of day, by whose weights every day is counted, and each instant's weight at it.
    private let referenceDay: Int
    private let instantWeights: [Double]
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
        let instantDays = instants.map(HealthModel.day(closedBy:))
        self.instantDays = instantDays
        let period = model.configuration.periodDays
        marks = instants.indices.flatMap { instant in (0..<3).map { slot in (instantDays[instant] - (2 - slot) * period, instant, slot) } }
            .sorted { $0.0 < $1.0 }
        let weights = DecayWeights(model: model)
        self.weights = weights
        referenceDay = instantDays.max()!
        instantWeights = instantDays.map { weights.weight(age: instantDays.max()! - $0)! }
        portfolioSums = instantWeights.map { SignalAccumulator(scale: 1 / $0) }
    }

    /// Counts every day of a rollup group whose records belong to `account`, a directory account id (nil: the
    /// portfolio only).
    public mutating func add(_ rollup: GroupRollup, account: String?) {
        add(rollup.days, account: account)
    }

    /// Counts a group's days (see `add(_:account:)`).
    public mutating func add(_ days: DaySeries, account id: String?) {
        let account = id.map { index(ofAccount: $0) }
        let segment = account.flatMap { accountSegments[$0] }
        let count = instants.count
        // The group's running sums, by as-of weights, and its running scored count and sentiment (unweighted).
        var running = SignalAccumulator()
        var undated: DaySignals?
        var trend = (count: 0, units: 0)
        var reached = Array(repeating: SignalAccumulator(), count: count)
        // Per instant, the unweighted running totals at its day and one and two periods before.
        var edges = Array(repeating: [(count: 0, units: 0), (count: 0, units: 0), (count: 0, units: 0)], count: count)
        var next = 0
        func passMarks(before day: Int) {
            while next < marks.count, marks[next].day < day {
                let mark = marks[next]
                edges[mark.instant][mark.slot] = trend
                if mark.slot == 2 { reached[mark.instant] = running }
                next += 1
            }
        }
        for entry in days {
            guard let day = entry.day else {
                undated = entry.signals
                continue
            }
            guard day <= referenceDay else { break }
            passMarks(before: day)
            running.add(entry.signals, weight: weights.weight(age: referenceDay - day)!)
            trend.count += entry.signals.scored
            trend.units += entry.signals.sentimentUnits
        }
        passMarks(before: Int.max)
        for index in 0..<count {
            var sums = reached[index]
            // Undated records count fully at every instant, and in no period.
            if let undated { sums.add(undated, weight: instantWeights[index]) }
            let (previous, last, now) = (edges[index][0], edges[index][1], edges[index][2])
            sums.lastPeriod = (now.count - last.count, now.units - last.units)
            sums.previousPeriod = (last.count - previous.count, last.units - previous.units)
            guard sums.responses > 0 else { continue }
            portfolioSums[index].merge(sums)
            if let account { accountSums[account * count + index].merge(sums) }
            if let segment { segmentSums[segment * count + index].merge(sums) }
        }
    }

    /// Counts an account's e-mail contacts (`FirstContactResolution`) for the first-contact-resolution measure: each
    /// decided contact weighs as a record of the day the customer first wrote, at every instant its outcome was known
    /// by. `account` is a directory account id (nil: the portfolio only).
    public mutating func add(contacts: some Sequence<FirstContact>, account id: String?) {
        let account = id.map { index(ofAccount: $0) }
        let segment = account.flatMap { accountSegments[$0] }
        let count = instants.count
        for contact in contacts {
            guard let decided = contact.decidedAt, contact.outcome == .resolved || contact.outcome == .notResolved else { continue }
            let day = RollupKey.day(of: contact.openedAt.timeIntervalSince1970)
            guard day <= referenceDay, let weight = weights.weight(age: referenceDay - day) else { continue }
            let resolved = contact.outcome == .resolved ? weight : 0
            for index in 0..<count where decided <= instants[index] {
                func add(_ sums: inout SignalAccumulator) {
                    sums.contacts.add(weight)
                    sums.resolvedContacts.add(resolved)
                }
                add(&portfolioSums[index])
                if let account { add(&accountSums[account * count + index]) }
                if let segment { add(&segmentSums[segment * count + index]) }
            }
        }
    }

    /// Every account with feedback on or before `asOf`, worst first, with its trend against the previous period.
    /// - Parameter among: only these accounts (nil: all), for a page about one account.
    public func accounts(among: Set<String>? = nil) -> [AccountHealth] {
        let previous = scores(at: previousInstant, among: among)
        return scores(at: 0, among: among).values.map { health in
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
    public func history(among: Set<String>? = nil) -> [HealthPoint] {
        zip(historyEnds, historyInstants).flatMap { end, instant in
            scores(at: instant, among: among).values.sorted { $0.account < $1.account }
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
            segmentSums += instantWeights.map { SignalAccumulator(scale: 1 / $0) }
            return segmentIndex.count - 1
        }
        accountSegments.append(segment)
        accountSums += instantWeights.map { SignalAccumulator(scale: 1 / $0) }
        return index
    }

    /// Health per account with feedback at `instants[instant]`, without trend.
    private func scores(at instant: Int, among: Set<String>?) -> [String: AccountHealth] {
        var result: [String: AccountHealth] = [:]
        let count = instants.count
        for (index, account) in accountNames.enumerated() where among?.contains(account) ?? true {
            let own = accountSums[index * count + instant]
            guard own.responses > 0 else { continue }
            result[account] = model.score(own, account: account, entry: directory[account],
                                          segment: accountSegments[index].map { segmentSums[$0 * count + instant] },
                                          portfolio: portfolioSums[instant], asOf: instants[instant])
        }
        return result
    }
}

