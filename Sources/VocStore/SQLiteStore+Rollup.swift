import GRDB
public import VocCore

extension SQLiteStore {
    /// Adds a batch's cells and label counts to the rollup tables, inside the caller's transaction (the one that
    /// stores the batch's records, so a crash keeps both or neither).
    static func writeRollups(_ batch: RollupBatch, in db: Database) throws {
        var cellRow = SQLiteBinder(try db.cachedStatement(sql: StoreSQL.rollupUpsert(.sqlite, rows: 1)), in: db)
        for (key, cell) in batch.cells {
            cell.write(key: key, into: &cellRow)
            _ = try cellRow.step()
        }
        var labelRow = SQLiteBinder(try db.cachedStatement(sql: StoreSQL.rollupLabelUpsert(.sqlite, rows: 1)), in: db)
        for (label, records) in batch.labels {
            label.write(records: records, into: &labelRow)
            _ = try labelRow.step()
        }
    }

    /// Builds the rollups from the stored records: once, when a store made before them is migrated.
    static func buildRollups(_ db: Database, location: String) throws {
        var progress = RollupBuildProgress(total: try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") ?? 0, location: location)
        try sumRecords(db) { batch, done in
            try writeRollups(batch, in: db)
            progress.update(done)
        }
        progress.finish()
    }

    /// The rollups of the stored records, summed from them anew (not read from the rollup tables).
    public func rollupsFromRecords() throws(VocError) -> RollupBatch {
        try read { db in
            var whole = RollupBatch()
            try Self.sumRecords(db) { batch, _ in whole.merge(batch) }
            return whole
        }
    }

    /// Sums the records, in row order, into batches of 100,000 records' cells (labels last), each handed to `flush`
    /// with the number of records summed so far: memory stays bounded whatever the store's size.
    private static func sumRecords(_ db: Database, flush: (RollupBatch, Int) throws -> Void) throws {
        var batch = RollupBatch()
        var done = 0
        let records = try Row.fetchCursor(db, sql: "SELECT \(RollupFacts.columns.names()) FROM feedback")
        while let row = try records.next() {
            batch.add(try RollupFacts(reading: SQLiteRowReader(row: row, positions: RollupFacts.columns)))
            done += 1
            if done % 100_000 == 0 {
                try flush(batch, done)
                batch = RollupBatch()
            }
        }
        let topics = try Row.fetchCursor(db, sql: "SELECT f.account_id, f.respondent_email, t.topic FROM feedback_topic t JOIN feedback f ON f.id = t.feedback_id")
        while let row = try topics.next() {
            let key = RollupKey(accountID: row[0], respondentEmail: row[1], submittedAt: nil)
            batch.add(RollupLabel(accountID: key.accountID, domain: key.domain, kind: .topic, label: row[2]))
        }
        try flush(batch, done)
    }
}
