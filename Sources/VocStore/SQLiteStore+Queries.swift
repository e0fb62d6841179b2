public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func partialTallies() throws(VocError) -> [PartialTally] {
        try read { db in
            let domain = Self.domainSQL
            // NOT INDEXED: walking the account index looks every row up at random (30 s on a 2 GB store); a table scan
            // sorted once for the GROUP BY takes 10 s.
            let rows = try Row.fetchAll(db, sql: "\(StoreSQL.partialTallies(domain: domain)) NOT INDEXED GROUP BY account_id, \(domain)")
            var topics: [[String?]: [(topic: String, count: Int)]] = [:]
            for row in try Row.fetchAll(db, sql: StoreSQL.partialTopics(domain: domain, join: "f.id = t.feedback_id")) {
                topics[[row["account_id"], row["domain"]], default: []].append((row["topic"], row["mentions"]))
            }
            return rows.map { row in
                PartialTally(domain: row["domain"], tally: StoreSQL.tally(SQLiteTallyRow(row: row), topics: topics[[row["account_id"], row["domain"]]] ?? []))
            }
        }
    }

    public func feedback(accountID: String?, domains: [String], limit: Int) throws(VocError) -> [StoredFeedback] {
        try read { db in
            var condition = accountID == nil ? "account_id IS NULL" : "account_id = ?"
            var arguments: [any DatabaseValueConvertible] = accountID.map { [$0] } ?? []
            if !domains.isEmpty {
                condition += " OR \(Self.domainSQL) IN (\(domains.map { _ in "?" }.joined(separator: ",")))"
                arguments += domains
            }
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM feedback WHERE \(condition)
                ORDER BY submitted_at IS NULL, submitted_at DESC, source_file, source_line LIMIT ?
                """, arguments: StatementArguments(arguments + [min(limit, Int(Int64.max))])!)
            return rows.map(Self.storedFeedback)
        }
    }

    public func feedback(keys: [String]) throws(VocError) -> [StoredFeedback] {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            var found: [String: StoredFeedback] = [:]
            for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
                let rows = try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                            arguments: StatementArguments(chunk))
                for row in rows { found[row["key"]] = Self.storedFeedback(row) }
            }
            return keys.compactMap { found[$0] }
        }
    }

    public func feedback(after key: String?, limit: Int) throws(VocError) -> [StoredFeedback] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT * FROM feedback WHERE key > ? ORDER BY key LIMIT ?", arguments: [key ?? "", limit])
                .map(Self.storedFeedback)
        }
    }

    /// In rowid order, inside one read transaction: a consistent snapshot even while an ingest writes.
    public func forEachSignal(through: Date?, _ body: (FeedbackSignal) -> Void) throws(VocError) {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: """
                SELECT key, account_id, respondent_email, submitted_at, nps_state, nps, csat_state, csat_good, ces_state, ces_good,
                    sentiment, churn, effort, language
                FROM feedback WHERE submitted_at IS NULL OR submitted_at <= ?
                """, arguments: [through?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude])
            while let row = try cursor.next() {
                body(FeedbackSignal(
                    key: row["key"], accountID: row["account_id"], respondentEmail: row["respondent_email"],
                    submittedAt: (row["submitted_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    nps: (row["nps_state"] as Int?) == 1 ? row["nps"] : nil,
                    csatFavourable: (row["csat_state"] as Int?) == 1 ? row["csat_good"] : nil,
                    cesFavourable: (row["ces_state"] as Int?) == 1 ? row["ces_good"] : nil,
                    sentiment: row["sentiment"], churn: row["churn"] ?? false, effort: row["effort"] ?? false,
                    language: row["language"]))
            }
        }
    }

    /// The respondent's lower-cased e-mail domain (NULL without an address).
    static let domainSQL = "CASE WHEN instr(respondent_email, '@') > 0 THEN lower(substr(respondent_email, instr(respondent_email, '@') + 1)) END"

    static func storedFeedback(_ row: Row) -> StoredFeedback {
        StoredFeedback(
            key: row["key"], channel: row["channel"],
            position: SourcePosition(file: row["source_file"], line: row["source_line"], record: row["source_record"]),
            responseID: row["response_id"], accountID: row["account_id"], accountName: row["account_name"],
            respondentEmail: row["respondent_email"],
            submittedAt: (row["submitted_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
            nps: (row["nps_state"] as Int?).flatMap { ScoreAnswer(stateCode: $0, value: row["nps"]) },
            csat: (row["csat_state"] as Int?).flatMap { ScoreAnswer(stateCode: $0, value: row["csat"]) },
            ces: (row["ces_state"] as Int?).flatMap { ScoreAnswer(stateCode: $0, value: row["ces"]) },
            comment: row["comment"], language: row["language"],
            sentiment: (row["sentiment"] as Double?).map { compound in
                SentimentSummary(compound: compound, label: row["sentiment_label"] ?? "", churn: row["churn"] ?? false,
                                 effort: row["effort"] ?? false, topics: [])
            },
            subject: row["subject"], quoted: row["quoted"])
    }

    /// Quarantined records, optionally of one file or one reason, in file and line order.
    public func quarantine(file: String? = nil, reason: QuarantineReason? = nil) throws(VocError) -> [QuarantineEntry] {
        try read { db in
            var conditions: [String] = []
            var arguments: [any DatabaseValueConvertible] = []
            if let file { conditions.append("source_file = ?"); arguments.append(file) }
            if let reason { conditions.append("reason = ?"); arguments.append(reason.rawValue) }
            let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
            let rows = try Row.fetchAll(db, sql: "SELECT * FROM quarantine \(filter) ORDER BY source_file, line, record",
                                        arguments: StatementArguments(arguments))
            return rows.map { row in
                QuarantineEntry(
                    record: QuarantinedRecord(
                        reason: QuarantineReason(rawValue: row["reason"]) ?? .raggedRow,
                        position: SourcePosition(file: row["source_file"], line: row["line"], byte: row["byte"], record: row["record"], field: row["field"]),
                        detail: row["detail"], raw: [UInt8](row["raw"] as Data), isTruncated: row["truncated"]),
                    runID: row["run_id"])
            }
        }
    }

    public func totals() throws(VocError) -> (feedback: Int, quarantined: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine") ?? 0)
        }
    }
}

/// A GRDB row read as shared-SQL columns.
private struct SQLiteTallyRow: TallyRow {
    let row: Row
    func int(_ name: String) -> Int { row[name] ?? 0 }
    func double(_ name: String) -> Double? { row[name] }
    func text(_ name: String) -> String? { row[name] }
}
