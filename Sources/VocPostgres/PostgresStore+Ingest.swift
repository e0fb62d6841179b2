public import Foundation
import NIOCore
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    public func startRun(command: String, at date: Date) async throws(VocError) -> Int64 {
        try await run { connection, logger in
            let rows = try await connection.query(
                "INSERT INTO ingest_run (started_at, command) VALUES (\(date.timeIntervalSince1970), \(command)) RETURNING id", logger: logger)
            for try await id in rows.decode(Int64.self) { return id }
            throw VocError(.store, "INSERT ... RETURNING id returned no row")
        }
    }

    /// Closes the run in the log and folds the rollup deltas into their groups (`compactRollups`).
    public func finishRun(_ run: Int64, status: RunStatus, at date: Date) async throws(VocError) {
        try await self.run { connection, logger in
            _ = try await connection.query("UPDATE ingest_run SET finished_at = \(date.timeIntervalSince1970), status = \(status.rawValue) WHERE id = \(run)",
                                           logger: logger)
        }
        try await compactRollups()
    }

    public func logFile(_ summary: IngestFileSummary, run: Int64) async throws(VocError) {
        try await self.run { connection, logger in
            _ = try await connection.query("""
                INSERT INTO ingest_file (run_id, path, format, detail, read, accepted, quarantined, skipped, already_stored, status, error)
                VALUES (\(run), \(summary.path), \(summary.format), \(summary.detail), \(summary.counts.read), \(summary.counts.accepted),
                        \(summary.counts.quarantined), \(summary.counts.skipped), \(summary.counts.alreadyStored),
                        \(summary.status.rawValue), \(summary.error))
                """, logger: logger)
        }
    }

    /// `insertSQL` of every column of a table.
    static func insertSQL<Column: StoreColumn>(_ table: String, _ columns: Column.Type, rows: Int, onConflict: String? = "DO NOTHING",
                                               returning: String? = nil) -> String {
        insertSQL(table, Column.allCases.map(\.name), rows: rows, onConflict: onConflict, returning: returning)
    }

    /// `INSERT INTO table (columns) VALUES ($1, …), (…) ON CONFLICT DO NOTHING` for `rows` rows (`onConflict` nil:
    /// no clause; else what follows `ON CONFLICT`).
    static func insertSQL(_ table: String, _ columns: [String], rows: Int, onConflict: String? = "DO NOTHING", returning: String? = nil) -> String {
        var sql = "INSERT INTO \(table) (\(columns.joined(separator: ", "))) VALUES "
        var parameter = 0
        for row in 0..<rows {
            if row > 0 { sql += ", " }
            sql += "(" + columns.indices.map { _ in parameter += 1; return "$\(parameter)" }.joined(separator: ", ") + ")"
        }
        return sql + (onConflict.map { " ON CONFLICT " + $0 } ?? "") + (returning.map { " RETURNING \($0)" } ?? "")
    }

    public func insert(records: [FeedbackRecord], quarantined: [QuarantinedRecord], mail: [MailEnvelope], run: Int64) async throws(VocError) -> Int {
        // Sorted by key: concurrent writers lock conflicting rows in the same order. Duplicates within a batch are
        // dropped here (the first wins, as in SQLite) and counted as already stored.
        var seen: Set<String> = []
        let unique = records.sorted { $0.key < $1.key }.filter { seen.insert($0.key).inserted }
        let quarantine = quarantined.sorted { $0.key < $1.key }
        var seenMail: Set<String> = []
        let messages = mail.sorted { $0.key < $1.key }.filter { seenMail.insert($0.key).inserted }
        let inserted = try await transaction { connection, logger in
            // Shared: ingests do not wait for each other, only `arrivedThrough` waits for them.
            try await connection.query("SELECT pg_advisory_xact_lock_shared(\(PostgresSchema.arrivalLock))", logger: logger)
            var inserted = 0
            var rollups = RollupBatch()
            for start in stride(from: 0, to: unique.count, by: Self.batchRows) {
                let batch = unique[start..<min(start + Self.batchRows, unique.count)]
                var row = PostgresRowBindings(capacity: batch.count * FeedbackColumn.allCases.count)
                var scales = ScaleCodeMemo()
                for record in batch { record.write(run: run, scales: &scales, into: &row) }
                let sql = Self.insertSQL("feedback", FeedbackColumn.self, rows: batch.count, returning: "key")
                var stored: Set<String> = []
                for try await key in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: row.binds), logger: logger).decode(String.self) {
                    stored.insert(key)
                }
                inserted += stored.count
                for record in batch where stored.contains(record.key) { rollups.add(record.rollupFacts(scales: &scales)) }
                let topics = batch.filter { stored.contains($0.key) }.flatMap { record in
                    (record.sentiment?.topics ?? []).map { (record.key, record.accountID, $0) }
                }
                try await Self.insertParts(of: batch.filter { stored.contains($0.key) && !($0.answers.isEmpty && $0.aspects.isEmpty) }, on: connection,
                                           logger: logger)
                for chunk in stride(from: 0, to: topics.count, by: Self.batchRows) {
                    let part = topics[chunk..<min(chunk + Self.batchRows, topics.count)]
                    var topicRow = PostgresRowBindings(capacity: part.count * TopicColumn.allCases.count)
                    for (key, account, topic) in part {
                        topicRow.put(key, TopicColumn.feedbackKey)
                        topicRow.put(account, TopicColumn.accountID)
                        topicRow.put(topic, TopicColumn.topic)
                    }
                    try await connection.query(PostgresQuery(unsafeSQL: Self.insertSQL("feedback_topic", TopicColumn.self, rows: part.count), binds: topicRow.binds),
                                               logger: logger)
                }
            }
            try await Self.writeDeltas(rollups, on: connection, logger: logger)
            for start in stride(from: 0, to: quarantine.count, by: Self.batchRows) {
                let batch = quarantine[start..<min(start + Self.batchRows, quarantine.count)]
                var row = PostgresRowBindings(capacity: batch.count * QuarantineColumn.allCases.count)
                for entry in batch { entry.write(run: run, into: &row) }
                try await connection.query(PostgresQuery(unsafeSQL: Self.insertSQL("quarantine", QuarantineColumn.self, rows: batch.count), binds: row.binds),
                                           logger: logger)
            }
            try await Self.insert(messages, into: "team_message", MailColumn.self, on: connection, logger: logger) { $0.write(into: &$1) }
            return inserted
        }
        return records.count - inserted
    }
}

