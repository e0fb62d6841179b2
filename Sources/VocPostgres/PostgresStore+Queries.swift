public import Foundation
import NIOCore
import PostgresNIO
public import VocCore
import VocStore

extension PostgresStore {
    public func forEachRollup(days: Bool, _ body: (RollupKey, GroupRollup) -> Void) async throws(VocError) {
        try await forEachRollup(days: days, pageSize: 5_000, body)
    }

    /// Every group, in key order, `pageSize` per query (see `readRollups`).
    func forEachRollup(days: Bool, pageSize: Int, _ body: (RollupKey, GroupRollup) -> Void) async throws(VocError) {
        try await readRollups(columns: days ? GroupRollup.columns : GroupRollup.totalsColumns, condition: nil, binds: PostgresBindings(),
                              pageSize: pageSize, body)
    }

    public func rollups(accountID: String?, domains: [String]) async throws(VocError) -> [(key: RollupKey, rollup: GroupRollup)] {
        var groups: [(key: RollupKey, rollup: GroupRollup)] = []
        try await readRollups(columns: GroupRollup.totalsColumns,
                              condition: StoreSQL.rollupCondition(.postgres, hasKey: accountID != nil, domainCount: domains.count),
                              binds: Self.accountBindings((accountID, domains)), pageSize: 5_000) { groups.append(($0, $1)) }
        return groups
    }

