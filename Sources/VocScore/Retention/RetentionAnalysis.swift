public import Foundation
public import VocCore

/// Churn, retention and expansion per period from dated CRM snapshots.
///
/// A period is reported when a snapshot is dated on or before its start (the start state: the latest such) and
/// another on its last day or the next period's first (the end state: quarter-end exports are dated either way); a
/// period the snapshots cover only in part is not reported. An account is active in a snapshot that lists it
/// with any status but `churned`. Over the period: churned = active at the start and not at the end (absent, or marked
/// churned); new = active at the end and not at the start; each account still active moved its ARR up (expansion) or
/// down (contraction). A change is dated at the first snapshot that shows it.
public struct RetentionAnalysis: Sendable {
    /// Who is counted: every account, or only those a CSM owns (at the period's start; new accounts at its end).
    public var owner: String?
    public var bySegment = false

    public init(owner: String? = nil, bySegment: Bool = false) {
        self.owner = owner
        self.bySegment = bySegment
    }

    /// The rows of every reportable period, oldest first; per segment (in name order) when `bySegment`.
    public func rows(_ snapshots: [AccountSnapshot], period: RetentionPeriod) -> [RetentionRow] {
        Self.covered(snapshots, period: period).flatMap { compare($0.start, $0.end, period: $0.period) }
    }

    /// The periods the snapshots cover, oldest first, each with its start and end snapshot (see the type's rules).
    public static func covered(_ snapshots: [AccountSnapshot], period: RetentionPeriod)
        -> [(period: DateInterval, start: AccountSnapshot, end: AccountSnapshot)] {
        let ordered = snapshots.sorted { $0.date < $1.date }
        guard let first = ordered.first, let last = ordered.last, ordered.count >= 2 else { return [] }
        return period.intervals(from: first.date, through: last.date).compactMap { interval in
            guard let start = ordered.last(where: { $0.date <= interval.start }),
                  let end = ordered.last(where: { $0.date > interval.start && $0.date <= interval.end }),
                  end.date >= interval.end.addingTimeInterval(-86_400) else { return nil }
            return (interval, start, end)
        }
    }

    private func compare(_ start: AccountSnapshot, _ end: AccountSnapshot, period: DateInterval) -> [RetentionRow] {
        let before = Self.active(start), after = Self.active(end)
        var rows: [String?: RetentionRow] = [:]
        func add(_ account: DirectoryAccount, _ update: (inout RetentionRow) -> Void) {
            guard owner == nil || account.owner == owner else { return }
            let segment: String? = bySegment ? account.segment ?? "(none)" : nil
            update(&rows[segment, default: RetentionRow(period: period, start: start.date, end: end.date, segment: segment)])
        }
        for (id, account) in before {
            let arr = account.arr ?? 0
            add(account) { row in
                row.accountsStart += 1
                row.arrStart += arr
                guard let now = after[id] else {
                    row.churned += 1
                    row.churnedArr += arr
                    return
                }
                let change = (now.arr ?? 0) - arr
                if change > 0 { row.expansionArr += change } else { row.contractionArr -= change }
            }
        }
        for (id, account) in after where before[id] == nil { add(account) { $0.new += 1 } }
        return rows.values.map { row in
            var row = row
            row.finish()
            return row
        }.sorted { ($0.segment ?? "") < ($1.segment ?? "") }
    }

    /// The accounts a snapshot lists as active, by id.
    public static func active(_ snapshot: AccountSnapshot) -> [String: DirectoryAccount] {
        Dictionary(snapshot.accounts.filter { $0.status != .churned }.map { ($0.id, $0) }, uniquingKeysWith: { first, _ in first })
    }
}
