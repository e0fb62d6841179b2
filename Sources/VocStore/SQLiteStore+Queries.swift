import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    /// One tally per account (unmatched feedback under a nil account), ordered by account id.
    public func accountTallies(account: String? = nil) throws(VocError) -> [AccountTally] {
        try read { db in
            let filter = account == nil ? "" : "WHERE account_id = ?"
            let rows = try Row.fetchAll(db, sql: """
                SELECT account_id, MAX(account_name) AS account_name, COUNT(*) AS responses,
                    SUM(nps_state = 1 AND nps >= 9) AS promoters, SUM(nps_state = 1 AND nps BETWEEN 7 AND 8) AS passives,
                    SUM(nps_state = 1 AND nps <= 6) AS detractors, SUM(nps_state = 2) AS nps_blank, SUM(nps_state = 3) AS nps_na,
                    \(Self.ratingColumns("csat")), \(Self.ratingColumns("ces")),
                    MIN(submitted_at) AS first_at, MAX(submitted_at) AS last_at, SUM(comment IS NOT NULL) AS comments,
                    COUNT(sentiment) AS scored, TOTAL(sentiment) AS sentiment_sum, SUM(sentiment_label = 'neg') AS negative,
                    SUM(churn) AS churn, SUM(effort) AS effort
                FROM feedback \(filter) GROUP BY account_id ORDER BY account_id IS NULL, account_id
                """, arguments: account.map { [$0] } ?? [])
            var topics: [String?: [(topic: String, count: Int)]] = [:]
            let topicFilter = account == nil ? "" : "WHERE account_id = ?"
            for row in try Row.fetchAll(db, sql: """
                SELECT account_id, topic, COUNT(*) AS mentions FROM feedback_topic \(topicFilter)
                GROUP BY account_id, topic ORDER BY mentions DESC, topic
                """, arguments: account.map { [$0] } ?? []) {
                topics[row["account_id"] as String?, default: []].append((row["topic"], row["mentions"]))
            }
            return rows.map { row in
                AccountTally(
                    accountID: row["account_id"], accountName: row["account_name"], responses: row["responses"],
                    nps: NPSTally(promoters: row["promoters"] ?? 0, passives: row["passives"] ?? 0, detractors: row["detractors"] ?? 0,
                                  blank: row["nps_blank"] ?? 0, notApplicable: row["nps_na"] ?? 0),
                    csat: Self.ratingTally(row, "csat"), ces: Self.ratingTally(row, "ces"),
                    firstResponse: (row["first_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    lastResponse: (row["last_at"] as Double?).map(Date.init(timeIntervalSince1970:)),
                    comments: row["comments"] ?? 0, scoredComments: row["scored"] ?? 0, sentimentSum: row["sentiment_sum"] ?? 0,
                    negativeComments: row["negative"] ?? 0, churnMentions: row["churn"] ?? 0, effortMentions: row["effort"] ?? 0,
                    topics: topics[row["account_id"] as String?] ?? [])
            }
        }
    }

    private static func ratingColumns(_ metric: String) -> String {
        """
        SUM(\(metric)_state = 1) AS \(metric)_n, SUM(\(metric)_good) AS \(metric)_good,
        SUM(\(metric)_unit) AS \(metric)_sum, SUM(\(metric)_unit * \(metric)_unit) AS \(metric)_sq,
        SUM(\(metric)_state = 2) AS \(metric)_blank, SUM(\(metric)_state = 3) AS \(metric)_na,
        CASE WHEN COUNT(DISTINCT \(metric)_scale) = 1 THEN MIN(\(metric)_scale) END AS \(metric)_scale
        """
    }

    private static func ratingTally(_ row: Row, _ metric: String) -> RatingTally {
        RatingTally(answered: row["\(metric)_n"] ?? 0, favourable: row["\(metric)_good"] ?? 0,
                    unitSum: row["\(metric)_sum"] ?? 0, unitSquareSum: row["\(metric)_sq"] ?? 0,
                    blank: row["\(metric)_blank"] ?? 0, notApplicable: row["\(metric)_na"] ?? 0,
                    scale: ScaleCode.decode(row["\(metric)_scale"]))
    }

    /// An account's records, newest first (undated last).
    public func feedback(account: String?, limit: Int) throws(VocError) -> [StoredFeedback] {
        try read { db in
            let condition = account == nil ? "account_id IS NULL" : "account_id = ?"
            let rows = try Row.fetchAll(db, sql: """
                SELECT * FROM feedback WHERE \(condition)
                ORDER BY submitted_at IS NULL, submitted_at DESC, source_file, source_line LIMIT ?
                """, arguments: StatementArguments((account.map { [$0] } ?? []) + [limit])!)
            return rows.map { row in
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
        }
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

    /// Number of stored feedback records and quarantined records.
    public func totals() throws(VocError) -> (feedback: Int, quarantined: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM feedback") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine") ?? 0)
        }
    }
}
