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

    /// Every group (`account` nil) or those that can belong to one account, summed from the rollups.
    private func partialTallies(of account: (id: String?, domains: [String])?) throws(VocError) -> [PartialTally] {
        try read { db in
            let arguments = account.map(Self.accountArguments) ?? []
            let condition = account.map { StoreSQL.rollupCondition(.sqlite, hasKey: $0.id != nil, domainCount: $0.domains.count) }
            var topics: [[String]: [(topic: String, count: Int)]] = [:]
            let labels = try Row.fetchCursor(db, sql: StoreSQL.rollupLabels(.sqlite, condition: condition),
                                             arguments: StatementArguments([RollupLabel.Kind.topic.rawValue] + arguments)!)
            while let row = try labels.next() { topics[[row[0], row[1]], default: []].append((row[2], row[3])) }
            return try Row.fetchAll(db, sql: StoreSQL.rollupTallies(.sqlite, condition: condition), arguments: StatementArguments(arguments)!).map { row in
                let domain: String = row["domain"]
                return PartialTally(domain: domain.isEmpty ? nil : domain,
                                    tally: StoreSQL.tally(SQLiteTallyRow(row: row), topics: topics[[row["account_key"], domain]] ?? []))
            }
        }
    }

    /// Hands every rollup cell of a day up to `through` (undated ones included; nil: every day) to `body`, inside
    /// one read transaction: a consistent snapshot even while an ingest writes.
    public func forEachRollup(through: Int?, _ body: (RollupKey, RollupCell) -> Void) throws(VocError) {
        try read { db in
            let cells = try Row.fetchCursor(db, sql: "SELECT \(RollupCell.columns.names()) FROM feedback_rollup WHERE day <= ?",
                                            arguments: [through ?? Int.max])
            while let row = try cells.next() {
                let reader = SQLiteRowReader(row: row, positions: RollupCell.columns)
                body(try RollupCell.key(reading: reader), try RollupCell(reading: reader))
            }
        }
    }

    public func labelCounts(_ kind: RollupLabel.Kind) throws(VocError) -> [RollupLabel: Int] {
        try read { db in
            var counts: [RollupLabel: Int] = [:]
            let rows = try Row.fetchCursor(db, sql: StoreSQL.rollupLabels(.sqlite, condition: nil), arguments: [kind.rawValue])
            while let row = try rows.next() {
                let key = RollupCell.storedKey(account: row[0], domain: row[1], day: nil)
                counts[RollupLabel(accountID: key.accountID, domain: key.domain, kind: kind, label: row[2]), default: 0] += row[3]
            }
            return counts
        }
    }

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
            (try Int.fetchOne(db, sql: "SELECT SUM(responses) FROM feedback_rollup") ?? 0,
             try Int.fetchOne(db, sql: "SELECT COUNT(*) FROM quarantine") ?? 0)
        }
    }

    public func accountNames() throws(VocError) -> [String: String] {
        try read { db in
            var names: [String: String] = [:]
            let rows = try Row.fetchCursor(db, sql: StoreSQL.accountNames(.sqlite))
            while let row = try rows.next() { names[row[0]] = row[1] }
            return names
        }
    }

    public func latestResponse() throws(VocError) -> Date? {
        try read { db in try Double.fetchOne(db, sql: "SELECT MAX(last_at) FROM feedback_rollup").map(Date.init(timeIntervalSince1970:)) }
    }
}

/// A GRDB row read as shared-SQL columns.
private struct SQLiteTallyRow: TallyRow {
    let row: Row
    func int(_ name: String) -> Int { row[name] ?? 0 }
    func double(_ name: String) -> Double? { row[name] }
    func text(_ name: String) -> String? { row[name] }
}
