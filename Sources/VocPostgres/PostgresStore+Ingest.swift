public import Foundation
import NIOCore
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    public func startRun(command: String, at date: Date) throws(VocError) -> Int64 {
        try run { connection, logger in
            let rows = try await connection.query(
                "INSERT INTO ingest_run (started_at, command) VALUES (\(date.timeIntervalSince1970), \(command)) RETURNING id", logger: logger)
            for try await id in rows.decode(Int64.self) { return id }
            throw VocError(.store, "INSERT ... RETURNING id returned no row")
        }
    }

    public func finishRun(_ run: Int64, status: String, at date: Date) throws(VocError) {
        try self.run { connection, logger in
            _ = try await connection.query("UPDATE ingest_run SET finished_at = \(date.timeIntervalSince1970), status = \(status) WHERE id = \(run)", logger: logger)
        }
    }

    public func logFile(_ summary: IngestFileSummary, run: Int64) throws(VocError) {
        try self.run { connection, logger in
            _ = try await connection.query("""
                INSERT INTO ingest_file (run_id, path, format, detail, read, accepted, quarantined, skipped, already_stored, status, error)
                VALUES (\(run), \(summary.path), \(summary.format), \(summary.detail), \(summary.counts.read), \(summary.counts.accepted),
                        \(summary.counts.quarantined), \(summary.counts.skipped), \(summary.counts.alreadyStored),
                        \(summary.error == nil ? "completed" : "failed"), \(summary.error))
                """, logger: logger)
        }
    }

    static let feedbackColumns = [
        "key", "channel", "source_file", "source_line", "source_record", "response_id", "account_id", "account_name", "respondent_email",
        "submitted_at", "nps_state", "nps", "csat_state", "csat", "csat_scale", "csat_good", "csat_unit", "ces_state", "ces", "ces_scale",
        "ces_good", "ces_unit", "comment", "language", "run_id", "sentiment", "sentiment_label", "churn", "effort", "subject",
        "author_name", "thread", "quoted",
    ]

    static let quarantineColumns = ["key", "run_id", "source_file", "line", "byte", "record", "field", "reason", "detail", "raw", "truncated"]

    /// `INSERT INTO table (columns) VALUES ($1, …), (…) ON CONFLICT DO NOTHING` for `rows` rows.
    static func insertSQL(_ table: String, _ columns: [String], rows: Int, returning: String? = nil) -> String {
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var parameter = 0
        for row in 0..<rows {
            if row > 0 { sql += ", " }
            sql += "(" + columns.indices.map { _ in parameter += 1; return "$\(parameter)" }.joined(separator: ", ") + ")"
        }
        return sql + " ON CONFLICT DO NOTHING" + (returning.map { " RETURNING \($0)" } ?? "")
    }

    public func insert(records: [FeedbackRecord], quarantined: [QuarantinedRecord], run: Int64) throws(VocError) -> Int {
        // Sorted by key: concurrent writers lock conflicting rows in the same order. Duplicates within a batch are
        // dropped here (the first wins, as in SQLite) and counted as already stored.
        var seen: Set<String> = []
        let unique = records.sorted { $0.key < $1.key }.filter { seen.insert($0.key).inserted }
        let quarantine = quarantined.sorted { $0.key < $1.key }
        let inserted = try transaction { connection, logger in
            var inserted = 0
            for start in stride(from: 0, to: unique.count, by: Self.batchRows) {
                let batch = unique[start..<min(start + Self.batchRows, unique.count)]
                var binds = PostgresBindings(capacity: batch.count * Self.feedbackColumns.count)
                for record in batch { Self.bind(record, run: run, into: &binds) }
                let sql = Self.insertSQL("feedback", Self.feedbackColumns, rows: batch.count, returning: "key")
                var stored: Set<String> = []
                for try await key in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger).decode(String.self) {
                    stored.insert(key)
                }
                inserted += stored.count
                let topics = batch.filter { stored.contains($0.key) }.flatMap { record in
                    (record.sentiment?.topics ?? []).map { (record.key, record.accountID, $0) }
                }
                for chunk in stride(from: 0, to: topics.count, by: Self.batchRows) {
                    let part = topics[chunk..<min(chunk + Self.batchRows, topics.count)]
                    var topicBinds = PostgresBindings(capacity: part.count * 3)
                    for (key, account, topic) in part {
                        topicBinds.append(key)
                        topicBinds.append(account)
                        topicBinds.append(topic)
                    }
                    try await connection.query(PostgresQuery(unsafeSQL: Self.insertSQL("feedback_topic", ["feedback_key", "account_id", "topic"], rows: part.count),
                                                             binds: topicBinds), logger: logger)
                }
            }
            for start in stride(from: 0, to: quarantine.count, by: Self.batchRows) {
                let batch = quarantine[start..<min(start + Self.batchRows, quarantine.count)]
                var binds = PostgresBindings(capacity: batch.count * Self.quarantineColumns.count)
                for entry in batch {
                    binds.append(entry.key)
                    binds.append(Int(run))
                    binds.append(entry.position.file)
                    binds.append(entry.position.line)
                    binds.append(entry.position.byte)
                    binds.append(entry.position.record)
                    binds.append(entry.position.field)
                    binds.append(entry.reason.rawValue)
                    binds.append(entry.detail)
                    binds.append(ByteBuffer(bytes: entry.raw))
                    binds.append(entry.isTruncated)
                }
                try await connection.query(PostgresQuery(unsafeSQL: Self.insertSQL("quarantine", Self.quarantineColumns, rows: batch.count), binds: binds),
                                           logger: logger)
            }
            return inserted
        }
        return records.count - inserted
    }

    private static func bind(_ record: FeedbackRecord, run: Int64, into binds: inout PostgresBindings) {
        binds.append(record.key)
        binds.append(record.channel.rawValue)
        binds.append(record.position.file)
        binds.append(record.position.line)
        binds.append(record.position.record)
        binds.append(record.responseID)
        binds.append(record.accountID)
        binds.append(record.accountName)
        binds.append(record.respondentEmail)
        binds.append(record.submittedAt?.timeIntervalSince1970)
        binds.append(record.nps?.answer.stateCode)
        binds.append(record.nps?.answer.rating)
        for answer in [record.csat, record.ces] {
            let rating = answer?.answer.rating
            binds.append(answer?.answer.stateCode)
            binds.append(rating)
            binds.append(answer.map { ScaleCode.encode($0.scale) })
            binds.append(rating.flatMap { answer?.scale.isFavourable($0) }.map { $0 ? 1 : 0 })
            binds.append(rating.flatMap { answer?.scale.unit($0) })
        }
        binds.append(record.comment)
        binds.append(record.language)
        binds.append(Int(run))
        binds.append(record.sentiment?.compound)
        binds.append(record.sentiment?.label)
        binds.append(record.sentiment.map { $0.churn ? 1 : 0 })
        binds.append(record.sentiment.map { $0.effort ? 1 : 0 })
        binds.append(record.subject)
        binds.append(record.authorName)
        binds.append(record.thread)
        binds.append(record.quoted)
    }
}
