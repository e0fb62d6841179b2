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

    /// Closes the run in the log and folds the rollup deltas into their groups (`compactRollups`).
    public func finishRun(_ run: Int64, status: RunStatus, at date: Date) throws(VocError) {
        try write { db in
            try db.execute(sql: "UPDATE ingest_run SET finished_at = ?, status = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, status.rawValue, run])
        }
        try compactRollups()
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
        // Sorted by SQLite's helper threads too. Only here: in a GROUP BY, rows with equal keys come out of a
        // multi-threaded sort in an order that depends on the threads' timing, and the tallies' floating-point sums
        // (sentiment, CSAT and CES units) then differ in their last digits from one run to the next.
        let threads = ProcessInfo.processInfo.activeProcessorCount
        try write { db in
            try db.execute(sql: "PRAGMA threads = \(threads)")
            defer { try? db.execute(sql: "PRAGMA threads = 0") }
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
                                 summary.status.rawValue, summary.error])
        }
    }

    /// Stores a batch in one transaction, with the rollup deltas of the records it adds. Returns how many records were
    /// already stored (and so left as they were, and not counted again).
    public func insert(records: [FeedbackRecord], quarantined: [QuarantinedRecord], mail: [MailEnvelope], run: Int64) throws(VocError) -> Int {
        try write { db in
            var alreadyStored = 0
            var row = SQLiteBinder(try db.cachedStatement(sql: Self.insertSQL(FeedbackColumn.self, into: "feedback")), in: db)
            var scales = ScaleCodeMemo()
            var rollups = RollupBatch()
            var topicRow = SQLiteBinder(try db.cachedStatement(sql: Self.insertSQL(TopicColumn.self, into: "feedback_topic")), in: db)
            var questions = Set<Int>()
            for record in records {
                record.write(run: run, scales: &scales, into: &row)
                if try row.step() == 0 {
                    alreadyStored += 1
                    continue
                }
                rollups.add(record.rollupFacts(scales: &scales))
                let id = Int(db.lastInsertedRowID)
                for topic in record.sentiment?.topics ?? [] {
                    topicRow.put(id, TopicColumn.feedbackID)
                    topicRow.put(topic, TopicColumn.topic)
                    _ = try topicRow.step()
                }
                if !record.answers.isEmpty || !record.aspects.isEmpty {
                    try Self.insertParts(of: record, id: id, in: db, scales: &scales, questions: &questions)
                }
            }
            try Self.writeDeltas(rollups, in: db)
            var quarantineRow = SQLiteBinder(try db.cachedStatement(sql: Self.insertSQL(QuarantineColumn.self, into: "quarantine")), in: db)
            for entry in quarantined {
                entry.write(run: run, into: &quarantineRow)
                _ = try quarantineRow.step()
            }
            var mailRow = SQLiteBinder(try db.cachedStatement(sql: Self.insertSQL(MailColumn.self, into: "team_message")), in: db)
            for envelope in mail {
                envelope.write(into: &mailRow)
                _ = try mailRow.step()
            }
            return alreadyStored
        }
    }

    /// Stores a record's open answers and aspect ratings under its row id, and each question not yet in `questions`
    /// (those of this batch).
    private static func insertParts(of record: FeedbackRecord, id: Int, in db: Database, scales: inout ScaleCodeMemo, questions: inout Set<Int>) throws {
        for question in record.answers.map(\.question) + record.aspects.map(\.question) {
            let id = OpenAnswer.questionID(of: question)
            guard questions.insert(id).inserted else { continue }
            var row = SQLiteBinder(try db.cachedStatement(sql: insertQuestionSQL), in: db)
            row.put(id, QuestionColumn.id)
            row.put(question, QuestionColumn.text)
            _ = try row.step()
        }
        var answerRow = SQLiteBinder(try db.cachedStatement(sql: insertAnswerSQL), in: db)
        for (ordinal, answer) in record.answers.enumerated() {
            answer.write(key: record.key, ordinal: ordinal, into: &answerRow)
            answerRow.replace(AnswerColumn.feedbackKey, with: id)
            _ = try answerRow.step()
        }
        var aspectRow = SQLiteBinder(try db.cachedStatement(sql: insertAspectSQL), in: db)
        for (ordinal, aspect) in record.aspects.enumerated() {
            aspect.write(key: record.key, ordinal: ordinal, scales: &scales, into: &aspectRow)
            aspectRow.replace(AspectRatingColumn.feedbackKey, with: id)
            _ = try aspectRow.step()
        }
    }

    // Built once: building them for every record was 4.5 % of ingesting a survey with a rating matrix (perf).
    private static let insertQuestionSQL = insertSQL(QuestionColumn.self, into: "survey_question")
    private static let insertAnswerSQL = insertSQL(AnswerColumn.self, into: "feedback_answer", names: partColumns(AnswerColumn.self))
    private static let insertAspectSQL = insertSQL(AspectRatingColumn.self, into: "feedback_aspect", names: partColumns(AspectRatingColumn.self))

    /// The columns of a part table of SQLite (open answers, aspect ratings): both stores' columns, but the record is
    /// named by its row id, `feedback_id`, in place of its key (v15); its value is bound where the key's would be.
    static func partColumns<Column: StoreColumn>(_ columns: Column.Type) -> [String] {
        Column.allCases.map { $0.name == "feedback_key" ? "feedback_id" : $0.name }
    }

    /// `INSERT OR IGNORE INTO table (every column) VALUES (?, …)`.
    private static func insertSQL<Column: StoreColumn>(_ columns: Column.Type, into table: String, names: [String]? = nil) -> String {
        "INSERT OR IGNORE INTO \(table) (\(names?.joined(separator: ", ") ?? Column.names())) VALUES (\(Column.allCases.map { _ in "?" }.joined(separator: ", ")))"
    }
}

/// SQLite's topic table, keyed by the record's row id (PostgreSQL's is keyed by its key).
private enum TopicColumn: Int, StoreColumn {
    case feedbackID, topic

    var definition: (name: String, type: StoreValueType) {
        switch self {
        case .feedbackID: ("feedback_id", .integer)
        case .topic: ("topic", .text)
        }
    }
}
