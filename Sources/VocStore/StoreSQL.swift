import Foundation
public import VocCore

/// SQL shared by the SQLite and PostgreSQL stores (written in the subset both accept), and the decoding of its rows.
public enum StoreSQL {
    /// Adds `rows` cells (bound in `RollupColumn` order, row after row) to the rollup table: a new key is inserted, an
    /// existing one has its counts summed and its extremes kept.
    public static func rollupUpsert(_ dialect: SQLDialect, rows: Int) -> String {
        let table = "feedback_rollup"
        let updates = RollupColumn.allCases.compactMap { column -> String? in
            let old = "\(table).\(column.name)", new = "excluded.\(column.name)"
            let collate = column.type == .text ? dialect.bytewise : ""
            switch column.merge {
            case .key: return nil
            case .sum: return "\(column.name) = \(old) + \(new)"
            case .least: return "\(column.name) = COALESCE(\(dialect.least)(\(old)\(collate), \(new)\(collate)), \(old), \(new))"
            case .greatest: return "\(column.name) = COALESCE(\(dialect.greatest)(\(old)\(collate), \(new)\(collate)), \(old), \(new))"
            }
        }
        return insert(into: table, RollupColumn.self, rows: rows, dialect: dialect)
            + " ON CONFLICT (account_key, domain, day) DO UPDATE SET " + updates.joined(separator: ", ")
    }

    /// Adds `rows` label counts (bound in `RollupLabelColumn` order) to the label table.
    public static func rollupLabelUpsert(_ dialect: SQLDialect, rows: Int) -> String {
        insert(into: "feedback_rollup_label", RollupLabelColumn.self, rows: rows, dialect: dialect)
            + " ON CONFLICT (account_key, domain, kind, label) DO UPDATE SET records = feedback_rollup_label.records + excluded.records"
    }

    /// `INSERT INTO table (every column) VALUES (…), …` for `rows` rows.
    private static func insert<Column: StoreColumn>(into table: String, _ columns: Column.Type, rows: Int, dialect: SQLDialect) -> String {
        var parameter = 0
        let row = { "(" + Column.allCases.map { _ in parameter += 1; return dialect.placeholder(parameter) }.joined(separator: ", ") + ")" }
        return "INSERT INTO \(table) (\(Column.names())) VALUES " + (0..<rows).map { _ in row() }.joined(separator: ", ")
    }

    /// The per-(account key, respondent domain) tallies behind `FeedbackStore.partialTallies()`, summed from the
    /// rollup cells that `condition` (from `rollupCondition`, or nil for all) selects.
    public static func rollupTallies(_ dialect: SQLDialect, condition: String?) -> String {
        let sum = { (column: String) in "CAST(SUM(\(column)) AS BIGINT) AS \(column)" }
        let rating = { (metric: String) in
            ["n", "good", "sum", "sq", "blank", "na"].map { sum("\(metric)_\($0)") }.joined(separator: ", ")
                + ", CASE WHEN MIN(\(metric)_scale_low\(dialect.bytewise)) = MAX(\(metric)_scale_high\(dialect.bytewise)) "
                + "THEN MIN(\(metric)_scale_low\(dialect.bytewise)) END AS \(metric)_scale"
        }
        return """
            SELECT account_key, domain, MAX(account_name\(dialect.bytewise)) AS account_name,
                \(["responses", "promoters", "passives", "detractors", "nps_blank", "nps_na"].map(sum).joined(separator: ", ")),
                \(rating("csat")), \(rating("ces")), MIN(first_at) AS first_at, MAX(last_at) AS last_at,
                \(["comments", "scored", "sentiment_sum", "negative", "churn", "effort"].map(sum).joined(separator: ", "))
            FROM feedback_rollup\(condition.map { " WHERE " + $0 } ?? "") GROUP BY account_key, domain
            """
    }

    /// The topic or language counts per (account key, domain) of the label rows `condition` selects; its first
    /// argument is the kind.
    public static func rollupLabels(_ dialect: SQLDialect, condition: String?) -> String {
        """
        SELECT account_key, domain, label, records FROM feedback_rollup_label WHERE kind = \(dialect.placeholder(1))\(condition.map { " AND " + $0 } ?? "")
        ORDER BY records DESC, label\(dialect.bytewise)
        """
    }

