public import Foundation
import NIOCore
import PostgresNIO
public import VocCore
public import VocStore

extension PostgresStore {
    /// The respondent's lower-cased e-mail domain (NULL without an address), as `SQLiteStore.domainSQL`.
    static let domainSQL = "CASE WHEN strpos(respondent_email, '@') > 0 THEN lower(substr(respondent_email, strpos(respondent_email, '@') + 1)) END"

    public func partialTallies() throws(VocError) -> [PartialTally] {
        try partialTallies(of: nil)
    }

    public func partialTallies(accountID: String?, domains: [String]) throws(VocError) -> [PartialTally] {
        try partialTallies(of: (accountID, domains))
    }

    /// Every group (`account` nil) or those that can belong to one account.
    private func partialTallies(of account: (id: String?, domains: [String])?) throws(VocError) -> [PartialTally] {
        let binds = account.map(Self.accountBindings) ?? PostgresBindings()
        let topicSQL = StoreSQL.partialTopics(domain: Self.domainSQL, join: "f.key = t.feedback_key", condition: account.map { Self.accountCondition($0, table: "f") })
        let sql = StoreSQL.partialTallies(domain: Self.domainSQL) + (account.map { " WHERE " + Self.accountCondition($0) } ?? "")
            + " GROUP BY account_id, \(Self.domainSQL)"
        return try run { connection, logger in
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

    public func feedback(accountID: String?, domains: [String], limit: Int) throws(VocError) -> [StoredFeedback] {
        var binds = Self.accountBindings((accountID, domains))
        binds.append(min(limit, Int(Int64.max)))
        let sql = """
            SELECT * FROM feedback WHERE \(Self.accountCondition((accountID, domains)))
            ORDER BY submitted_at IS NULL, submitted_at DESC, source_file, source_line LIMIT $\(binds.count)
            """
        return try fetchFeedback(PostgresQuery(unsafeSQL: sql, binds: binds))
    }

    /// `StoreSQL.accountCondition` for one account, and its bindings.
    private static func accountCondition(_ account: (id: String?, domains: [String]), table: String? = nil) -> String {
        StoreSQL.accountCondition(hasKey: account.id != nil, domainCount: account.domains.count, domain: domainSQL, table: table) { "$\($0)" }
    }

    private static func accountBindings(_ account: (id: String?, domains: [String])) -> PostgresBindings {
        var binds = PostgresBindings()
        if let id = account.id { binds.append(id) }
        for domain in account.domains { binds.append(domain) }
        return binds
    }

    public func feedback(keys: [String]) throws(VocError) -> [StoredFeedback] {
        guard !keys.isEmpty else { return [] }
        var found: [String: StoredFeedback] = [:]
        for start in stride(from: 0, to: keys.count, by: Self.batchRows) {
            var binds = PostgresBindings()
            let placeholders = keys[start..<min(start + Self.batchRows, keys.count)].map { key in binds.append(key); return "$\(binds.count)" }
            for record in try fetchFeedback(PostgresQuery(unsafeSQL: "SELECT * FROM feedback WHERE key IN (\(placeholders.joined(separator: ", ")))", binds: binds)) {
                found[record.key] = record
            }
        }
        return keys.compactMap { found[$0] }
    }

    public func feedback(after key: String?, limit: Int) throws(VocError) -> [StoredFeedback] {
        var binds = PostgresBindings()
        binds.append(key ?? "")
        binds.append(limit)
        return try fetchFeedback(PostgresQuery(unsafeSQL: "SELECT * FROM feedback WHERE key COLLATE \"C\" > $1 ORDER BY key COLLATE \"C\" LIMIT $2", binds: binds))
    }

    private func fetchFeedback(_ query: PostgresQuery) throws(VocError) -> [StoredFeedback] {
        try run { connection, logger in
            var records: [StoredFeedback] = []
            for try await row in try await connection.query(query, logger: logger) {
                let c = row.makeRandomAccess()
                func answer(_ metric: String) throws -> ScoreAnswer? {
                    try c["\(metric)_state"].decode(Int?.self).flatMap { ScoreAnswer(stateCode: $0, value: try c[metric].decode(Int?.self)) }
                }
                let sentiment = try c["sentiment"].decode(Double?.self).map { compound in
                    SentimentSummary(compound: compound, label: try c["sentiment_label"].decode(String?.self) ?? "",
                                     churn: try c["churn"].decode(Int?.self) == 1, effort: try c["effort"].decode(Int?.self) == 1, topics: [])
                }
                records.append(StoredFeedback(
                    key: try c["key"].decode(String.self), channel: try c["channel"].decode(String.self),
                    position: SourcePosition(file: try c["source_file"].decode(String.self), line: try c["source_line"].decode(Int?.self),
                                             record: try c["source_record"].decode(Int?.self)),
                    responseID: try c["response_id"].decode(String?.self), accountID: try c["account_id"].decode(String?.self),
                    accountName: try c["account_name"].decode(String?.self), respondentEmail: try c["respondent_email"].decode(String?.self),
                    submittedAt: try c["submitted_at"].decode(Double?.self).map(Date.init(timeIntervalSince1970:)),
                    nps: try answer("nps"), csat: try answer("csat"), ces: try answer("ces"),
                    comment: try c["comment"].decode(String?.self), language: try c["language"].decode(String?.self), sentiment: sentiment,
                    subject: try c["subject"].decode(String?.self), quoted: try c["quoted"].decode(String?.self)))
            }
            return records
        }
    }

    /// In key order, 10,000 records per query. Records are never changed or deleted, so a record committed while
    /// the pages are read is either counted once or not at all.
    public func forEachSignal(through: Date?, _ body: (FeedbackSignal) -> Void) throws(VocError) {
        try forEachSignal(through: through, pageSize: 10_000, body)
    }

    func forEachSignal(through: Date?, pageSize: Int, _ body: (FeedbackSignal) -> Void) throws(VocError) {
        let limit = through?.timeIntervalSince1970 ?? Double.greatestFiniteMagnitude
        var after = ""
        while true {
            let page = try run { [after] connection, logger in
                let rows = try await connection.query("""
                    SELECT key, account_id, respondent_email, submitted_at,
                        CASE WHEN nps_state = 1 THEN nps END, CASE WHEN csat_state = 1 THEN csat_good END,
                        CASE WHEN ces_state = 1 THEN ces_good END, sentiment, churn, effort, language
                    FROM feedback WHERE key COLLATE "C" > \(after) AND (submitted_at IS NULL OR submitted_at <= \(limit))
                    ORDER BY key COLLATE "C" LIMIT \(pageSize)
                    """, logger: logger)
                var signals: [FeedbackSignal] = []
                for try await (key, account, email, submitted, nps, csat, ces, sentiment, churn, effort, language)
                    in rows.decode((String, String?, String?, Double?, Int?, Int?, Int?, Double?, Int?, Int?, String?).self) {
                    signals.append(FeedbackSignal(key: key, accountID: account, respondentEmail: email,
                                                  submittedAt: submitted.map(Date.init(timeIntervalSince1970:)), nps: nps,
                                                  csatFavourable: csat.map { $0 == 1 }, cesFavourable: ces.map { $0 == 1 },
                                                  sentiment: sentiment, churn: churn == 1, effort: effort == 1, language: language))
                }
                return signals
            }
            page.forEach(body)
            guard page.count == pageSize, let last = page.last else { return }
            after = last.key
        }
    }

    public func quarantine(file: String?, reason: QuarantineReason?) throws(VocError) -> [QuarantineEntry] {
        var binds = PostgresBindings()
        var conditions: [String] = []
        if let file { binds.append(file); conditions.append("source_file = $\(binds.count)") }
        if let reason { binds.append(reason.rawValue); conditions.append("reason = $\(binds.count)") }
        let filter = conditions.isEmpty ? "" : "WHERE " + conditions.joined(separator: " AND ")
        let query = PostgresQuery(unsafeSQL: """
            SELECT reason, source_file, line, byte, record, field, detail, raw, truncated, run_id FROM quarantine \(filter)
            ORDER BY source_file, line, record
            """, binds: binds)
        return try run { connection, logger in
            var entries: [QuarantineEntry] = []
            for try await (reason, file, line, byte, record, field, detail, raw, truncated, run)
                in try await connection.query(query, logger: logger).decode((String, String, Int?, Int?, Int?, String?, String, ByteBuffer, Bool, Int64).self) {
                entries.append(QuarantineEntry(
                    record: QuarantinedRecord(reason: QuarantineReason(rawValue: reason) ?? .raggedRow,
                                              position: SourcePosition(file: file, line: line, byte: byte, record: record, field: field),
                                              detail: detail, raw: Array(raw.readableBytesView), isTruncated: truncated),
                    runID: run))
            }
            return entries
        }
    }

    public func totals() throws(VocError) -> (feedback: Int, quarantined: Int) {
        try run { connection, logger in
            for try await counts in try await connection.query("SELECT (SELECT COUNT(*) FROM feedback), (SELECT COUNT(*) FROM quarantine)", logger: logger)
                .decode((Int, Int).self) {
                return counts
            }
            return (0, 0)
        }
    }

    public func accountNames() throws(VocError) -> [String: String] {
        try run { connection, logger in
            var names: [String: String] = [:]
            for try await (account, name) in try await connection.query(PostgresQuery(unsafeSQL: StoreSQL.accountNames), logger: logger)
                .decode((String, String).self) {
                names[account] = name
            }
            return names
        }
    }

    public func latestResponse() throws(VocError) -> Date? {
        try run { connection, logger in
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
