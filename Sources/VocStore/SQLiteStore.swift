import Foundation
import GRDB
public import Logging
public import VocCore

/// The embedded store: one SQLite file (WAL mode), schema by named migrations, idempotent writes.
///
/// Records are keyed by their source id or content hash, so re-ingesting a file stores nothing new.
/// Writers batch many records per transaction; concurrent writers wait for each other (busy timeout).
public final class SQLiteStore: FeedbackStore {
    let queue: DatabaseQueue
    public let path: String
    public var location: String { path }

    /// Opens (creating and migrating if needed) the store at `path`.
    public init(path: String, logger: Logger = Logger(label: "voc.store")) throws(VocError) {
        self.path = path
        var configuration = Configuration()
        configuration.busyMode = .timeout(60)
        configuration.prepareDatabase { db in
            try db.execute(sql: "PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL")
        }
        do {
            queue = try DatabaseQueue(path: path, configuration: configuration)
            try Self.migrate(queue)
        } catch {
            throw VocError(.store, "cannot open the store", at: SourcePosition(file: path), cause: Self.describe(error))
        }
        try ensureAccountIndex()
        logger.debug("store opened", metadata: ["store.path": "\(path)"])
    }

    /// Applies the pending migrations. Two processes opening a new store at once can both see a migration as pending
    /// (GRDB reads the applied list before the migration's transaction); the loser's transaction fails and is rolled
    /// back ("duplicate column name"), so it tries again, and then finds the migration applied.
    private static func migrate(_ queue: DatabaseQueue) throws {
        for attempt in 1...5 {
            do {
                return try StoreSchema.migrator.migrate(queue)
            } catch where attempt < 5 {
                usleep(UInt32(attempt) * 100_000)
            }
        }
    }

    /// Runs `body` in a write transaction, mapping database errors to `VocError`.
    func write<T>(_ body: @escaping @Sendable (Database) throws -> T) throws(VocError) -> T {
        do {
            return try queue.write(body)
        } catch {
            throw VocError(.store, "write failed", at: SourcePosition(file: path), cause: Self.describe(error))
        }
    }

    func read<T>(_ body: (Database) throws -> T) throws(VocError) -> T {
        do {
            return try queue.read(body)
        } catch {
            throw VocError(.store, "read failed", at: SourcePosition(file: path), cause: Self.describe(error))
        }
    }

    /// Database errors carry SQL and arguments; keep only the message so customer text cannot leak.
    static func describe(_ error: any Error) -> VocError {
        if let error = error as? DatabaseError {
            return VocError(.store, "SQLite error \(error.resultCode.rawValue): \(error.message ?? "unknown")")
        }
        return VocError(.store, String(describing: error))
    }
}
