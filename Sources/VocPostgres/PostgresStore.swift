import Foundation
public import Logging
import NIOCore
import PostgresNIO
public import VocCore
public import VocStore

/// The scale-out store: the same schema and commands as `SQLiteStore`, on a PostgreSQL server.
///
/// Several `voc ingest` processes may write at once: every insert is `ON CONFLICT DO NOTHING` on the same keys as
/// SQLite, and each batch is sorted by key so concurrent transactions take row locks in one order (no deadlocks).
/// Batches go out as multi-row statements (500 rows, 16,500 parameters), not one INSERT per row.
public final class PostgresStore: FeedbackStore {
    public let location: String
    private let connection: PostgresConnection
    private let logger: Logger

    static let batchRows = 500

    /// Whether a `--store` value names a PostgreSQL server rather than a SQLite file.
    public static func isPostgres(_ store: String) -> Bool { store.hasPrefix("postgres://") || store.hasPrefix("postgresql://") }

    /// Connects to `url` (`postgres://user:password@host:port/database`) and migrates the schema.
    public init(url: String, logger: Logger = Logger(label: "voc.postgres")) async throws(VocError) {
        let parsed = try PostgresURL(url)
        location = parsed.redacted
        self.logger = logger
        let configuration = PostgresConnection.Configuration(host: parsed.host, port: parsed.port, username: parsed.user,
                                                             password: parsed.password, database: parsed.database, tls: .disable)
        do {
            connection = try await PostgresConnection.connect(configuration: configuration, id: 1, logger: logger)
        } catch {
            throw VocError(.store, "cannot connect to PostgreSQL", at: SourcePosition(file: parsed.redacted), cause: Self.describe(error))
        }
        try await migrate()
    }

    deinit {
        // Closing waits for the server's goodbye; nothing here can wait, so the close runs on its own.
        let connection = connection
        Task { try? await connection.close() }
    }

    // MARK: - Running statements

    /// Runs `body` with the connection, mapping errors to `VocError`.
    func run<T: Sendable>(_ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws(VocError) -> T {
        do {
            return try await body(connection, logger)
        } catch let error as VocError {
            throw error
        } catch {
            throw VocError(.store, "PostgreSQL statement failed", at: SourcePosition(file: location), cause: Self.describe(error))
        }
    }

    /// Runs `body` in a transaction, retried (up to 5 times) when the server aborts it as a deadlock or serialization failure.
    func transaction<T: Sendable>(_ body: @Sendable (PostgresConnection, Logger) async throws -> T) async throws(VocError) -> T {
        try await run { connection, logger in
            var attempt = 0
            while true {
                attempt += 1
                try await connection.query("BEGIN", logger: logger)
                do {
                    let value = try await body(connection, logger)
                    try await connection.query("COMMIT", logger: logger)
                    return value
                } catch {
                    _ = try? await connection.query("ROLLBACK", logger: logger)
                    let state = (error as? PSQLError)?.serverInfo?[.sqlState]
                    guard attempt < 5, state == "40P01" || state == "40001" else { throw error }
                }
            }
        }
    }

    /// Server errors carry the statement and its arguments; keep the message and SQLSTATE so customer text cannot leak.
    static func describe(_ error: any Error) -> VocError {
        if let error = error as? PSQLError {
            if let info = error.serverInfo {
                return VocError(.store, "PostgreSQL \(info[.sqlState] ?? "?"): \(info[.message] ?? "unknown error")")
            }
            return VocError(.store, "PostgreSQL connection: \(error.code)")
        }
        return VocError(.store, String(describing: error))
    }

    private func migrate() async throws(VocError) {
        let location = location
        try await transaction { connection, logger in
            try await connection.query("SELECT pg_advisory_xact_lock(\(PostgresSchema.migrationLock))", logger: logger)
            try await connection.query("CREATE TABLE IF NOT EXISTS voc_migration (name TEXT PRIMARY KEY, applied_at TIMESTAMPTZ NOT NULL DEFAULT now())", logger: logger)
            var applied: Set<String> = []
            for try await name in try await connection.query("SELECT name FROM voc_migration", logger: logger).decode(String.self) {
                applied.insert(name)
            }
            for migration in PostgresSchema.migrations where !applied.contains(migration.name) {
                // The extended protocol takes one statement at a time (the DDL has no other semicolons).
                for statement in migration.sql.split(separator: ";") where !statement.allSatisfy(\.isWhitespace) {
                    try await connection.query(PostgresQuery(unsafeSQL: String(statement)), logger: logger)
                }
                try await connection.query("INSERT INTO voc_migration (name) VALUES (\(migration.name))", logger: logger)
            }
            // Built once every migration has run, in the same transaction: building reads the columns later ones add.
            if !PostgresSchema.rollupMigrations.isSubset(of: applied) {
                let missing = "SELECT EXISTS (SELECT 1 FROM feedback) AND NOT EXISTS (SELECT 1 FROM feedback_rollup) AND NOT EXISTS (SELECT 1 FROM feedback_rollup_delta)"
                var isMissing = false
                for try await value in try await connection.query(PostgresQuery(unsafeSQL: missing), logger: logger).decode(Bool.self) { isMissing = value }
                if isMissing { try await Self.buildRollups(connection, logger: logger, location: location) }
            }
        }
    }
}
