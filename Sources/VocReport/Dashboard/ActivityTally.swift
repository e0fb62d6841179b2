import Foundation
import VocCore
import VocHealth
import VocScore

/// Responses, NPS answers and mean sentiment per chart period, per account and for the portfolio, and each
/// account's languages: what the dashboard's charts show, counted in the same pass over the rollups as health.
struct ActivityTally: Sendable {
    /// One period's counts: its days' signals added up (`DaySignals.merge`, integers only, so any order gives the
    /// same sums).
    typealias Bucket = DaySignals

    /// NPS, CSAT, CES and sentiment in the last `periodDays` days against the `periodDays` days before (`windows`).
    func changes(of account: String?) -> MetricChanges {
        let windows = account.map { accountWindows[$0] ?? [Bucket(), Bucket()] } ?? self.windows
        let (before, now) = (windows[0], windows[1])
        return MetricChanges(
            periodDays: periodDays, nps: .nps(now.nps, previous: before.nps),
            csat: .share(favourable: now.csatFavourable, of: now.csatAnswered, previousFavourable: before.csatFavourable, of: before.csatAnswered),
            ces: .share(favourable: now.cesFavourable, of: now.cesAnswered, previousFavourable: before.cesFavourable, of: before.cesAnswered),
            sentiment: .mean(now.meanSentiment, answered: now.scored, previous: before.meanSentiment, previousAnswered: before.scored))
    }

    private let periodDays: Int
    /// The tiles' two windows of `periodDays` whole days, the previous one first: the chart's last period can be a
    /// partial calendar week, so the change is counted on windows of the same length ending with the view's day.
    private(set) var windows = [Bucket(), Bucket()]
    private(set) var accountWindows: [String: [Bucket]] = [:]

    /// The periods' ends, oldest first; period i holds the days after the one `ends[i − 1]` closes through the one
    /// `ends[i]` closes (`HealthModel.day(closedBy:)`), and the first one the `periodDays` days through `ends[0]`'s.
    let ends: [Date]
    let periodSeconds: Double
    private let endDays: [Int]
    private(set) var portfolio: [Bucket]
    private(set) var accounts: [String: [Bucket]] = [:]
    /// Records per language, per account.
    private(set) var languages: [String: [String: Int]] = [:]

    init(ends: [Date], periodDays: Int) {
        self.ends = ends
        periodSeconds = Double(periodDays) * 86_400
        endDays = ends.map(HealthModel.day(closedBy:))
        portfolio = Array(repeating: Bucket(), count: ends.count)
        firstDay = (endDays.first ?? 0) - periodDays + 1
        self.periodDays = periodDays
    }

    private let firstDay: Int

    /// Counts a rollup group whose records belong to `account` (nil: the portfolio only): its days in the periods
    /// (undated ones in none), its languages.
    mutating func add(_ rollup: GroupRollup, account: String?) {
        // The group's days are in order: walk the periods alongside, and add the group's buckets to its account once.
        var buckets = Array(repeating: Bucket(), count: ends.count)
        var windowBuckets = [Bucket(), Bucket()]
        let lastDay = endDays.last ?? 0
        var period = 0
        for entry in rollup.days {
            guard let day = entry.day, day >= firstDay || day > lastDay - 2 * periodDays else { continue }
            if day <= lastDay, day > lastDay - 2 * periodDays { windowBuckets[day > lastDay - periodDays ? 1 : 0].merge(entry.signals) }
            guard day >= firstDay else { continue }
            while period < endDays.count, day > endDays[period] { period += 1 }
            guard period < endDays.count else { break }
            buckets[period].merge(entry.signals)
        }
        for index in buckets.indices where buckets[index].responses > 0 {
            portfolio[index].merge(buckets[index])
            if let account { accounts[account, default: Array(repeating: Bucket(), count: ends.count)][index].merge(buckets[index]) }
        }
        for index in windowBuckets.indices where windowBuckets[index].responses > 0 {
            windows[index].merge(windowBuckets[index])
            if let account { accountWindows[account, default: [Bucket(), Bucket()]][index].merge(windowBuckets[index]) }
        }
        guard let account else { return }
        for (label, tally) in rollup.labels where label.kind == .language { languages[account, default: [:]][label.label, default: 0] += tally.records }
    }

    /// The account's most frequent language (ties: the first in alphabetical order).
    func language(of account: String) -> String? {
        languages[account]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}

extension DaySignals {
    /// The mean compound score of the scored comments; nil without any.
    var meanSentiment: Double? { scored > 0 ? RollupUnits.value(sentimentUnits) / Double(scored) : nil }
}
