public import Foundation
import NIOCore
import PostgresNIO
public import VocCore
public import VocStore

extension PostgresStore {
    public func partialTallies() async throws(VocError) -> [PartialTally] {
        try await partialTallies(of: nil)
    }

    public func partialTallies(accountID: String?, domains: [String]) async throws(VocError) -> [PartialTally] {
        try await partialTallies(of: (accountID, domains))
    }

    /// Every group (`account` nil) or those that can belong to one account.
    private func partialTallies(of account: (id: String?, domains: [String])?) async throws(VocError) -> [PartialTally] {
        let binds = account.map(Self.accountBindings) ?? PostgresBindings()
        let topicSQL = StoreSQL.partialTopics(.postgres, join: "f.key = t.feedback_key", condition: account.map { Self.accountCondition($0, table: "f") })
        let sql = StoreSQL.partialTallies(.postgres) + (account.map { " WHERE " + Self.accountCondition($0) } ?? "") + StoreSQL.groupTallies(.postgres)
        return try await run { connection, logger in
            var topics: [[String?]: [(topic: String, count: Int)]] = [:]
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: topicSQL, binds: binds), logger: logger) {
                let columns = row.makeRandomAccess()
                let key: [String?] = [try columns["account_id"].decode(String?.self), try columns["domain"].decode(String?.self)]
                topics[key, default: []].append((try columns["topic"].decode(String.self), try columns["mentions"].decode(Int.self)))
            }
            var tallies: [PartialTally] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: sql, binds: binds), logger: logger) {
                let columns = PostgresTallyRow(row: row.makeRandomAccess())
                let domain = columns.text("domain")
                tallies.append(PartialTally(domain: domain, tally: StoreSQL.tally(columns, topics: topics[[columns.text("account_id"), domain]] ?? [])))
            }
            return tallies
        }
    }

    public func feedback(accountID: String?, domains: [String], limit: Int) async throws(VocError) -> [StoredFeedback] {
        var binds = Self.accountBindings((accountID, domains))
        binds.append(min(limit, Int(Int64.max)))
        let sql = """
            SELECT \(StoredFeedback.columns.names()) FROM feedback WHERE \(Self.accountCondition((accountID, domains)))
            ORDER BY submitted_at IS NULL, submitted_at DESC, source_file, source_line LIMIT $\(binds.count)
            """
        return try await fetchFeedback(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// `StoreSQL.accountCondition` for one account, and its bindings.
    private static func accountCondition(_ account: (id: String?, domains: [String]), table: String? = nil) -> String {
        StoreSQL.accountCondition(.postgres, hasKey: account.id != nil, domainCount: account.domains.count, table: table)
    }

    private static func accountBindings(_ account: (id: String?, domains: [String])) -> PostgresBindings {
        var binds = PostgresBindings()
        if let id = account.id { binds.append(id) }
        for domain in account.domains { binds.append(domain) }
        return binds
    }

    public func feedback(keys: [String]) async throws(VocError) -> [StoredFeedback] {
        guard !keys.isEmpty else { return [] }
        var found: [String: StoredFeedback] = [:]
        for start in stride(from: 0, to: keys.count, by: Self.batchRows) {
            var binds = PostgresBindings()
            let placeholders = keys[start..<min(start + Self.batchRows, keys.count)].map { key in binds.append(key); return "$\(binds.count)" }
            for record in try await fetchFeedback(PostgresQuery(unsafeSQL: "SELECT \(StoredFeedback.columns.names()) FROM feedback WHERE key IN (\(placeholders.joined(separator: ", ")))", binds: binds)) {
                found[record.key] = record
            }
        }
        return keys.compactMap { found[$0] }
    }

    public func feedback(after key: String?, limit: Int) async throws(VocError) -> [StoredFeedback] {
        var binds = PostgresBindings()
        binds.append(key ?? "")
        binds.append(limit)
        return try await fetchFeedback(PostgresQuery(unsafeSQL: "SELECT \(StoredFeedback.columns.names()) FROM feedback WHERE key COLLATE \"C\" > $1 ORDER BY key COLLATE \"C\" LIMIT $2", binds: binds))
    }

    /// The stored records a select of `StoredFeedback.columns` finds.
    private func fetchFeedback(_ query: PostgresQuery) async throws(VocError) -> [StoredFeedback] {
        try await run { connection, logger in
            var records: [StoredFeedback] = []
            for try await row in try await connection.query(query, logger: logger) {
                records.append(try StoredFeedback(reading: PostgresRowReader(row, positions: StoredFeedback.columns)))
            }
            return records
        }
    }

    /// In key order, 10,000 records per query. Records are never changed or deleted, so a record committed while
    /// the pages are read is either counted once or not at all.
    public func forEachSignal(through: Date?, _ body: (FeedbackSignal) -> Void) async throws(VocError) {
        try await forEachSignal(through: through, pageSize: 10_000, body)
    }

    func forEachSignal(through: Date?, pageSize: Int, _ body: (FeedbackSignal) -> Void) async throws(VocError) {
        let limit = through?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude
        var after = ""
        while true {
            let page = try await run { [after] connection, logger in
                var binds = PostgresBindings()
                binds.append(after)
                binds.append(limit)
                binds.append(pageSize)
                let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                    SELECT \(FeedbackSignal.columns.names()) FROM feedback
                    WHERE key COLLATE "C" > $1 AND (submitted_at IS NULL OR submitted_at <= $2) ORDER BY key COLLATE "C" LIMIT $3
                    """, binds: binds), logger: logger)
                var signals: [FeedbackSignal] = []
                for try await row in rows {
                    signals.append(try FeedbackSignal(reading: PostgresRowReader(row, positions: FeedbackSignal.columns)))
                }
                return signals
            }
            page.forEach(body)
            guard page.count == pageSize, let last = page.last else { return }
            after = last.key
        }
    }

    public func quarantine(file: String?, reason: QuarantineReason?) async throws(VocError) -> [QuarantineEntry] {
        var binds = PostgresBindings()
        var conditions: [String] = []
        if let file { binds.append(file); conditions.append("source_file = $\(binds.count)") }
        if let reason { binds.append(reason.rawValue); conditions.append("reason = $\(binds.count)") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let query = PostgresQuery(unsafeSQL: """
            SELECT \(QuarantineEntry.columns.names()) FROM quarantine \(filter) ORDER BY source_file, line, record
            """, binds: binds)
        return try await run { connection, logger in
            var entries: [QuarantineEntry] = []
            for try await row in try await connection.query(query, logger: logger) {
                entries.append(try QuarantineEntry(reading: PostgresRowReader(row, positions: QuarantineEntry.columns)))
            }
            return entries
        }
    }

    public func totals() async throws(VocError) -> (feedback: Int, quarantined: Int) {
        try await run { connection, logger in
            for try await counts in try await connection.query("SELECT (SELECT COUNT(*) FROM feedback), (SELECT COUNT(*) FROM quarantine)", logger: logger)
                .decode((Int, Int).self) {
                return counts
            }
            return (0, 0)
        }
    }

    public func accountNames() async throws(VocError) -> [String: String] {
        try await run { connection, logger in
            var names: [String: String] = [:]
            for try await (account, name) in try await connection.query(PostgresQuery(unsafeSQL: StoreSQL.accountNames), logger: logger)
                .decode((String, String).self) {
                names[account] = name
            }
            return names
        }
    }

    public func latestResponse() async throws(VocError) -> Date? {
        try await run { connection, logger in
            for try await latest in try await connection.query("SELECT MAX(submitted_at) FROM feedback", logger: logger).decode(Double?.self) {
                return latest.map(Date.init(timeIntervalSince1970:))
            }
            return nil
        }
    }
}

/// A PostgreSQL row read as shared-SQL columns.
private struct PostgresTallyRow: TallyRow {
    let row: PostgresRandomAccessRow
    func int(_ name: String) -> Int { (try? row[name].decode(Int?.self)) ?? 0 }
    func double(_ name: String) -> Double? { try? row[name].decode(Double?.self) }
    func text(_ name: String) -> String? { try? row[name].decode(String?.self) }
}
