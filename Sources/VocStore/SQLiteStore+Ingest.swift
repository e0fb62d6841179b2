public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    /// Opens an ingest run in the log; returns its id.
    public func startRun(command: String, at date: Date = Date()) throws(VocError) -> Int64 {
        try write { db in
            try db.execute(sql: "INSERT INTO ingest_run (started_at, command) VALUES (?, ?)", arguments: [date.timeIntervalSince1970, command])
            return db.lastInsertedRowID
        }
    }

    public func finishRun(_ run: Int64, status: String, at date: Date = Date()) throws(VocError) {
        try write { db in
            try db.execute(sql: "UPDATE ingest_run SET finished_at = ?, status = ? WHERE id = ?", arguments: [date.timeIntervalSince1970, status, run])
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
                    ces_state, ces, ces_scale, ces_good, ces_unit, comment, language, run_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for record in records {
                var values: [(any DatabaseValueConvertible)?] = [
                    record.key, record.channel.rawValue, record.position.file, record.position.line, record.position.record,
                    record.responseID, record.accountID, record.accountName, record.respondentEmail, record.submittedAt?.timeIntervalSince1970,
                    record.nps?.answer.stateCode, record.nps?.answer.rating,
                ]
                for answer in [record.csat, record.ces] {
                    values += [answer?.answer.stateCode, answer?.answer.rating, answer.map { ScaleCode.encode($0.scale) },
                               answer.flatMap { scaled in scaled.answer.rating.map { scaled.scale.isFavourable($0) } },
                               answer.flatMap { scaled in scaled.answer.rating.map { scaled.scale.unit($0) } }]
                }
                values += [record.comment, record.language, run]
                try insertRecord.execute(arguments: StatementArguments(values))
                if db.changesCount == 0 { alreadyStored += 1 }
            }
            let insertQuarantine = try db.cachedStatement(sql: """
                INSERT OR IGNORE INTO quarantine (key, run_id, source_file, line, byte, record, field, reason, detail, raw, truncated)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)
                """)
            for entry in quarantined {
                try insertQuarantine.execute(arguments: [
                    entry.key, run, entry.position.file, entry.position.line, entry.position.byte, entry.position.record,
                    entry.position.field, entry.reason.rawValue, entry.detail, Data(entry.raw), entry.isTruncated,
                ])
            }
            return alreadyStored
        }
    }
}
