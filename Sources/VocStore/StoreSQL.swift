import Foundation
public import VocCore

/// SQL shared by the SQLite and PostgreSQL stores (written in the subset both accept), and the decoding of its rows.
public enum StoreSQL {
    /// The per-(account key, respondent domain) aggregate behind `FeedbackStore.partialTallies()`; the caller appends
    /// a condition and `groupTallies`.
    public static func partialTallies(_ dialect: SQLDialect) -> String {
        """
        SELECT account_id, \(dialect.domain("respondent_email")) AS domain, MAX(account_name) AS account_name, COUNT(*) AS responses,
            \(count("nps_state = 1 AND \(band(.promoter))")) AS promoters, \(count("nps_state = 1 AND \(band(.passive))")) AS passives,
            \(count("nps_state = 1 AND \(band(.detractor))")) AS detractors, \(count("nps_state = 2")) AS nps_blank, \(count("nps_state = 3")) AS nps_na,
            \(ratingColumns("csat")), \(ratingColumns("ces")),
            MIN(submitted_at) AS first_at, MAX(submitted_at) AS last_at, \(count("comment IS NOT NULL")) AS comments,
            COUNT(sentiment) AS scored, COALESCE(SUM(sentiment), 0) AS sentiment_sum, \(count("sentiment_label = 'neg'")) AS negative,
            \(count("churn = 1")) AS churn, \(count("effort = 1")) AS effort
        FROM feedback
        """
    }

    /// The GROUP BY that ends `partialTallies`.
    public static func groupTallies(_ dialect: SQLDialect) -> String { " GROUP BY account_id, \(dialect.domain("respondent_email"))" }

    /// Topic mentions per (account key, respondent domain, topic). `join` ties a topic row `t` to its record `f`
    /// (SQLite keys topics by the record's row id, PostgreSQL by its key); `condition` (on `f`) limits the records.
    public static func partialTopics(_ dialect: SQLDialect, join: String, condition: String? = nil) -> String {
        """
        SELECT f.account_id AS account_id, \(dialect.domain("f.respondent_email")) AS domain,
            t.topic AS topic, COUNT(*) AS mentions
        FROM feedback_topic t JOIN feedback f ON \(join)\(condition.map { " WHERE " + $0 } ?? "")
        GROUP BY f.account_id, 2, t.topic ORDER BY mentions DESC, topic
        """
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
    public static let accountNames = """
        SELECT account_id, MAX(account_name) FROM feedback
        WHERE account_id IS NOT NULL AND account_name IS NOT NULL AND account_name <> '' GROUP BY account_id
        """

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

    /// `nps BETWEEN 9 AND 10`: the band's scores, from `NPSBand`.
    private static func band(_ band: NPSBand) -> String { "nps BETWEEN \(band.scores.lowerBound) AND \(band.scores.upperBound)" }

    private static func count(_ condition: String) -> String { "SUM(CASE WHEN \(condition) THEN 1 ELSE 0 END)" }

    private static func ratingColumns(_ metric: String) -> String {
        """
        \(count("\(metric)_state = 1")) AS \(metric)_n, \(count("\(metric)_good = 1")) AS \(metric)_good,
        COALESCE(SUM(\(metric)_unit), 0) AS \(metric)_sum, COALESCE(SUM(\(metric)_unit * \(metric)_unit), 0) AS \(metric)_sq,
        \(count("\(metric)_state = 2")) AS \(metric)_blank, \(count("\(metric)_state = 3")) AS \(metric)_na,
        CASE WHEN COUNT(DISTINCT \(metric)_scale) = 1 THEN MIN(\(metric)_scale) END AS \(metric)_scale
        """
    }

    /// Builds a tally from one row of `partialTallies`, read through `column` (name → integer, real or text value).
    public static func tally(_ column: any TallyRow, topics: [(topic: String, count: Int)]) -> AccountTally {
        func rating(_ metric: String) -> RatingTally {
            RatingTally(answered: column.int("\(metric)_n"), favourable: column.int("\(metric)_good"),
                        unitSum: column.double("\(metric)_sum") ?? 0, unitSquareSum: column.double("\(metric)_sq") ?? 0,
                        blank: column.int("\(metric)_blank"), notApplicable: column.int("\(metric)_na"),
                        scale: ScaleCode.decode(column.text("\(metric)_scale")))
        }
        return AccountTally(
            accountID: column.text("account_id"), accountName: column.text("account_name"), responses: column.int("responses"),
            nps: NPSTally(promoters: column.int("promoters"), passives: column.int("passives"), detractors: column.int("detractors"),
                          blank: column.int("nps_blank"), notApplicable: column.int("nps_na")),
            csat: rating("csat"), ces: rating("ces"),
            firstResponse: column.double("first_at").map(Date.init(timeIntervalSince1970:)),
            lastResponse: column.double("last_at").map(Date.init(timeIntervalSince1970:)),
            comments: column.int("comments"), scoredComments: column.int("scored"), sentimentSum: column.double("sentiment_sum") ?? 0,
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
