import Foundation
import VocCore

/// SQL shared by the SQLite and PostgreSQL stores, written in the subset both accept.
public enum StoreSQL {
    /// The rollup rows of one account: stored under its key (with none: '') or from a respondent at one of
    /// `domainCount` domains. Its arguments are the key (when there is one), then the domains.
    public static func rollupCondition(_ dialect: SQLDialect, hasKey: Bool, domainCount: Int) -> String {
        var condition = hasKey ? "account_key = \(dialect.placeholder(1))" : "account_key = ''"
        if domainCount > 0 {
            let start = hasKey ? 2 : 1
            condition += " OR domain IN (" + (start..<(start + domainCount)).map(dialect.placeholder).joined(separator: ", ") + ")"
        }
        return "(\(condition))"
    }

    /// The records that may belong to one account: stored under its key (with none: `account_id IS NULL`) or from
    /// a respondent at one of `domainCount` domains. Its arguments are the key (when there is one), then the domains.
    public static func accountCondition(_ dialect: SQLDialect, hasKey: Bool, domainCount: Int) -> String {
        var condition = hasKey ? "account_id = \(dialect.placeholder(1))" : "account_id IS NULL"
        if domainCount > 0 {
            let first = hasKey ? 2 : 1
            condition += " OR \(dialect.domain("respondent_email")) IN ("
                + (first..<(first + domainCount)).map(dialect.placeholder).joined(separator: ", ") + ")"
        }
        return "(\(condition))"
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
}
