public import Foundation
import Logging
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    /// Appends a batch's group sums to the delta table, inside the caller's transaction (the one that stores the
    /// batch's records); concurrent ingests append without waiting on each other.
    static func writeDeltas(_ batch: RollupBatch, on connection: PostgresConnection, logger: Logger) async throws {
        let groups = Array(batch.groups)
        let columns = RollupColumn.allCases.count
        for start in stride(from: 0, to: groups.count, by: batchRows) {
            let part = groups[start..<min(start + batchRows, groups.count)]
            var row = PostgresRowBindings(capacity: part.count * columns)
            for (key, rollup) in part { rollup.write(key: key, into: &row) }
            try await connection.query(PostgresQuery(unsafeSQL: insertSQL("feedback_rollup_delta", RollupColumn.self, rows: part.count, onConflict: nil),
                                                     binds: row.binds), logger: logger)
        }
    }

    /// Folds the delta rows into one row per group, 5,000 deltas per transaction, one fold at a time: two folds that
    /// both create a group's row would otherwise each write their own sums over the other's (the second insert's
    /// `DO UPDATE` replaces the first's row), which the concurrent-ingest test caught. Each transaction takes its
    /// deltas with `DELETE … RETURNING`, so none is folded twice.
    func compactRollups() async throws(VocError) {
        while try await transaction({ connection, logger in try await Self.compactChunk(connection, logger: logger) }) > 0 {}
    }

    /// Folds up to 5,000 deltas; returns how many.
    static func compactChunk(_ connection: PostgresConnection, logger: Logger) async throws -> Int {
        try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.foldLock))", logger: logger)
        let columns = GroupRollup.columns
        var deltas: [RollupKey: GroupRollup] = [:]
        var folded = 0
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
            DELETE FROM feedback_rollup_delta WHERE id IN (SELECT id FROM feedback_rollup_delta ORDER BY id LIMIT 5000)
            RETURNING \(columns.names())
            """), logger: logger) {
            let reader = PostgresRowReader(row, positions: columns)
            deltas[try GroupRollup.key(reading: reader), default: GroupRollup()].merge(try GroupRollup(reading: reader))
            folded += 1
        }
        guard folded > 0 else { return 0 }
        var merged = deltas.sorted { $0.key < $1.key }.map { (key: $0.key, rollup: $0.value) }
        var binds = PostgresBindings()
        let keys = merged.map { key in
            binds.append(key.key.accountID ?? "")
            binds.append(key.key.domain ?? "")
            return "($\(binds.count - 1), $\(binds.count))"
        }
        var existing: [RollupKey: GroupRollup] = [:]
        for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
            SELECT \(columns.names()) FROM feedback_rollup WHERE (account_key, domain) IN (\(keys.joined(separator: ", ")))
            """, binds: binds), logger: logger) {
            let reader = PostgresRowReader(row, positions: columns)
            existing[try GroupRollup.key(reading: reader)] = try GroupRollup(reading: reader)
        }
        for index in merged.indices { if let stored = existing[merged[index].key] { merged[index].rollup.merge(stored) } }
        let updates = RollupColumn.allCases.filter { $0 != .accountKey && $0 != .domain }.map { "\($0.name) = excluded.\($0.name)" }
        for start in stride(from: 0, to: merged.count, by: batchRows) {
            let part = merged[start..<min(start + batchRows, merged.count)]
            var row = PostgresRowBindings(capacity: part.count * RollupColumn.allCases.count)
            for (key, rollup) in part { rollup.write(key: key, into: &row) }
            let sql = insertSQL("feedback_rollup", RollupColumn.self, rows: part.count,
                                onConflict: "(account_key, domain) DO UPDATE SET " + updates.joined(separator: ", "))
            try await connection.query(PostgresQuery(unsafeSQL: sql, binds: row.binds), logger: logger)
        }
        return folded
    }

    /// Builds the rollups from the stored records, inside the migration's transaction: once, when a store made before
    /// them is migrated.
    static func buildRollups(_ connection: PostgresConnection, logger: Logger, location: String) async throws {
        var total = 0
        for try await count in try await connection.query("SELECT COUNT(*) FROM feedback", logger: logger).decode(Int.self) { total = count }
        var progress = RollupBuildProgress(total: total, location: location)
        try await sumRecords(connection, logger: logger) { batch, done in
            try await writeDeltas(batch, on: connection, logger: logger)
            progress.update(done)
        }
        while try await compactChunk(connection, logger: logger) > 0 {}
        progress.finish()
    }

    public func rebuildRollups() async throws(VocError) {
        let location = location
        try await transaction { connection, logger in
            try await connection.query("LOCK TABLE feedback_rollup, feedback_rollup_delta IN EXCLUSIVE MODE", logger: logger)
            try await connection.query("DELETE FROM feedback_rollup", logger: logger)
            try await connection.query("DELETE FROM feedback_rollup_delta", logger: logger)
            try await Self.buildRollups(connection, logger: logger, location: location)
        }
    }

    /// The rollups of the stored records (those submitted within `window` when given), summed from them anew, not read
    /// from the rollup tables.
    public func rollupsFromRecords(within window: DateInterval? = nil) async throws(VocError) -> RollupBatch {
        try await run { connection, logger in
            var whole = RollupBatch()
            try await Self.sumRecords(connection, logger: logger, within: window) { batch, _ in whole.merge(batch) }
            return whole
        }
    }

    /// Sums the records (those submitted within `window` when given), 50,000 at a time in id order, each page's
    /// groups handed to `flush` with the number of records summed so far. A record's topics and rated aspects are read
    /// with it.
    private static func sumRecords(_ connection: PostgresConnection, logger: Logger, within window: DateInterval? = nil,
                                   flush: (RollupBatch, Int) async throws -> Void) async throws {
        let idPosition = RollupFacts.columns.columns.count, topicsPosition = idPosition + 1
        let filter = window.map { " AND submitted_at BETWEEN \($0.start.timeIntervalSince1970) AND \($0.end.timeIntervalSince1970)" } ?? ""
        var after = 0, done = 0
        while true {
            var batch = RollupBatch()
            var read = 0
            let page = try await connection.query(PostgresQuery(unsafeSQL: """
                SELECT \(RollupFacts.columns.names()), id,
                    (SELECT string_agg(t.topic, chr(31)) FROM feedback_topic t WHERE t.feedback_key = feedback.key),
                    \(RollupFacts.aspectsSQL(.postgres))
                FROM feedback WHERE id > \(after)\(filter) ORDER BY id LIMIT 50000
                """), logger: logger)
            for try await row in page {
                let reader = PostgresRowReader(row, positions: RollupFacts.columns)
                var facts = try RollupFacts(reading: reader)
                if let topics = try reader.row[topicsPosition].decode(String?.self) { facts.topics = RollupFacts.topics(joined: topics) }
                if let aspects = try reader.row[topicsPosition + 1].decode(String?.self) { facts.aspects = RollupFacts.aspects(joined: aspects) }
                batch.add(facts)
                after = try reader.row[idPosition].decode(Int.self)
                read += 1
            }
            done += read
            try await flush(batch, done)
            if read < 50_000 { break }
        }
    }
}
