public import Foundation
import GRDB
public import VocCore

extension SQLiteStore {
    public func signals(accountID: String?, domains: [String]) throws(VocError) -> [FeedbackSignal] {
        try read { db in
            let rows = try Row.fetchCursor(db, sql: "SELECT \(FeedbackSignal.columns.names()) FROM feedback WHERE \(Self.accountCondition((accountID, domains)))",
                                           arguments: StatementArguments(Self.accountArguments((accountID, domains)))!)
            var signals: [FeedbackSignal] = []
            while let row = try rows.next() { signals.append(try FeedbackSignal(reading: SQLiteRowReader(row: row, positions: FeedbackSignal.columns))) }
            return signals
        }
    }

    public func feedback(accountID: String?, domains: [String], limit: Int) throws(VocError) -> [StoredFeedback] {
        try read { db in
            try Self.storedFeedback(db, sql: """
                SELECT \(StoredFeedback.columns.names()) FROM feedback WHERE \(Self.accountCondition((accountID, domains)))
                ORDER BY submitted_at IS NULL, submitted_at DESC, source_file, source_line LIMIT ?
                """, arguments: StatementArguments(Self.accountArguments((accountID, domains)) + [min(limit, Int(Int64.max))])!)
        }
    }

    /// `StoreSQL.accountCondition` for one account, and its arguments.
    private static func accountCondition(_ account: (id: String?, domains: [String])) -> String {
        StoreSQL.accountCondition(.sqlite, hasKey: account.id != nil, domainCount: account.domains.count)
    }

    private static func accountArguments(_ account: (id: String?, domains: [String])) -> [any DatabaseValueConvertible] {
        (account.id.map { [$0] } ?? []) + account.domains
    }

    public func questionTallies() throws(VocError) -> [QuestionTally] {
        try read { db in
            QuestionTally.ordered(try Row.fetchAll(db, sql: StoreSQL.questionTallies).map { row in
                QuestionTally(question: row[0], firstOrdinal: row[1], answers: row[2], scored: row[3], sentimentUnits: row[4],
                              sentimentSquareUnits: row[5], negative: row[6], positive: row[7])
            })
        }
    }

    public func openAnswers(accountID: String?, domains: [String]) throws(VocError) -> [StoredOpenAnswer] {
        let sql = StoreSQL.openAnswers(condition: Self.accountCondition((accountID, domains)), .sqlite)
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(Self.accountArguments((accountID, domains)))!).map { row in
                StoredOpenAnswer(accountID: row[0], respondentEmail: row[1], question: row[2], ordinal: row[3], sentiment: row[4],
                             label: (row[5] as String?).flatMap(SentimentLabel.init(rawValue:)))
            }
        }
    }

    public func aspectTallies() throws(VocError) -> [AspectTally] {
        try read { db in
            AspectTally.ordered(try Row.fetchAll(db, sql: StoreSQL.aspectTallies).map { row in
                AspectTally(question: row[0], aspect: row[1], kind: row[2], firstOrdinal: row[3], answered: row[4], favourable: row[5],
                            unitUnits: row[6], unitSquareUnits: row[7], notApplicable: row[8], lowestScale: row[9], highestScale: row[10])
            })
        }
    }

    public func aspectRatings(accountID: String?, domains: [String]) throws(VocError) -> [StoredAspectRating] {
        let sql = StoreSQL.aspectRatings(condition: Self.accountCondition((accountID, domains)), .sqlite)
        return try read { db in
            try Row.fetchAll(db, sql: sql, arguments: StatementArguments(Self.accountArguments((accountID, domains)))!).compactMap { row in
                StoredAspectRating(accountID: row[0], respondentEmail: row[1], question: row[2], aspect: row[3], kind: row[4], ordinal: row[5],
                                   state: row[6], rating: row[7], scale: row[8])
            }
        }
    }

    public func topics(keys: [String]) throws(VocError) -> [String: [String]] {
        try read { db in
            var topics: [String: [String]] = [:]
            for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
                let sql = "SELECT f.key, t.topic FROM feedback_topic t JOIN feedback f ON f.id = t.feedback_id WHERE f.key IN (\(chunk.map { _ in "?" }.joined(separator: ","))) ORDER BY t.topic"
                for row in try Row.fetchAll(db, sql: sql, arguments: StatementArguments(chunk)) { topics[row[0], default: []].append(row[1]) }
            }
            return topics
        }
    }

    public func feedback(keys: [String]) throws(VocError) -> [StoredFeedback] {
        guard !keys.isEmpty else { return [] }
        return try read { db in
            var found: [String: StoredFeedback] = [:]
            for chunk in stride(from: 0, to: keys.count, by: 500).map({ Array(keys[$0..<min($0 + 500, keys.count)]) }) {
                let sql = "SELECT \(StoredFeedback.columns.names()) FROM feedback WHERE key IN (\(chunk.map { _ in "?" }.joined(separator: ",")))"
                for record in try Self.storedFeedback(db, sql: sql, arguments: StatementArguments(chunk)) { found[record.key] = record }
            }
            return keys.compactMap { found[$0] }
        }
    }

    public func feedback(after key: String?, limit: Int) throws(VocError) -> [StoredFeedback] {
        try read { db in
            try Self.storedFeedback(db, sql: "SELECT \(StoredFeedback.columns.names()) FROM feedback WHERE key > ? ORDER BY key LIMIT ?",
                                    arguments: [key ?? "", limit])
        }
    }

    /// The stored records a select of `StoredFeedback.columns` finds.
    private static func storedFeedback(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredFeedback] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            try StoredFeedback(reading: SQLiteRowReader(row: row, positions: StoredFeedback.columns))
        }
    }

    public func forEachMailMessage(_ body: (MailEnvelope) -> Void) throws(VocError) {
        try read { db in
            let customers = try Row.fetchCursor(db, sql: StoreSQL.customerMessages)
            while let row = try customers.next() { body(try MailEnvelope(customerReading: SQLiteRowReader(row: row, positions: MailEnvelope.feedbackColumns))) }
            let team = try Row.fetchCursor(db, sql: StoreSQL.teamMessages)
            while let row = try team.next() { body(try MailEnvelope(reading: SQLiteRowReader(row: row, positions: MailEnvelope.columns))) }
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
            let rows = try Row.fetchAll(db, sql: "SELECT \(QuarantineEntry.columns.names()) FROM quarantine \(filter) ORDER BY source_file, line, record",
                                        arguments: StatementArguments(arguments))
            return try rows.map { row in try QuarantineEntry(reading: SQLiteRowReader(row: row, positions: QuarantineEntry.columns)) }
        }
    }

    public func totals() throws(VocError) -> (feedback: Int, quarantined: Int) {
        try read { db in
            (try Int.fetchOne(db, sql: "SELECT (SELECT COALESCE(SUM(responses), 0) FROM feedback_rollup) + (SELECT COALESCE(SUM(responses), 0) FROM feedback_rollup_delta)") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine") ?? 0)
        }
    }

    public func latestResponse() throws(VocError) -> Date? {
        try read { db in try Double.fetchOne(db, sql: "SELECT MAX(last_at) FROM (SELECT last_at FROM feedback_rollup UNION ALL SELECT last_at FROM feedback_rollup_delta)").map(Date.init(timeIntervalSince1970:)) }
    }
}