extension PostgresStore {
    /// Stores the open answers and aspect ratings of newly stored records, and their questions (`ON CONFLICT DO
    /// NOTHING`: once).
    static func insertParts(of records: [FeedbackRecord], on connection: PostgresConnection, logger: Logger) async throws {
        var questions: [Int: String] = [:]
        for record in records {
            for question in record.answers.map(\.question) + record.aspects.map(\.question) { questions[OpenAnswer.questionID(of: question)] = question }
        }
        try await insert(questions.sorted { $0.key < $1.key }, into: "survey_question", QuestionColumn.self, on: connection, logger: logger) { question, row in
            row.put(question.key, QuestionColumn.id)
            row.put(question.value, QuestionColumn.text)
        }
        let answers = records.flatMap { record in record.answers.enumerated().map { (record.key, $0.offset, $0.element) } }
        try await insert(answers, into: "feedback_answer", AnswerColumn.self, on: connection, logger: logger) { answer, row in
            answer.2.write(key: answer.0, ordinal: answer.1, into: &row)
        }
        let aspects = records.flatMap { record in record.aspects.enumerated().map { (record.key, $0.offset, $0.element) } }
        var scales = ScaleCodeMemo()
        try await insert(aspects, into: "feedback_aspect", AspectRatingColumn.self, on: connection, logger: logger) { aspect, row in
            aspect.2.write(key: aspect.0, ordinal: aspect.1, scales: &scales, into: &row)
        }
    }

    /// Inserts `items` into `table` in statements of `batchRows` rows, each row's values put by `write`.
    private static func insert<Item, Column: StoreColumn>(_ items: [Item], into table: String, _ columns: Column.Type, on connection: PostgresConnection,
                                                         logger: Logger, write: (Item, inout PostgresRowBindings) -> Void) async throws {
        for chunk in stride(from: 0, to: items.count, by: batchRows) {
            let part = items[chunk..<min(chunk + batchRows, items.count)]
            var row = PostgresRowBindings(capacity: part.count * Column.allCases.count)
            for item in part { write(item, &row) }
            try await connection.query(PostgresQuery(unsafeSQL: insertSQL(table, Column.self, rows: part.count), binds: row.binds), logger: logger)
        }
    }
}

/// PostgreSQL's topic table, keyed by the record's key and carrying its account key (SQLite's is keyed by row id).
private enum TopicColumn: Int, StoreColumn {
    case feedbackKey, accountID, topic

    var definition: (name: String, type: StoreValueType) {
        switch self {
        case .feedbackKey: ("feedback_key", .text)
        case .accountID: ("account_id", .text)
        case .topic: ("topic", .text)
        }
    }
}
