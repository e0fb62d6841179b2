public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    /// Row ids grow in commit order here (one writer at a time), so the greatest one is the position through which
    /// every record is committed.
    public func arrivedThrough() throws(VocError) -> Int64 {
        try read { db in try Int64.fetchOne(db, sql: "SELECT COALESCE(MAX(id), 0) FROM feedback") ?? 0 }
    }

    public func signals(arrivedAfter after: Int64, through: Int64, limit: Int) throws(VocError) -> [ArrivedSignal] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(FeedbackSignal.columns.names()), id FROM feedback WHERE id > ? AND id <= ? ORDER BY id LIMIT ?",
                                           arguments: [after, through, limit])
            let idPosition = FeedbackSignal.columns.columns.count
            var signals: [ArrivedSignal] = []
            while let row = try rows.next() {
                signals.append(ArrivedSignal(position: row[idPosition],
                                             signal: try FeedbackSignal(reading: SQLiteRowReader(row: row, positions: FeedbackSignal.columns))))
            }
            return signals
        }
    }

    public func comments(within windows: [DateInterval], after: Int64, limit: Int) throws(VocError) -> [WindowComment] {
        guard !windows.isEmpty else { return [] }
        var arguments = StatementArguments(windows.flatMap { [$0.start.timeIntervalSince1970, $0.end.timeIntervalSince1970] })
        arguments += [after]
        return try comments(where: "(" + windows.map { _ in "submitted_at BETWEEN ? AND ?" }.joined(separator: " OR ") + ") AND id > ?",
                            arguments: arguments, limit: limit)
    }

    public func comments(within window: DateInterval, arrivedAfter after: Int64, through: Int64, limit: Int) throws(VocError) -> [WindowComment] {
        try comments(where: "submitted_at BETWEEN ? AND ? AND id > ? AND id <= ?",
                     arguments: [window.start.timeIntervalSince1970, window.end.timeIntervalSince1970, after, through], limit: limit)
    }

    /// Up to `limit` commented records `condition` selects, in arrival order.
    private func comments(where condition: String, arguments: StatementArguments, limit: Int) throws(VocError) -> [WindowComment] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(WindowComment.columns.names()), id FROM feedback WHERE comment IS NOT NULL AND \(condition) ORDER BY id LIMIT ?",
                                           arguments: arguments + [limit])
            let idPosition = WindowComment.columns.columns.count
            var comments: [WindowComment] = []
            while let row = try rows.next() {
                comments.append(try WindowComment(reading: SQLiteRowReader(row: row, positions: WindowComment.columns), position: row[idPosition]))
            }
            return comments
        }
    }

    public func alertProgress() throws(VocError) -> AlertProgress {
        try read { db in
            AlertProgress(rows: try Row.fetchAll(db, sql: "SELECT name, value FROM alert_progress").map { ($0[0], $0[1]) })
        }
    }

    public func recordNewAlerts(_ alerts: [Alert], at date: Date, progress: AlertProgress?,
                                deliver: @escaping @Sendable ([Alert]) throws -> Void) throws(VocError) -> [Alert] {
        try write { db in
            var sequence = try Int.fetchOne(db, sql: "SELECT COALESCE(MAX(seq), 0) FROM alert") ?? 0
            let insert = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO alert (id, kind, account_id, reason, record_key, occurred_at, emitted_at, seq) VALUES (?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var fresh: [Alert] = []
            for alert in alerts {
                sequence += 1
                try insert.execute(arguments: [alert.id, alert.kind.rawValue, alert.account, alert.reason, alert.recordKey,
                                               alert.occurredAt?.timeIntervalSince1970, date.timeIntervalSince1970, sequence])
                if db.changesCount > 0 { fresh.append(alert) }
            }
            if let progress {
                let stored = AlertProgress(rows: try Row.fetchAll(db, sql: "SELECT name, value FROM alert_progress").map { ($0[0], $0[1]) })
                for (name, value) in progress.merged(into: stored).rows {
                    try db.execute(sql: "INSERT OR REPLACE INTO alert_progress (name, value) VALUES (?, ?)", arguments: [name, value])
                }
            }
            try deliver(fresh)
            return fresh
        }
    }

    public func emittedAlerts(kinds: Set<Alert.Kind>, after: Int64, limit: Int) throws(VocError) -> [(sequence: Int64, alert: Alert)] {
        guard !kinds.isEmpty else { return [] }
        return try read { db in
            let placeholders = kinds.map { _ in "?" }.joined(separator: ", ")
            let rows = try Row.fetchAll(db, sql: """
                SELECT seq, id, kind, account_id, reason, record_key, occurred_at FROM alert WHERE seq > ? AND kind IN (\(placeholders)) ORDER BY seq LIMIT ?
                """, arguments: StatementArguments([after] + kinds.map(\.rawValue) + [limit] as [any DatabaseValueConvertible])!)
            return rows.map { row in
                (row["seq"], Alert(id: row["id"], kind: Alert.Kind(rawValue: row["kind"]) ?? .detractor, account: row["account_id"], reason: row["reason"],
                                   recordKey: row["record_key"], occurredAt: (row["occurred_at"] as Double?).map(Date.init(timeIntervalSince1970:))))
            }
        }
    }
}
