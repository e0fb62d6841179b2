import Foundation
import VocCore

/// Responses, NPS answers and mean sentiment per chart period, per account and for the portfolio, and each
/// account's languages: what the dashboard's charts show, counted in the same pass over the signals as health.
struct ActivityTally: Sendable {
    /// One period's counts.
    struct Bucket: Sendable {
        var responses = 0
        var nps = NPSTally()
        var sentimentSum = ExactSum()
        var scored = 0

        mutating func add(_ signal: FeedbackSignal) {
            responses += 1
            if let nps = signal.nps { self.nps.add(.rating(nps)) }
            if let sentiment = signal.sentiment { sentimentSum.add(sentiment); scored += 1 }
        }

        var meanSentiment: Double? { scored > 0 ? sentimentSum.value / Double(scored) : nil }
    }

    /// The periods' ends, oldest first; period i runs from `ends[i − 1]` (exclusive) to `ends[i]` (inclusive), and
    /// the first one from one period length before `ends[0]`.
    let ends: [Date]
    let periodSeconds: Double
    private(set) var portfolio: [Bucket]
    private(set) var accounts: [String: [Bucket]] = [:]
    /// Records per language, per account.
    private(set) var languages: [String: [String: Int]] = [:]

    init(ends: [Date], periodSeconds: Double) {
        self.ends = ends
        self.periodSeconds = periodSeconds
        portfolio = Array(repeating: Bucket(), count: ends.count)
    }

    mutating func add(_ signal: FeedbackSignal) {
        if let account = signal.accountID, let language = signal.language { languages[account, default: [:]][language, default: 0] += 1 }
        guard let period = period(of: signal) else { return }
        portfolio[period].add(signal)
        if let account = signal.accountID { accounts[account, default: Array(repeating: Bucket(), count: ends.count)][period].add(signal) }
    }

    /// The account's most frequent language (ties: the first in alphabetical order).
    func language(of account: String) -> String? {
        languages[account]?.max { ($0.value, $1.key) < ($1.value, $0.key) }?.key
    }

    private func period(of signal: FeedbackSignal) -> Int? {
        guard let date = signal.submittedAt, let first = ends.first, date > first.addingTimeInterval(-periodSeconds) else { return nil }
        return ends.firstIndex { date <= $0 }
    }
}
