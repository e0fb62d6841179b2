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
            let arguments = StatementArguments(account.map(Self.accountArguments) ?? [])!
            // Every group: NOT INDEXED, as walking the account index looks every row up at random (30 s on a 2 GB
            // store) where a table scan sorted once for the GROUP BY takes 10 s. One account's: by the index.
            let filter = account.map { " WHERE " + Self.accountCondition($0) } ?? " NOT INDEXED"
            let rows = try Row.fetchAll(db, sql: StoreSQL.partialTallies(.sqlite) + filter + StoreSQL.groupTallies(.sqlite), arguments: arguments)
            var topics: [[String?]: [(topic: String, count: Int)]] = [:]
            let topicSQL = StoreSQL.partialTopics(.sqlite, join: "f.id = t.feedback_id", condition: account.map { Self.accountCondition($0, table: "f") })
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
            try Self.storedFeedback(db, sql: """
                SELECT \(StoredFeedback.columns.names()) FROM feedback WHERE \(Self.accountCondition((accountID, domains)))
                ORDER BY submitted_at IS NULL, submitted_at DESC, source_file, source_line LIMIT ?
                """, arguments: StatementArguments(Self.accountArguments((accountID, domains)) + [min(limit, Int(Int64.max))])!)
        }
    }

    /// `StoreSQL.accountCondition` for one account, and its arguments.
    private static func accountCondition(_ account: (id: String?, domains: [String]), table: String? = nil) -> String {
        StoreSQL.accountCondition(.sqlite, hasKey: account.id != nil, domainCount: account.domains.count, table: table)
    }

    private static func accountArguments(_ account: (id: String?, domains: [String])) -> [any DatabaseValueConvertible] {
        (account.id.map { [$0] } ?? []) + account.domains
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

    /// In rowid order, inside one read transaction: a consistent snapshot even while an ingest writes.
    public func forEachSignal(through: Date?, _ body: (FeedbackSignal) -> Void) throws(VocError) {
        try read { db in
            let cursor = try Row.fetchCursor(db, sql: "SELECT \(FeedbackSignal.columns.names()) FROM feedback WHERE submitted_at IS NULL OR submitted_at <= ?",
                                             arguments: [through?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude])
            while let row = try cursor.next() {
                body(try FeedbackSignal(reading: SQLiteRowReader(row: row, positions: FeedbackSignal.columns)))
            }
        }
    }

    /// The stored records a select of `StoredFeedback.columns` finds.
    private static func storedFeedback(_ db: Database, sql: String, arguments: StatementArguments) throws -> [StoredFeedback] {
        try Row.fetchAll(db, sql: sql, arguments: arguments).map { row in
            try StoredFeedback(reading: SQLiteRowReader(row: row, positions: StoredFeedback.columns))
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
