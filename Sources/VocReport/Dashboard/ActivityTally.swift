import Foundation
import VocCore
import VocHealth

/// Responses, NPS answers and mean sentiment per chart period, per account and for the portfolio, and each
/// account's languages: what the dashboard's charts show, counted in the same pass over the rollup cells as health.
struct ActivityTally: Sendable {
    /// One period's counts.
    struct Bucket: Sendable {
        var responses = 0
        var nps = NPSTally()
        var sentimentSum = ExactSum()
        var scored = 0

        mutating func add(_ cell: RollupCell) {
            responses += cell.responses
            nps.merge(cell.nps)
            sentimentSum.add(RollupUnits.value(cell.sentimentUnits))
            scored += cell.scored
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
    var languages: [String: [String: Int]] = [:]

    init(ends: [Date], periodDays: Int) {
        self.ends = ends
        periodSeconds = Double(periodDays) * 86_400
        endDays = ends.map(HealthModel.day(closedBy:))
        portfolio = Array(repeating: Bucket(), count: ends.count)
        firstDay = (endDays.first ?? 0) - periodDays + 1
    }

    private let firstDay: Int

    /// Counts a cell of `day` (undated cells are in no period) of `account` (nil: the portfolio only).
    mutating func add(_ cell: RollupCell, account: String?, day: Int?) {
        guard let day, day >= firstDay, let period = endDays.firstIndex(where: { day <= $0 }) else { return }
        portfolio[period].add(cell)
        if let account { accounts[account, default: Array(repeating: Bucket(), count: ends.count)][period].add(cell) }
    }

    /// The account's most frequent language (ties: the first in alphabetical order).
    func language(of account: String) -> String? {
        languages[account]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }
}
