import Logging
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    /// Adds a batch's cells and label counts to the rollup tables, inside the caller's transaction (the one that
    /// stores the batch's records). Rows go in key order, so concurrent ingests lock shared cells in one order.
    static func writeRollups(_ batch: RollupBatch, on connection: PostgresConnection, logger: Logger) async throws {
        try await upsert(batch.sortedCells, columns: RollupColumn.allCases.count, sql: { StoreSQL.rollupUpsert(.postgres, rows: $0) },
                         on: connection, logger: logger) { entry, row in entry.cell.write(key: entry.key, into: &row) }
        try await upsert(batch.sortedLabels, columns: RollupLabelColumn.allCases.count, sql: { StoreSQL.rollupLabelUpsert(.postgres, rows: $0) },
                         on: connection, logger: logger) { entry, row in entry.label.write(records: entry.count, into: &row) }
    }

    /// Runs the multi-row upsert `sql(rows)` over `entries`, `batchRows` at a time.
    private static func upsert<Entry>(_ entries: [Entry], columns: Int, sql: (Int) -> String, on connection: PostgresConnection, logger: Logger,
                                      write: (Entry, inout PostgresRowBindings) -> Void) async throws {
        for start in stride(from: 0, to: entries.count, by: batchRows) {
            let part = entries[start..<min(start + batchRows, entries.count)]
            var row = PostgresRowBindings(capacity: part.count * columns)
            for entry in part { write(entry, &row) }
            try await connection.query(PostgresQuery(unsafeSQL: sql(part.count), binds: row.binds), logger: logger)
        }
    }

    /// Builds the rollups from the stored records, inside the migration's transaction: once, when a store made before
    /// them is migrated.
    static func buildRollups(_ connection: PostgresConnection, logger: Logger, location: String) async throws {
        var total = 0
        for try await count in try await connection.query("SELECT COUNT(*) FROM feedback", logger: logger).decode(Int.self) { total = count }
        var progress = RollupBuildProgress(total: total, location: location)
        try await sumRecords(connection, logger: logger) { batch, done in
            try await writeRollups(batch, on: connection, logger: logger)
            progress.update(done)
        }
        progress.finish()
    }

    /// The rollups of the stored records, summed from them anew (not read from the rollup tables).
    public func rollupsFromRecords() async throws(VocError) -> RollupBatch {
        try await run { connection, logger in
            var whole = RollupBatch()
            try await Self.sumRecords(connection, logger: logger) { batch, _ in whole.merge(batch) }
            return whole
        }
    }

    /// Sums the records, 50,000 at a time in id order, each page's cells handed to `flush` with the number of records
    /// summed so far; the topic counts come last, summed by the server.
    private static func sumRecords(_ connection: PostgresConnection, logger: Logger,
                                   flush: (RollupBatch, Int) async throws -> Void) async throws {
        let idPosition = RollupFacts.columns.columns.count
        var after = 0, done = 0
        while true {
            var batch = RollupBatch()
            var read = 0
            let page = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(RollupFacts.columns.names()), id FROM feedback WHERE id > \(after) ORDER BY id LIMIT 50000
                """), logger: logger)
            for try await row in page {
                let reader = PostgresRowReader(row, positions: RollupFacts.columns)
                batch.add(try RollupFacts(reading: reader))
                after = try reader.row[idPosition].decode(Int.self)
                read += 1
            }
            done += read
            try await flush(batch, done)
            if read < 50_000 { break }
        }
        var topics = RollupBatch()
        let domain = SQLDialect.postgres.domain("f.respondent_email")
        for try await (account, domain, topic, records) in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT COALESCE(f.account_id, ''), COALESCE(\(domain), ''), t.topic, COUNT(*) FROM feedback_topic t JOIN feedback f ON f.key = t.feedback_key
            GROUP BY 1, 2, 3
            """), logger: logger).decode((String, String, String, Int).self) {
            let key = RollupCell.storedKey(account: account, domain: domain, day: nil)
            topics.add(RollupLabel(accountID: key.accountID, domain: key.domain, kind: .topic, label: topic), records: records)
        }
        try await flush(topics, done)
    }
}
