public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    /// Opens an ingest run in the log; returns its id.
    ///
    /// A run into an empty store is a bulk load: the per-account index is dropped and built once, sorted, when the run
    /// finishes (or when the store is next opened, after a crash). Kept up row by row it was half the ingest time:
    /// each batch touches one index page per account (1M rows, 10k accounts: 31.4 s with it, 16.1 s without).
    /// It also writes through the rollback journal until it finishes (`JournalMode`).
    public func startRun(command: String, at date: Date) throws(VocError) -> Int64 {
        let (run, isBulkLoad) = try write { db in
            let isEmpty = try !Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM feedback)")!
            if isEmpty { try db.execute(sql: "DROP INDEX IF EXISTS \(Self.accountIndex)") }
            try db.execute(sql: "INSERT INTO ingest_run (started_at, command) VALUES (?, ?)", arguments: [date.timeIntervalSince1970, command])
            return (db.lastInsertedRowID, isEmpty)
        }
        if isBulkLoad { try use(.rollback) }
        return run
    }

    public func finishRun(_ run: Int64, status: String, at date: Date) throws(VocError) {
        try write { db in
            try db.execute(sql: "UPDATE ingest_run SET finished_at = ?, status = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, status, run])
        }
        try ensureAccountIndex()
        try use(.writeAheadLog)
    }

    /// Switches the journal when no other connection holds the store (`JournalMode.apply`).
    func use(_ mode: JournalMode) throws(VocError) {
        do {
            try queue.writeWithoutTransaction { db in try mode.apply(to: db) }
        } catch {
            throw VocError(.store, "cannot switch the journal", at: SourcePosition(file: path), cause: Self.describe(error))
        }
    }

    /// The per-account index behind an account's latest responses; see `startRun`.
    static let accountIndex = "feedback_account"

    /// Builds the per-account index when a bulk load dropped it.
    func ensureAccountIndex() throws(VocError) {
        let exists = try read { db in try Bool.fetchOne(db, sql: "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'index' AND name = ?)", arguments: [Self.accountIndex])! }
        guard !exists else { return }
        // Sorted by SQLite's helper threads too (`PRAGMA threads`, set when the store opens; 600k rows: 0.34-0.39 s on
        // one thread, 0.32 s on two).
        try write { db in
            try db.execute(sql: "CREATE INDEX IF NOT EXISTS \(Self.accountIndex) ON feedback(account_id, submitted_at)")
        }
    }

    public func logFile(_ summary: IngestFileSummary, run: Int64) throws(VocError) {
        try write { db in
            try db.execute(sql: """
                INSERT INTO ingest_file (run_id, path, format, detail, read, accepted, quarantined, skipped, already_stored, status, error)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """, arguments: [run, summary.path, summary.format, summary.detail, summary.counts.read, summary.counts.accepted,
                                 summary.counts.quarantined, summary.counts.skipped, summary.counts.alreadyStored,
                                 summary.error == nil ? "completed" : "failed", summary.error])
        }
    }

    /// Stores a batch in one transaction. Returns how many records were already stored (and so left as they were).
    public func insert(records: [FeedbackRecord], quarantined: [QuarantinedRecord], run: Int64) throws(VocError) -> Int {
        try write { db in
            var alreadyStored = 0
            let insertRecord = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO feedback (key, channel, source_file, source_line, source_record, response_id, account_id,
                    account_name, respondent_email, submitted_at, nps_state, nps, csat_state, csat, csat_scale, csat_good, csat_unit,
                    ces_state, ces, ces_scale, ces_good, ces_unit, comment, language, run_id, sentiment, sentiment_label, churn, effort, subject, author_name, thread, quoted)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var row = SQLiteBinder(insertRecord, in: db)
            var scaleCodes = ScaleCodeMemo()
            var topicRow = SQLiteBinder(try db.cachedStatement(sql: "INSERT OR IGNORE INTO feedback_topic (feedback_id, topic) VALUES (?, ?)"), in: db)
            for record in records {
                row.bind(record.key)
                row.bind(record.channel.rawValue)
                row.bind(record.position.file)
                row.bind(record.position.line)
                row.bind(record.position.record)
                row.bind(record.responseID)
                row.bind(record.accountID)
                row.bind(record.accountName)
                row.bind(record.respondentEmail)
                row.bind(record.submittedAt?.timeIntervalSince1970)
                row.bind(record.nps?.answer.stateCode)
                row.bind(record.nps?.answer.rating)
                row.bind(record.csat, codes: &scaleCodes)
                row.bind(record.ces, codes: &scaleCodes)
                row.bind(record.comment)
                row.bind(record.language)
                row.bind(Int(run))
                row.bind(record.sentiment?.compound)
                row.bind(record.sentiment?.label)
                row.bind(record.sentiment?.churn)
                row.bind(record.sentiment?.effort)
                row.bind(record.subject)
                row.bind(record.authorName)
                row.bind(record.thread)
                row.bind(record.quoted)
                if try row.step() == 0 {
                    alreadyStored += 1
                    continue
                }
                let id = Int(db.lastInsertedRowID)
                for topic in record.sentiment?.topics ?? [] {
                    topicRow.bind(id)
                    topicRow.bind(topic)
                    _ = try topicRow.step()
                }
            }
            let insertQuarantine = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO quarantine (key, run_id, source_file, line, byte, record, field, reason, detail, raw, truncated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            var quarantineRow = SQLiteBinder(insertQuarantine, in: db)
            for entry in quarantined {
                quarantineRow.bind(entry.key)
                quarantineRow.bind(Int(run))
                quarantineRow.bind(entry.position.file)
                quarantineRow.bind(entry.position.line)
                quarantineRow.bind(entry.position.byte)
                quarantineRow.bind(entry.position.record)
                quarantineRow.bind(entry.position.field)
                quarantineRow.bind(entry.reason.rawValue)
                quarantineRow.bind(entry.detail)
                quarantineRow.bind(entry.raw)
                quarantineRow.bind(entry.isTruncated)
                _ = try quarantineRow.step()
            }
            return alreadyStored
        }
    }
}

extension SQLiteBinder {
    /// A CSAT or CES answer's five columns: state, rating, scale code, whether favourable, place on the scale.
    mutating func bind(_ answer: ScaledAnswer?, codes: inout ScaleCodeMemo) {
        let rating = answer?.answer.rating
        bind(answer?.answer.stateCode)
        bind(rating)
        bind(answer.map { codes.code(of: $0.scale) })
        bind(rating.flatMap { answer?.scale.isFavourable($0) })
        bind(rating.flatMap { answer?.scale.unit($0) })
    }
}
