public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    /// Appends a batch's group sums to the delta table, inside the caller's transaction (the one that stores the
    /// batch's records, so a crash keeps both or neither). Appending touches a few pages at the table's end, where
    /// updating each group's row in place touched most of the table's pages in every batch of a file in random order.
    static func writeDeltas(_ batch: RollupBatch, in db: Database) throws {
        var row = SQLiteBinder(try db.cachedStatement(sql: "INSERT INTO feedback_rollup_delta (\(RollupColumn.names())) VALUES (\(placeholders))"), in: db)
        for (key, rollup) in batch.groups {
            rollup.write(key: key, into: &row)
            _ = try row.step()
        }
    }

    private static var placeholders: String { RollupColumn.allCases.map { _ in "?" }.joined(separator: ", ") }

    /// Folds the delta rows into one row per group, in one transaction: read in group order, each group's deltas are
    /// merged into its row, so memory holds one group at a time.
    func compactRollups() throws(VocError) {
        try write { db in try Self.compact(db) }
    }

    static func compact(_ db: Database) throws {
        guard try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM feedback_rollup_delta)") == true else { return }
        let columns = GroupRollup.columns
        let existing = try db.cachedStatement(sql: "SELECT \(columns.names()) FROM feedback_rollup WHERE account_key = ? AND domain = ?")
        var store = SQLiteBinder(try db.cachedStatement(sql: "INSERT OR REPLACE INTO feedback_rollup (\(RollupColumn.names())) VALUES (\(placeholders))"), in: db)
        var current: (key: RollupKey, parts: [GroupRollup])?
        func flush() throws {
            guard let (key, deltas) = current else { return }
            var parts = deltas
            if let row = try Row.fetchOne(existing, arguments: [key.accountID ?? "", key.domain ?? ""]) {
                parts.append(try GroupRollup(reading: SQLiteRowReader(row: row, positions: columns)))
            }
            GroupRollup(merging: parts).write(key: key, into: &store)
            _ = try store.step()
        }
        let deltas = try Row.fetchCursor(db, sql: "SELECT \(columns.names()) FROM feedback_rollup_delta ORDER BY account_key, domain")
        while let row = try deltas.next() {
            let reader = SQLiteRowReader(row: row, positions: columns)
            let key = try GroupRollup.key(reading: reader), rollup = try GroupRollup(reading: reader)
            if current?.key == key {
                current!.parts.append(rollup)
            } else {
                try flush()
                current = (key, [rollup])
            }
        }
        try flush()
        try db.execute(sql: "DELETE FROM feedback_rollup_delta")
    }

    /// Builds the rollups when there are records but no rollups: a store whose migration emptied them (v7), or one
    /// whose build was cut off. Ingest writes a batch's records and rollup deltas in one transaction, so records
    /// without rollups mean nothing else. Checked on every open, under a read first: it costs three lookups.
    static func buildMissingRollups(_ queue: DatabaseQueue, location: String) throws {
        let missing = "SELECT EXISTS (SELECT 1 FROM feedback) AND NOT EXISTS (SELECT 1 FROM feedback_rollup) AND NOT EXISTS (SELECT 1 FROM feedback_rollup_delta)"
        guard try queue.read({ db in try Bool.fetchOne(db, sql: missing) ?? false }) else { return }
        try queue.write { db in
            guard try Bool.fetchOne(db, sql: missing) ?? false else { return }
            try buildRollups(db, location: location)
        }
    }

    /// Builds the rollups from the stored records.
    static func buildRollups(_ db: Database, location: String) throws {
        var progress = RollupBuildProgress(total: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") ?? 0, location: location)
        try sumRecords(db) { batch, done in
            try writeDeltas(batch, in: db)
            progress.update(done)
        }
        try compact(db)
        progress.finish()
    }

    public func rebuildRollups() throws(VocError) {
        let location = path
        try write { db in
            try db.execute(sql: "DELETE FROM feedback_rollup; DELETE FROM feedback_rollup_delta")
            try Self.buildRollups(db, location: location)
        }
    }

    /// The rollups of the stored records (those submitted within `window` when given), summed from them anew, not read
    /// from the rollup tables.
    public func rollupsFromRecords(within window: DateInterval? = nil) throws(VocError) -> RollupBatch {
        try read { db in
            var whole = RollupBatch()
            try Self.sumRecords(db, within: window) { batch, _ in whole.merge(batch) }
            return whole
        }
    }

    /// Sums the records (those submitted within `window` when given), in row order, into batches of 50,000 records'
    /// groups, each handed to `flush` with the number of records summed so far: memory stays bounded whatever the
    /// store's size. A record's topics and rated aspects are read with it (by their tables' keys).
    private static func sumRecords(_ db: Database, within window: DateInterval? = nil, flush: (RollupBatch, Int) throws -> Void) throws {
        var batch = RollupBatch()
        var done = 0
        let topicsPosition = RollupFacts.columns.columns.count
        let filter = window.map { "WHERE submitted_at BETWEEN \($0.start.timeIntervalSince1970) AND \($0.end.timeIntervalSince1970)" } ?? ""
        let records = try Row.fetchCursor(db, sql: """
            SELECT \(RollupFacts.columns.names()), (SELECT group_concat(topic, char(31)) FROM feedback_topic t WHERE t.feedback_id = feedback.id),
                \(RollupFacts.aspectsSQL(.sqlite))
            FROM feedback \(filter)
            """)
        while let row = try records.next() {
            var facts = try RollupFacts(reading: SQLiteRowReader(row: row, positions: RollupFacts.columns))
            if let topics = row[topicsPosition] as String? { facts.topics = RollupFacts.topics(joined: topics) }
            if let aspects = row[topicsPosition + 1] as String? { facts.aspects = RollupFacts.aspects(joined: aspects) }
            batch.add(facts)
            done += 1
            if done % 50_000 == 0 {
                try flush(batch, done)
                batch = RollupBatch()
            }
        }
        try flush(batch, done)
    }

    public func forEachRollup(days: Bool, _ body: (RollupKey, GroupRollup) -> Void) throws(VocError) {
        try read { db in try Self.rollups(db, columns: days ? GroupRollup.columns : GroupRollup.totalsColumns, condition: nil, arguments: [], body) }
    }

    public func rollups(accountID: String?, domains: [String]) throws(VocError) -> [(key: RollupKey, rollup: GroupRollup)] {
        try read { db in
            var groups: [(key: RollupKey, rollup: GroupRollup)] = []
            try Self.rollups(db, columns: GroupRollup.totalsColumns, condition: StoreSQL.rollupCondition(.sqlite, hasKey: accountID != nil, domainCount: domains.count),
                             arguments: (accountID.map { [$0] } ?? []) + domains) { groups.append(($0, $1)) }
            return groups
        }
    }

    /// The groups `condition` selects (all when nil), each with its pending deltas merged in, inside one read
    /// transaction: a consistent snapshot even while an ingest writes.
    private static func rollups(_ db: Database, columns: ColumnPositions<RollupColumn>, condition: String?, arguments: [String],
                                _ body: (RollupKey, GroupRollup) -> Void) throws {
        let filter = condition.map { " WHERE " + $0 } ?? ""
        var pending: [RollupKey: GroupRollup] = [:]
        let deltas = try Row.fetchCursor(db, sql: "SELECT \(columns.names()) FROM feedback_rollup_delta" + filter, arguments: StatementArguments(arguments))
        while let row = try deltas.next() {
            let reader = SQLiteRowReader(row: row, positions: columns)
            pending[try GroupRollup.key(reading: reader), default: GroupRollup()].merge(try GroupRollup(reading: reader, columns: columns))
        }
        let groups = try Row.fetchCursor(db, sql: "SELECT \(columns.names()) FROM feedback_rollup" + filter, arguments: StatementArguments(arguments))
        while let row = try groups.next() {
            let reader = SQLiteRowReader(row: row, positions: columns)
            let key = try GroupRollup.key(reading: reader)
            var rollup = try GroupRollup(reading: reader, columns: columns)
            if let more = pending.removeValue(forKey: key) { rollup.merge(more) }
            body(key, rollup)
        }
        for (key, rollup) in pending { body(key, rollup) }
    }
}
