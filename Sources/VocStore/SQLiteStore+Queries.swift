public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func partialTallies() throws(VocError) -> [PartialTally] {
        try partialTallies(of: nil)
    }

    public func partialTallies(accountID: String?, domains: [String]) throws(VocError) -> [PartialTally] {
        try partialTallies(of: (accountID, domains))
    }

    /// Every group (`account` nil) or those that can belong to one account.
    private func partialTallies(of account: (id: String?, domains: [String])?) throws(VocError) -> [PartialTally] {
        try read { db in
            let domain = Self.domainSQL
            let arguments = StatementArguments(account.map(Self.accountArguments) ?? [])!
            // Every group: NOT INDEXED, as walking the account index looks every row up at random (30 s on a 2 GB
            // store) where a table scan sorted once for the GROUP BY takes 10 s. One account's: by the index.
            let filter = account.map { " WHERE " + Self.accountCondition($0) } ?? " NOT INDEXED"
            let rows = try Row.fetchAll(db, sql: "\(StoreSQL.partialTallies(domain: domain))\(filter) GROUP BY account_id, \(domain)", arguments: arguments)
            var topics: [[String?]: [(topic: String, count: Int)]] = [:]
            let topicSQL = StoreSQL.partialTopics(domain: domain, join: "f.id = t.feedback_id", condition: account.map { Self.accountCondition($0, table: "f") })
            for row in try Row.fetchAll(db, sql: topicSQL, arguments: arguments) {
                topics[[row["account_id"], row["domain"]], default: []].append((row["topic"], row["mentions"]))
            }
            return rows.map { row in
                PartialTally(domain: row["domain"], tally: StoreSQL.tally(SQLiteTallyRow(row: row), topics: topics[[row["account_id"], row["domain"]]] ?? []))
            }
        }
    }

    public func feedback(accountID: String?, domains: [String], limit: Int) throws(VocError) -> [StoredFeedback] {
        try read { db in
            let rows = try Row.fetchAll(db, sql: """
                SELECT \(Self.storedFeedbackColumns) FROM feedback WHERE \(Self.accountCondition((accountID, domains)))
                ORDER BY submitted_at IS NULL, submitted_at DESC, source_file, source_line LIMIT ?
                """, arguments: StatementArguments(Self.accountArguments((accountID, domains)) + [min(limit, Int(Int64.max))])!)
            return rows.map(Self.storedFeedback)
        }
    }

    /// `StoreSQL.accountCondition` for one account, and its arguments.
    private static func accountCondition(_ account: (id: String?, domains: [String]), table: String? = nil) -> String {
        StoreSQL.accountCondition(hasKey: account.id != nil, domainCount: account.domains.count, domain: domainSQL, table: table) { _ in "?" }
    }

    private static func accountArguments(_ account: (id: String?, domains: [String])) -> [any DatabaseValueConvertible] {
        (account.id.map { [$0] } ?? []) + account.domains
    }

    public func feedback(keys: [String]) throws(VocError) -> [StoredFeedback] {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            var found: [String: StoredFeedback] = [:]
            for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
                let rows = try Row.fetchAll(db, sql: "SELECT \(Self.storedFeedbackColumns) FROM feedback WHERE key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))",
                                            arguments: StatementArguments(chunk))
                for row in rows { found[row[0]] = Self.storedFeedback(row) }
            }
            return keys.compactMap { found[$0] }
        }
    }

    public func feedback(after key: String?, limit: Int) throws(VocError) -> [StoredFeedback] {
        try read { db in
            try Row.fetchAll(db, sql: "SELECT \(Self.storedFeedbackColumns) FROM feedback WHERE key > ? ORDER BY key LIMIT ?", arguments: [key ?? "", limit])
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

    /// The columns `storedFeedback` reads, in its order.
    static let storedFeedbackColumns = """
        key, channel, source_file, source_line, source_record, response_id, account_id, account_name, respondent_email, submitted_at,
        nps_state, nps, csat_state, csat, ces_state, ces, comment, language, sentiment, sentiment_label, churn, effort, subject, quoted
        """

    /// A row of `storedFeedbackColumns`, read by position: by name, GRDB lower-cased and compared every column name for
    /// every value (40 % of `voc export records`, perf).
    static func storedFeedback(_ row: Row) -> StoredFeedback {
        StoredFeedback(
            key: row[0], channel: row[1],
            position: SourcePosition(file: row[2], line: row[3], record: row[4]),
            responseID: row[5], accountID: row[6], accountName: row[7], respondentEmail: row[8],
            submittedAt: (row[9] as Double?).map(Date.init(timeIntervalSince1970:)),
            nps: (row[10] as Int?).flatMap { ScoreAnswer(stateCode: $0, value: row[11]) },
            csat: (row[12] as Int?).flatMap { ScoreAnswer(stateCode: $0, value: row[13]) },
            ces: (row[14] as Int?).flatMap { ScoreAnswer(stateCode: $0, value: row[15]) },
            comment: row[16], language: row[17],
            sentiment: (row[18] as Double?).map { compound in
                SentimentSummary(compound: compound, label: row[19] ?? "", churn: row[20] ?? false, effort: row[21] ?? false, topics: [])
            },
            subject: row[22], quoted: row[23])
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

    public func accountNames() throws(VocError) -> [String: String] {
        try read { db in
            var names: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: StoreSQL.accountNames)
            while let row = try rows.next() { names[row[0]] = row[1] }
            return names
        }
    }

    public func latestResponse() throws(VocError) -> Date? {
        try read { db in try Double.fetchOne(db, sql: "SELECT MAX(submitted_at) FROM feedback").map(Date.init(timeIntervalSince1970:)) }
    }
}

/// A GRDB row read as shared-SQL columns.
private struct SQLiteTallyRow: TallyRow {
    let row: Row
    func int(_ name: String) -> Int { row[name] ?? 0 }
    func double(_ name: String) -> Double? { row[name] }
    func text(_ name: String) -> String? { row[name] }
}
