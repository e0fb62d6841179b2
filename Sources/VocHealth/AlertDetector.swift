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

    /// Whether record alerts look at the record: submitted on or after `since` (any time when nil; undated records
    /// only then) and on or before `asOf`.
    public func isInWindow(_ signal: FeedbackSignal, since: Date?, asOf: Date) -> Bool {
        guard let date = signal.submittedAt else { return since == nil }
        return date <= asOf && since.map { date >= $0 } != false
    }

    /// The record's alerts when it is in the window (`isInWindow`).
    public func recordAlerts(for signal: FeedbackSignal, since: Date?, asOf: Date) -> [Alert] {
        guard isInWindow(signal, since: since, asOf: asOf) else { return [] }
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

    /// What an entered-red check depends on, hashed: the records stored (through arrival position `arrivedThrough`),
    /// the day health is computed for, the model's settings and the directory's accounts, domains and segments. Two
    /// checks with the same fingerprint find the same red accounts.
    public func fingerprint(arrivedThrough: Int64, asOf: Date, directory: [String: DirectoryAccount]) -> String {
        var hasher = StableHasher()
        let configuration = model.configuration
        hasher.combine("records \(arrivedThrough) day \(HealthModel.day(closedBy: asOf)) lookback \(lookbackPeriods)")
        hasher.combine("half-life \(configuration.halfLifeDays) period \(configuration.periodDays) prior \(configuration.priorStrength) "
                       + "volume \(configuration.volumeTarget)")
        func combine(_ profile: HealthProfile) {
            for measure in HealthMeasure.allCases { hasher.combine("\(measure.rawValue) \(profile.weights[measure] ?? 0)") }
            hasher.combine("bands \(profile.bands.redBelow) \(profile.bands.greenAbove)")
        }
        combine(configuration.profile)
        for segment in configuration.segments.keys.sorted() {
            hasher.combine("segment " + segment)
            combine(configuration.segments[segment]!)
        }
        for account in directory.values.sorted(by: { $0.id < $1.id }) {
            hasher.combine("account \(account.id) \(account.segment ?? "-") \(account.domains.sorted().joined(separator: " "))")
        }
        return hasher.finalizeHex()
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