    /// The rollup rows (cells or labels) of one account: stored under its key (with none: '') or from a respondent at
    /// one of `domainCount` domains. Its arguments start at placeholder `first`: the key (when there is one), then
    /// the domains.
    public static func rollupCondition(_ dialect: SQLDialect, hasKey: Bool, domainCount: Int, first: Int = 1) -> String {
        var condition = hasKey ? "account_key = \(dialect.placeholder(first))" : "account_key = ''"
        if domainCount > 0 {
            let start = hasKey ? first + 1 : first
            condition += " OR domain IN (" + (start..<(start + domainCount)).map(dialect.placeholder).joined(separator: ", ") + ")"
        }
        return "(\(condition))"
    }

    /// The records that may belong to one account: stored under its key (with none: `account_id IS NULL`) or from
    /// a respondent at one of `domainCount` domains. Its arguments are the key (when there is one), then the domains;
    /// `table` qualifies the columns (`f`).
    public static func accountCondition(_ dialect: SQLDialect, hasKey: Bool, domainCount: Int, table: String? = nil) -> String {
        let column = { (name: String) in table.map { "\($0).\(name)" } ?? name }
        var condition = hasKey ? "\(column("account_id")) = \(dialect.placeholder(1))" : "\(column("account_id")) IS NULL"
        if domainCount > 0 {
            let first = hasKey ? 2 : 1
            condition += " OR \(dialect.domain(column("respondent_email"))) IN ("
                + (first..<(first + domainCount)).map(dialect.placeholder).joined(separator: ", ") + ")"
        }
        return "(\(condition))"
    }

    /// Each stored account key with the name its records give (the same choice as the tallies: the greatest).
    public static func accountNames(_ dialect: SQLDialect) -> String {
        """
        SELECT account_key, MAX(account_name\(dialect.bytewise)) FROM feedback_rollup
        WHERE account_key <> '' AND account_name IS NOT NULL AND account_name <> '' GROUP BY account_key
        """
    }

    /// The latest runs with what each stored: id, command, started_at, finished_at, status, records, quarantined;
    /// `limit` is the placeholder of how many.
    public static func ingestRuns(limit: String) -> String {
        """
        SELECT r.id, r.command, r.started_at, r.finished_at, r.status,
            (SELECT COUNT(*) FROM feedback f WHERE f.run_id = r.id),
            (SELECT COUNT(*) FROM quarantine q WHERE q.run_id = r.id)
        FROM ingest_run r ORDER BY r.id DESC LIMIT \(limit)
        """
    }

    /// The file rows of the runs whose ids are the placeholders `runs`: run_id, path, format, detail, read, accepted,
    /// quarantined, skipped, already_stored, error.
    public static func ingestFiles(runs: [String]) -> String {
        """
        SELECT run_id, path, format, detail, read, accepted, quarantined, skipped, already_stored, error
        FROM ingest_file WHERE run_id IN (\(runs.joined(separator: ", "))) ORDER BY id
        """
    }

    /// Builds a tally from one row of `rollupTallies`, read through `column` (name → integer, real or text value).
    public static func tally(_ column: any TallyRow, topics: [(topic: String, count: Int)]) -> AccountTally {
        func rating(_ metric: String) -> RatingTally {
            RatingTally(answered: column.int("\(metric)_n"), favourable: column.int("\(metric)_good"),
                        unitSum: RollupUnits.value(column.int("\(metric)_sum")), unitSquareSum: RollupUnits.value(column.int("\(metric)_sq")),
                        blank: column.int("\(metric)_blank"), notApplicable: column.int("\(metric)_na"),
                        scale: ScaleCode.decode(column.text("\(metric)_scale")))
        }
        let account = column.text("account_key") ?? ""
        return AccountTally(
            accountID: account.isEmpty ? nil : account, accountName: column.text("account_name"), responses: column.int("responses"),
            nps: NPSTally(promoters: column.int("promoters"), passives: column.int("passives"), detractors: column.int("detractors"),
                          blank: column.int("nps_blank"), notApplicable: column.int("nps_na")),
            csat: rating("csat"), ces: rating("ces"),
            firstResponse: column.double("first_at").map(Date.init(timeIntervalSince1970:)),
            lastResponse: column.double("last_at").map(Date.init(timeIntervalSince1970:)),
            comments: column.int("comments"), scoredComments: column.int("scored"), sentimentSum: RollupUnits.value(column.int("sentiment_sum")),
            negativeComments: column.int("negative"), churnMentions: column.int("churn"), effortMentions: column.int("effort"),
            topics: topics)
    }
}

/// Read access to a result row by column name, for decoding shared SQL from either database.
public protocol TallyRow {
    func int(_ name: String) -> Int
    func double(_ name: String) -> Double?
    func text(_ name: String) -> String?
}
