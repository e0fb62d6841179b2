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

    /// Every group (`account` nil) or those that can belong to one account, summed from the rollups.
    private func partialTallies(of account: (id: String?, domains: [String])?) async throws(VocError) -> [PartialTally] {
        let condition = account.map { StoreSQL.rollupCondition(.postgres, hasKey: $0.id != nil, domainCount: $0.domains.count, first: 2) }
        var labelBinds = PostgresBindings()
        labelBinds.append(RollupLabel.Kind.topic.rawValue)
        if let account { Self.appendAccount(account, to: &labelBinds) }
        let labelQuery = PostgresQuery(unsafeSQL: StoreSQL.rollupLabels(.postgres, condition: condition), binds: labelBinds)
        let tallyCondition = account.map { StoreSQL.rollupCondition(.postgres, hasKey: $0.id != nil, domainCount: $0.domains.count) }
        let tallyQuery = PostgresQuery(unsafeSQL: StoreSQL.rollupTallies(.postgres, condition: tallyCondition),
                                       binds: account.map(Self.accountBindings) ?? PostgresBindings())
        return try await run { connection, logger in
            var topics: [[String]: [(topic: String, count: Int)]] = [:]
            for try await (key, domain, topic, records) in try await connection.query(labelQuery, logger: logger).decode((String, String, String, Int).self) {
                topics[[key, domain], default: []].append((topic, records))
            }
            var tallies: [PartialTally] = []
            for try await row in try await connection.query(tallyQuery, logger: logger) {
                let columns = PostgresTallyRow(row: row.makeRandomAccess())
                let key = columns.text("account_key") ?? "", domain = columns.text("domain") ?? ""
                tallies.append(PartialTally(domain: domain.isEmpty ? nil : domain, tally: StoreSQL.tally(columns, topics: topics[[key, domain]] ?? [])))
            }
            return tallies
        }
    }

    /// In key order, 20,000 cells per query (`pageSize`). Each cell is read as last committed: a concurrent ingest's batch may be
    /// seen in some cells and not yet in others.
    public func forEachRollup(through: Int?, _ body: (RollupKey, RollupCell) -> Void) async throws(VocError) {
        try await forEachRollup(through: through, pageSize: 20_000, body)
    }

    func forEachRollup(through: Int?, pageSize: Int, _ body: (RollupKey, RollupCell) -> Void) async throws(VocError) {
        var after: (String, String, Int) = ("", "", Int.min)
        while true {
            let page = try await run { [after] connection, logger in
                var binds = PostgresBindings()
                binds.append(after.0)
                binds.append(after.1)
                binds.append(after.2)
                binds.append(through ?? Int.max)
                binds.append(pageSize)
                let rows = try await connection.query(PostgresQuery(unsafeSQL: """
                    SELECT \(RollupCell.columns.names()) FROM feedback_rollup
                    WHERE (account_key, domain, day) > ($1, $2, $3) AND day <= $4 ORDER BY account_key, domain, day LIMIT $5
                    """, binds: binds), logger: logger)
                var cells: [(stored: (String, String, Int), key: RollupKey, cell: RollupCell)] = []
                for try await row in rows {
                    let reader = PostgresRowReader(row, positions: RollupCell.columns)
                    let stored = (try reader.text(.accountKey) ?? "", try reader.text(.domain) ?? "", try reader.integer(.day) ?? 0)
                    cells.append((stored, try RollupCell.key(reading: reader), try RollupCell(reading: reader)))
                }
                return cells
            }
            for entry in page { body(entry.key, entry.cell) }
            guard page.count == pageSize, let last = page.last else { return }
            after = last.stored
        }
    }

    public func labelCounts(_ kind: RollupLabel.Kind) async throws(VocError) -> [RollupLabel: Int] {
        var binds = PostgresBindings()
        binds.append(kind.rawValue)
        let query = PostgresQuery(unsafeSQL: StoreSQL.rollupLabels(.postgres, condition: nil), binds: binds)
        return try await run { connection, logger in
            var counts: [RollupLabel: Int] = [:]
            for try await (account, domain, label, records) in try await connection.query(query, logger: logger).decode((String, String, String, Int).self) {
                let key = RollupCell.storedKey(account: account, domain: domain, day: nil)
                counts[RollupLabel(accountID: key.accountID, domain: key.domain, kind: kind, label: label), default: 0] += records
            }
            return counts
        }
    }

    public func signals(accountID: String?, domains: [String]) async throws(VocError) -> [FeedbackSignal] {
        let query = PostgresQuery(unsafeSQL: "SELECT \(FeedbackSignal.columns.names()) FROM feedback WHERE \(Self.accountCondition((accountID, domains)))",
                                  binds: Self.accountBindings((accountID, domains)))
        return try await run { connection, logger in
            var signals: [FeedbackSignal] = []
            for try await row in try await connection.query(query, logger: logger) {
                signals.append(try FeedbackSignal(reading: PostgresRowReader(row, positions: FeedbackSignal.columns)))
            }
            return signals
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
        appendAccount(account, to: &binds)
        return binds
    }

    private static func appendAccount(_ account: (id: String?, domains: [String]), to binds: inout PostgresBindings) {
        if let id = account.id { binds.append(id) }
        for domain in account.domains { binds.append(domain) }
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
            for try await counts in try await connection.query("SELECT (SELECT COALESCE(SUM(responses), 0)::bigint FROM feedback_rollup), (SELECT COUNT(*) FROM quarantine)", logger: logger)
                .decode((Int, Int).self) {
                return counts
            }
            return (0, 0)
        }
    }

    public func accountNames() async throws(VocError) -> [String: String] {
        try await run { connection, logger in
            var names: [String: String] = [:]
            for try await (account, name) in try await connection.query(PostgresQuery(unsafeSQL: StoreSQL.accountNames(.postgres)), logger: logger)
                .decode((String, String).self) {
                names[account] = name
            }
            return names
        }
    }

    public func latestResponse() async throws(VocError) -> Date? {
        try await run { connection, logger in
            for try await latest in try await connection.query("SELECT MAX(last_at) FROM feedback_rollup", logger: logger).decode(Double?.self) {
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
