public import Foundation
public import VocCore

/// Finds what automated jobs are told about: detractor responses, churn-intent mentions and accounts entering red.
///
/// Alert ids are stable (a hash of the kind and the record key, or of the account and the period it turned red),
/// so the store can emit each alert once however often the job reruns.
public struct AlertDetector: Sendable {
    public var model: HealthModel
    /// How many periods back the start of a red streak is looked for.
    public var lookbackPeriods = 26

    public init(model: HealthModel) {
        self.model = model
    }

    /// Record alerts for responses submitted on or after `since` (all when nil) and dated on or before `asOf`.
    public func recordAlerts(_ signals: [FeedbackSignal], since: Date?, asOf: Date) -> [Alert] {
        var alerts: [Alert] = []
        for signal in signals {
            if let date = signal.submittedAt, date > asOf || since.map({ date < $0 }) == true { continue }
            if signal.submittedAt == nil, since != nil { continue }
            if let nps = signal.nps, nps <= 6 {
                alerts.append(Alert(id: Self.id(.detractor, signal.key), kind: .detractor, account: signal.accountID,
                                    reason: "NPS \(nps): detractor", recordKey: signal.key, occurredAt: signal.submittedAt))
            }
            if signal.churn {
                alerts.append(Alert(id: Self.id(.churnIntent, signal.key), kind: .churnIntent, account: signal.accountID,
                                    reason: "the comment mentions leaving or cancelling", recordKey: signal.key, occurredAt: signal.submittedAt))
            }
        }
        return alerts.sorted { ($0.occurredAt ?? .distantPast, $0.id) < ($1.occurredAt ?? .distantPast, $1.id) }
    }

    /// Accounts red at `asOf` whose current red streak has not been alerted yet (`previous`: alerts already emitted).
    public func enteredRed(_ signals: [FeedbackSignal], directory: [String: DirectoryAccount], asOf: Date, previous: [Alert]) -> [Alert] {
        let points = Dictionary(grouping: model.history(signals, directory: directory, asOf: asOf, periods: lookbackPeriods), by: \.account)
        let lastAlerted = Dictionary(previous.filter { $0.kind == .enteredRed }.compactMap { alert in alert.account.map { ($0, alert.occurredAt ?? .distantPast) } },
                                     uniquingKeysWith: max)
        var alerts: [Alert] = []
        for (account, history) in points {
            guard let now = history.last, now.band == .red else { continue }
            let lastNotRed = history.last { $0.band != .red }?.periodEnd
            let streakStart = history.first { point in point.band == .red && lastNotRed.map { point.periodEnd > $0 } ?? true }?.periodEnd ?? now.periodEnd
            if let alerted = lastAlerted[account], alerted >= (lastNotRed ?? .distantPast) { continue }
            let reason = "health \(String(format: "%.1f", now.score)) is red" + (lastNotRed.map { " (not red at \(Self.day($0)))" } ?? "")
            alerts.append(Alert(id: Self.id(.enteredRed, account + "@" + Self.day(streakStart)), kind: .enteredRed, account: account,
                                reason: reason, occurredAt: streakStart))
        }
        return alerts.sorted { $0.id < $1.id }
    }

    static func id(_ kind: Alert.Kind, _ subject: String) -> String {
        var hasher = StableHasher()
        hasher.combine(kind.rawValue)
        hasher.combine(subject)
        return kind.rawValue + "-" + hasher.finalizeHex().prefix(16)
    }

    private static func day(_ date: Date) -> String {
        let days = Int((date.timeIntervalSince1970 / 86_400).rounded(.down))
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = [.withFullDate]
        return formatter.string(from: Date(timeIntervalSince1970: Double(days) * 86_400))
    }
}
