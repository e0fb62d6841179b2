public import Foundation
import NIOCore
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    public func forEachRollup(days: Bool, _ body: (RollupKey, GroupRollup) -> Void) async throws(VocError) {
        try await forEachRollup(days: days, pageSize: 5_000, body)
    }

    /// The deltas and the groups' rows in one read-only REPEATABLE READ transaction, so a fold committing meanwhile
    /// cannot make a group's newest sums count twice or not at all; the rows are kept as the server sent them (a
    /// group's days stay packed: about 15 MB for a million responses) and decoded one at a time afterwards. Groups
    /// are fetched in key order, `pageSize` per query.
    func forEachRollup(days: Bool, pageSize: Int, _ body: (RollupKey, GroupRollup) -> Void) async throws(VocError) {
        let columns = days ? GroupRollup.columns : GroupRollup.totalsColumns
        let (deltaRows, groupRows) = try await run { connection, logger in
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            do {
                var deltas: [PostgresRow] = []
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: "SELECT \(columns.names()) FROM feedback_rollup_delta"),
                                                                logger: logger) {
                    deltas.append(row)
                }
                var groups: [PostgresRow] = []
                var after: (String, String)?
                while true {
                    var binds = PostgresBindings()
                    // Keys start at ('', ''), a group without account and domain: the first page takes all from there.
                    var condition = ""
                    if let after {
                        binds.append(after.0)
                        binds.append(after.1)
                        condition = "WHERE (account_key, domain) > ($1, $2)"
                    }
                    binds.append(pageSize)
                    var page = 0
                    for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
                        SELECT \(columns.names()) FROM feedback_rollup \(condition) ORDER BY account_key, domain LIMIT $\(binds.count)
                        """, binds: binds), logger: logger) {
                        groups.append(row)
                        page += 1
                    }
                    guard page == pageSize, let last = groups.last else { break }
                    let reader = PostgresRowReader(last, positions: columns)
                    after = (try reader.text(.accountKey) ?? "", try reader.text(.domain) ?? "")
                }
                try await connection.query("COMMIT", logger: logger)
                return (deltas, groups)
            } catch {
                _ = try? await connection.query("ROLLBACK", logger: logger)
                throw error
            }
        }
        do {
            var pending: [RollupKey: GroupRollup] = [:]
            for row in deltaRows {
                let reader = PostgresRowReader(row, positions: columns)
                pending[try GroupRollup.key(reading: reader), default: GroupRollup()].merge(try GroupRollup(reading: reader, columns: columns))
            }
            for row in groupRows {
                let reader = PostgresRowReader(row, positions: columns)
                let key = try GroupRollup.key(reading: reader)
                var rollup = try GroupRollup(reading: reader, columns: columns)
                if let more = pending.removeValue(forKey: key) { rollup.merge(more) }
                body(key, rollup)
            }
            for (key, rollup) in pending { body(key, rollup) }
        } catch {
            throw VocError(.store, "cannot read the rollups", at: SourcePosition(file: location), cause: Self.describe(error))
        }
    }

    public func rollups(accountID: String?, domains: [String]) async throws(VocError) -> [(key: RollupKey, rollup: GroupRollup)] {
        let condition = StoreSQL.rollupCondition(.postgres, hasKey: accountID != nil, domainCount: domains.count)
        let binds = Self.accountBindings((accountID, domains))
        let columns = GroupRollup.totalsColumns
        var pending = try await deltas(columns: columns, condition: condition, binds: binds)
        var groups = try await run { connection, logger in
            try await Self.groups(connection, logger: logger, columns: columns,
                                  query: PostgresQuery(unsafeSQL: "SELECT \(columns.names()) FROM feedback_rollup WHERE \(condition)", binds: binds))
        }
        for index in groups.indices { if let more = pending.removeValue(forKey: groups[index].key) { groups[index].rollup.merge(more) } }
        return groups + pending.map { ($0.key, $0.value) }
    }

    /// The deltas `condition` selects (all when nil), merged per group.
    private func deltas(columns: ColumnPositions<RollupColumn>, condition: String?, binds: PostgresBindings) async throws(VocError) -> [RollupKey: GroupRollup] {
        let query = PostgresQuery(unsafeSQL: "SELECT \(columns.names()) FROM feedback_rollup_delta" + (condition.map { " WHERE " + $0 } ?? ""),
                                  binds: binds)
        return try await run { connection, logger in
            var pending: [RollupKey: GroupRollup] = [:]
            for (key, rollup) in try await Self.groups(connection, logger: logger, columns: columns, query: query) { pending[key, default: GroupRollup()].merge(rollup) }
            return pending
        }
    }

    private static func groups(_ connection: PostgresConnection, logger: Logger, columns: ColumnPositions<RollupColumn>,
                               query: PostgresQuery) async throws -> [(key: RollupKey, rollup: GroupRollup)] {
        var groups: [(key: RollupKey, rollup: GroupRollup)] = []
        for try await row in try await connection.query(query, logger: logger) {
            let reader = PostgresRowReader(row, positions: columns)
            groups.append((try GroupRollup.key(reading: reader), try GroupRollup(reading: reader, columns: columns)))
        }
        return groups
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
    private static func accountCondition(_ account: (id: String?, domains: [String])) -> String {
        StoreSQL.accountCondition(.postgres, hasKey: account.id != nil, domainCount: account.domains.count)
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
            for try await counts in try await connection.query("SELECT (SELECT COALESCE(SUM(responses), 0)::bigint FROM feedback_rollup) + (SELECT COALESCE(SUM(responses), 0)::bigint FROM feedback_rollup_delta), (SELECT COUNT(*) FROM quarantine)", logger: logger)
                .decode((Int, Int).self) {
                return counts
            }
            return (0, 0)
        }
    }

    public func latestResponse() async throws(VocError) -> Date? {
        try await run { connection, logger in
            for try await latest in try await connection.query("SELECT MAX(last_at) FROM (SELECT last_at FROM feedback_rollup UNION ALL SELECT last_at FROM feedback_rollup_delta) AS r", logger: logger).decode(Double?.self) {
                return latest.map(Date.init(timeIntervalSince1970:))
            }
            return nil
        }
    }
}