    /// The groups `condition` selects (all when nil; its parameters are `binds`), each with its deltas merged in. The
    /// deltas and the groups' rows are read in one read-only REPEATABLE READ transaction, so a fold committing
    /// meanwhile cannot make a group's newest sums count twice or not at all; the rows are kept as the server sent
    /// them (a group's days stay packed: about 15 MB for a million responses) and decoded one at a time afterwards.
    /// Groups are fetched in key order, `pageSize` per query.
    private func readRollups(columns: ColumnPositions<RollupColumn>, condition: String?, binds: PostgresBindings, pageSize: Int,
                             _ body: (RollupKey, GroupRollup) -> Void) async throws(VocError) {
        let (deltaRows, groupRows) = try await run { connection, logger in
            try await connection.query("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY", logger: logger)
            do {
                var deltas: [PostgresRow] = []
                for try await row in try await connection.query(PostgresQuery(unsafeSQL: "SELECT \(columns.names()) FROM feedback_rollup_delta"
                                                                              + (condition.map { " WHERE " + $0 } ?? ""), binds: binds), logger: logger) {
                    deltas.append(row)
                }
                var groups: [PostgresRow] = []
                var after: (String, String)?
                while true {
                    var pageBinds = binds
                    var filters = condition.map { [$0] } ?? []
                    // Keys start at ('', ''), a group without account and domain: the first page takes all from there.
                    if let after {
                        pageBinds.append(after.0)
                        pageBinds.append(after.1)
                        filters.append("(account_key, domain) > ($\(pageBinds.count - 1), $\(pageBinds.count))")
                    }
                    pageBinds.append(pageSize)
                    var page = 0
                    for try await row in try await connection.query(PostgresQuery(unsafeSQL: """
                        SELECT \(columns.names()) FROM feedback_rollup\(filters.isEmpty ? "" : " WHERE " + filters.joined(separator: " AND "))
                        ORDER BY account_key, domain LIMIT $\(pageBinds.count)
                        """, binds: pageBinds), logger: logger) {
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

    public func questionTallies() async throws(VocError) -> [QuestionTally] {
        try await run { connection, logger in
            var tallies: [QuestionTally] = []
            let rows = try await connection.query(PostgresQuery(unsafeSQL: StoreSQL.questionTallies), logger: logger)
                .decode((String, Int, Int, Int, Int, Int, Int, Int).self)
            for try await (question, first, answers, scored, sum, squares, negative, positive) in rows {
                tallies.append(QuestionTally(question: question, firstOrdinal: first, answers: answers, scored: scored, sentimentUnits: sum,
                                             sentimentSquareUnits: squares, negative: negative, positive: positive))
            }
            return QuestionTally.ordered(tallies)
        }
    }

    public func openAnswers(accountID: String?, domains: [String]) async throws(VocError) -> [StoredOpenAnswer] {
        let sql = StoreSQL.openAnswers(condition: Self.accountCondition((accountID, domains)), .postgres)
        let query = PostgresQuery(unsafeSQL: sql, binds: Self.accountBindings((accountID, domains)))
        return try await run { connection, logger in
            var answers: [StoredOpenAnswer] = []
            let rows = try await connection.query(query, logger: logger).decode((String?, String?, String, Int, Double?, String?).self)
            for try await (account, email, question, ordinal, sentiment, label) in rows {
                answers.append(StoredOpenAnswer(accountID: account, respondentEmail: email, question: question, ordinal: ordinal, sentiment: sentiment,
                                            label: label.flatMap(SentimentLabel.init(rawValue:))))
            }
            return answers
        }
    }

    public func aspectTallies() async throws(VocError) -> [AspectTally] {
        try await run { connection, logger in
            var tallies: [AspectTally] = []
            let rows = try await connection.query(PostgresQuery(unsafeSQL: StoreSQL.aspectTallies), logger: logger)
                .decode((String, String, String, Int, Int, Int, Int, Int, Int, String?, String?).self)
            for try await (question, aspect, kind, first, answered, favourable, units, squares, notApplicable, lowest, highest) in rows {
                tallies.append(AspectTally(question: question, aspect: aspect, kind: kind, firstOrdinal: first, answered: answered, favourable: favourable,
                                           unitUnits: units, unitSquareUnits: squares, notApplicable: notApplicable, lowestScale: lowest,
                                           highestScale: highest))
            }
            return AspectTally.ordered(tallies)
        }
    }

    public func aspectRatings(accountID: String?, domains: [String]) async throws(VocError) -> [StoredAspectRating] {
        let query = PostgresQuery(unsafeSQL: StoreSQL.aspectRatings(condition: Self.accountCondition((accountID, domains)), .postgres),
                                  binds: Self.accountBindings((accountID, domains)))
        return try await run { connection, logger in
            var ratings: [StoredAspectRating] = []
            let rows = try await connection.query(query, logger: logger).decode((String?, String?, String, String, String, Int, Int, Int?, String?).self)
            for try await (account, email, question, aspect, kind, ordinal, state, rating, scale) in rows {
                if let stored = StoredAspectRating(accountID: account, respondentEmail: email, question: question, aspect: aspect, kind: kind,
                                                   ordinal: ordinal, state: state, rating: rating, scale: scale) {
                    ratings.append(stored)
                }
            }
            return ratings
        }
    }

    public func topics(keys: [String]) async throws(VocError) -> [String: [String]] {
        var topics: [String: [String]] = [:]
        for start in stride(from: 0, to: keys.count, by: Self.batchRows) {
            var binds = PostgresBindings()
            let placeholders = keys[start..<min(start + Self.batchRows, keys.count)].map { key in binds.append(key); return "$\(binds.count)" }
            let query = PostgresQuery(unsafeSQL: "SELECT feedback_key, topic FROM feedback_topic WHERE feedback_key IN (\(placeholders.joined(separator: ", "))) ORDER BY topic", binds: binds)
            let rows = try await run { connection, logger in
                var found: [(String, String)] = []
                for try await (key, topic) in try await connection.query(query, logger: logger).decode((String, String).self) { found.append((key, topic)) }
                return found
            }
            for (key, topic) in rows { topics[key, default: []].append(topic) }
        }
        return topics
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

    /// The rows are kept as the server sent them and decoded one at a time afterwards (as the rollups are).
    public func forEachMailMessage(_ body: (MailEnvelope) -> Void) async throws(VocError) {
        let (customers, team) = try await run { connection, logger in
            var customers: [PostgresRow] = [], team: [PostgresRow] = []
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: StoreSQL.customerMessages), logger: logger) { customers.append(row) }
            for try await row in try await connection.query(PostgresQuery(unsafeSQL: StoreSQL.teamMessages), logger: logger) { team.append(row) }
            return (customers, team)
        }
        do {
            for row in customers { body(try MailEnvelope(customerReading: PostgresRowReader(row, positions: MailEnvelope.feedbackColumns))) }
            for row in team { body(try MailEnvelope(reading: PostgresRowReader(row, positions: MailEnvelope.columns))) }
        } catch {
            throw VocError(.store, "cannot read the e-mail messages", at: SourcePosition(file: location), cause: Self.describe(error))
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
