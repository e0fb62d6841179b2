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

    /// The record's alerts when it was submitted on or after `since` (any time when nil) and on or before `asOf`.
    public func recordAlerts(for signal: FeedbackSignal, since: Date?, asOf: Date) -> [Alert] {
        if let date = signal.submittedAt, date > asOf || since.map({ date < $0 }) == true { return [] }
        if signal.submittedAt == nil, since != nil { return [] }
        var alerts: [Alert] = []
        if let nps = signal.nps, NPSBand(score: nps) == .detractor {
            alerts.append(Alert(id: Self.id(.detractor, signal.key), kind: .detractor, account: signal.accountID,
                                reason: "NPS \(nps): detractor", recordKey: signal.key, occurredAt: signal.submittedAt))
        }
        if signal.churn {
            alerts.append(Alert(id: Self.id(.churnIntent, signal.key), kind: .churnIntent, account: signal.accountID,
                                reason: "the comment mentions leaving or cancelling", recordKey: signal.key, occurredAt: signal.submittedAt))
        }
        return alerts
    }

    /// A `HealthPass` keeping the `lookbackPeriods` of history that `enteredRed` reads.
    public func healthPass(directory: [String: DirectoryAccount], asOf: Date) -> HealthPass {
        HealthPass(model: model, directory: directory, asOf: asOf, historyPeriods: lookbackPeriods)
    }

    /// Accounts red at the pass's as-of date whose current red streak has not been alerted yet (`previous`: alerts
    /// already emitted); `pass` comes from `healthPass`.
    public func enteredRed(_ pass: HealthPass, previous: [Alert]) -> [Alert] {
        let points = Dictionary(grouping: pass.history(), by: \.account)
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

    /// Record alerts in the order they are emitted: oldest first, then by id.
    public static func chronological(_ alerts: [Alert]) -> [Alert] {
        alerts.sorted { ($0.occurredAt ?? .distantPast, $0.id) < ($1.occurredAt ?? .distantPast, $1.id) }
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
