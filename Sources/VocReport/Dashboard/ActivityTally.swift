import Foundation
import VocCore
import VocHealth

/// Responses, NPS answers and mean sentiment per chart period, per account and for the portfolio, and each
/// account's languages: what the dashboard's charts show, counted in the same pass over the rollups as health.
struct ActivityTally: Sendable {
    /// One period's counts.
    struct Bucket: Sendable {
        var responses = 0
        var nps = NPSTally()
        var sentimentSum = ExactSum()
        var scored = 0

        mutating func add(_ day: DaySignals) {
            responses += day.responses
            nps.merge(day.nps)
            sentimentSum.add(RollupUnits.value(day.sentimentUnits))
            scored += day.scored
        }

        mutating func merge(_ other: Bucket) {
            responses += other.responses
            nps.merge(other.nps)
            sentimentSum.add(other.sentimentSum)
            scored += other.scored
        }

        var meanSentiment: Double? { scored > 0 ? sentimentSum.value / Double(scored) : nil }
    }

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
    }

    private let firstDay: Int

    /// Counts a rollup group whose records belong to `account` (nil: the portfolio only): its days in the periods
    /// (undated ones in none), its languages.
    mutating func add(_ rollup: GroupRollup, account: String?) {
        // The group's days are in order: walk the periods alongside, and add the group's buckets to its account once.
        var buckets = Array(repeating: Bucket(), count: ends.count)
        var period = 0
        for entry in rollup.days {
            guard let day = entry.day, day >= firstDay else { continue }
            while period < endDays.count, day > endDays[period] { period += 1 }
            guard period < endDays.count else { break }
            buckets[period].add(entry.signals)
        }
        for index in buckets.indices where buckets[index].responses > 0 {
            portfolio[index].merge(buckets[index])
            if let account { accounts[account, default: Array(repeating: Bucket(), count: ends.count)][index].merge(buckets[index]) }
        }
        guard let account else { return }
        for (label, records) in rollup.labels where label.kind == .language { languages[account, default: [:]][label.label, default: 0] += records }
    }

    /// The account's most frequent language (ties: the first in alphabetical order).
    func language(of account: String) -> String? {
        languages[account]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
