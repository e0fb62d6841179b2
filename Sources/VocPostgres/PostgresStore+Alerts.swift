public import Foundation
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    /// Ids come from a sequence when rows are inserted, not when they commit: a transaction holding lower ids may
    /// commit after one holding higher ids. Every ingest transaction holds the arrival lock shared, so once this takes
    /// it exclusively no ingest is in flight, and every id up to the greatest one is committed.
    public func arrivedThrough() async throws(VocError) -> Int64 {
        try await transaction { connection, logger in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.arrivalLock))", logger: logger)
            for try await id in try await connection.query("SELECT COALESCE(MAX(id), 0)::bigint FROM feedback", logger: logger).decode(Int64.self) {
                return id
            }
            return 0
        }
    }

    public func signals(arrivedAfter after: Int64, through: Int64, limit: Int) async throws(VocError) -> [ArrivedSignal] {
        try await run { connection, logger in
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(FeedbackSignal.columns.names()), id FROM feedback WHERE id > \(after) AND id <= \(through) ORDER BY id LIMIT \(limit)
                """), logger: logger)
            let idPosition = FeedbackSignal.columns.columns.count
            var signals: [ArrivedSignal] = []
            for try await row in rows {
                let reader = PostgresRowReader(row, positions: FeedbackSignal.columns)
                signals.append(ArrivedSignal(position: try reader.row[idPosition].decode(Int64.self), signal: try FeedbackSignal(reading: reader)))
            }
            return signals
        }
    }

    public func comments(within windows: [DateInterval], after: Int64, limit: Int) async throws(VocError) -> [WindowComment] {
        guard !windows.isEmpty else { return [] }
        let within = windows.map { "submitted_at BETWEEN \($0.start.timeIntervalSince1970) AND \($0.end.timeIntervalSince1970)" }
        return try await comments(where: "(\(within.joined(separator: " OR "))) AND id > \(after)", limit: limit)
    }

    public func comments(within window: DateInterval, arrivedAfter after: Int64, through: Int64, limit: Int) async throws(VocError) -> [WindowComment] {
        try await comments(where: """
            submitted_at BETWEEN \(window.start.timeIntervalSince1970) AND \(window.end.timeIntervalSince1970) AND id > \(after) AND id <= \(through)
            """, limit: limit)
    }

    /// Up to `limit` commented records `condition` (numbers only, no text) selects, in arrival order.
    private func comments(where condition: String, limit: Int) async throws(VocError) -> [WindowComment] {
        try await run { connection, logger in
            let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(WindowComment.columns.names()), id FROM feedback WHERE comment IS NOT NULL AND \(condition) ORDER BY id LIMIT \(limit)
                """), logger: logger)
            let idPosition = WindowComment.columns.columns.count
            var comments: [WindowComment] = []
            for try await row in rows {
                let reader = PostgresRowReader(row, positions: WindowComment.columns)
                comments.append(try WindowComment(reading: reader, position: try reader.row[idPosition].decode(Int64.self)))
            }
            return comments
        }
    }

    public func alertProgress() async throws(VocError) -> AlertProgress {
        try await run { connection, logger in try await Self.alertProgress(connection, logger: logger) }
    }

    private static func alertProgress(_ connection: PostgresConnection, logger: Logger) async throws -> AlertProgress {
        var rows: [(name: String, value: String)] = []
        for try await row in try await connection.query("SELECT name, value FROM alert_progress", logger: logger).decode((String, String).self) {
            rows.append(row)
        }
        return AlertProgress(rows: rows)
    }

    public func recordNewAlerts(_ alerts: [Alert], at date: Date, progress: AlertProgress?,
                                deliver: @escaping @Sendable ([Alert]) throws -> Void) async throws(VocError) -> [Alert] {
        try await transaction { connection, logger in
            // One alert run at a time: the second waits, then finds the first one's alerts already recorded.
            try await connection.query("LOCK TABLE alert IN SHARE ROW EXCLUSIVE MODE", logger: logger)
            var fresh: Set<String> = []
            for start in stride(from: 0, to: alerts.count, by: Self.batchRows) {
                let part = alerts[start..<min(start + Self.batchRows, alerts.count)]
                var binds = PostgresBindings(capacity: part.count * 7)
                var values: [String] = []
                for alert in part {
                    let first = binds.count
                    binds.append(alert.id)
                    binds.append(alert.kind.rawValue)
                    binds.append(alert.account)
                    binds.append(alert.reason)
                    binds.append(alert.recordKey)
                    binds.append(alert.occurredAt?.timeIntervalSince1970)
                    binds.append(date.timeIntervalSince1970)
                    values.append("(" + (1...7).map { "$\(first + $0)" }.joined(separator: ", ") + ")")
                }
                let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                    INSERT INTO alert (id, kind, account_id, reason, record_key, occurred_at, emitted_at)
                    VALUES \(values.joined(separator: ", ")) ON CONFLICT DO NOTHING RETURNING id
                    """, binds: binds), logger: logger)
                for try await id in rows.decode(String.self) { fresh.insert(id) }
            }
            if let progress {
                for (name, value) in progress.merged(into: try await Self.alertProgress(connection, logger: logger)).rows {
                    try await connection.query("""
                        INSERT INTO alert_progress (name, value) VALUES (\(name), \(value)) ON CONFLICT (name) DO UPDATE SET value = excluded.value
                        """, logger: logger)
                }
            }
            let delivered = alerts.filter { fresh.contains($0.id) }
            try deliver(delivered)
            return delivered
        }
    }

    public func emittedAlerts(kinds: Set<Alert.Kind>, after: Int64, limit: Int) async throws(VocError) -> [(sequence: Int64, alert: Alert)] {
        guard !kinds.isEmpty else { return [] }
        var binds = PostgresBindings()
        binds.append(after)
        let placeholders = kinds.map { kind in binds.append(kind.rawValue); return "$\(binds.count)" }
        binds.append(limit)
        let query = PostgresQuery(unsafeSQL: """
            SELECT seq, id, kind, account_id, reason, record_key, occurred_at FROM alert WHERE seq > $1 AND kind IN (\(placeholders.joined(separator: ", ")))
            ORDER BY seq LIMIT $\(binds.count)
            """, binds: binds)
        return try await run { connection, logger in
            var alerts: [(sequence: Int64, alert: Alert)] = []
            for try await (sequence, id, kind, account, reason, record, occurred) in try await connection.query(query, logger: logger)
                .decode((Int64, String, String, String?, String, String?, Double?).self) {
                alerts.append((sequence, Alert(id: id, kind: Alert.Kind(rawValue: kind) ?? .detractor, account: account, reason: reason, recordKey: record,
                                               occurredAt: occurred.map(Date.init(timeIntervalSince1970:)))))
            }
            return alerts
        }
    }
}
